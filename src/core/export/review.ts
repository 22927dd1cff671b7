// The reviewed record: the officer's values in `value` (the reference shape is unchanged, and
// `value_original` keeps what was read), validation re-run on those values, and the audit under
// `meta.review`: which fields changed, what the machine had read there and how sure it was, whether
// the record was confirmed and when.
import {
  FIELD_NAMES,
  REASONS,
  isImageField,
  type FieldIssue,
  type FieldName,
  type KitasResult,
  type Polygon,
  type ResultMeta,
  type TextFieldName,
} from '../schema';
import { validateRead } from '../validate';

export type Edits = Partial<Record<FieldName, string>>;

export interface ReviewAuditField {
  field: TextFieldName;
  /** The value and confidence the machine first produced for this field. */
  machine_value: string;
  machine_value_original: string;
  machine_confidence: number;
  /** The officer drew a new box and the region was read again (polygon and value_original moved). */
  redrawn: boolean;
  /** Where the machine had found the field, when the box was redrawn. */
  machine_polygon?: Polygon;
}

export interface ReviewAudit {
  /** Version of this audit's shape. */
  version: 1;
  reviewed: boolean;
  /** ISO 8601 time the officer confirmed the record, or null. */
  reviewed_at: string | null;
  edited_fields: ReviewAuditField[];
}

export interface ReviewInput {
  /** The result as the machine first read it. */
  machine: KitasResult;
  /** The result after any redrawn fields were re-read (same as `machine` when none were). */
  current: KitasResult;
  /** The officer's typed values, by field. */
  edits: Edits;
  /** When the officer confirmed the record; null while not confirmed. */
  reviewedAt: string | null;
  /** Day the re-run expiry checks are judged against. */
  today: Date;
}

function samePolygon(a: Polygon, b: Polygon): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]?.[0] && p[1] === b[i]?.[1]);
}

/** The fields whose value or box differ from the machine's first read, with the machine's side. */
export function auditFields(machine: KitasResult, current: KitasResult, edits: Edits): ReviewAuditField[] {
  const out: ReviewAuditField[] = [];
  for (const name of FIELD_NAMES) {
    if (isImageField(name)) continue;
    const m = machine.read[name];
    const c = current.read[name];
    const value = edits[name] ?? c.value;
    const redrawn = !samePolygon(m.polygon, c.polygon) || m.value_original !== c.value_original;
    if (value === m.value && !redrawn) continue;
    out.push({
      field: name,
      machine_value: m.value,
      machine_value_original: m.value_original,
      machine_confidence: m.confidence,
      redrawn,
      ...(redrawn ? { machine_polygon: m.polygon } : {}),
    });
  }
  return out;
}

/** Issues the pipeline adds beyond the field checks (not a permit at all) survive re-validation. */
const DOCUMENT_ISSUES = new Set(['not_a_permit']);

export function reviewedResult(input: ReviewInput): KitasResult {
  const { machine, current, edits, reviewedAt, today } = input;
  const read = { ...current.read };
  for (const name of FIELD_NAMES) {
    const edited = edits[name];
    if (edited === undefined || isImageField(name)) continue;
    read[name] = { ...current.read[name], value: edited };
  }
  const edited = auditFields(machine, current, edits);
  if (edited.length === 0 && reviewedAt === null) return { ...current, read };
  if (current.status !== 'SUCCESS' || !current.meta) return { ...current, read };

  const meta: ResultMeta = { ...current.meta };
  if (edited.length > 0) {
    const { invalid, warnings } = validateRead(read, { today, documentClass: meta.document_class });
    const kept: FieldIssue[] = meta.invalid_fields.filter((i) => DOCUMENT_ISSUES.has(i.code));
    meta.invalid_fields = [...kept, ...invalid];
    meta.warnings = warnings;
  }
  const review: ReviewAudit = {
    version: 1,
    reviewed: reviewedAt !== null,
    reviewed_at: reviewedAt,
    edited_fields: edited,
  };
  meta.review = review;
  return {
    ...current,
    reason: meta.invalid_fields.length ? REASONS.someInvalid : REASONS.success,
    read,
    meta,
  };
}
