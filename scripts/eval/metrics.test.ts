import { describe, expect, it } from 'vitest';
import {
  CerAccumulator,
  boxIou,
  bucketStats,
  cer,
  editDistance,
  expectedCalibrationError,
  normalizeValue,
  percentile,
  polygonBox,
  polygonIou,
  precisionAtThreshold,
  type ConfidenceSample,
} from './metrics';

describe('normalizeValue', () => {
  it('collapses whitespace, trims, upper-cases and maps dashes', () => {
    expect(normalizeValue('  jl.  raya\tbaru \n')).toBe('JL. RAYA BARU');
    expect(normalizeValue('20\u201301\u20141979')).toBe('20-01-1979');
    expect(normalizeValue(undefined)).toBe('');
  });
  it('keeps punctuation and digit/letter differences', () => {
    expect(normalizeValue('JL. A')).not.toBe(normalizeValue('JL A'));
    expect(normalizeValue('G5933')).not.toBe(normalizeValue('GS933'));
  });
});

describe('editDistance and CER', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
  it('divides by the reference length and may exceed 1', () => {
    expect(cer('ABCD', 'ABXD')).toBe(0.25);
    expect(cer('AB', 'ABCDEF')).toBe(2);
    expect(cer('ABCD', '')).toBe(1);
    expect(() => cer('', 'X')).toThrow(/empty reference/);
  });
  it('pools edits over characters across fields', () => {
    const acc = new CerAccumulator();
    expect(acc.value).toBeNull();
    acc.add('ABCD', 'ABXD'); // 1 edit / 4
    acc.add('XY', ''); // 2 edits / 2
    acc.add('', 'Z'); // no reference: ignored
    expect(acc.edits).toBe(3);
    expect(acc.chars).toBe(6);
    expect(acc.value).toBe(0.5);
  });
});

describe('IoU', () => {
  it('computes the axis-aligned box of a quad in any point order', () => {
    expect(
      polygonBox([
        [538, 361],
        [538, 342],
        [660, 342],
        [660, 361],
      ]),
    ).toEqual({ x0: 538, y0: 342, x1: 660, y1: 361 });
    expect(polygonBox([])).toBeNull();
  });
  it('is 1/3 for two 10x10 boxes overlapping by half', () => {
    expect(boxIou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 0, x1: 15, y1: 10 })).toBeCloseTo(1 / 3, 12);
  });
  it('is 1 for the same box, 0 for disjoint or touching boxes and for empty polygons', () => {
    const q: [number, number][] = [
      [0, 10],
      [0, 0],
      [10, 0],
      [10, 10],
    ];
    expect(
      polygonIou(q, [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ]),
    ).toBe(1);
    expect(boxIou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 10, y0: 0, x1: 20, y1: 10 })).toBe(0);
    expect(polygonIou(q, [])).toBe(0);
  });
  it('is 25/175 for a box inside-offset by 5 in both axes', () => {
    // [0,10]^2 vs [5,15]^2: intersection 5x5 = 25, union 100 + 100 - 25 = 175.
    expect(boxIou({ x0: 0, y0: 0, x1: 10, y1: 10 }, { x0: 5, y0: 5, x1: 15, y1: 15 })).toBeCloseTo(
      25 / 175,
      12,
    );
  });
});

const S = (confidence: number, correct: boolean): ConfidenceSample => ({ confidence, correct });

describe('confidence buckets', () => {
  const samples = [
    S(0.2, true),
    S(0.5, false),
    S(0.79, true),
    S(0.85, true),
    S(0.9, false),
    S(0.95, true),
    S(1.0, true),
    S(0.97, false),
  ];
  it('puts edges in the upper bucket, 1.0 in the last', () => {
    const b = bucketStats(samples);
    expect(b.map((x) => [x.lo, x.hi, x.n, x.correct])).toEqual([
      [0, 0.5, 1, 1],
      [0.5, 0.8, 2, 1],
      [0.8, 0.9, 1, 1],
      [0.9, 0.95, 1, 0],
      [0.95, 1, 3, 2],
    ]);
    expect(b[1]!.accuracy).toBe(0.5);
    expect(b[3]!.accuracy).toBe(0);
    expect(b[4]!.accuracy).toBeCloseTo(2 / 3, 12);
    expect(b[4]!.mean_confidence).toBeCloseTo((0.95 + 1 + 0.97) / 3, 12);
    expect(b[4]!.closed).toBe(true);
  });
  it('reports empty buckets with null accuracy', () => {
    const b = bucketStats([S(0.99, true)]);
    expect(b[0]!.n).toBe(0);
    expect(b[0]!.accuracy).toBeNull();
  });
  it('gives precision and share at a threshold', () => {
    const p = precisionAtThreshold(samples, 0.9);
    // >= 0.9: 0.9 (wrong), 0.95, 1.0 (right), 0.97 (wrong).
    expect(p).toEqual({ threshold: 0.9, n: 4, correct: 2, precision: 0.5, share: 0.5 });
    expect(precisionAtThreshold([S(0.3, true)], 0.9).precision).toBeNull();
    expect(precisionAtThreshold([], 0.9).share).toBeNull();
  });
});

describe('expected calibration error', () => {
  it('weights each bin gap by its share of samples', () => {
    // Bin 9: four reads at 0.95, two right -> |0.5 - 0.95| = 0.45, weight 4/8.
    // Bin 2: four reads at 0.25, none right -> |0 - 0.25| = 0.25, weight 4/8.
    const samples = [
      S(0.95, true),
      S(0.95, true),
      S(0.95, false),
      S(0.95, false),
      S(0.25, false),
      S(0.25, false),
      S(0.25, false),
      S(0.25, false),
    ];
    expect(expectedCalibrationError(samples)).toBeCloseTo(0.5 * 0.45 + 0.5 * 0.25, 12);
  });
  it('is 0 when confidence 1 reads are all right, and 1 when they are all wrong', () => {
    expect(expectedCalibrationError([S(1, true), S(1, true)])).toBe(0);
    expect(expectedCalibrationError([S(1, false)])).toBe(1);
    expect(expectedCalibrationError([])).toBeNull();
  });
  it('averages confidence within a bin', () => {
    // One bin [0.6,0.7): confidences 0.6 and 0.68 average 0.64, one of two right: gap 0.14.
    expect(expectedCalibrationError([S(0.6, true), S(0.68, false)])).toBeCloseTo(Math.abs(0.5 - 0.64), 12);
  });
});

describe('percentile', () => {
  it('interpolates linearly between ranks', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(twenty, 95)).toBeCloseTo(19.05, 12);
    expect(percentile(twenty, 0)).toBe(1);
    expect(percentile(twenty, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});
