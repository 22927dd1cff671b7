// Turns what the layout found (printed text + boxes) into the reference fields: normalized values,
// polygons in output pixels, and a confidence that reflects how likely the value is exactly right.
import type { Rect } from './ports';
import { addressLooksPartial, snapAdministrativeTail } from './normalize/regions';
import { snapStayPurpose } from './normalize/statuses';
import { snapJobWords } from './normalize/occupations';
import { isLetterShortOfKnownPlace, snapPlaceOfBirth, SURE_PLACE_READ } from './normalize/places';
import {
  DATE_FIELDS as ALL_DATE_FIELDS,
  emptyTextField,
  type KitasRead,
  type Polygon,
  type TextFieldName,
} from './schema';
import type { FieldReading } from './layout/assign';
import { hasLostDateDigit, normalizeDate } from './normalize/dates';
import { normalizeGender } from './normalize/gender';
import {
  cleanText,
  NATIONALITIES,
  normalizeAddress,
  hasUnreadHouseNumber,
  addressStopsMidway,
  normalizeGuarantorName,
  normalizeName,
  normalizeNationality,
  normalizePermitStatus,
} from './normalize/text';
import {
  isValidNiora,
  isValidPassportNumber,
  isValidPermitNumber,
  isValidStayPermitIndex,
  normalizeNiora,
  normalizePassportNumber,
  normalizePermitNumber,
  normalizeStayPermitIndex,
} from './normalize/identifiers';
import { splitPlaceAndDate, splitPlaceAndUnreadDate } from './normalize/place-date';
import { reconcileIssuingCity, snapIssuedPlace, snapOfficeName, snapOfficeRegion } from './normalize/offices';
import { classifyTitle } from './normalize/document-type';
import { unionRect } from './geometry/polygon';
import {
  confidenceFromEvidence,
  FREE_TEXT_FIELDS,
  GLYPHS_ONLY_FIELDS,
  LISTED_FIELDS,
  type FieldEvidence,
} from './confidence';
import { mapRect, type PointMap } from './geometry/point-map';

interface Normalized {
  value: string;
  /** true: the value has the field's format; false: it does not; null: the field has no format. */
  valid: boolean | null;
  /** The value was repaired (a character dropped) to fit the format: right often, not always. */
  repaired?: boolean;
  /** Part of the value is a guess: a letter the format made of a digit with several look-alikes,
   * words dropped before a date. */
  guessed?: boolean;
}

/**
 * OCR sometimes reads one glyph twice or adds a speck ('3XYNWO00606'). When the read is one
 * character too long and dropping any single character gives exactly one valid identifier, take it.
 */
function withOneExtraCharacterDropped(
  value: string,
  normalize: (s: string) => string,
  isValid: (s: string) => boolean,
): Normalized {
  if (isValid(value)) return { value, valid: true };
  const compact = value.replace(/[^A-Z0-9]/gi, '').toUpperCase();
  const look = (c: string | undefined) => (c === undefined ? '' : (LOOKALIKE[c] ?? c));
  // Candidates ranked by how many further characters the format had to correct.
  const byCost = new Map<number, Set<string>>();
  for (let i = 0; i < compact.length; i++) {
    // Only a glyph read twice: the dropped character looks like a neighbour ('O0', 'I1', 'S5').
    const self = look(compact[i]);
    if (self !== look(compact[i - 1]) && self !== look(compact[i + 1])) continue;
    const dropped = compact.slice(0, i) + compact.slice(i + 1);
    const fixed = normalize(dropped);
    if (!isValid(fixed)) continue;
    let cost = 0;
    for (let k = 0; k < fixed.length; k++) if (fixed[k] !== dropped[k]) cost++;
    if (!byCost.has(cost)) byCost.set(cost, new Set());
    byCost.get(cost)!.add(fixed);
  }
  const cheapest = [...byCost.keys()].sort((x, y) => x - y)[0];
  const best = cheapest === undefined ? null : byCost.get(cheapest)!;
  if (best && best.size === 1) return { value: [...best][0]!, valid: true, repaired: true };
  return { value, valid: false };
}

/** Characters OCR confuses, mapped to one representative. */
const LOOKALIKE: Record<string, string> = { O: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };

/** Quote marks and a lone bar the recognizer adds around a "Place, date" line. */
function trimPlaceDateNoise(text: string): string {
  return text
    .replace(/^[\s'"`‘’“”,.]+/, '')
    .replace(/\s+[|Il1'"`]$/, '')
    .trim();
}

const DATE_FIELDS = new Set<TextFieldName>([
  'date_of_birth',
  'passport_expiry',
  'stay_entries_permit_expiry',
  'stay_multiple_entries_permit_expiry',
]);

/** No field prints '!': next to a letter it is an I ("IMIGRAS!", "SEDAT!"). */
function bangAsLetterI(text: string): string {
  return text.replace(/(?<=[A-Z])!|!(?=[A-Z])/g, 'I');
}

/**
 * The end of a bilingual label read into its value ("/PA / DAE: ULSAN" for "Place of Birth: ULSAN"):
 * what precedes a colon, when it holds the labels' slash, is label. Addresses keep theirs (RT/RW).
 */
function dropLabelRemnant(text: string): string {
  const m = /^[^:]*\/[^:]*:\s*(\S.*)$/.exec(text);
  return m ? m[1]! : text;
}

/**
 * What the format check cannot see in the value alone, judged against the text as read (OCR reads
 * only: an officer who types "1/2/1990" means the 1st of February). A date whose numeric day or
 * month lost a digit ("2-09-2025" for a printed 20-09-2025: permits print numeric dates
 * zero-padded) parses, but its format vouches for nothing; so does a date read after a blurred
 * label's last words. A letter an identifier's format made of a digit is a guess, and a worded
 * field read as one glyph is no value.
 */
export function ocrFormatCheck(name: TextFieldName, printed: string, normalized: Normalized): Normalized {
  if (WORDED_FIELDS.has(name) && (normalized.value.match(/\p{L}/gu)?.length ?? 0) < 2) {
    return { ...normalized, valid: false };
  }
  // The end of a blurred label left before a date ("SNGE 11-09-2026", "Single: 11-09-2026"): the
  // date is kept, and its format vouches for nothing (the words might have been the date's own).
  if (DATE_FIELDS.has(name) && normalized.valid === false) {
    const m = /^(?:[^\d\s,]{1,8}[:.]?\s+){1,2}(\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/.exec(cleanText(printed));
    const date = m ? normalizeDate(m[1]!) : null;
    if (date) return { value: date, valid: null, repaired: true, guessed: true };
  }
  if (normalized.valid !== true) return normalized;
  if (ALL_DATE_FIELDS.includes(name) && hasLostDateDigit(printed)) {
    return { ...normalized, valid: null, repaired: true };
  }
  if (IDENTIFIER_FIELDS.has(name) && letterGuessedFromDigit(printed, normalized.value)) {
    return { ...normalized, guessed: true };
  }
  return normalized;
}

const IDENTIFIER_FIELDS = new Set<TextFieldName>(['permit_number', 'niora', 'passport_number']);

/**
 * Fields printed as words: a read of one letter or none is a speck or a stray glyph (an 'S' taken
 * for the status at 0.96). (The occupation and the sponsor may print a lone '-'.)
 */
const WORDED_FIELDS = new Set<TextFieldName>([
  'full_name',
  'place_of_birth',
  'nationality',
  'address',
  'status',
  'office_name',
  'office_region',
  'office_address',
  'issued_place',
]);

/**
 * Digits whose glyph passes for several letters: 1 for I, J, L or T; 4 for A or H; 6 for G or C;
 * 8 for B or S. Where the format wants a letter and the recognizer saw one of these, the letter the
 * format picks is a guess between look-alikes (2D21MH9003BG for ...SG, I9456678 for J9456678).
 * (0 for O, 2 for Z, 5 for S and 7 for T held on the generated photos.)
 */
const DIGITS_OF_SEVERAL_LETTERS = '1468';

/** The value has a letter where the printed read, position for position, has such a digit. */
export function letterGuessedFromDigit(printed: string, value: string): boolean {
  const read = printed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (read.length !== value.length) return false;
  for (let i = 0; i < read.length; i++) {
    if (DIGITS_OF_SEVERAL_LETTERS.includes(read[i]!) && /[A-Z]/.test(value[i]!)) return true;
  }
  return false;
}

export function normalizeField(name: TextFieldName, printed: string, nationality: string): Normalized {
  const text = FREE_TEXT_FIELDS.has(name)
    ? bangAsLetterI(name === 'address' ? cleanText(printed) : dropLabelRemnant(cleanText(printed)))
    : cleanText(printed);
  if (DATE_FIELDS.has(name)) {
    // A slash left over from a bilingual label ("Berlaku / /25/05/2026") is no part of the date.
    const d = normalizeDate(text.replace(/^[/\\]+\s*/, ''));
    return d ? { value: d, valid: true } : { value: text, valid: false };
  }
  switch (name) {
    case 'issued_date': {
      const trimmed = trimPlaceDateNoise(text);
      const d = splitPlaceAndDate(trimmed)?.date ?? normalizeDate(text);
      if (d) return { value: d, valid: true };
      // The date's own print, not its place: that is what the officer corrects.
      const loose = splitPlaceAndUnreadDate(trimmed);
      return { value: loose?.dateText ?? text, valid: false };
    }
    case 'issued_place': {
      const trimmed = trimPlaceDateNoise(text);
      const split = splitPlaceAndDate(trimmed) ?? splitPlaceAndUnreadDate(trimmed);
      if (!split) return { value: text, valid: false };
      // "BATAM.": a stray mark read after the place, before the date. A place that is no city with
      // an immigration office has no format to fail, but passes none either.
      const place = snapIssuedPlace(split.place.replace(/[.,;:'`]+$/, ''));
      return { value: place.value, valid: place.known ? true : null };
    }
    case 'gender': {
      const g = normalizeGender(text);
      return g ? { value: g, valid: true } : { value: text, valid: false };
    }
    case 'niora':
      return withOneExtraCharacterDropped(normalizeNiora(text), normalizeNiora, isValidNiora);
    case 'permit_number':
      return withOneExtraCharacterDropped(
        normalizePermitNumber(text),
        normalizePermitNumber,
        isValidPermitNumber,
      );
    case 'stay_permit_index': {
      const v = normalizeStayPermitIndex(text);
      return { value: v, valid: isValidStayPermitIndex(v) };
    }
    case 'passport_number': {
      const v = normalizePassportNumber(text, nationality);
      return { value: v, valid: isValidPassportNumber(v, nationality) };
    }
    case 'office_name': {
      // Office classes are roman numerals (KELAS I, KELAS II); OCR gives 1, l or | for the I.
      // "TPI" (tempat pemeriksaan imigrasi) read as TP, TP!, T™ in soft photos.
      const fixed = text
        .replace(/\bKELAS\s+([1Il|[\]]{1,3})(?=\s|$)/g, (_m, n: string) => `KELAS ${'I'.repeat(n.length)}`)
        .replace(/(\s)(?:TP[1Il!|L™]?|T™|T\?I)(?=\s)/g, '$1TPI');
      const office = snapOfficeName(fixed);
      // The directory confirms the office's city, not its class: KELAS I and KELAS II are both
      // real, one stroke apart, and soft print loses the stroke in both engines alike. Only
      // "KELAS I KHUSUS" (no other class is "KHUSUS") is confirmed by its own wording.
      const classConfirmed = /\bKELAS I KHUSUS\b/.test(office.value);
      return { value: office.value, valid: office.known && classConfirmed ? true : null };
    }
    case 'office_region': {
      const region = snapOfficeRegion(text);
      return { value: region.value, valid: region.known ? true : null };
    }
    case 'office_address':
    case 'address': {
      const value = normalizeAddress(text);
      return { value, valid: hasUnreadHouseNumber(value) || addressStopsMidway(value) ? false : null };
    }
    case 'nationality': {
      // A known country is a valid read; digits never are (an identifier taken for the country).
      const value = normalizeNationality(text);
      return { value, valid: NATIONALITIES.includes(value) ? true : /\d/.test(value) ? false : null };
    }
    case 'full_name':
      return { value: normalizeName(text), valid: null };
    case 'guarantor_name':
      return { value: normalizeGuarantorName(text), valid: null };
    case 'status':
      return { value: normalizePermitStatus(text), valid: null };
    case 'document_type': {
      const t = classifyTitle(text);
      return t ? { value: t.title, valid: true } : { value: text, valid: false };
    }
    case 'place_of_birth': {
      // A re-read's wider crop takes in the date printed after the place ("SYDNEY, 9 April 1985"),
      // and a line whose date blurred past reading was kept whole ("BRISBANE, 1770G 1996"): the
      // place is what comes before the comma.
      const split = splitPlaceAndDate(text) ?? splitPlaceAndUnreadDate(text);
      const place = split?.place || text;
      // The date's first glyph caught at the crop's edge ("SYDNEY, (", "SYDNEY, 0"): a place
      // may end in a region's letters ("HOUSTON, TX"), never in a comma and a mark.
      const value = place.replace(/\s*,\s*[^\p{L}\s]{0,2}$/u, '');
      // No place of birth holds a digit: one left in it is the date, run in without its comma
      // ("SHANGHAL 20/0771953", measured at 0.90 on a webcam frame), not yet split off.
      return { value, valid: /\d/.test(value) ? false : null };
    }
    default:
      return { value: text, valid: null };
  }
}

function toPolygon(rects: Rect[], toOutput: PointMap): Polygon {
  if (!rects.length) return [];
  return mapRect(
    rects.reduce((a, b) => unionRect(a, b)),
    toOutput,
  );
}

/** Tesseract reads a lone capital I (as in "KELAS I") as '|'; quotes at a line's end are noise. */
function fixIsolatedBars(text: string): string {
  return text.replace(/(^|\s)\|(?=\s|$)/g, '$1I').replace(/['"`]+$/, '');
}

export function finalizeFields(
  read: KitasRead,
  found: Partial<Record<TextFieldName, FieldReading>>,
  toOutput: PointMap,
  pageIndex: number,
  source: FieldEvidence['source'] = 'ocr',
  frame?: { blurry: boolean; small: boolean; tooSmall: boolean },
): Partial<Record<TextFieldName, FieldEvidence>> {
  const evidence: Partial<Record<TextFieldName, FieldEvidence>> = {};
  const nationality = found.nationality ? normalizeNationality(cleanText(found.nationality.text)) : '';
  for (const [name, reading] of Object.entries(found) as [TextFieldName, FieldReading][]) {
    const printed = cleanText(fixIsolatedBars(reading.text));
    if (!printed) continue;
    let { value, valid, repaired } = normalizeField(name, printed, nationality);
    let original = printed;
    // The ':' column sometimes joins the value and reads as '1', 'I' or '|': drop it when the
    // value only passes its format without it.
    const stray = /^[:;|!1Il.]\s+(.+)$/.exec(printed);
    if (valid === false && stray) {
      const retry = normalizeField(name, stray[1]!, nationality);
      if (retry.valid) {
        ({ value, valid, repaired } = retry);
        original = stray[1]!;
      }
    }
    let guessed: boolean | undefined;
    ({ value, valid, repaired, guessed } = ocrFormatCheck(name, original, { value, valid, repaired }));
    const textConfidence = Math.max(0, Math.min(1, reading.confidence));
    // Only here, on OCR reads: the directories are megabytes the review form's edits do not load.
    if (name === 'address') {
      value = snapAdministrativeTail(value);
      if (valid !== false && addressLooksPartial(value)) guessed = true;
    }
    if (name === 'place_of_birth') {
      value = snapPlaceOfBirth(value, textConfidence);
      if (textConfidence >= SURE_PLACE_READ && isLetterShortOfKnownPlace(value)) guessed = true;
    }
    // (An officer's own edit is taken as typed: only OCR reads are put back to a known purpose.)
    if (name === 'status') value = snapStayPurpose(value);
    if (reading.labelGuessed) guessed = true;
    if (name === 'occupation') value = snapJobWords(value);
    const e: FieldEvidence = {
      text: textConfidence,
      format: valid === true ? 'valid' : valid === false ? 'invalid' : 'none',
      reread: reading.reread ?? 'none',
      assignment: reading.assignment,
      source,
      repaired: !!repaired,
      ...(guessed ? { guessed: true } : {}),
      freeText: FREE_TEXT_FIELDS.has(name),
      length: value.length,
      ...(valid === true && LISTED_FIELDS.has(name) ? { listed: true } : {}),
      ...(GLYPHS_ONLY_FIELDS.has(name) ? { glyphsOnly: true } : {}),
      ...(frame
        ? {
            blurryFrame: frame.blurry,
            smallFrame: frame.small,
            ...(frame.tooSmall ? { tooSmallFrame: true } : {}),
          }
        : {}),
    };
    evidence[name] = e;
    read[name] = {
      value,
      value_original: original,
      confidence: confidenceFromEvidence(e),
      confidence_text: Math.round(textConfidence * 10000) / 10000,
      polygon: toPolygon(reading.rects, toOutput),
      page_index: pageIndex,
    };
  }
  applyIssuingCityFix(read, evidence);
  movePassportNumberOutOfDate(read, evidence, nationality);
  return evidence;
}

/**
 * A date field that holds no date but a passport number, while the passport number is unread: the
 * passport's label blurred away and its value went to the next label's field (measured three times
 * on photos: '709995282' as the passport's expiry, 'TR6918971' as the date of birth). The number
 * moves, with its box, to the passport number, held as a guess: the field is the layout's second
 * choice. The date field is left empty (its own value was not read).
 */
function movePassportNumberOutOfDate(
  read: KitasRead,
  evidence: Partial<Record<TextFieldName, FieldEvidence>>,
  nationality: string,
): void {
  if (read.passport_number.value) return;
  for (const name of ['passport_expiry', 'date_of_birth'] as const) {
    const e = evidence[name];
    if (!e || e.format !== 'invalid' || !read[name].value_original) continue;
    const passport = normalizeField('passport_number', read[name].value_original, nationality);
    if (!passport.valid || !/\d/.test(passport.value) || /[-/.,\s]/.test(read[name].value_original)) continue;
    const moved: FieldEvidence = { ...e, format: 'valid', guessed: true, length: passport.value.length };
    evidence.passport_number = moved;
    read.passport_number = {
      ...read[name],
      value: passport.value,
      confidence: confidenceFromEvidence(moved),
    };
    delete evidence[name];
    read[name] = emptyTextField(read[name].page_index);
    return;
  }
}

/**
 * The place of issue and the office's name put back to the one city they both name (see
 * reconcileIssuingCity). The value is taken from the other field, not read: a guess, capped as one.
 * Two known cities that contradict each other leave both values as read, and both unsure: which one
 * was misread, nothing tells (a listed city snapped from a garbled read had been 0.99 sure).
 */
function applyIssuingCityFix(read: KitasRead, evidence: Partial<Record<TextFieldName, FieldEvidence>>): void {
  const fix = reconcileIssuingCity(read.issued_place.value, read.office_name.value);
  if (fix.contradicted) {
    for (const name of ['issued_place', 'office_name'] as const) {
      const e = evidence[name];
      if (!e) continue;
      e.guessed = true;
      read[name] = { ...read[name], confidence: confidenceFromEvidence(e) };
    }
    return;
  }
  const fixes: [TextFieldName, string | undefined][] = [
    ['issued_place', fix.issuedPlace],
    ['office_name', fix.officeName],
  ];
  for (const [name, value] of fixes) {
    const e = evidence[name];
    if (value === undefined || !e) continue;
    e.guessed = true;
    e.length = value.length;
    read[name] = { ...read[name], value, confidence: confidenceFromEvidence(e) };
  }
}
