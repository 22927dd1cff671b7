import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packLines, parseShares, readPack } from './pack-rec-lines';

/** A lines directory as rec-lines.ts writes it: 48 px high RGB crops and labels.tsv. */
async function linesDir(root: string, rows: [file: string, text: string, doc: string, tier: string][]) {
  await mkdir(join(root, 'img'), { recursive: true });
  for (const [i, [file]] of rows.entries()) {
    // Each crop its own width and shade, so that a mixed-up offset shows.
    await sharp({
      create: {
        width: 60 + 20 * i,
        height: 48,
        channels: 3,
        background: { r: Math.min(255, 40 * i), g: 90, b: 200 },
      },
    })
      .png()
      .toFile(join(root, 'img', file));
  }
  await writeFile(join(root, 'labels.tsv'), rows.map((r) => r.join('\t')).join('\n') + '\n');
}

describe('packLines', () => {
  let root = '';
  const rows: [string, string, string, string][] = [
    ['a.png', 'REPUBLIK INDONESIA', 'page-0001-photo', 'photo'],
    ['b.png', 'CHO YUNA', 'page-0007-photo', 'photo'],
    ['c.png', '26-10-2022', 'card-0003-webcam', 'webcam'],
    ['d.png', 'M34004319', 'card-0009-scan', 'scan'],
  ];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pack-'));
    await linesDir(root, rows);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('keeps every line of a tier taken whole, splits by document, and each image decodes at its offset', async () => {
    const { bytes, index } = await packLines([root], {
      quality: 70,
      take: parseShares('photo=1,webcam=1,scan=1'),
      valTake: parseShares('photo=1,webcam=1,scan=1'),
      valDocs: /-000[0-4]-/,
    });
    expect(index.map((e) => [e.text, e.split, e.tier])).toEqual([
      ['REPUBLIK INDONESIA', 'val', 'photo'],
      ['CHO YUNA', 'train', 'photo'],
      ['26-10-2022', 'val', 'webcam'],
      ['M34004319', 'train', 'scan'],
    ]);
    const read = readPack(bytes);
    expect(read.map((r) => r.entry)).toEqual(index);
    for (const [i, { image }] of read.entries()) {
      const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
      expect(info.format).toBe('raw');
      expect([info.width, info.height]).toEqual([60 + 20 * i, 48]);
      // WebP is lossy: the shade comes back within a few levels.
      expect(Math.abs(data[0]! - 40 * i)).toBeLessThan(8);
    }
  });

  it('keeps no line of a tier not named or taken at 0', async () => {
    const { index } = await packLines([root], {
      quality: 70,
      take: parseShares('photo=1,scan=0'),
      valTake: parseShares('photo=1'),
      valDocs: /-000[0-4]-/,
    });
    expect(index.map((e) => e.text)).toEqual(['REPUBLIK INDONESIA', 'CHO YUNA']);
  });

  it('samples a share of the lines, the same ones on every run', async () => {
    const many = join(root, 'many');
    await linesDir(
      many,
      Array.from({ length: 20 }, (_, i) => [`l${i}.png`, `LINE ${i}`, `page-00${10 + i}-photo`, 'photo']),
    );
    const options = {
      quality: 70,
      take: parseShares('photo=0.5'),
      valTake: new Map(),
      valDocs: /-000[0-4]-/,
    };
    const first = await packLines([many], options);
    expect(first.index.length).toBeGreaterThan(0);
    expect(first.index.length).toBeLessThan(20);
    expect((await packLines([many], options)).bytes.equals(first.bytes)).toBe(true);
  });
});

describe('parseShares', () => {
  it('reads tier=share pairs', () => {
    expect([...parseShares('photo=0.56,webcam=0.32,scan=1')]).toEqual([
      ['photo', 0.56],
      ['webcam', 0.32],
      ['scan', 1],
    ]);
  });
});
