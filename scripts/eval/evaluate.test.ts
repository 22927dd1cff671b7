import { describe, expect, it } from 'vitest';
import { REASONS, emptyRead, type KitasResult, type Polygon } from '../../src/core/schema';
import type { TruthDoc } from './dataset';
import { aggregate, buildReport, scoreDocument } from './evaluate';
import { formatReport } from './format';

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
  it('keeps the text as read next to the normalized value', () => {
    expect(f('full_name').read_original).toBe(' john  doe');
    expect(f('address').read_original).toBe('');
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

describe('quality-aware figures', () => {
  const t = truth(
    'card',
    {
      full_name: ['JOHN DOE', 1, []],
      niora: ['3ATAA20536', 1, []],
      gender: ['M', 1, []],
    },
    'webcam',
  );
  function framed(issues: string[] | null, values: Record<string, [string, number, Polygon]>): KitasResult {
    const r = result(values);
    r.meta = {
      document_class: 'KITAS',
      layout: 'card',
      sources: ['ocr'],
      page_count: 1,
      page_sizes: [{ width: 1280, height: 960 }],
      invalid_fields: [],
      warnings: [],
      backend: 'test',
      versions: { app: 'a', detector: 'd', recognizer: 'r' },
      timings_ms: {},
      ...(issues
        ? { quality: { ok: issues.length === 0, issues, messages: [], sharpness: 1, textHeight: 12 } }
        : {}),
    } as KitasResult['meta'];
    return r;
  }

  // Readable: clean frame, all three right.
  const clean = scoreDocument(
    t,
    framed([], {
      full_name: ['JOHN DOE', 0.95, []],
      niora: ['3ATAA20536', 0.95, []],
      gender: ['M', 0.95, []],
    }),
  );
  // Readable: glare and cut_off do not flag a frame; one of three right.
  const glare = scoreDocument(
    t,
    framed(['glare', 'cut_off'], { full_name: ['JOHN DOE', 0.8, []], niora: ['3ATAA2O536', 0.95, []] }),
  );
  // Flagged too_small: a wrong read at 0.92, a right one at 0.95, a false positive at 0.9, a wrong one at 0.5.
  const small = scoreDocument(
    t,
    framed(['too_small'], {
      full_name: ['JOHN DOF', 0.92, []],
      niora: ['3ATAA20536', 0.95, []],
      occupation: ['ENGINEER', 0.9, []],
      gender: ['F', 0.5, []],
    }),
  );
  // Flagged blurry (with glare): one wrong read at 0.89, just under the threshold.
  const blurry = scoreDocument(t, framed(['glare', 'blurry'], { full_name: ['J0HN DOE', 0.89, []] }));
  // No quality report (a PDF, or a thrown read).
  const pdf = scoreDocument(t, framed(null, { full_name: ['JOHN DOE', 1, []] }));
  const failed = scoreDocument(t, null);

  it('records the issues and readability per document', () => {
    expect(clean).toMatchObject({ quality_issues: [], readable: true });
    expect(glare).toMatchObject({ quality_issues: ['glare', 'cut_off'], readable: true });
    expect(small).toMatchObject({ quality_issues: ['too_small'], readable: false });
    expect(blurry).toMatchObject({ quality_issues: ['glare', 'blurry'], readable: false });
    expect(pdf).toMatchObject({ quality_issues: null, readable: false });
    expect(failed).toMatchObject({ quality_issues: null, readable: false });
  });

  it("keeps the report's measures per document, and none without a report", () => {
    expect(clean.quality).toEqual({ sharpness: 1, text_height: 12, document_area: 0, glare: 0 });
    expect(pdf.quality).toBeNull();
    expect(failed.quality).toBeNull();
  });

  it('splits the frames the check asks to come closer to from the rest', () => {
    const g = aggregate([clean, glare, small, blurry, pdf, failed]);
    // Close enough: clean (3/3), glare (1/3) and blurry (0/3: the name misread, the rest unread).
    expect(g.close_enough_docs).toBe(3);
    expect(g.exact_match_close_enough).toEqual({ n: 9, ok: 4, rate: 4 / 9 });
    // Too small: the 0.92 name and the 0.9 false positive are wrong at >= 0.9 of its 4 reads.
    expect(g.too_small_docs).toBe(1);
    expect(g.too_small_confident_wrong).toEqual({ n: 4, ok: 2, rate: 0.5 });
  });

  it('splits readable from flagged docs and counts confident wrong reads on flagged ones', () => {
    const g = aggregate([clean, glare, small, blurry, pdf, failed]);
    expect(g.docs).toBe(6);
    expect(g.readable_docs).toBe(2);
    expect(g.flagged_docs).toBe(2);
    // Readable docs: 3 + 3 non-empty truth fields, 3 + 1 right.
    expect(g.exact_match_readable).toEqual({ n: 6, ok: 4, rate: 4 / 6 });
    // Flagged non-empty reads: 4 on the small frame, 1 on the blurry one. Wrong at >= 0.9: the 0.92
    // name and the 0.9 false positive; the 0.95 read is right, the 0.5 and 0.89 ones are under 0.9.
    expect(g.flagged_confident_wrong).toEqual({ n: 5, ok: 2, rate: 2 / 5 });
    // The existing figures still cover every document.
    expect(g.exact_match.n).toBe(18);
  });

  it('gives empty figures where no document has a quality report', () => {
    const g = aggregate([pdf, failed]);
    expect(g.readable_docs).toBe(0);
    expect(g.flagged_docs).toBe(0);
    expect(g.exact_match_readable).toEqual({ n: 0, ok: 0, rate: null });
    expect(g.flagged_confident_wrong).toEqual({ n: 0, ok: 0, rate: null });
  });

  it('aggregates per tier and prints the quality table only for tiers with quality data', () => {
    const pdfTier = scoreDocument({ ...t, tier: 'pdf' }, framed(null, { full_name: ['JOHN DOE', 1, []] }));
    const report = buildReport('s', [pdfTier, clean, small]);
    expect(report.per_tier.webcam).toMatchObject({ docs: 2, readable_docs: 1, flagged_docs: 1 });
    expect(report.per_tier.webcam!.flagged_confident_wrong).toEqual({ n: 4, ok: 2, rate: 0.5 });
    expect(report.per_tier.pdf).toMatchObject({ docs: 1, readable_docs: 0, flagged_docs: 0 });
    expect(report.overall).toMatchObject({ readable_docs: 1, flagged_docs: 1 });
    const text = formatReport(report);
    const rows = text.split('\n').filter((l) => /\d+\/\d+ reads +\|$/.test(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      /^\| webcam +\| 2 +\| 1 +\| 100\.0% \(3\/3\) +\| 1 +\| 2\/4 reads +\| 1 +\| 100\.0% \(3\/3\) +\| 2\/4 reads +\|$/,
    );
    expect(text).toMatch(
      /\| tier +\| docs +\| readable +\| exact \(readable\) +\| flagged \(too_small\/blurry\) +\|/,
    );
    expect(formatReport(buildReport('s', [pdfTier]))).not.toMatch(/readable/);
  });
});
