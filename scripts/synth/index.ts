// Synthetic KITAS/KITAP documents with ground truth. `generateSet` writes <id>.<ext>, <id>.truth.json
// and manifest.json into `out`; the CLI (cli.ts) is a thin wrapper around it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import type { Polygon } from '../../src/core/schema';
import { cardSpec } from './card';
import type { MarkKey } from './html';
import { makeIdentity } from './identity';
import { NEGATIVE_KINDS, negativeSpec } from './negatives';
import type { NegativeKind } from './negatives';
import { pageSpec } from './page';
import { decode, encodeJpeg, encodePng } from './raster';
import type { Pt } from './raster';
import { launchBrowser, renderHtmlPng, renderPdf, renderPng } from './render';
import type { Boxes, CssBox, CssWord, ExtraSheet } from './render';
import { Rng } from './rng';
import { deskHtml } from './scenes';
import { MM_TO_CSS } from './spec';
import type { DocSpec } from './spec';
import { mapQuads, photoTier, scanTier, webcamTier } from './tiers';
import type { Quads, TierImage } from './tiers';
import { buildExpected, negativeExpected, scaledPolygon, TIERS } from './truth';
import type { Tier, Truth } from './truth';

export type { Tier, Truth } from './truth';
export { TIERS } from './truth';

export type LayoutChoice = 'page' | 'card' | 'both';

export interface PlanItem {
  layout: 'page' | 'card' | 'negative';
  tier: Tier;
  count: number;
  /** For the pdf tier: force a text-layer PDF or an image-only one (default: 70/30 mix). */
  pdf?: 'text' | 'image';
}

export interface GenerateOptions {
  out: string;
  /** Number of permit documents (each rendered in every requested tier, or one tier each with tierMode 'cycle'). */
  n?: number;
  layout?: LayoutChoice;
  tiers?: readonly Tier[];
  tierMode?: 'all' | 'cycle';
  negatives?: number;
  seed?: number | string;
  /** Explicit counts per layout and tier; overrides n/layout/tiers/negatives. */
  plan?: readonly PlanItem[];
  /** Width of straight page PNGs: 'mixed' picks 900 or 1240 per document. */
  pageWidth?: number | 'mixed';
  log?: (msg: string) => void;
  browser?: Browser;
  /** Also write `<id>.words.json`: every printed word's text and corners in the image (digital and warped image tiers). */
  words?: boolean;
}

/** A printed word where it lies in the generated image (corners clockwise from the word's top-left). */
export interface WordTruth {
  text: string;
  /** White space before it in the document's text (true), or it starts a text run (null). */
  space: boolean | null;
  spaceAfter: boolean;
  quad: Pt[];
  /** Font size in CSS px of the straight render. */
  px: number;
}

export interface ManifestEntry {
  id: string;
  file: string;
  truth: string;
  tier: Tier;
  layout: Truth['layout'];
  variant: string;
  kind: Truth['kind'];
  width: number;
  height: number;
  pages: number;
}

export interface Manifest {
  generator: string;
  seed: string;
  count: number;
  documents: ManifestEntry[];
}

interface Job {
  id: string;
  layout: 'page' | 'card' | 'negative';
  tier: Tier;
  /** Same docKey, same document (identity and template) across tiers. */
  docKey: string;
  negKind?: NegativeKind;
  pdf?: 'text' | 'image';
}

const PDF_DPI = 150;
const PX_PER_CSS_150 = PDF_DPI / 96;
const A4_150 = { width: Math.round((210 / 25.4) * PDF_DPI), height: Math.round((297 / 25.4) * PDF_DPI) };

function planJobs(o: GenerateOptions): Job[] {
  const jobs: Job[] = [];
  const pad = (i: number) => String(i).padStart(4, '0');
  if (o.plan) {
    let k = 0;
    for (const item of o.plan) {
      for (let i = 0; i < item.count; i++, k++) {
        const negKind = item.layout === 'negative' ? NEGATIVE_KINDS[k % NEGATIVE_KINDS.length] : undefined;
        const docKey = `${item.layout}-${pad(k)}`;
        jobs.push({
          id: `${docKey}-${item.tier}`,
          layout: item.layout,
          tier: item.tier,
          docKey,
          negKind,
          pdf: item.pdf,
        });
      }
    }
    return jobs;
  }
  const n = o.n ?? 1;
  const tiers = o.tiers && o.tiers.length ? o.tiers : (['digital'] as Tier[]);
  const layout = o.layout ?? 'both';
  for (let i = 0; i < n; i++) {
    const l = layout === 'both' ? (i % 2 === 0 ? 'page' : 'card') : layout;
    const docKey = `${l}-${pad(i)}`;
    const list = o.tierMode === 'cycle' ? [tiers[i % tiers.length]!] : tiers;
    for (const t of list) jobs.push({ id: `${docKey}-${t}`, layout: l, tier: t, docKey });
  }
  const neg = o.negatives ?? 0;
  for (let i = 0; i < neg; i++) {
    const negKind = NEGATIVE_KINDS[i % NEGATIVE_KINDS.length]!;
    const tier: Tier =
      negKind === 'PHOTO'
        ? 'photo'
        : tiers.includes('photo') && i % 4 === 3
          ? 'photo'
          : tiers.includes('scan') && i % 4 === 2
            ? 'scan'
            : 'digital';
    const docKey = `negative-${pad(i)}`;
    jobs.push({
      id: `${docKey}-${negKind.toLowerCase()}-${tier}`,
      layout: 'negative',
      tier,
      docKey,
      negKind,
    });
  }
  return jobs;
}

function docSpec(seed: string, job: Job): { spec: DocSpec | null; r: Rng } {
  const r = new Rng(`${seed}/${job.docKey}`);
  if (job.layout === 'negative') {
    if (job.negKind === 'PHOTO' || !job.negKind) return { spec: null, r };
    return { spec: negativeSpec(r, job.negKind), r };
  }
  const id = makeIdentity(r);
  return { spec: job.layout === 'page' ? pageSpec(r, id) : cardSpec(r, id), r };
}

/** Box corners in CSS px scaled to float output px: the quads the warped tiers transform. */
function boxQuads(boxes: Boxes, sx: number, sy: number): Quads {
  const out: Quads = new Map();
  for (const [k, b] of Object.entries(boxes) as [MarkKey, CssBox][]) {
    out.set(k, [
      [b.x0 * sx, b.y0 * sy],
      [b.x1 * sx, b.y0 * sy],
      [b.x1 * sx, b.y1 * sy],
      [b.x0 * sx, b.y1 * sy],
    ]);
  }
  return out;
}

function quadPolygons(quads: Quads, width: number, height: number): Map<MarkKey, Polygon> {
  const out = new Map<MarkKey, Polygon>();
  for (const [k, q] of quads) {
    out.set(
      k,
      q.map((p: Pt) => [
        Math.min(Math.max(Math.round(p[0]), 0), width),
        Math.min(Math.max(Math.round(p[1]), 0), height),
      ]),
    );
  }
  return out;
}

function extraSheet(r: Rng): ExtraSheet {
  const paragraphs = [
    'Pemegang izin tinggal wajib melaporkan setiap perubahan status sipil, kewarganegaraan, pekerjaan, penjamin, atau alamat kepada Kantor Imigrasi setempat.',
    'Izin tinggal ini tidak berlaku apabila pemegangnya meninggalkan wilayah Indonesia tanpa izin masuk kembali yang masih berlaku.',
    'The holder must carry this permit or a copy of it at all times and show it on request of an immigration officer.',
    'Perpanjangan izin tinggal diajukan paling lambat 30 (tiga puluh) hari sebelum masa berlaku izin tinggal berakhir.',
    'Segala bentuk pemalsuan dokumen ini dapat dikenakan sanksi pidana sesuai peraturan perundang-undangan yang berlaku.',
  ];
  const cover = r.bool();
  const body = cover
    ? `<div class="x-c"><div class="x-h">SURAT PENGANTAR</div><p>Nomor: IMI.${r.int(1, 9)}-GR.01.01-${r.digits(4)}</p><p>Bersama ini kami sampaikan dokumen izin tinggal elektronik atas permohonan yang telah disetujui. Dokumen terlampir pada halaman berikut.</p><p>${paragraphs[0]}</p><p>Demikian disampaikan untuk dipergunakan sebagaimana mestinya.</p></div>`
    : `<div class="x-c"><div class="x-h">KETENTUAN / TERMS AND CONDITIONS</div><ol>${r
        .shuffle(paragraphs)
        .map((p) => `<li>${p}</li>`)
        .join('')}</ol></div>`;
  return {
    css: `.extra .x-c { position: absolute; inset: 4em 4.5em; line-height: 1.6; text-align: justify; }
      .extra .x-h { font-weight: bold; font-size: 1.2em; text-align: center; margin-bottom: 1.5em; }`,
    body,
  };
}

async function imagePdf(jpeg: Buffer): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const img = await pdf.embedJpg(jpeg);
  const w = (210 / 25.4) * 72;
  const h = (297 / 25.4) * 72;
  const page = pdf.addPage([w, h]);
  page.drawImage(img, { x: 0, y: 0, width: w, height: h });
  return pdf.save({ useObjectStreams: false });
}

interface Output {
  bytes: Uint8Array;
  ext: string;
  width: number;
  height: number;
  pages: number;
  pageIndex: number;
  polygons: Map<MarkKey, Polygon>;
  pdfKind?: 'text' | 'image';
  rotation?: number;
  words?: WordTruth[];
}

/** Word keys ride along with the field quads through a tier's warp; they never reach the truth polygons. */
const WORD_KEY = '~word:';

function withWordQuads(quads: Quads, words: CssWord[] | undefined, sx: number, sy: number): Quads {
  if (!words) return quads;
  const out: Quads = new Map(quads);
  words.forEach((w, i) =>
    out.set(`${WORD_KEY}${i}` as MarkKey, [
      [w.x0 * sx, w.y0 * sy],
      [w.x1 * sx, w.y0 * sy],
      [w.x1 * sx, w.y1 * sy],
      [w.x0 * sx, w.y1 * sy],
    ]),
  );
  return out;
}

function splitWordQuads(t: TierImage, words: CssWord[] | undefined): { t: TierImage; words?: WordTruth[] } {
  if (!words) return { t };
  const quads: Quads = new Map();
  const found: WordTruth[] = [];
  for (const [k, q] of t.quads) {
    if (!String(k).startsWith(WORD_KEY)) quads.set(k, q);
    else {
      const w = words[Number(String(k).slice(WORD_KEY.length))]!;
      found.push({
        text: w.text,
        space: w.space,
        spaceAfter: w.spaceAfter,
        px: w.px,
        quad: q.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]),
      });
    }
  }
  return { t: { ...t, quads }, words: found };
}

async function tierImage(
  t: TierImage,
  ext: 'jpg' | 'png',
): Promise<Pick<Output, 'bytes' | 'ext' | 'width' | 'height' | 'polygons' | 'rotation'>> {
  const bytes = ext === 'jpg' ? await encodeJpeg(t.img, t.quality) : await encodePng(t.img);
  return {
    bytes,
    ext,
    width: t.img.width,
    height: t.img.height,
    polygons: quadPolygons(t.quads, t.img.width, t.img.height),
    rotation: t.rotation,
  };
}

async function produce(
  browser: Browser,
  job: Job,
  spec: DocSpec | null,
  r: Rng,
  o: GenerateOptions,
): Promise<Output> {
  const tr = r.fork(`tier:${job.tier}`);
  if (!spec) {
    // A photo-like image with no document at all.
    const [W, H] = tr.pick([
      [1280, 960],
      [1024, 768],
    ] as const);
    const scene = await decode(await renderHtmlPng(browser, deskHtml(tr, W, H), W, H));
    const bytes = await encodeJpeg(scene, tr.int(60, 85));
    return { bytes, ext: 'jpg', width: W, height: H, pages: 1, pageIndex: 0, polygons: new Map() };
  }
  const card = spec.layout === 'card' || spec.rounded === true;
  const wCss = spec.widthMm * MM_TO_CSS;
  if (job.tier === 'digital') {
    const target = card
      ? 1010
      : o.pageWidth === undefined || o.pageWidth === 'mixed'
        ? tr.pick([900, 900, 1240])
        : o.pageWidth;
    const scale = spec.layout === 'negative' && !card ? Math.min(target / wCss, 1240 / wCss) : target / wCss;
    const out = await renderPng(browser, spec, scale, undefined, { words: o.words === true });
    const polygons = new Map<MarkKey, Polygon>();
    for (const [k, b] of Object.entries(out.boxes) as [MarkKey, CssBox][])
      polygons.set(k, scaledPolygon(b, out.sx, out.sy, out));
    // 256-colour PNG: a quarter of the size of Chromium's truecolour screenshot, text edges intact.
    const bytes = await sharp(out.png)
      .png({ palette: true, quality: 90, dither: 0, compressionLevel: 9 })
      .toBuffer();
    const words = out.words?.map((w) => ({
      text: w.text,
      space: w.space,
      spaceAfter: w.spaceAfter,
      px: w.px,
      quad: [
        [w.x0 * out.sx, w.y0 * out.sy],
        [w.x1 * out.sx, w.y0 * out.sy],
        [w.x1 * out.sx, w.y1 * out.sy],
        [w.x0 * out.sx, w.y1 * out.sy],
      ] as Pt[],
    }));
    return {
      bytes,
      ext: 'png',
      width: out.width,
      height: out.height,
      pages: 1,
      pageIndex: 0,
      polygons,
      ...(words ? { words } : {}),
    };
  }
  if (job.tier === 'pdf' && !card && spec.widthMm === 210) {
    const imageOnly = tr.bool(0.3);
    if (job.pdf ? job.pdf === 'image' : imageOnly) {
      // A scan wrapped in a PDF: no text layer.
      const ren = await renderPng(browser, spec, PX_PER_CSS_150);
      const doc = await decode(ren.png);
      const t = await scanTier(tr, doc, boxQuads(ren.boxes, ren.sx, ren.sy), { card: false, canvas: A4_150 });
      const jpeg = await encodeJpeg(t.img, t.quality);
      return {
        bytes: await imagePdf(jpeg),
        ext: 'pdf',
        width: A4_150.width,
        height: A4_150.height,
        pages: 1,
        pageIndex: 0,
        polygons: quadPolygons(t.quads, A4_150.width, A4_150.height),
        pdfKind: 'image',
      };
    }
    const two = tr.bool(0.4);
    const permitFirst = tr.bool();
    const res = await renderPdf(browser, spec, two ? { sheet: extraSheet(tr), permitFirst } : undefined);
    // Chromium's A4 MediaBox is 594.96 x 841.92 pt; the page at 150 DPI is what pdf.js reports.
    const pdfPage = (await PDFDocument.load(res.pdf)).getPage(0);
    const size = {
      width: Math.round((pdfPage.getWidth() * PDF_DPI) / 72),
      height: Math.round((pdfPage.getHeight() * PDF_DPI) / 72),
    };
    const polygons = new Map<MarkKey, Polygon>();
    let pageIndex = 0;
    for (const [k, b] of Object.entries(res.boxes) as [MarkKey, CssBox][]) {
      polygons.set(k, scaledPolygon(b, PX_PER_CSS_150, PX_PER_CSS_150, size));
      pageIndex = b.sheet;
    }
    return {
      bytes: res.pdf,
      ext: 'pdf',
      width: size.width,
      height: size.height,
      pages: res.pages,
      pageIndex,
      polygons,
      pdfKind: 'text',
    };
  }
  if (job.tier === 'pdf') {
    // Cards (and small negatives) in a PDF: a scanned copy on an A4 page, image only, scanned at
    // 300 DPI as ID copies are (at 150 DPI a card's small print is a few pixels high).
    const ren = await renderPng(browser, spec, (2 * PX_PER_CSS_150) / (card ? 1.5625 : 1));
    const doc = await decode(ren.png);
    const t = await scanTier(tr, doc, boxQuads(ren.boxes, ren.sx, ren.sy), {
      card: true,
      canvas: { width: 2 * A4_150.width, height: 2 * A4_150.height },
      scale: 1,
    });
    const jpeg = await encodeJpeg(t.img, t.quality);
    return {
      bytes: await imagePdf(jpeg),
      ext: 'pdf',
      width: A4_150.width,
      height: A4_150.height,
      pages: 1,
      pageIndex: 0,
      polygons: quadPolygons(
        mapQuads(t.quads, ([x, y]) => [x / 2, y / 2]),
        A4_150.width,
        A4_150.height,
      ),
      pdfKind: 'image',
    };
  }
  // Warped tiers start from a straight render at a resolution that survives the warp.
  // Phone photos carry more pixels per document than the others: render finer than they show it.
  const scale =
    job.tier === 'photo'
      ? card
        ? 6
        : 3.2
      : card
        ? 2
        : job.tier === 'scan'
          ? tr.pick([1.2, 1.35, PX_PER_CSS_150])
          : 1.6;
  const ren = await renderPng(browser, spec, scale, undefined, { words: o.words === true });
  const doc = await decode(ren.png);
  const quads = withWordQuads(boxQuads(ren.boxes, ren.sx, ren.sy), ren.words, ren.sx, ren.sy);
  const warped =
    job.tier === 'scan'
      ? await scanTier(tr, doc, quads, { card })
      : job.tier === 'photo'
        ? await photoTier(tr, browser, doc, quads, { card })
        : await webcamTier(tr, browser, doc, quads, { card });
  const { t, words } = splitWordQuads(warped, ren.words);
  const img = await tierImage(t, 'jpg');
  return { ...img, pages: 1, pageIndex: 0, ...(words ? { words } : {}) };
}

export async function generateSet(o: GenerateOptions): Promise<Manifest> {
  const seed = String(o.seed ?? 1);
  const jobs = planJobs(o);
  mkdirSync(o.out, { recursive: true });
  const browser = o.browser ?? (await launchBrowser());
  const documents: ManifestEntry[] = [];
  try {
    for (const job of jobs) {
      const t0 = Date.now();
      const { spec, r } = docSpec(seed, job);
      const out = await produce(browser, job, spec, r, o);
      const file = `${job.id}.${out.ext}`;
      const truthFile = `${job.id}.truth.json`;
      const expected =
        job.layout === 'negative' || !spec
          ? negativeExpected()
          : buildExpected(spec.marks.printed, out.polygons, out.pageIndex);
      const truth: Truth = {
        id: job.id,
        file,
        tier: job.tier,
        layout: job.layout,
        variant: spec?.variant ?? 'photo',
        kind: spec?.kind ?? 'OTHER',
        width: out.width,
        height: out.height,
        pages: out.pages,
        ...(out.pdfKind ? { pdf_kind: out.pdfKind } : {}),
        ...(out.rotation ? { rotation: out.rotation } : {}),
        expected,
      };
      writeFileSync(join(o.out, file), out.bytes);
      writeFileSync(join(o.out, truthFile), JSON.stringify(truth, null, 1) + '\n');
      if (out.words) writeFileSync(join(o.out, `${job.id}.words.json`), JSON.stringify(out.words) + '\n');
      documents.push({
        id: job.id,
        file,
        truth: truthFile,
        tier: job.tier,
        layout: job.layout,
        variant: truth.variant,
        kind: truth.kind,
        width: out.width,
        height: out.height,
        pages: out.pages,
      });
      o.log?.(`${job.id} ${truth.variant} ${out.width}x${out.height} ${Date.now() - t0} ms`);
    }
  } finally {
    if (!o.browser) await browser.close();
  }
  const manifest: Manifest = { generator: 'scripts/synth', seed, count: documents.length, documents };
  writeFileSync(join(o.out, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

export { TIERS as ALL_TIERS };
