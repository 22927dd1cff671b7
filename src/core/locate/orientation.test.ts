import { describe, expect, it } from 'vitest';
import { upsideDownByRecognizer } from './orientation';
import { createRaster } from '../image/raster';
import type { Raster, RecognizeOptions, TextRecognizer } from '../ports';

/** A page whose lines are dark on their left half: turned by 180 degrees, dark on the right. */
function page(): Raster {
  const r = createRaster(400, 200);
  for (let y = 0; y < r.height; y++)
    for (let x = 0; x < r.width; x++) {
      const i = 4 * (y * r.width + x);
      const v = x < r.width / 2 ? 30 : 230;
      r.data[i] = r.data[i + 1] = r.data[i + 2] = v;
      r.data[i + 3] = 255;
    }
  return r;
}

const LINES = [
  { x: 0, y: 20, width: 400, height: 30 },
  { x: 0, y: 80, width: 400, height: 30 },
  { x: 0, y: 140, width: 400, height: 30 },
];

type Scores = Record<'first' | 'second', { upright: number; turned: number }>;

/** Reports `scores` for crops as printed (dark left) and turned (dark right), per engine. */
function fakeRecognizer(scores: Scores, engineCount?: number) {
  const asked: string[] = [];
  const recognizer: TextRecognizer = {
    name: 'fake',
    ...(engineCount ? { engineCount } : {}),
    async recognize(raster: Raster, opts: RecognizeOptions = {}) {
      const engine = opts.engine ?? 'first';
      asked.push(engine);
      const upright = raster.data[4 * Math.floor(raster.height / 2) * raster.width]! < 128;
      const s = scores[engine];
      return { text: 'KANTOR WILAYAH', confidence: upright ? s.upright : s.turned, words: [] };
    },
  };
  return { recognizer, asked };
}

describe('upside down or upright, by the recognizer', () => {
  it('one engine that reads the print clearly better as it is: upright', async () => {
    const { recognizer, asked } = fakeRecognizer({
      first: { upright: 0.9, turned: 0.2 },
      second: { upright: 0, turned: 0 },
    });
    expect(await upsideDownByRecognizer(recognizer)(page(), LINES)).toBe(false);
    // A single-engine recognizer is never asked for a second opinion.
    expect(asked.every((e) => e === 'first')).toBe(true);
  });

  it('one engine unsure either way: undecided', async () => {
    const { recognizer } = fakeRecognizer({
      first: { upright: 0.5, turned: 0.52 },
      second: { upright: 0.1, turned: 0.95 },
    });
    expect(await upsideDownByRecognizer(recognizer)(page(), LINES)).toBeNull();
  });

  it('two engines: the decisive one settles what the unsure one cannot', async () => {
    const { recognizer, asked } = fakeRecognizer(
      { first: { upright: 0.5, turned: 0.52 }, second: { upright: 0.1, turned: 0.95 } },
      2,
    );
    expect(await upsideDownByRecognizer(recognizer)(page(), LINES)).toBe(true);
    expect(asked).toContain('second');
  });

  it('two engines, the first decisive: the second is not asked', async () => {
    const { recognizer, asked } = fakeRecognizer(
      { first: { upright: 0.9, turned: 0.3 }, second: { upright: 0.3, turned: 0.9 } },
      2,
    );
    expect(await upsideDownByRecognizer(recognizer)(page(), LINES)).toBe(false);
    expect(asked).not.toContain('second');
  });

  it('two engines, the first leaning one way and the second as much the other: undecided', async () => {
    const { recognizer, asked } = fakeRecognizer(
      { first: { upright: 0.7, turned: 0.5 }, second: { upright: 0.5, turned: 0.7 } },
      2,
    );
    expect(await upsideDownByRecognizer(recognizer)(page(), LINES)).toBeNull();
    expect(asked).toContain('second');
  });
});
