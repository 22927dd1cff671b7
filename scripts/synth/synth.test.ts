// Properties of the synthetic generator: identities are consistent, truth is complete, polygons sit
// on ink in straight and warped renders, and PDF polygons match the PDF's own text layer.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSPORT_FORMATS } from '../../src/core/passport-formats';
import { FIELD_NAMES, TEXT_FIELDS } from '../../src/core/schema';
import type { Polygon } from '../../src/core/schema';
import { COUNTRIES } from './data';
import { dateToDays, makeIdentity, niora, permitNumber } from './identity';
import { generateSet } from './index';
import type { Manifest, Truth } from './index';
import { passportMrz } from './negatives';
import { applyH, createImg, homography, rotateQuarter, warpInto } from './raster';
import type { Pt } from './raster';
import { Rng } from './rng';

const DMY = /^(\d{2})-(\d{2})-(\d{4})$/;
const days = (dmy: string) => {
  const m = DMY.exec(dmy);
  if (!m) throw new Error(`not dd-mm-yyyy: ${dmy}`);
  return dateToDays({ d: Number(m[1]), m: Number(m[2]), y: Number(m[3]) });
};

describe('identities', () => {
  it('draw passport numbers that match the shared per-country formats', () => {
    const r = new Rng(11);
    for (const c of COUNTRIES) {
      for (const printed of c.printed) expect(PASSPORT_FORMATS[printed], printed).toBeDefined();
      for (let i = 0; i < 50; i++) {
        const p = c.passport(r);
        expect(
          PASSPORT_FORMATS[c.printed[0]!]!.some((re) => re.test(p)),
          `${c.key} ${p}`,
        ).toBe(true);
      }
    }
    // The formats are not vacuous: a Chinese number is not a valid Japanese one.
    expect(PASSPORT_FORMATS.JEPANG!.some((re) => re.test('E12345678'))).toBe(false);
  });

  it('keep dates ordered and identifiers in their formats', () => {
    const r = new Rng(12);
    for (let i = 0; i < 300; i++) {
      const id = makeIdentity(r);
      const issued = dateToDays(id.issuedDate);
      expect(dateToDays(id.dob)).toBeLessThan(issued);
      expect(dateToDays(id.passportExpiry)).toBeGreaterThan(issued);
      expect(dateToDays(id.permitExpiry)).toBeGreaterThan(issued);
      expect(id.niora).toMatch(/^\d[A-Z]{4}\d{5}$/);
      expect(id.permitNumber).toMatch(
        id.kind === 'KITAS' ? /^2C\d{2}[A-Z]{2}\d{4}[A-Z]{2}$/ : /^2D\d{2}[A-Z]{2}\d{4}[A-Z]{2}$/,
      );
    }
    expect(niora(new Rng(1))).not.toBe(niora(new Rng(2)));
    expect(permitNumber(new Rng(3), 'KITAP', { y: 2021, m: 1, d: 1 })).toMatch(/^2D21/);
  });

  it('write passport MRZs whose check digits verify', () => {
    const [l1, l2] = passportMrz({
      iso3: 'JPN',
      surname: 'TANAKA',
      given: 'YUKI',
      number: 'TK1234567',
      nationality: 'JPN',
      dob: '850412',
      sex: 'F',
      expiry: '320101',
    });
    expect(l1).toHaveLength(44);
    expect(l2).toHaveLength(44);
    // ICAO 9303 check digit of the document number, recomputed independently.
    const check = (s: string) =>
      [...s].reduce(
        (sum, ch, i) =>
          sum + (ch === '<' ? 0 : /\d/.test(ch) ? +ch : ch.charCodeAt(0) - 55) * [7, 3, 1][i % 3]!,
        0,
      ) % 10;
    expect(Number(l2[9])).toBe(check(l2.slice(0, 9)));
    expect(Number(l2[19])).toBe(check(l2.slice(13, 19)));
  });
});

describe('warp', () => {
  it('maps points exactly where it moves pixels, including quarter turns', () => {
    const src = createImg(200, 120, [255, 255, 255]);
    const sq: Pt[] = [
      [60, 30],
      [110, 30],
      [110, 70],
      [60, 70],
    ];
    for (let y = 30; y < 70; y++)
      for (let x = 60; x < 110; x++) src.data.fill(0, (y * 200 + x) * 4, (y * 200 + x) * 4 + 3);
    const H = homography(
      [
        [0, 0],
        [200, 0],
        [200, 120],
        [0, 120],
      ],
      [
        [40, 25],
        [330, 60],
        [300, 250],
        [20, 200],
      ],
    );
    for (const k of [0, 1, 2, 3]) {
      const dst = createImg(360, 280, [255, 255, 255]);
      warpInto(dst, src, H);
      const rot = rotateQuarter(dst, k);
      const q = sq.map((p) => rot.map(applyH(H, p)));
      const lum = (x: number, y: number) =>
        rot.img.data[(Math.floor(y) * rot.img.width + Math.floor(x)) * 4]!;
      // Centre of the quad is black; points pushed 6 px outside each corner are white.
      const cx = q.reduce((s, p) => s + p[0], 0) / 4;
      const cy = q.reduce((s, p) => s + p[1], 0) / 4;
      expect(lum(cx, cy), `turn ${k}`).toBeLessThan(30);
      for (const [x, y] of q) {
        const dx = x - cx;
        const dy = y - cy;
        const n = Math.hypot(dx, dy);
        expect(lum(x + (6 * dx) / n, y + (6 * dy) / n), `turn ${k} outside`).toBeGreaterThan(225);
        expect(lum(x - (4 * dx) / n, y - (4 * dy) / n), `turn ${k} inside`).toBeLessThan(30);
      }
      // The first point stays the text's top-left: it moved with the image.
      expect(q[0]).toEqual(rot.map(applyH(H, sq[0]!)));
    }
  });
});

interface Gray {
  width: number;
  height: number;
  data: Buffer;
}

async function gray(file: string): Promise<Gray> {
  const { data, info } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Luminance samples inside a (possibly tilted) quad, by point-in-polygon on the pixel grid. */
function inside(g: Gray, poly: Polygon): number[] {
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const out: number[] = [];
  for (let y = Math.max(0, Math.min(...ys)); y < Math.min(g.height, Math.max(...ys)); y++) {
    for (let x = Math.max(0, Math.min(...xs)); x < Math.min(g.width, Math.max(...xs)); x++) {
      let c = false;
      for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
        const [xi, yi] = poly[i]!;
        const [xj, yj] = poly[j]!;
        if (yi > y + 0.5 !== yj > y + 0.5 && x + 0.5 < ((xj - xi) * (y + 0.5 - yi)) / (yj - yi) + xi) c = !c;
      }
      if (c) out.push(g.data[y * g.width + x]!);
    }
  }
  return out;
}

function percentile(v: number[], p: number): number {
  const s = v.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

describe('generated set', () => {
  let dir: string;
  let manifest: Manifest;
  const truths: Truth[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synth-test-'));
    manifest = await generateSet({
      out: dir,
      seed: 'unit-test',
      pageWidth: 900,
      plan: [
        { layout: 'page', tier: 'digital', count: 1 },
        { layout: 'card', tier: 'digital', count: 1 },
        { layout: 'page', tier: 'pdf', count: 1, pdf: 'text' },
        { layout: 'card', tier: 'photo', count: 1 },
        { layout: 'negative', tier: 'digital', count: 1 },
      ],
    });
    for (const d of manifest.documents)
      truths.push(JSON.parse(readFileSync(join(dir, d.truth), 'utf8')) as Truth);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic for a seed', async () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'synth-det-a-')), mkdtempSync(join(tmpdir(), 'synth-det-b-'))];
    try {
      const outs = [];
      for (const out of dirs) {
        const m = await generateSet({ out, seed: 'det', plan: [{ layout: 'card', tier: 'scan', count: 1 }] });
        const d = m.documents[0]!;
        outs.push({
          bytes: readFileSync(join(out, d.file)),
          truth: readFileSync(join(out, d.truth), 'utf8'),
        });
      }
      expect(outs[0]!.bytes.equals(outs[1]!.bytes)).toBe(true);
      expect(outs[0]!.truth).toBe(outs[1]!.truth);
      // A different seed gives a different document.
      const m = await generateSet({
        out: dirs[0]!,
        seed: 'det-2',
        plan: [{ layout: 'card', tier: 'scan', count: 1 }],
      });
      expect(readFileSync(join(dirs[0]!, m.documents[0]!.truth), 'utf8')).not.toBe(outs[0]!.truth);
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('writes word-level truth only when asked, without changing the image', async () => {
    expect(readdirSync(dir).some((f) => f.endsWith('.words.json'))).toBe(false);
    const dirs = [
      mkdtempSync(join(tmpdir(), 'synth-words-a-')),
      mkdtempSync(join(tmpdir(), 'synth-words-b-')),
    ];
    try {
      const plan = [{ layout: 'card' as const, tier: 'scan' as const, count: 1 }];
      const plain = await generateSet({ out: dirs[0]!, seed: 'words', plan });
      const withWords = await generateSet({ out: dirs[1]!, seed: 'words', plan, words: true });
      const d = withWords.documents[0]!;
      expect(
        readFileSync(join(dirs[1]!, d.file)).equals(readFileSync(join(dirs[0]!, plain.documents[0]!.file))),
      ).toBe(true);
      const truth = JSON.parse(readFileSync(join(dirs[1]!, d.truth), 'utf8')) as Truth;
      const words = JSON.parse(readFileSync(join(dirs[1]!, `${d.id}.words.json`), 'utf8')) as {
        text: string;
        space: boolean | null;
        spaceAfter: boolean;
        quad: [number, number][];
      }[];
      expect(words.length).toBeGreaterThan(20);
      for (const w of words) {
        expect(w.text).toMatch(/^\S+$/);
        for (const [x, y] of w.quad) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(d.width);
          expect(y).toBeLessThanOrEqual(d.height);
        }
      }
      // The permit number is one word, lying inside the permit number's truth polygon.
      const permit = truth.expected.read.permit_number;
      const word = words.find((w) => w.text === permit.value_original);
      expect(word, permit.value_original).toBeDefined();
      const cx = word!.quad.reduce((a, p) => a + p[0], 0) / 4;
      const cy = word!.quad.reduce((a, p) => a + p[1], 0) / 4;
      const xs = permit.polygon.map((p) => p[0]);
      const ys = permit.polygon.map((p) => p[1]);
      expect(cx).toBeGreaterThan(Math.min(...xs));
      expect(cx).toBeLessThan(Math.max(...xs));
      expect(cy).toBeGreaterThan(Math.min(...ys));
      expect(cy).toBeLessThan(Math.max(...ys));
      // Every word of the holder's name is there, in order.
      const name = truth.expected.read.full_name.value_original.split(' ');
      const at = words.findIndex((w) => w.text === name[0]);
      expect(words.slice(at, at + name.length).map((w) => w.text)).toEqual(name);
    } finally {
      for (const x of dirs) rmSync(x, { recursive: true, force: true });
    }
  });

  it('lists every document in the manifest with its files and truth', () => {
    expect(manifest.count).toBe(5);
    for (const t of truths) {
      expect(readFileSync(join(dir, t.file)).length).toBeGreaterThan(1000);
      expect(Object.keys(t.expected.read).sort()).toEqual([...FIELD_NAMES].sort());
      expect(Object.keys(t.expected.read)).toHaveLength(24);
    }
  });

  it('writes complete, consistent reference objects for permits', () => {
    const permits = truths.filter((t) => t.layout !== 'negative');
    expect(permits).toHaveLength(4);
    for (const t of permits) {
      const f = t.expected.read;
      expect(t.expected.status).toBe('SUCCESS');
      expect(t.expected.reason).toBe('File successfully read.');
      for (const name of TEXT_FIELDS) {
        const x = f[name];
        if (x.value) {
          expect(x.confidence).toBe(1);
          expect(x.polygon).toHaveLength(4);
          expect(x.value_original.length).toBeGreaterThan(0);
        } else {
          expect(x.confidence).toBe(0);
          expect(x.polygon).toEqual([]);
        }
      }
      for (const name of [
        'full_name',
        'nationality',
        'gender',
        'passport_number',
        'permit_number',
        'document_type',
        'date_of_birth',
      ] as const)
        expect(f[name].value, `${t.id} ${name}`).not.toBe('');
      expect(f.photo.polygon).toHaveLength(4);
      if (t.layout === 'card') expect(f.sign.polygon).toHaveLength(4);
      else expect(f.sign.polygon).toEqual([]);
      expect(f.gender.value).toMatch(/^[MF]$/);
      expect(f.niora.value === '' || /^\d[A-Z]{4}\d{5}$/.test(f.niora.value)).toBe(true);
      expect(f.permit_number.value).toMatch(/^2[CD]\d{2}[A-Z]{2}\d{4}[A-Z]{2}$/);
      expect(f.permit_number.value.startsWith('2D')).toBe(f.document_type.value.includes('TETAP'));
      expect(f.stay_permit_index.value).not.toMatch(/\s/);
      expect(PASSPORT_FORMATS[f.nationality.value]!.some((re) => re.test(f.passport_number.value))).toBe(
        true,
      );
      for (const d of [
        'date_of_birth',
        'passport_expiry',
        'issued_date',
        'stay_multiple_entries_permit_expiry',
        'stay_entries_permit_expiry',
      ] as const)
        if (f[d].value) expect(f[d].value).toMatch(DMY);
      const birth = days(f.date_of_birth.value);
      if (f.issued_date.value) {
        const issued = days(f.issued_date.value);
        expect(birth).toBeLessThan(issued);
        expect(f.issued_place.value_original).toBe(f.issued_date.value_original);
        expect(f.issued_place.polygon).toEqual(f.issued_date.polygon);
        expect(f.issued_date.value_original.startsWith(`${f.issued_place.value}, `)).toBe(true);
        for (const d of [
          'passport_expiry',
          'stay_multiple_entries_permit_expiry',
          'stay_entries_permit_expiry',
        ] as const)
          if (f[d].value) expect(days(f[d].value)).toBeGreaterThan(issued);
      }
    }
  });

  it('writes all-empty results for negatives', () => {
    const neg = truths.filter((t) => t.layout === 'negative');
    expect(neg).toHaveLength(1);
    expect(neg[0]!.expected.reason).toBe('File successfully read. Some fields are invalid.');
    for (const f of Object.values(neg[0]!.expected.read)) expect(f.polygon).toEqual([]);
  });

  it('puts every polygon inside its image and on ink, straight or warped', async () => {
    for (const t of truths.filter((x) => x.layout !== 'negative' && x.tier !== 'pdf')) {
      const g = await gray(join(dir, t.file));
      expect([g.width, g.height]).toEqual([t.width, t.height]);
      for (const name of TEXT_FIELDS) {
        const poly = t.expected.read[name].polygon;
        if (poly.length === 0) continue;
        for (const [x, y] of poly) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(t.width);
          expect(y).toBeLessThanOrEqual(t.height);
        }
        const v = inside(g, poly);
        expect(v.length, `${t.id} ${name}`).toBeGreaterThan(20);
        // Glyph strokes: dark pixels next to light background inside the box.
        const dark = percentile(v, 3);
        const light = percentile(v, 90);
        expect(light - dark, `${t.id} ${name} contrast`).toBeGreaterThan(
          t.tier !== 'digital' ? 45 : t.layout === 'card' ? 50 : 120,
        );
      }
      // The same check fails on a box that misses the text: the name's box moved into the right margin.
      const name = t.expected.read.full_name.polygon;
      const [y0, y1] = [name[0]![1], name[2]![1]];
      const margin = inside(g, [
        [t.width - 40, y0],
        [t.width - 12, y0],
        [t.width - 12, y1],
        [t.width - 40, y1],
      ]);
      if (t.layout === 'page' && t.tier === 'digital')
        expect(percentile(margin, 90) - percentile(margin, 3)).toBeLessThan(60);
    }
  });

  it('maps PDF polygons onto the PDF text layer at 150 DPI', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const t = truths.find((x) => x.tier === 'pdf')!;
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(readFileSync(join(dir, t.file))),
      useSystemFonts: false,
    }).promise;
    expect(doc.numPages).toBe(t.pages);
    const pageIndex = t.expected.read.full_name.page_index;
    const page = await doc.getPage(pageIndex + 1);
    const vp = page.getViewport({ scale: 150 / 72 });
    expect(Math.round(vp.width)).toBe(t.width);
    const items = (await page.getTextContent()).items.flatMap((i) =>
      'str' in i ? [{ str: i.str, transform: i.transform as number[] }] : [],
    );
    let checked = 0;
    for (const name of [
      'niora',
      'permit_number',
      'full_name',
      'passport_number',
      'nationality',
      'occupation',
    ] as const) {
      const f = t.expected.read[name];
      if (!f.value_original) continue;
      const item = items.find((i) => i.str.trim() === f.value_original || i.str.startsWith(f.value_original));
      expect(item, `${name} in text layer`).toBeDefined();
      const [x, y] = vp.convertToViewportPoint(item!.transform[4]!, item!.transform[5]!) as [number, number];
      const [x0, y0] = f.polygon[0]!;
      const y1 = f.polygon[2]![1];
      expect(Math.abs(x - x0), `${name} x`).toBeLessThan(3);
      expect(y, `${name} baseline`).toBeGreaterThan(y0);
      expect(y, `${name} baseline`).toBeLessThan(y1);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
