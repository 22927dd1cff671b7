// Packs line crops (scripts/models/rec-lines.ts) into one small file for training on a machine they
// must travel to (a lent GPU machine takes at most 64 MiB with the whole working tree): each crop
// re-encoded as lossy WebP, a sample of each tier kept, all in one blob with a JSON index.
//
//   npx tsx scripts/models/pack-rec-lines.ts --out PACK.bin [--quality 70] \
//     [--take photo=0.6,webcam=0.4,scan=1,digital=1] [--val-docs='-000[0-4]-'] \
//     [--val-take photo=0.3,webcam=0.2,scan=0.5,digital=0.5] LINES_DIR [LINES_DIR...]
//
// Layout: 4-byte little-endian length of the JSON index, the index (an array of
// {text, doc, tier, split, offset, length}), then the WebP images back to back. The sample is chosen
// by a hash of the crop's path as given (directory and file name), so the same arguments give the
// same pack, whatever order the directories are read in.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const { values, positionals } = parseArgs({
  options: {
    out: { type: 'string' },
    quality: { type: 'string', default: '70' },
    take: { type: 'string', default: 'photo=0.6,webcam=0.4,scan=1,digital=1' },
    'val-docs': { type: 'string', default: '-000[0-4]-' },
    'val-take': { type: 'string', default: 'photo=0.3,webcam=0.2,scan=0.5,digital=0.5' },
  },
  allowPositionals: true,
});
if (!values.out || positionals.length === 0) {
  process.stderr.write('usage: npx tsx scripts/models/pack-rec-lines.ts --out PACK.bin LINES_DIR [...]\n');
  process.exit(2);
}

function shares(spec: string): Map<string, number> {
  return new Map(
    spec.split(',').map((part) => {
      const [tier, share] = part.split('=');
      return [tier ?? '', Number(share)] as const;
    }),
  );
}

/** A number in [0, 1) fixed by the name, so the sample does not depend on the order of reading. */
function unitHash(name: string): number {
  return createHash('sha1').update(name).digest().readUInt32LE(0) / 2 ** 32;
}

const trainShares = shares(values.take);
const valShares = shares(values['val-take']);
const valDocs = new RegExp(values['val-docs']);
const quality = Number(values.quality);
const index: { text: string; doc: string; tier: string; split: string; offset: number; length: number }[] =
  [];
const images: Buffer[] = [];
let offset = 0;
const counts = new Map<string, number>();

for (const dir of positionals) {
  const rows = (await readFile(join(dir, 'labels.tsv'), 'utf8')).split('\n').filter(Boolean);
  for (const row of rows) {
    const [file, text, doc, tier] = row.split('\t');
    if (!file || !text || !doc || !tier) continue;
    const split = valDocs.test(doc) ? 'val' : 'train';
    const share = (split === 'val' ? valShares : trainShares).get(tier) ?? 0;
    if (unitHash(`${dir}/${file}`) >= share) continue;
    const webp = await sharp(join(dir, 'img', file))
      .webp({ quality })
      .toBuffer();
    index.push({ text, doc: `${dir}:${doc}`, tier, split, offset, length: webp.length });
    images.push(webp);
    offset += webp.length;
    counts.set(`${split} ${tier}`, (counts.get(`${split} ${tier}`) ?? 0) + 1);
  }
}
const json = Buffer.from(JSON.stringify(index));
const head = Buffer.alloc(4);
head.writeUInt32LE(json.length, 0);
await writeFile(values.out, Buffer.concat([head, json, ...images]));
const megabytes = (4 + json.length + offset) / 2 ** 20;
process.stdout.write(
  `${values.out}: ${index.length} lines, ${megabytes.toFixed(1)} MiB (${[...counts]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')})\n`,
);
