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
  /** The value is an entry of its field's closed list: a permit title, a gender, a country, an
   * immigration office, a regional office, a city with an office (the format check says which). */
  listed?: boolean;
  /** The quality check asked the user to come closer (text under its 'too_small' level; images
   * only). Not a model feature: it caps values only their glyphs vouch for. */
  tooSmallFrame?: boolean;
  /** Nothing but the glyphs says the value is right: no list, no calendar, no closed set of codes
   * (names, addresses, the NIORA, the passport and permit numbers). Not a model feature. */
  glyphsOnly?: boolean;
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

/** Fields whose format check passes only an entry of a closed list (see normalizeField in assemble.ts). */
export const LISTED_FIELDS: ReadonlySet<TextFieldName> = new Set([
  'document_type',
  'gender',
  'nationality',
  'issued_place',
  'office_name',
  'office_region',
]);

/** Values only their glyphs vouch for: no list, no calendar, no closed set of codes. */
export const GLYPHS_ONLY_FIELDS: ReadonlySet<TextFieldName> = new Set([
  'full_name',
  'guarantor_name',
  'address',
  'office_address',
  'niora',
  'passport_number',
  'permit_number',
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
    e.listed ? 1 : 0,
  ];
}

/** Fitted by scripts/eval/calibrate.ts (bias first, then one weight per feature above). */
// Fitted on 1211 field reads of 106 generated documents (seed calib-1: digital, pdf, scan; calib-3:
// phone photos and webcam frames; calib-webcam-4: webcam frames) with PP-OCR leading on soft print
// (photos, webcam frames): p >= 0.9 for 85.0% of reads, 98.45% of them right, log-loss 0.129 (the
// previous coefficients on the same reads: 84.8%, 98.54%, 0.131).
// The last weight (`listed`) was fitted afterwards with the others held (`calibrate.ts --fit-last 1`)
// on 1,971 reads of 144 documents (seeds calib-webcam-9 and calib-webcam-10: 40 webcam frames each;
// calib-photo-9: 40 photos; calib-scan-9: 24 digital, pdf and scan): listed values were 542 of 543
// right there, 24 of 24 where the recognizer's own score was under 0.5, which the other features
// read as doubt. (Those reads were taken before a card title cut short was fixed, the one listed
// value wrong among them; run on the fixed pipeline the same fit gives 4.11, a weight only the
// penalty bounds. On the held-out webcam and photo sets the two differ by 4 reads at >= 0.9.)
export const CONFIDENCE_MODEL = {
  bias: -5.82,
  weights: [6.55, 2.78, -1.09, -1.75, -2.68, 1.1, 2.46, 1.39, 0, 0.93, -0.31, -0.22, -0.81, 3.29],
};

/**
 * Found on four held-out photo sets: of the 1,297 fields read at >= 0.9, the six whose value a lone
 * re-read had replaced were four wrong (a date 29-04-1995 for 20-04-1995, a permit number's last
 * letters) and two right. With PP-OCR's missing-character doubt, over fourteen held-out photo sets
 * the wrong reads at >= 0.9 went from 49 to 29 (of about 6,600) and those right from 99.26% to 99.56%.
 */
const REPLACED_CAP = 0.85;

/**
 * On a frame the quality check asks to come closer to, a value only its glyphs vouch for is at most
 * this (under the 0.9 a read counts as sure from). On the calibration webcam frames called too small,
 * passport numbers read 41% right, names 42%, addresses 32-50%, NIORAs and permit numbers 65-67%,
 * against 83-98% for listed values; on eight held-out webcam sets, 7 of the 9 wrong reads at >= 0.9
 * were such values on such frames (one glyph of a NIORA or passport number, a letter of a name).
 */
const TOO_SMALL_CAP = 0.85;

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
  // make it sure. A frame too small to read: see TOO_SMALL_CAP.
  const cap =
    e.format === 'invalid'
      ? 0.3
      : e.guessed
        ? 0.7
        : e.reread === 'replaced'
          ? REPLACED_CAP
          : e.tooSmallFrame && e.glyphsOnly
            ? TOO_SMALL_CAP
            : 0.999;
  return Math.round(Math.min(cap, p) * 10000) / 10000;
}
