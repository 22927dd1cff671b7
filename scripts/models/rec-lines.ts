// Line crops with their printed text, cut exactly as the pipeline cuts them for the recognizer:
// training and test data for the PP-OCR line recognizer (scripts/models/finetune_rec.py).
//
//   npm run synth -- --out DIR --n N --tier photo,webcam --seed S --words
//   npx tsx scripts/models/rec-lines.ts --out LINES_DIR DIR [DIR...]
//
// For every document of a generated set: decode, locate and straighten (photo-like tiers), detect
// lines, and for each detected line gather the generator's words (`<id>.words.json`) whose centres
// fall inside the line's box mapped back onto the image. A line is kept only when those words cover
// the box and the box covers them (no unlabelled print in it, nothing cut off), and when every
// character is one the recognizer may output. Each kept line is written as the 48 px high RGB image
// the model is fed (`toInputTensor` minus the normalisation) and a row of `labels.tsv`:
// file, text, document id, tier.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createNodeEngines } from '../../src/engine/node/engines';
import { locateDocument } from '../../src/core/locate/locate';
import { upsideDownByRecognizer } from '../../src/core/locate/orientation';
import { detectLines, recognizeRegion, type LineRect } from '../../src/core/text-lines';
import { resize } from '../../src/core/image/raster';
import { DEFAULT_LIMITS, type Raster, type Recognition, type TextRecognizer } from '../../src/core/ports';
import { PERMIT_CHARSET, PPOCR_REC_HEIGHT } from '../../src/core/recognize/ppocr-recognizer';

type Pt = [number, number];
interface WordTruth {
  text: string;
  space: boolean | null;
  spaceAfter: boolean;
  quad: Pt[];
}

const { values, positionals } = parseArgs({
  options: { out: { type: 'string' }, 'max-side': { type: 'string', default: '2200' } },
  allowPositionals: true,
});
if (!values.out || positionals.length === 0) {
  process.stderr.write('usage: npx tsx scripts/models/rec-lines.ts --out LINES_DIR SET_DIR [SET_DIR...]\n');
  process.exit(2);
}
const outDir = values.out;
const workSide = Number(values['max-side']);
await mkdir(join(outDir, 'img'), { recursive: true });

const engines = await createNodeEngines({ recognizer: 'tesseract' });
const allowed = new Set(PERMIT_CHARSET);

/** Catches the raster recognizeRegion hands the recognizer, instead of reading it. */
function capturingRecognizer(): TextRecognizer & { last: Raster | null } {
  const r = {
    name: 'capture',
    last: null as Raster | null,
    async recognize(raster: Raster): Promise<Recognition> {
      r.last = raster;
      return { text: 'x', confidence: 1, words: [] };
    },
  };
  return r;
}

function lineCorners(rect: LineRect): Pt[] {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const a = rect.angle ?? 0;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return (
    [
      [-rect.width / 2, -rect.height / 2],
      [rect.width / 2, -rect.height / 2],
      [rect.width / 2, rect.height / 2],
      [-rect.width / 2, rect.height / 2],
    ] as Pt[]
  ).map(([u, v]) => [cx + u * cos - v * sin, cy + u * sin + v * cos]);
}

function inside(poly: Pt[], [x, y]: Pt): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

const centre = (q: Pt[]): Pt => [
  q.reduce((s, p) => s + p[0], 0) / q.length,
  q.reduce((s, p) => s + p[1], 0) / q.length,
];
const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

const rows: string[] = [];
let kept = 0;
let seen = 0;
for (const dir of positionals) {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
    documents: { id: string; file: string; tier: string }[];
  };
  for (const doc of manifest.documents) {
    let words: WordTruth[];
    try {
      words = JSON.parse(await readFile(join(dir, `${doc.id}.words.json`), 'utf8')) as WordTruth[];
    } catch {
      continue;
    }
    const decoded = await engines.decoder.decode(
      new Uint8Array(await readFile(join(dir, doc.file))),
      DEFAULT_LIMITS,
    );
    const full = decoded.raster;
    const k = Math.min(1, workSide / Math.max(full.width, full.height));
    const work = k < 1 ? resize(full, Math.round(full.width * k), Math.round(full.height * k)) : full;
    const warped = doc.tier !== 'digital' && doc.tier !== 'pdf';
    const located = warped
      ? await locateDocument(work, engines.detector, {
          decideUpsideDown: upsideDownByRecognizer(engines.recognizer),
          ...(work !== full ? { source: full } : {}),
        })
      : null;
    const raster = located?.raster ?? work;
    const scale = decoded.displayWidth / work.width;
    const toImage = (p: Pt): Pt => {
      const q = located ? located.toInput(p) : p;
      return [q[0] * scale, q[1] * scale];
    };
    const rects = await detectLines(raster, engines.detector, 960);
    const wordCentres = words.map((w) => centre(w.quad));
    let n = 0;
    for (const rect of rects) {
      seen++;
      const poly = lineCorners(rect).map(toImage);
      const along: Pt = [poly[1]![0] - poly[0]![0], poly[1]![1] - poly[0]![1]];
      const len = Math.hypot(...along);
      const height = dist(poly[0]!, poly[3]!);
      if (len < 4 || height < 4) continue;
      const ux = along[0] / len;
      const uy = along[1] / len;
      const proj = (p: Pt) => (p[0] - poly[0]![0]) * ux + (p[1] - poly[0]![1]) * uy;
      const members = words
        .map((w, i) => ({ w, c: wordCentres[i]! }))
        .filter(({ w, c }) => {
          if (!inside(poly, c)) return false;
          const h = dist(w.quad[0]!, w.quad[3]!);
          return h > height * 0.4 && h < height * 1.6;
        });
      if (members.length === 0) continue;
      // Words in the box must fill it end to end, and none may stick out of it.
      const lo = Math.min(...members.flatMap(({ w }) => w.quad.map(proj)));
      const hi = Math.max(...members.flatMap(({ w }) => w.quad.map(proj)));
      const slack = height * 0.6;
      if (lo < -slack || hi > len + slack || lo > slack || hi < len - slack) continue;
      // A word whose box overlaps the line but whose centre lies outside it would be cut in two.
      const cut = words.some((w, i) => {
        if (members.some((m) => m.w === w)) return false;
        const c = wordCentres[i]!;
        const across = Math.abs((c[0] - poly[0]![0]) * -uy + (c[1] - poly[0]![1]) * ux - height / 2);
        const ps = w.quad.map(proj);
        const overlap = Math.min(Math.max(...ps), len) - Math.max(Math.min(...ps), 0);
        // The crop is padded by about a tenth of the height on each side.
        return across < height * 0.6 && overlap > -height * 0.12;
      });
      if (cut) continue;
      members.sort((a, b) => proj(a.c) - proj(b.c));
      // Words from separate text nodes ("ILOILO" and ", 22-08-1965") touch without a space.
      let text = '';
      let previous: WordTruth | null = null;
      for (const { w } of members) {
        if (previous) text += w.space || previous.spaceAfter ? ' ' : '';
        text += w.text;
        previous = w;
      }
      if ([...text].some((ch) => !allowed.has(ch))) continue;
      const capture = capturingRecognizer();
      await recognizeRegion(raster, rect, capture);
      const input = capture.last;
      if (!input) continue;
      const w48 = Math.max(8, Math.round((input.width * PPOCR_REC_HEIGHT) / input.height));
      const img = resize(input, Math.min(w48, 1600), PPOCR_REC_HEIGHT);
      const file = `${doc.id}-${String(n++).padStart(3, '0')}.png`;
      await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), {
        raw: { width: img.width, height: img.height, channels: 4 },
      })
        .removeAlpha()
        .png({ compressionLevel: 6 })
        .toFile(join(outDir, 'img', file));
      rows.push([file, text.replace(/\t/g, ' '), doc.id, doc.tier].join('\t'));
      kept++;
    }
    process.stdout.write(`${doc.id}: ${n} of ${rects.length} lines\n`);
  }
}
await writeFile(join(outDir, 'labels.tsv'), rows.join('\n') + '\n');
process.stdout.write(`kept ${kept} of ${seen} detected lines -> ${outDir}/labels.tsv\n`);
await engines.close();
