// `confidence` is the probability that `value` is exactly right. It is computed from evidence the
// pipeline gathers for each field, through a logistic model fitted on the project's synthetic
// documents (scripts/eval/calibrate.ts prints the coefficients below; the eval reports how well
// they hold: accuracy per confidence bucket and the expected calibration error).
import type { TextFieldName } from './schema';

export interface FieldEvidence {
  /** The recognizer's own score, 0..1 (1 for a PDF text layer). */
  text: number;
  /** The value passed its field's format check (dates, identifiers, gender, title). */
  format: 'valid' | 'invalid' | 'none';
  /** Outcome of the focused second read, if one was made. */
  reread: 'agree' | 'replaced' | 'disagree' | 'none';
  /** How sure the layout is that this text belongs to this field. */
  assignment: number;
  source: 'text_layer' | 'ocr';
  /** A character was dropped to fit the format. */
  repaired: boolean;
  /** Part of the value is a guess: a glyph between look-alikes, words dropped before a date (not a
   * model feature: it caps). */
  guessed?: boolean;
  /** Free text (names, addresses) is longer and has no format to check. */
  freeText: boolean;
  /** Characters in the value. */
  length: number;
  /** The photo or camera frame was judged blurry / the document too small in it (images only). */
  blurryFrame?: boolean;
  smallFrame?: boolean;
}

export const FREE_TEXT_FIELDS: ReadonlySet<TextFieldName> = new Set([
  'full_name',
  'address',
  'occupation',
  'status',
  'guarantor_name',
  'office_name',
  'office_region',
  'office_address',
  'place_of_birth',
  'issued_place',
]);

export function features(e: FieldEvidence): number[] {
  return [
    e.text,
    e.format === 'valid' ? 1 : 0,
    e.format === 'invalid' ? 1 : 0,
    e.reread === 'agree' ? 1 : 0,
    e.reread === 'disagree' ? 1 : 0,
    e.reread === 'replaced' ? 1 : 0,
    e.assignment,
    e.source === 'text_layer' ? 1 : 0,
    e.repaired ? 1 : 0,
    e.freeText ? 1 : 0,
    Math.min(1, e.length / 40),
    e.blurryFrame ? 1 : 0,
    e.smallFrame ? 1 : 0,
  ];
}

/** Fitted by scripts/eval/calibrate.ts (bias first, then one weight per feature above). */
// Fitted on 1211 field reads of 106 generated documents (seed calib-1: digital, pdf, scan; calib-3:
// phone photos and webcam frames; calib-webcam-4: webcam frames) with PP-OCR leading on soft print
// (photos, webcam frames): p >= 0.9 for 85.0% of reads, 98.45% of them right, log-loss 0.129 (the
// previous coefficients on the same reads: 84.8%, 98.54%, 0.131).
export const CONFIDENCE_MODEL = {
  bias: -5.82,
  weights: [6.55, 2.78, -1.09, -1.75, -2.68, 1.1, 2.46, 1.39, 0, 0.93, -0.31, -0.22, -0.81],
};

/**
 * Found on four held-out photo sets: of the 1,297 fields read at >= 0.9, the six whose value a lone
 * re-read had replaced were four wrong (a date 29-04-1995 for 20-04-1995, a permit number's last
 * letters) and two right. With PP-OCR's missing-character doubt, over fourteen held-out photo sets
 * the wrong reads at >= 0.9 went from 49 to 29 (of about 6,600) and those right from 99.26% to 99.56%.
 */
const REPLACED_CAP = 0.85;

export function confidenceFromEvidence(e: FieldEvidence, model = CONFIDENCE_MODEL): number {
  const x = features(e);
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * x[i]!;
  const p = 1 / (1 + Math.exp(-z));
  // A strict format that fails (a NIORA with a letter too many, a 31st of February) means the value
  // as given is wrong, whatever the recognizer thought of its glyphs.
  // A value one glyph of which is a guess between look-alikes was right about two times in three
  // on the generated photos, whatever the glyphs' scores; so is a date read after a label's words.
  // A value a lone re-read put in place of the first read is one read against another: the
  // model's lift for the re-read and for a valid format (a misread digit keeps a date valid) would
  // make it sure.
  const cap = e.format === 'invalid' ? 0.3 : e.guessed ? 0.7 : e.reread === 'replaced' ? REPLACED_CAP : 0.999;
  return Math.round(Math.min(cap, p) * 10000) / 10000;
}
