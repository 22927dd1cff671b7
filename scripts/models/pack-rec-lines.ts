// Packs line crops (scripts/models/rec-lines.ts) into one small file for training on a machine they
// must travel to (a lent GPU machine takes at most 64 MiB with the whole working tree): each crop
// re-encoded as lossy WebP, a sample of each tier kept, all in one blob with a JSON index.
//
//   npx tsx scripts/models/pack-rec-lines.ts --out PACK.bin [--quality 70] \
//     [--take photo=0.6,webcam=0.4,scan=1,digital=1] [--val-docs='-000[0-4]-'] \
//     [--val-take photo=0.3,webcam=0.2,scan=0.5,digital=0.5] LINES_DIR [LINES_DIR...]
//
// Layout: 4-byte little-endian length of the JSON index, the index (an array of
// {text, doc, tier, split, offset, length}), then the WebP images back to back
// (`finetune_rec_full.py`'s `load_pack` reads it). The sample is chosen by a hash of the crop's path
// as given (directory and file name), so the same arguments give the same pack, whatever order the
// directories are read in.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export interface PackEntry {
  text: string;
  doc: string;
  tier: string;
  split: 'train' | 'val';
  /** Bytes from the start of the images (after the index). */
  offset: number;
  length: number;
}

export interface PackOptions {
  /** WebP quality, 1-100. */
  quality: number;
  /** Share of each tier's training lines kept, 0-1 (a tier not named keeps none). */
  take: ReadonlyMap<string, number>;
  /** Share of each tier's validation lines kept. */
  valTake: ReadonlyMap<string, number>;
  /** Document ids held out for validation. */
  valDocs: RegExp;
}

/** 'photo=0.6,webcam=0.4' -> {photo: 0.6, webcam: 0.4}. */
export function parseShares(spec: string): Map<string, number> {
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

/** The pack's bytes and its index. */
export async function packLines(
  dirs: readonly string[],
  options: PackOptions,
): Promise<{ bytes: Buffer; index: PackEntry[] }> {
  const index: PackEntry[] = [];
  const images: Buffer[] = [];
  let offset = 0;
  for (const dir of dirs) {
    const rows = (await readFile(join(dir, 'labels.tsv'), 'utf8')).split('\n').filter(Boolean);
    for (const row of rows) {
      const [file, text, doc, tier] = row.split('\t');
      if (!file || !text || !doc || !tier) continue;
      const split = options.valDocs.test(doc) ? 'val' : 'train';
      const share = (split === 'val' ? options.valTake : options.take).get(tier) ?? 0;
      if (unitHash(`${dir}/${file}`) >= share) continue;
      const webp = await sharp(join(dir, 'img', file))
        .webp({ quality: options.quality })
        .toBuffer();
      index.push({ text, doc: `${dir}:${doc}`, tier, split, offset, length: webp.length });
      images.push(webp);
      offset += webp.length;
    }
  }
  const json = Buffer.from(JSON.stringify(index));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length, 0);
  return { bytes: Buffer.concat([head, json, ...images]), index };
}

/** The index and each entry's image bytes, as `load_pack` reads a pack. */
export function readPack(bytes: Buffer): { entry: PackEntry; image: Buffer }[] {
  const length = bytes.readUInt32LE(0);
  const index = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as PackEntry[];
  const base = 4 + length;
  return index.map((entry) => ({
    entry,
    image: bytes.subarray(base + entry.offset, base + entry.offset + entry.length),
  }));
}

async function main(): Promise<void> {
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
  const { bytes, index } = await packLines(positionals, {
    quality: Number(values.quality),
    take: parseShares(values.take),
    valTake: parseShares(values['val-take']),
    valDocs: new RegExp(values['val-docs']),
  });
  await writeFile(values.out, bytes);
  const counts = new Map<string, number>();
  for (const e of index) counts.set(`${e.split} ${e.tier}`, (counts.get(`${e.split} ${e.tier}`) ?? 0) + 1);
  const tally = [...counts]
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  process.stdout.write(
    `${values.out}: ${index.length} lines, ${(bytes.length / 2 ** 20).toFixed(1)} MiB (${tally})\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
