// A second, focused read of the fields the first pass is unsure of: the value's own box (without
// the label column's ':' that the detector may have joined to it) in single-line mode with the
// field's character set. Two independent reads that agree are far more trustworthy than one.
import type { Raster, TextRecognizer } from './ports';
import { DATE_FIELDS, type TextFieldName } from './schema';
import type { FieldReading } from './layout/assign';
import { FIRST_READ_FRAMING, recognizeRegion, type RegionReadOptions, type TextLine } from './text-lines';
import { normalizeField } from './assemble';
import { cleanText } from './normalize/text';
import { charsetFor } from './charsets';

/** The third read's framing: more margin and a smaller scale than the first two. */
const ALTERNATE_FRAMING = { targetHeight: 32, padRatio: 0.25 };

/**
 * Identifiers in which a letter and its look-alike are both valid (O/Q/D/0 in a NIORA, permit or
 * passport number): no format check can tell them apart, and one engine can be consistently wrong
 * about a glyph (tesseract reads this font's Q as O), so a second engine must confirm.
 */
const LOOKALIKE_CHECKED = new Set<TextFieldName>(['niora', 'permit_number', 'passport_number']);
const LOOKALIKE_GLYPHS = /[OQD0]/;

/** Dates the other engine checks where tesseract led (its line confidence under DATE_SURE). */
const DATES_CHECKED = new Set<TextFieldName>(DATE_FIELDS);
const DATE_SURE = 0.9;

/** Fields read together with another (issued place/date) or spanning lines are not re-read. */
const SKIP = new Set<TextFieldName>(['issued_date', 'issued_place', 'address', 'document_type']);
/**
 * Except an issue date that reads as no date ("Yogyakarta, 0-09-2025"): its whole line is read
 * again, and a date the re-reads agree on, or a lone valid one, takes its place.
 */
const REREAD_WHEN_NO_DATE = new Set<TextFieldName>(['issued_date']);

export interface RefineOptions {
  /** Re-read fields whose first-pass confidence is under this. */
  below: number;
  signal?: AbortSignal;
  /**
   * A photographed document (a phone photo, a webcam frame): its identifiers and dates are read at
   * other framings too (see `checkFramings`); `tooSmall` when the frame check asks to come closer.
   */
  framings?: { tooSmall: boolean };
}

export async function refineFields(
  raster: Raster,
  fields: Partial<Record<TextFieldName, FieldReading>>,
  recognizer: TextRecognizer,
  options: RefineOptions,
): Promise<void> {
  const nationality = fields.nationality?.text ?? '';
  const jobs = (Object.entries(fields) as [TextFieldName, FieldReading][])
    .filter(([name, f]) => (!SKIP.has(name) || REREAD_WHEN_NO_DATE.has(name)) && f.rects.length === 1)
    .filter(([name, f]) => {
      const first = normalizeField(name, cleanText(f.text), nationality);
      if (SKIP.has(name)) return first.valid === false;
      return f.confidence < options.below || first.valid === false;
    })
    .map(async ([name, f]) => {
      options.signal?.throwIfAborted();
      const rect = f.rects[0]!;
      const normalize = (text: string) => normalizeField(name, cleanText(text), nationality);
      const reads: { text: string; confidence: number }[] = [{ text: f.text, confidence: f.confidence }];
      const second = await recognizeRegion(raster, rect, recognizer, {
        charset: charsetFor(name, f.text),
        once: true,
      });
      if (second) reads.push(second);
      const secondValue = second ? normalize(second.text) : null;
      if (!secondValue || secondValue.valid === false || secondValue.value !== normalize(f.text).value) {
        // No agreement on a value yet (two reads of the same garble are none): a third read framed
        // differently (more margin, smaller scale) by the other engine where there is one; errors
        // of independent reads rarely coincide, so a real glyph tends to win two of three.
        options.signal?.throwIfAborted();
        const third = await recognizeRegion(raster, rect, recognizer, {
          framing: ALTERNATE_FRAMING,
          engine: 'second',
          once: true,
        });
        if (third) reads.push(third);
      }
      const votes = new Map<string, { n: number; confidence: number; text: string; valid: boolean | null }>();
      for (const r of reads) {
        const n = normalize(r.text);
        if (n.valid === false || !n.value) continue;
        const v = votes.get(n.value) ?? { n: 0, confidence: 0, text: r.text, valid: n.valid };
        v.n++;
        v.confidence = Math.max(v.confidence, r.confidence);
        votes.set(n.value, v);
      }
      // PP-OCR's greedy CTC often merges a doubled letter (MITCHELL -> MITCHEL): a read that is
      // another minus one of its doubled letters backs that other read.
      for (const [merged, m] of votes) {
        for (const [full, v] of votes) if (restoresDoubledLetter(merged, full)) v.n += m.n;
      }
      const ranked = [...votes.entries()].sort(
        (x, y) => y[1].n - x[1].n || y[1].confidence - x[1].confidence,
      );
      const best = ranked[0];
      const firstValue = normalize(f.text).value;
      if (!best) {
        f.confidence = Math.min(f.confidence, 0.6);
        f.reread = 'disagree';
        return;
      }
      const [value, vote] = best;
      if (vote.n >= 2) {
        // Two differently prepared reads agree.
        if (value !== firstValue) f.text = vote.text;
        f.confidence = Math.max(vote.confidence, Math.min(0.97, (f.confidence + 1) / 2));
        f.reread = 'agree';
      } else if (value !== firstValue && value.length >= 0.6 * firstValue.length) {
        // (A lone re-read that lost most of the characters is a worse crop, not a better read.)
        f.text = vote.text;
        f.confidence = Math.min(vote.confidence, 0.9);
        f.reread = 'replaced';
      } else {
        f.confidence = Math.min(f.confidence, 0.6);
        f.reread = 'disagree';
      }
    });
  await Promise.all(jobs);
  if ((recognizer.engineCount ?? 1) > 1) {
    // An identifier holding a look-alike glyph is read by the other engine too, at another framing
    // (one engine can be consistently wrong about a glyph: tesseract reads this font's Q as O); a
    // different value of the same length (not a garbled one) makes the field unsure.
    await askOtherEngine(raster, fields, recognizer, options, {
      engine: 'second',
      framing: ALTERNATE_FRAMING,
      asks: (name, value) => LOOKALIKE_CHECKED.has(name) && LOOKALIKE_GLYPHS.test(value),
      contradicts: (ours, theirs) => theirs.length === ours.length && theirs !== ours,
    });
    if (recognizer.lead !== 'second') {
      // Tesseract's digits on photographed print slip between 3, 5, 6 and 8 with the line still
      // read at 0.79 ("14-03-2025" for 14-05-2025): a date it is not sure of is read by PP-OCR too,
      // and another valid date, however unsure PP-OCR is of the line, makes the field unsure.
      await askOtherEngine(raster, fields, recognizer, options, {
        engine: 'second',
        asks: (name) => DATES_CHECKED.has(name) && (fields[name]?.confidence ?? 1) < DATE_SURE,
        contradicts: (ours, theirs) => theirs !== ours,
      });
    }
  }
  if (options.framings && (recognizer.engineCount ?? 1) > 1)
    await checkFramings(raster, fields, recognizer, options, options.framings.tooSmall);
  if (recognizer.lead === 'second') {
    // On soft print the leading engine (PP-OCR) reads every line, and its re-reads share its blind
    // spots (a doubled letter merged, a glyph it always misreads): every field is read once more by
    // the main engine, and a sure enough read of a different value makes the field unsure. The
    // value is kept (on soft print the leading engine is the better reader), but two readers that
    // each see a different value are no grounds for confidence.
    await askOtherEngine(raster, fields, recognizer, options, {
      engine: 'first',
      asks: (name) => !SKIP.has(name),
      contradicts: (ours, theirs, confidence) => confidence >= CROSS_CHECK_SURE && theirs !== ours,
      // Greedy CTC cannot emit a doubled letter without a blank frame between the two, and PP-OCR
      // on soft print often leaves none (WINNIPEG -> WINIPEG, NELLY -> NELY): where the main
      // engine's only difference is that doubled letter, it saw the print PP-OCR cannot write.
      overrules: (ours, theirs) => restoresDoubledLetter(ours, theirs),
      doubtsOneGlyph: true,
    });
  }
}

/**
 * The main engine's cross-check read that counts as a second opinion. Measured on five held-out
 * photo and webcam sets: at 0.6 instead of 0.8 the check took 3 more wrong reads and 7 right ones
 * under 0.9.
 */
const CROSS_CHECK_SURE = 0.6;

/** Confidence of a value whose doubled letter the main engine restored: right, but one reader's word. */
const DOUBLED_LETTER_RESTORED = 0.85;

interface SecondOpinion {
  engine: 'first' | 'second';
  framing?: { targetHeight: number; padRatio: number };
  /** Whether to ask about this field, given its value as read. */
  asks: (name: TextFieldName, value: string) => boolean;
  /** Whether the other engine's value (valid or unchecked, non-empty) contradicts ours. */
  contradicts: (ours: string, theirs: string, confidence: number) => boolean;
  /** Whether acontradicting value is the right one, by a known blind spot of ours. */
  overrules?: (ours: string, theirs: string) => boolean;
  /** Whether a read one glyph apart from ours, however unsure, puts ours in doubt. */
  doubtsOneGlyph?: boolean;
}

/** Whether `theirs` is `ours` with one letter doubled that `ours` holds once. */
export function restoresDoubledLetter(ours: string, theirs: string): boolean {
  if (theirs.length !== ours.length + 1) return false;
  for (let i = 1; i < theirs.length; i++) {
    if (
      theirs[i] === theirs[i - 1] &&
      /[A-Z]/.test(theirs[i]!) &&
      theirs.slice(0, i) + theirs.slice(i + 1) === ours
    )
      return true;
  }
  return false;
}

/** Confidence of a field two engines read one letter or digit apart. */
const ONE_GLYPH_DOUBT = 0.6;

/**
 * Fields whose format fixes their length or spelling (a NIORA's ten characters, a permit number's
 * twelve, M/F): a read one glyph longer or shorter is the garbled one, not ours.
 */
const FIXED_FORM = new Set<TextFieldName>(['niora', 'permit_number', 'gender', 'stay_permit_index']);

/** Whether `shorter` is `full` without one of its letters or digits (spaces aside). */
export function dropsOneGlyph(full: string, shorter: string): boolean {
  const a = full.replace(/\s+/g, '');
  const b = shorter.replace(/\s+/g, '');
  if (a.length !== b.length + 1 || a.length < 3) return false;
  for (let i = 0; i < a.length; i++) {
    if (a.slice(0, i) + a.slice(i + 1) === b) return /[\p{L}\p{N}]/u.test(a[i]!);
  }
  return false;
}

/** One look at each line of a field's value (an address is read line by line, as it was assembled). */
function readFieldLines(
  raster: Raster,
  f: FieldReading,
  recognizer: TextRecognizer,
  options: RegionReadOptions,
): Promise<(TextLine | null)[]> {
  return Promise.all(
    (f.lineRects ?? f.rects).map((rect) => recognizeRegion(raster, rect, recognizer, options)),
  );
}

/** One engine's read of each field the opinion asks about; a contradiction makes it unsure. */
async function askOtherEngine(
  raster: Raster,
  fields: Partial<Record<TextFieldName, FieldReading>>,
  recognizer: TextRecognizer,
  options: RefineOptions,
  opinion: SecondOpinion,
): Promise<void> {
  const nationality = fields.nationality?.text ?? '';
  const checks = (Object.entries(fields) as [TextFieldName, FieldReading][])
    .filter(([, f]) => f.rects.length > 0 && f.reread !== 'disagree')
    .map(async ([name, f]) => {
      const normalize = (text: string) => normalizeField(name, cleanText(text), nationality);
      const ours = normalize(f.text).value;
      if (!ours || !opinion.asks(name, ours)) return;
      options.signal?.throwIfAborted();
      // A value over several lines (an address) is read line by line and joined, as it was assembled.
      const reads = await readFieldLines(raster, f, recognizer, {
        framing: opinion.framing,
        engine: opinion.engine,
        once: true,
      });
      if (reads.some((r) => !r)) return;
      const text = reads.map((r) => r!.text).join(' ');
      const confidence = Math.min(...reads.map((r) => r!.confidence));
      const theirs = normalize(text);
      if (theirs.valid === false || !theirs.value) return;
      if (!opinion.contradicts(ours, theirs.value, confidence)) {
        // Even an unsure reader that sees exactly one letter or digit more or less than ours has
        // seen the same text, and puts that one glyph in doubt ("1 JUN 2022" against "10 JUN 2022").
        // (As printed: normalizing "1 JUN" to "01-06" would hide the missing glyph.)
        const printed = cleanText(f.text);
        const other = cleanText(text);
        if (
          opinion.doubtsOneGlyph &&
          !FIXED_FORM.has(name) &&
          (dropsOneGlyph(printed, other) || dropsOneGlyph(other, printed))
        ) {
          f.confidence = Math.min(f.confidence, ONE_GLYPH_DOUBT);
          f.reread = 'disagree';
        }
        return;
      }
      if (opinion.overrules?.(ours, theirs.value)) {
        f.text = text;
        f.confidence = Math.min(f.confidence, confidence, DOUBLED_LETTER_RESTORED);
        f.reread = 'replaced';
        return;
      }
      f.confidence = Math.min(f.confidence, 0.6);
      f.reread = 'disagree';
    });
  await Promise.all(checks);
}

/**
 * Fields no dictionary or cross-field rule checks, where one glyph read wrong is the whole value
 * wrong: identifiers and dates.
 */
const FRAMING_CHECKED = new Set<TextFieldName>([...LOOKALIKE_CHECKED, ...DATE_FIELDS]);

/** Line heights and margins of the three looks: the first read's own, smaller with more margin, larger. */
const CHECK_FRAMINGS = [FIRST_READ_FRAMING, ALTERNATE_FRAMING, { targetHeight: 56, padRatio: 0.12 }];

/**
 * The least sure of the three looks under which a photographed identifier or date is doubted: on
 * frames the check asks to come closer to, and on the others. Measured on the four held-out webcam
 * sets (reads at >= 0.9, where these levels were chosen): 9 wrong of 743 before, 3 of 689 after (6
 * wrong and 48 right reads put under 0.9).
 */
export const FRAMING_DOUBT_BELOW = { tooSmall: 0.7, closeEnough: 0.4 } as const;

/**
 * A glyph the print leaves in doubt (6 or 8, M or N on soft print) is one a differently framed
 * crop reads less surely, while the first read may have been sure (and a re-read, sharing its
 * blind spot, as sure): PP-OCR reads each identifier and date of a photo at three framings, and
 * the least sure of those looks decides, whatever the values read.
 */
async function checkFramings(
  raster: Raster,
  fields: Partial<Record<TextFieldName, FieldReading>>,
  recognizer: TextRecognizer,
  options: RefineOptions,
  tooSmall: boolean,
): Promise<void> {
  const below = tooSmall ? FRAMING_DOUBT_BELOW.tooSmall : FRAMING_DOUBT_BELOW.closeEnough;
  const checks = (Object.entries(fields) as [TextFieldName, FieldReading][])
    .filter(([name, f]) => FRAMING_CHECKED.has(name) && f.rects.length > 0 && f.reread !== 'disagree')
    .map(async ([, f]) => {
      let least = 1;
      for (const framing of CHECK_FRAMINGS) {
        options.signal?.throwIfAborted();
        const reads = await readFieldLines(raster, f, recognizer, { framing, engine: 'second', once: true });
        least = Math.min(least, ...reads.map((r) => r?.confidence ?? 0));
        if (least < below) break;
      }
      if (least < below) {
        f.confidence = Math.min(f.confidence, 0.6);
        f.reread = 'disagree';
      }
    });
  await Promise.all(checks);
}
