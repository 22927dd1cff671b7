import { describe, expect, it } from 'vitest';
import type { Raster, RecognizeOptions, TextRecognizer } from './ports';
import { mergeRowFragments, recognizeRegion, type LineRect } from './text-lines';

const DEG = Math.PI / 180;

/** White raster with a black bar `length` x `thickness` centred at (cx, cy), turned by `degrees`. */
function tiltedBar(
  width: number,
  height: number,
  cx: number,
  cy: number,
  length: number,
  thickness: number,
  degrees: number,
): Raster {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const cos = Math.cos(degrees * DEG);
  const sin = Math.sin(degrees * DEG);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      if (Math.abs(u) < length / 2 && Math.abs(v) < thickness / 2) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { width, height, data };
}

/** Records the crop it is given and reads one word spanning its middle. */
function recorder() {
  const seen: { raster: Raster; opts: RecognizeOptions | undefined }[] = [];
  const recognizer: TextRecognizer = {
    name: 'recorder',
    recognize: (raster, opts) => {
      seen.push({ raster, opts });
      return Promise.resolve({
        text: 'BAR',
        confidence: 0.9,
        words: [{ text: 'BAR', confidence: 0.8, bbox: { x: 40, y: 0, width: 400, height: raster.height } }],
      });
    },
  };
  return { recognizer, seen };
}

/** Mean row of the dark pixels in a band of columns [x0, x1). */
function darkRowMean(r: Raster, x0: number, x1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = x0; x < x1; x++) {
      if (r.data[(y * r.width + x) * 4]! < 128) {
        sum += y;
        n++;
      }
    }
  }
  return n ? sum / n : NaN;
}

/** Rows holding any dark pixel in a band of columns [x0, x1). */
function darkRows(r: Raster, x0: number, x1: number): number {
  let rows = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = x0; x < x1; x++) {
      if (r.data[(y * r.width + x) * 4]! < 128) {
        rows++;
        break;
      }
    }
  }
  return rows;
}

describe('recognizeRegion on a tilted line', () => {
  // A 200 x 10 bar at 8 degrees around (150, 60): its upright box, and the angle it is turned by.
  const raster = tiltedBar(300, 120, 150, 60, 200, 10, 8);
  const upright: LineRect = { x: 50, y: 55, width: 200, height: 10 };
  const tilted: LineRect = { ...upright, angle: 8 * DEG };

  it('hands the recognizer the line turned level', async () => {
    const { recognizer, seen } = recorder();
    const line = await recognizeRegion(raster, tilted, recognizer);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.opts).toEqual({ mode: 'line' });
    const crop = seen[0]!.raster;
    // Padded by 2 px each side and scaled x4 to the 40 px target height.
    expect(crop.width).toBe(204 * 4);
    expect(crop.height).toBe(14 * 4);
    // Level: the bar sits at the same rows at both ends of the crop, and fills the middle 40 rows.
    const w = crop.width;
    const left = darkRowMean(crop, Math.round(0.1 * w), Math.round(0.25 * w));
    const right = darkRowMean(crop, Math.round(0.75 * w), Math.round(0.9 * w));
    expect(Math.abs(left - right)).toBeLessThan(2);
    expect(Math.abs(left - crop.height / 2)).toBeLessThan(3);
    const narrowBand = darkRows(crop, Math.round(0.45 * w), Math.round(0.55 * w));
    expect(narrowBand).toBeGreaterThanOrEqual(36);
    expect(narrowBand).toBeLessThanOrEqual(46);
    // The line keeps its rect; word boxes come back in raster pixels along the line.
    expect(line).not.toBeNull();
    expect(line!.rect).toBe(tilted);
    expect(line!.text).toBe('BAR');
    expect(line!.confidence).toBeCloseTo(0.8, 6);
    expect(line!.words[0]!.rect.x).toBeCloseTo(48 + 40 / 4, 6);
    expect(line!.words[0]!.rect.width).toBeCloseTo(100, 6);
  });

  it('the same box without an angle crops the bar slanting across', async () => {
    const { recognizer, seen } = recorder();
    await recognizeRegion(raster, upright, recognizer);
    const crop = seen[0]!.raster;
    const w = crop.width;
    const left = darkRowMean(crop, Math.round(0.1 * w), Math.round(0.25 * w));
    const right = darkRowMean(crop, Math.round(0.75 * w), Math.round(0.9 * w));
    // Over the crop's 14 px height the bar climbs 200 * tan 8 deg = 28 px: it leaves the crop at
    // the top on the left and at the bottom on the right.
    expect(right - left).toBeGreaterThan(20);
    const narrowBand = darkRows(crop, Math.round(0.45 * w), Math.round(0.55 * w));
    // A narrow column band of the slanting bar crosses every row; the level one only its own.
    expect(narrowBand).toBe(crop.height);
  });

  it('an angle of zero takes the axis-aligned path', async () => {
    const a = recorder();
    const b = recorder();
    const level: LineRect = { ...upright, angle: 0 };
    await recognizeRegion(raster, level, a.recognizer);
    await recognizeRegion(raster, upright, b.recognizer);
    expect(a.seen[0]!.raster.width).toBe(b.seen[0]!.raster.width);
    expect(a.seen[0]!.raster.height).toBe(b.seen[0]!.raster.height);
    expect(Array.from(a.seen[0]!.raster.data)).toEqual(Array.from(b.seen[0]!.raster.data));
  });
});

describe('mergeRowFragments and line direction', () => {
  // A photo's colon: two dots whose blob the detector sees as tilted by 10 degrees, just left of a
  // level value. Merged, the value must stay level: turned by the colon's angle, its crop had cut
  // the last glyph ("FERRARI" read as "FERRAR" at 0.99).
  const colon: LineRect = { x: 520, y: 700, width: 28, height: 16, angle: -10 * DEG };
  const value: LineRect = { x: 548, y: 696, width: 338, height: 27 };

  it('takes the direction of the widest fragment, not of the leftmost', () => {
    const [merged, ...rest] = mergeRowFragments([value, colon]);
    expect(rest).toHaveLength(0);
    expect(merged).toMatchObject({ x: 520, width: 366 });
    expect(merged!.angle).toBeUndefined();
  });

  it('keeps a tilted line tilted when a level fragment is the smaller one', () => {
    const tiltedValue: LineRect = { ...value, angle: 3 * DEG };
    const level: LineRect = { x: 520, y: 700, width: 28, height: 20 };
    const [merged] = mergeRowFragments([level, tiltedValue]);
    expect(merged!.angle).toBeCloseTo(3 * DEG);
  });

  it('does not change its input boxes', () => {
    const input = [{ ...colon }, { ...value }];
    mergeRowFragments(input);
    expect(input[0]).toEqual(colon);
  });
});
