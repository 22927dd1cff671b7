// Dates as printed on KITAS/KITAP documents (dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, "3 Maret 2024",
// "03 MAR 2024", ...), read through OCR noise, normalized to the reference's dd-mm-yyyy.
import { levenshtein, normalizeForMatch } from '../fuzzy';

export interface DayMonthYear {
  day: number;
  month: number;
  year: number;
}

/** Years outside this range are treated as misreads. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// Characters OCR gives for digits inside a digit group.
const DIGIT_LIKE: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  I: '1',
  i: '1',
  l: '1',
  '|': '1',
  '!': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
  A: '4',
};

const D = '[0-9OoQIil|!SsBZzGA]';
// A separator between numeric groups: one of the usual marks with optional spaces, or spaces alone.
// (A colon is a dash or dot read on soft print; with three groups and a 4-digit year it is no time.)
const SEP = '(?:\\s*[-/.:|~_\\\\]\\s*|\\s+)';
const NUMERIC_DMY = new RegExp(`^(${D}{1,2})${SEP}(${D}{1,2})${SEP}(${D}{4})$`);
const NUMERIC_YMD = new RegExp(`^(${D}{4})\\s*[-/.]\\s*(${D}{1,2})\\s*[-/.]\\s*(${D}{1,2})$`);
// A month name: letters, possibly with a digit read for a letter ('0KT'), at least one real letter.
const MONTH_TOKEN = '([A-Za-z0-9|]*[A-Za-z][A-Za-z0-9|]*)\\.?';
const NAMED_DMY = new RegExp(`^(${D}{1,2})[\\s\\-/.,]*${MONTH_TOKEN}[\\s\\-/.,]*(${D}{4})$`);
const NAMED_MDY = new RegExp(`^${MONTH_TOKEN}[\\s\\-/.,]*(${D}{1,2})[\\s,.]+(${D}{4})$`);

/** Month names and abbreviations in Indonesian and English (uppercase), month number 1..12. */
export const MONTH_NAMES: Readonly<Record<string, number>> = {
  JANUARI: 1,
  JANUARY: 1,
  JAN: 1,
  FEBRUARI: 2,
  FEBRUARY: 2,
  PEBRUARI: 2,
  FEB: 2,
  PEB: 2,
  MARET: 3,
  MARCH: 3,
  MAR: 3,
  APRIL: 4,
  APR: 4,
  MEI: 5,
  MAY: 5,
  JUNI: 6,
  JUNE: 6,
  JUN: 6,
  JULI: 7,
  JULY: 7,
  JUL: 7,
  AGUSTUS: 8,
  AUGUST: 8,
  AGU: 8,
  AGT: 8,
  AGS: 8,
  AUG: 8,
  SEPTEMBER: 9,
  SEPT: 9,
  SEP: 9,
  OKTOBER: 10,
  OCTOBER: 10,
  OKT: 10,
  OCT: 10,
  NOVEMBER: 11,
  NOPEMBER: 11,
  NOV: 11,
  NOP: 11,
  DESEMBER: 12,
  DECEMBER: 12,
  DES: 12,
  DEC: 12,
};

const FULL_MONTH_NAMES = Object.keys(MONTH_NAMES).filter((name) => name.length >= 4);

function digits(group: string): number {
  return Number(group.replace(/[^0-9]/g, (c) => DIGIT_LIKE[c] ?? c));
}

/** Month number for a (possibly misread) month name, or null. Abbreviations must be exact. */
export function parseMonthName(token: string): number | null {
  const name = normalizeForMatch(token).replace(/ /g, '');
  if (!name) return null;
  const exact = MONTH_NAMES[name];
  if (exact !== undefined) return exact;
  if (name.length < 4) return null;
  const maxDistance = name.length >= 7 ? 2 : 1;
  let bestDistance = Infinity;
  let bestMonths = new Set<number>();
  for (const candidate of FULL_MONTH_NAMES) {
    const d = levenshtein(name, candidate);
    if (d > maxDistance || d > bestDistance) continue;
    if (d < bestDistance) {
      bestDistance = d;
      bestMonths = new Set();
    }
    bestMonths.add(MONTH_NAMES[candidate]!);
  }
  // Two different months equally close (e.g. 'JUNY': JUNE/JULY) is a guess we do not make.
  return bestMonths.size === 1 ? [...bestMonths][0]! : null;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDayMonthYear(day: number, month: number, year: number): boolean {
  return (
    Number.isInteger(day) &&
    Number.isInteger(month) &&
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(month, year)
  );
}

function checked(day: number, month: number, year: number): DayMonthYear | null {
  return isValidDayMonthYear(day, month, year) ? { day, month, year } : null;
}

/**
 * Reads a date printed as dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, "d Month yyyy", "dd MMM yyyy" (Indonesian
 * or English month names), "Month d, yyyy" or yyyy-mm-dd, tolerating OCR noise: spaces around separators,
 * letters read for digits (O→0, I/l/|→1, S→5, B→8, Z→2), slightly misread month names, and a stray
 * leading ':' or trailing '.'/','. Impossible dates (31-02-2020, month 13) give null.
 */
export function parseDate(text: string): DayMonthYear | null {
  const s = text
    .trim()
    .replace(/^[:;.,\s]+/, '')
    .replace(/[.,;:\s]+$/, '');
  if (!s) return null;

  let m = NUMERIC_DMY.exec(s);
  if (m) return checked(digits(m[1]!), digits(m[2]!), digits(m[3]!));
  m = NUMERIC_YMD.exec(s);
  if (m) return checked(digits(m[3]!), digits(m[2]!), digits(m[1]!));
  // Both separators lost on soft print: "17071999" (only real digits; the permit prints day first).
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  // One separator lost ("1606/2021", "16/062021"): two digits each for day and month, day first.
  m = /^(\d{2})(?:(\d{2})[-/.]|[-/.](\d{2}))(\d{4})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2] ?? m[3]), Number(m[4]));
  // One separator blurred into a letter ("28M11/1982", "28I11/1982"), the other read: the digits
  // are all there, two each for day and month.
  m = /^(\d{2})(?:[A-Za-z|\\](\d{2})[-/.]|[-/.](\d{2})[A-Za-z|\\])(\d{4})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2] ?? m[3]), Number(m[4]));
  m = NAMED_DMY.exec(s);
  // A "day" of look-alike letters run into the month ("Agustus 1965": A for 4, then "gustus") is
  // the month's own first letter: the day was not read.
  if (m && !/\d/.test(m[1]!) && /[A-Za-z]/.test(s.charAt(m[1]!.length))) m = null;
  if (m) {
    const month = parseMonthName(m[2]!);
    if (month !== null) return checked(digits(m[1]!), month, digits(m[3]!));
  }
  m = NAMED_MDY.exec(s);
  // Likewise a month's last letter taken for the day after it ("Agustus 1965": S for 5).
  if (m && !/\d/.test(m[2]!) && /[A-Za-z]/.test(s.charAt(s.indexOf(m[2]!, m[1]!.length) - 1))) m = null;
  if (m) {
    const month = parseMonthName(m[1]!);
    if (month !== null) return checked(digits(m[2]!), month, digits(m[3]!));
  }
  return null;
}

export function formatDmy({ day, month, year }: DayMonthYear): string {
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${String(year).padStart(4, '0')}`;
}

/**
 * A date printed in digits whose day or month came out as one digit ("2-09-2025"). Permits print
 * numeric dates zero-padded, so a digit was lost: the date still parses, but it may be "20", not "02".
 */
export function hasLostDateDigit(text: string): boolean {
  const m = /(?:^|[^0-9])(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*\d{4}(?![0-9])/.exec(text);
  return !!m && (m[1]!.length === 1 || m[2]!.length === 1);
}

/** parseDate() then 'dd-mm-yyyy', or null when the text is not a valid date. */
export function normalizeDate(text: string): string | null {
  const parsed = parseDate(text);
  return parsed ? formatDmy(parsed) : null;
}

/** True only for an exact, valid 'dd-mm-yyyy' string (what the reference returns). */
export function isStrictDmy(s: string): boolean {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  return m !== null && isValidDayMonthYear(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The date at 00:00 UTC, or null when `s` is not a date parseDate() accepts. */
export function dateFromDmy(s: string): Date | null {
  const parsed = parseDate(s);
  return parsed ? new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)) : null;
}

/** The UTC calendar day of `date` as 'dd-mm-yyyy'. */
export function dmyFromDate(date: Date): string {
  return formatDmy({ day: date.getUTCDate(), month: date.getUTCMonth() + 1, year: date.getUTCFullYear() });
}

/**
 * Orders two dates (dd-mm-yyyy, or anything parseDate() accepts): negative when a is earlier, 0 when the
 * same day, positive when later; NaN when either is not a valid date.
 */
export function compareDates(a: string, b: string): number {
  const da = parseDate(a);
  const db = parseDate(b);
  if (!da || !db) return NaN;
  return da.year - db.year || da.month - db.month || da.day - db.day;
}
