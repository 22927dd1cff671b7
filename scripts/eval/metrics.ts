// Metric functions of the evaluation harness. Pure functions on plain data, written independently of
// the pipeline's own helpers (src/core) so that the instrument does not share the bugs of what it
// measures.

import type { Polygon } from '../../src/core/schema';

/**
 * The comparison form of a field value: Unicode NFC, typographic quotes and dashes as ASCII, every run of
 * whitespace one space, trimmed, upper-case. Nothing else is forgiven (punctuation, digits/letters,
 * separators in dates all count).
 */
export function normalizeValue(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ')
    .trim()
    .toUpperCase();
}

/** Edit distance (insert, delete, substitute: cost 1 each) over UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const curr = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      curr.push(Math.min(prev[j]! + 1, curr[j - 1]! + 1, sub));
    }
    prev = curr;
  }
  return prev[b.length]!;
}

/**
 * Character error rate of one hypothesis against a non-empty reference: edits / reference length.
 * It can exceed 1 (a long wrong read). An empty reference has no CER: it throws.
 */
export function cer(reference: string, hypothesis: string): number {
  if (!reference.length) throw new Error('CER is undefined for an empty reference');
  return editDistance(reference, hypothesis) / reference.length;
}

/** Corpus CER: total edits over total reference characters (long fields weigh more, as they should). */
export class CerAccumulator {
  edits = 0;
  chars = 0;
  add(reference: string, hypothesis: string): void {
    if (!reference.length) return;
    this.edits += editDistance(reference, hypothesis);
    this.chars += reference.length;
  }
  get value(): number | null {
    return this.chars ? this.edits / this.chars : null;
  }
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Axis-aligned bounding box of a polygon, or null for an empty polygon (or one with a non-finite point). */
export function polygonBox(polygon: Polygon | null | undefined): Box | null {
  if (!polygon || polygon.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of polygon) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

function area(b: Box): number {
  return Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
}

/** Intersection over union of two axis-aligned boxes; 0 when either has no area. */
export function boxIou(a: Box, b: Box): number {
  const inter = area({
    x0: Math.max(a.x0, b.x0),
    y0: Math.max(a.y0, b.y0),
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
  });
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** IoU of the axis-aligned boxes of two polygons; 0 when either is empty. */
export function polygonIou(a: Polygon | null | undefined, b: Polygon | null | undefined): number {
  const ba = polygonBox(a);
  const bb = polygonBox(b);
  return ba && bb ? boxIou(ba, bb) : 0;
}

/** One read: its confidence (0..1) and whether its value was exactly right. */
export interface ConfidenceSample {
  confidence: number;
  correct: boolean;
}

/** The confidence buckets of the report: [0,0.5), [0.5,0.8), [0.8,0.9), [0.9,0.95), [0.95,1]. */
export const CONFIDENCE_EDGES = [0, 0.5, 0.8, 0.9, 0.95, 1] as const;

export interface BucketStat {
  lo: number;
  hi: number;
  /** Whether `hi` belongs to the bucket (only the last one). */
  closed: boolean;
  n: number;
  correct: number;
  /** correct / n, null when the bucket is empty. */
  accuracy: number | null;
  /** Mean confidence of its samples, null when empty. */
  mean_confidence: number | null;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Accuracy per confidence bucket; half-open buckets except the last, which includes its upper edge. */
export function bucketStats(
  samples: readonly ConfidenceSample[],
  edges: readonly number[] = CONFIDENCE_EDGES,
): BucketStat[] {
  const out: BucketStat[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const closed = i + 2 === edges.length;
    const inside = samples.filter((s) => {
      const c = clamp01(s.confidence);
      return c >= lo && (closed ? c <= hi : c < hi);
    });
    const correct = inside.filter((s) => s.correct).length;
    out.push({
      lo,
      hi,
      closed,
      n: inside.length,
      correct,
      accuracy: inside.length ? correct / inside.length : null,
      mean_confidence: inside.length
        ? inside.reduce((a, s) => a + clamp01(s.confidence), 0) / inside.length
        : null,
    });
  }
  return out;
}

/**
 * Expected calibration error with `bins` equal-width bins over [0,1] (a confidence of exactly 1 goes in
 * the last bin): sum over bins of (bin size / N) * |accuracy - mean confidence|. Null for no samples.
 */
export function expectedCalibrationError(samples: readonly ConfidenceSample[], bins = 10): number | null {
  if (!samples.length) return null;
  const n = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const acc = new Array<number>(bins).fill(0);
  for (const s of samples) {
    const c = clamp01(s.confidence);
    const b = Math.min(bins - 1, Math.floor(c * bins));
    n[b]! += 1;
    conf[b]! += c;
    acc[b]! += s.correct ? 1 : 0;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    if (!n[b]) continue;
    ece += (n[b]! / samples.length) * Math.abs(acc[b]! / n[b]! - conf[b]! / n[b]!);
  }
  return ece;
}

export interface ThresholdStat {
  threshold: number;
  /** Reads with confidence >= threshold. */
  n: number;
  correct: number;
  /** correct / n; null when no read reaches the threshold. */
  precision: number | null;
  /** n / all samples; null when there are no samples. */
  share: number | null;
}

/** Precision of the reads at or above a confidence threshold, and their share of all reads. */
export function precisionAtThreshold(samples: readonly ConfidenceSample[], threshold: number): ThresholdStat {
  const above = samples.filter((s) => clamp01(s.confidence) >= threshold);
  const correct = above.filter((s) => s.correct).length;
  return {
    threshold,
    n: above.length,
    correct,
    precision: above.length ? correct / above.length : null,
    share: samples.length ? above.length / samples.length : null,
  };
}

/**
 * Percentile with linear interpolation between closest ranks (numpy's default): p in [0,100].
 * Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** A ratio n/d, null when d is 0. */
export function ratio(n: number, d: number): number | null {
  return d ? n / d : null;
}
