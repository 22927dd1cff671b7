import { describe, expect, it } from 'vitest';
import { REASONS, emptyRead, type KitasResult, type Polygon } from '../../src/core/schema';
import type { TruthDoc } from './dataset';
import { aggregate, scoreDocument } from './evaluate';

const box = (x0: number, y0: number, x1: number, y1: number): Polygon => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

function result(
  values: Record<string, [string, number, Polygon]>,
  status: KitasResult['status'] = 'SUCCESS',
): KitasResult {
  const read = emptyRead();
  for (const [k, [value, confidence, polygon]] of Object.entries(values)) {
    Object.assign(read[k as keyof typeof read], { value, value_original: value, confidence, polygon });
  }
  return { status, reason: REASONS.success, read };
}

function truth(
  layout: TruthDoc['layout'],
  values: Record<string, [string, number, Polygon]>,
  tier = 'digital',
): TruthDoc {
  return { id: `t-${layout}`, tier, layout, variant: 'v', kind: 'KITAS', expected: result(values) };
}

describe('scoreDocument', () => {
  const t = truth('page', {
    full_name: ['JOHN DOE', 1, box(0, 0, 100, 20)],
    niora: ['3ATAA20536', 1, box(0, 30, 100, 50)],
    gender: ['M', 1, box(0, 60, 20, 80)],
    photo: ['', 1, box(200, 0, 300, 120)],
  });
  const r = result({
    full_name: [' john  doe', 0.95, box(0, 0, 100, 20)], // right after normalization, IoU 1
    niora: ['3ATAA2O536', 0.92, box(50, 30, 150, 50)], // one substitution, IoU 50/150
    occupation: ['ENGINEER', 0.6, box(0, 90, 50, 100)], // false positive
    photo: ['iVBOR', 0.9, box(210, 0, 300, 120)], // IoU 90/100
  });
  const s = scoreDocument(t, r);
  const f = (name: string) => s.fields.find((x) => x.field === name)!;

  it('compares normalized values on non-empty truth', () => {
    expect(f('full_name').exact).toBe(true);
    expect(f('niora').exact).toBe(false);
    expect(f('gender').exact).toBe(false);
    expect(f('address').exact).toBeNull();
  });
  it('counts false positives, edits and IoU', () => {
    expect(f('occupation').false_positive).toBe(true);
    expect(f('niora').edits).toBe(1);
    expect(f('gender').edits).toBe(1);
    expect(f('full_name').iou).toBe(1);
    expect(f('niora').iou).toBeCloseTo(1 / 3, 12);
    expect(f('gender').iou).toBe(0);
    expect(f('occupation').iou).toBeNull();
  });
  it('scores the photo by presence and IoU', () => {
    expect(s.photo).toEqual({ truth: true, read: true, iou: 0.9, hit: true });
    expect(s.sign.truth).toBe(false);
    expect(s.all_right).toBe(false);
    expect(s.negative_ok).toBeNull();
  });
  it('aggregates exact match, CER, polygons and confidence', () => {
    const g = aggregate([s]);
    expect(g.exact_match).toEqual({ n: 3, ok: 1, rate: 1 / 3 });
    // Edits 0 + 1 + 1 over 8 + 10 + 1 characters.
    expect(g.cer).toBeCloseTo(2 / 19, 12);
    expect(g.false_positive.ok).toBe(1);
    expect(g.false_positive.n).toBe(19);
    expect(g.polygon_iou50).toEqual({ n: 3, ok: 1, rate: 1 / 3 });
    expect(g.photo).toEqual({ n: 1, ok: 1, rate: 1 });
    // Non-empty reads: full_name 0.95 right, niora 0.92 wrong, occupation 0.6 wrong.
    expect(g.confidence.reads).toBe(3);
    expect(g.confidence.high).toMatchObject({ n: 2, correct: 1, precision: 0.5 });
    expect(g.confidence.high.share).toBeCloseTo(2 / 3, 12);
    // Bins: 9 holds 0.95 (right) and 0.92 (wrong): |0.5 - 0.935| * 2/3; bin 6 holds 0.6 (wrong): 0.6 * 1/3.
    expect(g.confidence.ece).toBeCloseTo((2 / 3) * 0.435 + (1 / 3) * 0.6, 12);
    expect(g.per_field.niora!.cer).toBeCloseTo(0.1, 12);
  });
  it('counts a document right only when every field matches, empty ones included', () => {
    const good = scoreDocument(
      t,
      result({ full_name: ['JOHN DOE', 1, []], niora: ['3ATAA20536', 1, []], gender: ['m', 1, []] }),
    );
    expect(good.all_right).toBe(true);
    const extra = scoreDocument(
      t,
      result({
        full_name: ['JOHN DOE', 1, []],
        niora: ['3ATAA20536', 1, []],
        gender: ['M', 1, []],
        status: ['X', 1, []],
      }),
    );
    expect(extra.all_right).toBe(false);
  });
});

describe('negatives', () => {
  const t = truth('negative', {});
  it('accepts SUCCESS with the invalid reason and at most 3 fields', () => {
    const r = result({ full_name: ['A', 0.3, []], address: ['B', 0.3, []], gender: ['M', 0.3, []] });
    r.reason = REASONS.someInvalid;
    expect(scoreDocument(t, r).negative_ok).toBe(true);
  });
  it('rejects a fourth field, the plain success reason, or a failure status', () => {
    const four = result({
      full_name: ['A', 0.3, []],
      address: ['B', 0.3, []],
      gender: ['M', 0.3, []],
      niora: ['1', 0.3, []],
    });
    four.reason = REASONS.someInvalid;
    expect(scoreDocument(t, four).negative_ok).toBe(false);
    expect(scoreDocument(t, result({})).negative_ok).toBe(false);
    const failed = result({}, 'FAILED');
    failed.reason = REASONS.someInvalid;
    expect(scoreDocument(t, failed).negative_ok).toBe(false);
    expect(scoreDocument(t, null).negative_ok).toBe(false);
  });
});
