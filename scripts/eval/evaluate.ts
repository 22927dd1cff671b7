// Scoring of pipeline results against the generator's truth, and aggregation per tier.
// `scoreDocument` and `aggregate` are pure; `runEval` drives the real pipeline (readDocument with the
// Node engines, the same core every front door calls).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readDocument } from '../../src/core/read-document';
import type { Engines, ReadOptions } from '../../src/core/ports';
import type { FieldEvidence } from '../../src/core/confidence';
import type { RecognizerChoice } from '../../src/engine/node/engines';
import {
  REASONS,
  TEXT_FIELDS,
  type ImageField,
  type KitasResult,
  type TextFieldName,
} from '../../src/core/schema';
import { setHash } from './baseline';
import { loadSet, type EvalDoc, type TruthDoc } from './dataset';
import {
  CONFIDENCE_EDGES,
  bucketStats,
  editDistance,
  expectedCalibrationError,
  normalizeValue,
  polygonIou,
  precisionAtThreshold,
  ratio,
  type BucketStat,
  type ConfidenceSample,
  type ThresholdStat,
} from './metrics';

/** IoU at or above which a polygon counts as found. */
export const IOU_HIT = 0.5;
/** Confidence at or above which a read is "trusted". */
export const HIGH_CONFIDENCE = 0.9;
/** A negative may still show this many non-empty text fields (stray words) and count as rejected. */
export const NEGATIVE_MAX_FIELDS = 3;
/** Quality issues under which a frame is not readable reliably: the check must say so ("move closer", "hold still"). */
export const UNREADABLE_ISSUES: readonly string[] = ['too_small', 'blurry'];
/** The issue under which the check tells the user to move closer: the webcam target is set on the other frames. */
export const TOO_SMALL_ISSUE = 'too_small';

export interface FieldScore {
  field: TextFieldName;
  /** Normalized truth and read values. */
  truth: string;
  read: string;
  /** The text as the recognizer gave it, before the field's normalizer (look-alike fixes, snapping). */
  read_original: string;
  /** Exact match of normalized values; null when the truth is empty. */
  exact: boolean | null;
  /** Non-empty read where the truth is empty. */
  false_positive: boolean;
  /** Edit distance to the truth and truth length (0 when the truth is empty). */
  edits: number;
  ref_chars: number;
  confidence: number;
  /** What the confidence was computed from (result.meta.field_evidence), so a confidence model can be
   * compared on a report without running the pipeline again; absent for unread fields. */
  evidence?: FieldEvidence;
  /** IoU of the boxes (same page required); null when the truth has no polygon. */
  iou: number | null;
}

export interface ImageScore {
  truth: boolean;
  read: boolean;
  iou: number | null;
  /** Truth present, read present and IoU >= 0.5 on the same page. */
  hit: boolean;
}

export interface DocScore {
  id: string;
  tier: string;
  layout: string;
  kind: string;
  variant: string;
  status: string;
  reason: string;
  fields: FieldScore[];
  photo: ImageScore;
  sign: ImageScore;
  /** Non-negative docs: every text field equal to the truth (empty ones included). Null for negatives. */
  all_right: boolean | null;
  /** Negatives: SUCCESS, the 'some invalid' reason and at most 3 non-empty text fields. Null otherwise. */
  negative_ok: boolean | null;
  nonempty_reads: number;
  /** `result.meta.quality.issues` (photos and frames); null when the result has no quality report (PDFs). */
  quality_issues: string[] | null;
  /** A quality report is present and names neither 'too_small' nor 'blurry'. */
  readable: boolean;
  /** The quality report's measures (photos and frames), for studying the check's thresholds; null without one. */
  quality: { sharpness: number; text_height: number; document_area: number; glare: number } | null;
  timings_ms: Record<string, number>;
  wall_ms: number;
  error?: string;
}

function pageOf(f: { page_index?: number } | undefined): number {
  return typeof f?.page_index === 'number' ? f.page_index : 0;
}

function scoreImage(truth: ImageField | undefined, read: ImageField | undefined): ImageScore {
  const hasTruth = !!truth && Array.isArray(truth.polygon) && truth.polygon.length > 0;
  const hasRead = !!read && typeof read.value === 'string' && read.value.length > 0;
  const iou = hasTruth
    ? hasRead && pageOf(read) === pageOf(truth)
      ? polygonIou(truth!.polygon, read!.polygon)
      : 0
    : null;
  return { truth: hasTruth, read: hasRead, iou, hit: hasTruth && hasRead && (iou ?? 0) >= IOU_HIT };
}

/** The issues of a result's quality report (meta.quality), or null when it has none. */
export function qualityIssues(result: KitasResult | null): string[] | null {
  const q = result?.meta?.quality as { issues?: unknown } | null | undefined;
  if (!q || typeof q !== 'object' || !Array.isArray(q.issues)) return null;
  return q.issues.filter((i): i is string => typeof i === 'string');
}

/** A quality report is present and names 'too_small' or 'blurry'. */
export function isFlagged(doc: Pick<DocScore, 'quality_issues'>): boolean {
  return !!doc.quality_issues?.some((i) => UNREADABLE_ISSUES.includes(i));
}

/** A quality report is present and does not ask the user to move closer. */
export function isCloseEnough(doc: Pick<DocScore, 'quality_issues'>): boolean {
  return !!doc.quality_issues && !doc.quality_issues.includes(TOO_SMALL_ISSUE);
}

/** The quality report's measures, or null when the result has none. */
export function qualityMeasures(result: KitasResult | null): DocScore['quality'] {
  const q = result?.meta?.quality as Record<string, unknown> | null | undefined;
  if (!q || typeof q !== 'object' || !Array.isArray(q.issues)) return null;
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    sharpness: num(q.sharpness),
    text_height: num(q.textHeight),
    document_area: num(q.documentArea),
    glare: num(q.glare),
  };
}

/** Scores one pipeline result against its truth. */
export function scoreDocument(
  truth: TruthDoc,
  result: KitasResult | null,
  extra: { wall_ms?: number; error?: string } = {},
): DocScore {
  const fields: FieldScore[] = [];
  const evidence = (result?.meta?.field_evidence ?? {}) as Partial<Record<TextFieldName, FieldEvidence>>;
  for (const field of TEXT_FIELDS) {
    const t = truth.expected.read[field];
    const r = result?.read?.[field];
    const tv = normalizeValue(t?.value);
    const rv = normalizeValue(r?.value);
    const truthPoly = t && Array.isArray(t.polygon) && t.polygon.length > 0 && tv ? t.polygon : null;
    fields.push({
      field,
      truth: tv,
      read: rv,
      read_original: typeof r?.value_original === 'string' ? r.value_original : '',
      exact: tv ? tv === rv : null,
      false_positive: !tv && !!rv,
      edits: tv ? editDistance(tv, rv) : 0,
      ref_chars: tv.length,
      confidence: typeof r?.confidence === 'number' && Number.isFinite(r.confidence) ? r.confidence : 0,
      iou: truthPoly ? (r && rv && pageOf(r) === pageOf(t) ? polygonIou(truthPoly, r.polygon) : 0) : null,
      ...(rv && evidence[field] ? { evidence: evidence[field] } : {}),
    });
  }
  const nonempty = fields.filter((f) => f.read).length;
  const negative = truth.layout === 'negative';
  const issues = qualityIssues(result);
  return {
    id: truth.id,
    tier: truth.tier,
    layout: truth.layout,
    kind: truth.kind,
    variant: truth.variant,
    status: result?.status ?? 'ERROR',
    reason: result?.reason ?? '',
    fields,
    photo: scoreImage(truth.expected.read.photo, result?.read?.photo),
    sign: scoreImage(truth.expected.read.sign, result?.read?.sign),
    all_right: negative ? null : fields.every((f) => f.truth === f.read),
    negative_ok: negative
      ? result?.status === 'SUCCESS' &&
        result.reason === REASONS.someInvalid &&
        nonempty <= NEGATIVE_MAX_FIELDS
      : null,
    nonempty_reads: nonempty,
    quality_issues: issues,
    readable: issues !== null && !isFlagged({ quality_issues: issues }),
    quality: qualityMeasures(result),
    timings_ms: { ...(result?.meta?.timings_ms ?? {}) },
    wall_ms: extra.wall_ms ?? 0,
    ...(extra.error ? { error: extra.error } : {}),
  };
}

export interface Rate {
  n: number;
  ok: number;
  /** ok / n; null when n is 0. */
  rate: number | null;
}

function rate(ok: number, n: number): Rate {
  return { n, ok, rate: ratio(ok, n) };
}

export interface FieldStats {
  /** Exact match over non-empty truth. */
  exact: Rate;
  /** False positives over empty truth. */
  false_positive: Rate;
  cer: number | null;
  polygon_iou50: Rate;
}

export interface GroupStats {
  docs: number;
  exact_match: Rate;
  false_positive: Rate;
  cer: number | null;
  polygon_iou50: Rate;
  photo: Rate;
  sign: Rate;
  all_fields_right: Rate;
  negatives_ok: Rate;
  /** Positive docs answered SUCCESS. */
  positives_success: Rate;
  errors: number;
  confidence: {
    /** Non-empty reads (the samples below). */
    reads: number;
    buckets: BucketStat[];
    high: ThresholdStat;
    ece: number | null;
  };
  per_field: Record<string, FieldStats>;
  /** Docs with a quality report that names neither 'too_small' nor 'blurry'. */
  readable_docs: number;
  /** Exact match over the non-empty truth fields of the readable docs. */
  exact_match_readable: Rate;
  /** Docs whose quality report names 'too_small' or 'blurry'. */
  flagged_docs: number;
  /**
   * On flagged docs: n = non-empty reads, ok = those with confidence >= HIGH_CONFIDENCE that are wrong
   * (not equal to the, possibly empty, truth). Should be 0: a frame judged unreadable must not look certain.
   */
  flagged_confident_wrong: Rate;
  /** Docs with a quality report that does not name 'too_small' (the check does not say "move closer"). */
  close_enough_docs: number;
  /** Exact match over the non-empty truth fields of those docs: what the webcam target is set on. */
  exact_match_close_enough: Rate;
  /** Docs whose report names 'too_small': n = their non-empty reads, ok = wrong ones at confidence >= 0.9. */
  too_small_docs: number;
  too_small_confident_wrong: Rate;
}

function fieldStats(scores: FieldScore[]): FieldStats {
  const withTruth = scores.filter((f) => f.exact !== null);
  const empty = scores.filter((f) => f.exact === null);
  const polys = scores.filter((f) => f.iou !== null);
  const edits = withTruth.reduce((a, f) => a + f.edits, 0);
  const chars = withTruth.reduce((a, f) => a + f.ref_chars, 0);
  return {
    exact: rate(withTruth.filter((f) => f.exact).length, withTruth.length),
    false_positive: rate(empty.filter((f) => f.false_positive).length, empty.length),
    cer: ratio(edits, chars),
    polygon_iou50: rate(polys.filter((f) => (f.iou ?? 0) >= IOU_HIT).length, polys.length),
  };
}

/** Confidence samples: every non-empty read, right when it equals the (possibly empty) truth. */
export function confidenceSamples(docs: DocScore[]): ConfidenceSample[] {
  return docs.flatMap((d) =>
    d.fields.filter((f) => f.read).map((f) => ({ confidence: f.confidence, correct: f.read === f.truth })),
  );
}

/** n = the docs' non-empty reads, ok = those wrong at confidence >= HIGH_CONFIDENCE. */
function confidentWrong(docs: DocScore[]): Rate {
  const samples = confidenceSamples(docs);
  const high = precisionAtThreshold(samples, HIGH_CONFIDENCE);
  return rate(high.n - high.correct, samples.length);
}

export function aggregate(docs: DocScore[]): GroupStats {
  const all = docs.flatMap((d) => d.fields);
  const base = fieldStats(all);
  const perField: Record<string, FieldStats> = {};
  for (const name of TEXT_FIELDS) perField[name] = fieldStats(all.filter((f) => f.field === name));
  const positives = docs.filter((d) => d.negative_ok === null);
  const negatives = docs.filter((d) => d.negative_ok !== null);
  const photos = docs.filter((d) => d.photo.truth);
  const signs = docs.filter((d) => d.sign.truth);
  const samples = confidenceSamples(docs);
  const readable = docs.filter((d) => d.readable);
  const flagged = docs.filter(isFlagged);
  const closeEnough = docs.filter(isCloseEnough);
  const tooSmall = docs.filter((d) => d.quality_issues?.includes(TOO_SMALL_ISSUE));
  return {
    docs: docs.length,
    exact_match: base.exact,
    false_positive: base.false_positive,
    cer: base.cer,
    polygon_iou50: base.polygon_iou50,
    photo: rate(photos.filter((d) => d.photo.hit).length, photos.length),
    sign: rate(signs.filter((d) => d.sign.hit).length, signs.length),
    all_fields_right: rate(positives.filter((d) => d.all_right).length, positives.length),
    negatives_ok: rate(negatives.filter((d) => d.negative_ok).length, negatives.length),
    positives_success: rate(positives.filter((d) => d.status === 'SUCCESS').length, positives.length),
    errors: docs.filter((d) => d.error).length,
    confidence: {
      reads: samples.length,
      buckets: bucketStats(samples, CONFIDENCE_EDGES),
      high: precisionAtThreshold(samples, HIGH_CONFIDENCE),
      ece: expectedCalibrationError(samples, 10),
    },
    per_field: perField,
    readable_docs: readable.length,
    exact_match_readable: fieldStats(readable.flatMap((d) => d.fields)).exact,
    flagged_docs: flagged.length,
    flagged_confident_wrong: confidentWrong(flagged),
    close_enough_docs: closeEnough.length,
    exact_match_close_enough: fieldStats(closeEnough.flatMap((d) => d.fields)).exact,
    too_small_docs: tooSmall.length,
    too_small_confident_wrong: confidentWrong(tooSmall),
  };
}

export interface EvalReport {
  set: string;
  /** sha256 of the set's documents and truths (see baseline.ts), when the report was run over a set. */
  set_hash?: string;
  created_at: string;
  backend: string | null;
  versions: Record<string, string> | null;
  overall: GroupStats;
  per_tier: Record<string, GroupStats>;
  docs: DocScore[];
}

export function buildReport(set: string, docs: DocScore[], results: (KitasResult | null)[] = []): EvalReport {
  const tiers = [...new Set(docs.map((d) => d.tier))].sort(tierOrder);
  const meta = results.find((r) => r?.meta)?.meta;
  return {
    set,
    created_at: new Date().toISOString(),
    backend: meta?.backend ?? null,
    versions: meta?.versions ? { ...meta.versions } : null,
    overall: aggregate(docs),
    per_tier: Object.fromEntries(tiers.map((t) => [t, aggregate(docs.filter((d) => d.tier === t))])),
    docs,
  };
}

const TIER_ORDER = ['digital', 'pdf', 'scan', 'photo', 'webcam'];
export function tierOrder(a: string, b: string): number {
  const ia = TIER_ORDER.indexOf(a);
  const ib = TIER_ORDER.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

export interface RunEvalOptions {
  set: string;
  limit?: number;
  /** Engines to use; when absent the Node engines are created and closed here. */
  engines?: Engines;
  readOptions?: Omit<ReadOptions, 'fileName'>;
  onDoc?: (doc: EvalDoc, score: DocScore, index: number, total: number) => void;
  /** Line recognizer of the Node engines built when `engines` is not given. */
  recognizer?: RecognizerChoice;
}

/** Reads every document of a set with the real pipeline and scores it. */
export async function runEval(
  options: RunEvalOptions,
): Promise<{ report: EvalReport; results: KitasResult[] }> {
  const docs = loadSet(options.set, options.limit);
  let engines = options.engines;
  let close: (() => Promise<void>) | null = null;
  if (!engines) {
    const { createNodeEngines } = await import('../../src/engine/node/engines');
    const created = await createNodeEngines(options.recognizer ? { recognizer: options.recognizer } : {});
    engines = created;
    close = () => created.close();
  }
  const scores: DocScore[] = [];
  const results: KitasResult[] = [];
  try {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const bytes = new Uint8Array(await readFile(doc.file));
      const t = performance.now();
      let result: KitasResult | null = null;
      let error: string | undefined;
      try {
        result = await readDocument(bytes, engines, {
          ...options.readOptions,
          fileName: path.basename(doc.file),
        });
      } catch (e) {
        error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
      const score = scoreDocument(doc.truth, result, {
        wall_ms: Math.round(performance.now() - t),
        ...(error ? { error } : {}),
      });
      scores.push(score);
      if (result) results.push(result);
      options.onDoc?.(doc, score, i, docs.length);
    }
  } finally {
    await close?.();
  }
  const report = buildReport(path.resolve(options.set), scores, results);
  report.set_hash = setHash(docs);
  return { report, results };
}
