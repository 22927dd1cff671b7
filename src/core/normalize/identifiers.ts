// Document numbers: NIORA, permit (card) number, stay permit index and passport number. OCR confuses
// letters and digits that look alike; where the format fixes which positions hold digits and which hold
// letters, the confusions are undone position by position.
import { PASSPORT_FORMATS } from '../passport-formats';
import { cleanText, normalizeNationality } from './text';

/** Letter (or mark) OCR gives for a digit -> the digit. */
export const DIGIT_FOR: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  Z: '2',
  A: '4',
  S: '5',
  G: '6',
  T: '7',
  B: '8',
};

/** Digit (or mark) OCR gives for a letter -> the letter. */
export const LETTER_FOR: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '|': 'I',
  '2': 'Z',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '7': 'T',
  '8': 'B',
};

/** Uppercase, only A-Z, 0-9 and '|' (kept for the positional fix, where it is 1 or I). */
function compact(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9|]/g, '');
}

/**
 * Rewrites `s` to the mask ('D' digit, 'L' letter, one per character) and counts the characters changed,
 * or null when the length differs or a character cannot be mapped.
 */
export function fixToMask(s: string, mask: string): { value: string; changes: number } | null {
  if (s.length !== mask.length) return null;
  let value = '';
  let changes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const wantDigit = mask[i] === 'D';
    const ok = wantDigit ? /[0-9]/.test(c) : /[A-Z]/.test(c);
    const mapped = ok ? c : wantDigit ? DIGIT_FOR[c] : LETTER_FOR[c];
    if (mapped === undefined) return null;
    if (mapped !== c) changes++;
    value += mapped;
  }
  return { value, changes };
}

/**
 * A misread identifier needs a glyph or two swapped; text that needs more to take the shape is other
 * text (a name "TAKUYASATO" would become the NIORA 7AKUY45470), left as read to fail the format.
 */
const MAX_LOOKALIKE_FIXES = 3;

function withinFixes(fixed: { value: string; changes: number } | null): string | null {
  return fixed && fixed.changes <= MAX_LOOKALIKE_FIXES ? fixed.value : null;
}

// ---------------------------------------------------------------- NIORA

const NIORA_MASK = 'DLLLLDDDDD';
const NIORA_RE = /^\d[A-Z]{4}\d{5}$/;

/** NIORA: 1 digit, 4 letters, 5 digits (e.g. 3ATAA20536); punctuation and spaces dropped, look-alikes fixed. */
export function normalizeNiora(text: string): string {
  // "NIORA4SMXU76719": the label run into its value where the colon between them blurred away.
  const read = compact(text);
  const s = read.length === NIORA_MASK.length + 5 && /^N[I1L|]OR[A4]/.test(read) ? read.slice(5) : read;
  return withinFixes(fixToMask(s, NIORA_MASK)) ?? s.replace(/\|/g, '');
}

export function isValidNiora(s: string): boolean {
  return NIORA_RE.test(s);
}

// ---------------------------------------------------------------- permit number

const PERMIT_MASK = 'DLDDLLDDDDLL';
const PERMIT_RE = /^\d[A-Z]\d{2}[A-Z]{2}\d{4}[A-Z]{2}$/;

/**
 * Permit number: digit, letter, 2 digits, 2 letters, 4 digits, 2 letters (e.g. 2C21HB0016AT; KITAS
 * numbers start 2C, KITAP 2D). Spaces and punctuation dropped, look-alikes fixed per position; the
 * class letter (2nd) also reads O/0/Q as D and G/6 as C.
 */
export function normalizePermitNumber(text: string): string {
  const read = compact(text);
  // "No. 2C25II3013DH": the card prints "No." before the number, and a blurred row joins them.
  const s = read.length === PERMIT_MASK.length + 2 && /^N[O0]/.test(read) ? read.slice(2) : read;
  if (s.length !== PERMIT_MASK.length) return s.replace(/\|/g, '');
  const classLetter = s[1]!;
  const fixedClass = /[O0Q]/.test(classLetter) ? 'D' : /[G6]/.test(classLetter) ? 'C' : classLetter;
  const withClass = s[0]! + fixedClass + s.slice(2);
  return withinFixes(fixToMask(withClass, PERMIT_MASK)) ?? s.replace(/\|/g, '');
}

export function isValidPermitNumber(s: string): boolean {
  return PERMIT_RE.test(s);
}

/** The permit number prefix each document class carries. */
export const PERMIT_PREFIX = { KITAS: '2C', KITAP: '2D' } as const;

// ---------------------------------------------------------------- stay permit index

const ROMAN_INDEX_RE = /^(?:IX|IV|V?I{1,3}|V|X)[A-Z]?$/;
// Stay permits carry C and D indexes of three digits (the older C312, C316, D312...) or E indexes of
// two and a series letter or none (E23, E28A, E31A, E33G: limited stay visas since 2023; series
// letters run A to H); A and B are visit and on-arrival visas, which no permit carries.
const CODE_INDEX_RE = /^(?:[CD]\d{3}|E\d{2})[A-H]?$/;
const CODE_INDEX_MASKS = ['LDD', 'LDDD', 'LDDL', 'LDDDL'];
/** An index letter misread as a look-alike outside C/D/E ('B27' for 'E27'); O could be C or D. */
const INDEX_LETTER_FOR: Readonly<Record<string, string>> = { B: 'E', F: 'E', G: 'C' };

export function isValidStayPermitIndex(s: string): boolean {
  return ROMAN_INDEX_RE.test(s) || CODE_INDEX_RE.test(s);
}

/**
 * Stay permit index: uppercase, spaces and punctuation removed ("VI B" -> "VIB", "E31 A" -> "E31A").
 * Valid forms are a roman numeral I..X with an optional letter, or a letter, 2-3 digits and an optional
 * letter; an invalid read is repaired when a look-alike fix makes it valid ("V1B" -> "VIB",
 * "E3lA" -> "E31A").
 */
export function normalizeStayPermitIndex(text: string): string {
  const s = compact(text);
  const plain = s.replace(/\|/g, 'I');
  if (isValidStayPermitIndex(plain)) return plain;
  // Roman numeral read with digits 1 or a lowercase l: everything but a final series letter becomes I.
  const roman = s.replace(/[1|]/g, 'I').replace(/L(?=.)/g, 'I');
  if (ROMAN_INDEX_RE.test(roman)) return roman;
  let best: { value: string; changes: number } | null = null;
  for (const mask of CODE_INDEX_MASKS) {
    const fixed = fixToMask(s, mask);
    if (!fixed) continue;
    const letter = INDEX_LETTER_FOR[fixed.value[0]!];
    const value = letter ? letter + fixed.value.slice(1) : fixed.value;
    const changes = fixed.changes + (letter ? 1 : 0);
    if (CODE_INDEX_RE.test(value) && (best === null || changes < best.changes)) best = { value, changes };
  }
  return best?.value ?? plain;
}

// ---------------------------------------------------------------- passport number

/** The passport formats known for a printed nationality (matched as printed, then via normalizeNationality). */
export function passportFormatsFor(nationality: string): RegExp[] | null {
  const printed = cleanText(nationality).toUpperCase();
  return PASSPORT_FORMATS[printed] ?? PASSPORT_FORMATS[normalizeNationality(nationality)] ?? null;
}

/** Most look-alike characters tried together; more gives up the repair rather than search 2^n variants. */
const MAX_AMBIGUOUS = 14;

/**
 * Passport number, uppercase without spaces (and without punctuation at either end). When the
 * nationality's formats are known and the read matches none of them, look-alike fixes are tried; the
 * variant with the fewest changes that matches a format is returned, provided it is the only one with
 * that few changes. Otherwise the read is returned as is.
 */
export function normalizePassportNumber(text: string, nationality: string): string {
  const asRead = text
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^[^A-Z0-9]+|[^A-Z0-9]+$/g, '');
  const formats = passportFormatsFor(nationality);
  if (!formats) return asRead;
  const matches = (s: string) => formats.some((re) => re.test(s));
  if (matches(asRead)) return asRead;

  const s = compact(asRead);
  const options = [...s].map((c) => {
    const alts = [c];
    const digit = DIGIT_FOR[c];
    const letter = LETTER_FOR[c];
    if (digit !== undefined && !/[0-9]/.test(c)) alts.push(digit);
    if (letter !== undefined && !/[A-Z]/.test(c)) alts.push(letter);
    // '|' is no passport character: only its readings count.
    return c === '|' ? alts.slice(1) : alts;
  });
  if (options.filter((o) => o.length > 1).length > MAX_AMBIGUOUS) return asRead;

  let bestChanges = Infinity;
  const best = new Set<string>();
  const walk = (i: number, prefix: string, changes: number): void => {
    if (changes > bestChanges) return;
    if (i === options.length) {
      if (!matches(prefix)) return;
      if (changes < bestChanges) {
        bestChanges = changes;
        best.clear();
      }
      best.add(prefix);
      return;
    }
    for (const c of options[i]!) walk(i + 1, prefix + c, changes + (c === s[i] ? 0 : 1));
  };
  walk(0, '', 0);
  return best.size === 1 ? [...best][0]! : asRead;
}

/** Whether `s` fits a format of the nationality; null when no format is known for it. */
export function isValidPassportNumber(s: string, nationality: string): boolean | null {
  const formats = passportFormatsFor(nationality);
  if (!formats) return null;
  return formats.some((re) => re.test(s));
}
