// Sanity check of a generated set: every polygon inside its image and on ink (images), every text-layer
// PDF polygon on its own text item (pdf.js at 150 DPI). Usage: npx tsx scripts/synth/check.ts DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { TEXT_FIELDS } from '../../src/core/schema';
import type { Polygon } from '../../src/core/schema';
import type { Manifest, Truth } from './index';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: tsx scripts/synth/check.ts DIR\n');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
let problems = 0;
const report = (msg: string) => {
  problems++;
  process.stdout.write(`${msg}\n`);
};

function bbox(p: Polygon) {
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
for (const d of manifest.documents) {
  const t = JSON.parse(readFileSync(join(dir, d.truth), 'utf8')) as Truth;
  if (t.layout === 'negative') continue;
  if (t.file.endsWith('.pdf')) {
    if (t.pdf_kind !== 'text') continue;
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(join(dir, t.file))) }).promise;
    const pageIndex = t.expected.read.full_name.page_index;
    const page = await doc.getPage(pageIndex + 1);
    const vp = page.getViewport({ scale: 150 / 72 });
    const items = (await page.getTextContent()).items.flatMap((i) =>
      'str' in i ? [{ str: i.str, transform: i.transform as number[] }] : [],
    );
    for (const name of TEXT_FIELDS) {
      const f = t.expected.read[name];
      if (!f.value_original || name === 'address') continue;
      const item =
        items.find((i) => i.str.trim() === f.value_original) ??
        items.find((i) => i.str.trim().length >= 3 && f.value_original.startsWith(i.str.trim())) ??
        items.find((i) => i.str.startsWith(f.value_original));
      // A value printed after others on the same line (date after "PLACE, "): only its baseline is checked.
      const within = item ? undefined : items.find((i) => i.str.includes(`, ${f.value_original}`));
      if (within) {
        const [, y] = vp.convertToViewportPoint(within.transform[4]!, within.transform[5]!) as [
          number,
          number,
        ];
        const b = bbox(f.polygon);
        if (y < b.y0 || y > b.y1)
          report(`${t.id} ${name}: baseline ${y.toFixed(0)} outside ${b.y0}..${b.y1}`);
        continue;
      }
      if (!item) {
        report(`${t.id} ${name}: not in text layer`);
        continue;
      }
      const [x, y] = vp.convertToViewportPoint(item.transform[4]!, item.transform[5]!) as [number, number];
      const b = bbox(f.polygon);
      if (Math.abs(x - b.x0) > 3 || y < b.y0 || y > b.y1)
        report(`${t.id} ${name}: text at ${x.toFixed(0)},${y.toFixed(0)} box ${JSON.stringify(b)}`);
    }
    continue;
  }
  const { data, info } = await sharp(join(dir, t.file))
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (const name of TEXT_FIELDS) {
    const f = t.expected.read[name];
    if (f.polygon.length === 0) continue;
    const b = bbox(f.polygon);
    if (b.x0 < 0 || b.y0 < 0 || b.x1 > info.width || b.y1 > info.height)
      report(`${t.id} ${name}: outside image`);
    const v: number[] = [];
    for (let y = Math.max(0, b.y0); y < Math.min(info.height, b.y1); y++)
      for (let x = Math.max(0, b.x0); x < Math.min(info.width, b.x1); x++) v.push(data[y * info.width + x]!);
    v.sort((a, c) => a - c);
    const contrast = v[Math.floor(v.length * 0.9)]! - v[Math.floor(v.length * 0.03)]!;
    if (!(contrast > 40)) report(`${t.id} ${name}: little ink (contrast ${contrast})`);
  }
}
process.stdout.write(`${manifest.count} documents checked, ${problems} problems\n`);
process.exit(problems ? 1 : 0);
