// Free-text cleanup for OCR'd values: whitespace, quote/dash variants, label separators, names and
// nationalities.
import { levenshtein, normalizeForMatch } from '../fuzzy';
import { PASSPORT_FORMATS } from '../passport-formats';

/**
 * Collapses whitespace, trims, maps typographic quotes and dashes to ASCII, strips leading label
 * separators (':' and tesseract's '©' for it, '.', ';', ',', a lone '|' or '-') and trailing junk (a lone
 * '|', '_', '~', ',', ';', ':'). Case and inner punctuation are kept.
 */
export function cleanText(text: string): string {
  let s = text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ')
    .trim();
  s = s.replace(/^(?:[:;.,©]+|[|-](?= )| )+/, '');
  s = s.replace(/(?:(?<= )[|-]+|[_~,;:]+| )+$/, '');
  return s;
}

const LETTER_FOR_DIGIT: Record<string, string> = {
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

/**
 * Relation markers printed inside Malaysian, Singaporean and Indian names: A/L, A/P (anak lelaki,
 * anak perempuan: son, daughter of), S/O, D/O. No name has these letter pairs as words of their own,
 * so two single letters between the names' words (the slash read as a space) are one marker.
 */
const RELATION_PAIRS = new Set(['AL', 'AP', 'SO', 'DO']);

/**
 * A holder's name: uppercase, accents dropped, only letters, spaces, apostrophes, hyphens and dots,
 * and the slash of a relation marker (A/L, S/O). Digits glued to letters are read as the letters
 * OCR confuses them with ('J0HN' -> 'JOHN'); other characters become spaces.
 */
export function normalizeName(text: string): string {
  const upper = cleanText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  const words = upper
    .replace(/[^A-Z0-9|'\-. ]+/g, ' ')
    .split(' ')
    .map((word) => (/[A-Z]/.test(word) ? word.replace(/[0-9|]/g, (c) => LETTER_FOR_DIGIT[c] ?? '') : ''))
    .map((word) => word.replace(/^['\-.]+/, '').replace(/['-]+$/, ''))
    .filter((word) => word.length > 0);
  for (let i = 1; i + 2 < words.length; i++) {
    if (words[i]!.length === 1 && words[i + 1]!.length === 1 && RELATION_PAIRS.has(words[i]! + words[i + 1]!))
      words.splice(i, 2, `${words[i]!}/${words[i + 1]!}`);
  }
  return words.join(' ');
}

/**
 * A sponsor (guarantor) name: a company's legal prefix glued to its name by a dropped word space
 * ("PTSENTOSA JAYA") is split again. PT (perseroan terbatas) and CV are always words of their own.
 */
export function normalizeGuarantorName(text: string): string {
  return cleanText(text).replace(/^(PT|CV)(\.?)(?=[A-Z]{3})/, '$1$2 ');
}

/** Glyphs OCR gives for digits inside an RT/RW number. */
const DIGIT_FOR_LETTER: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  S: '5',
  I: '1',
  l: '1',
  '|': '1',
  B: '8',
  Z: '2',
  G: '6',
};

/**
 * An Indonesian address, written as the permit prints it: "JL. <street> NO. <n>, RT <nnn>/RW <nnn>,
 * KEL. <village>, KEC. <district>, KAB./KOTA <regency>". Soft print loses the dots and commas of
 * that grammar or swaps them, and bends the RT/RW numbers; they are put back:
 * - the street prefix "JL." read as "JI.", "JT.", "J." or "JL" (or after a stray mark, "H JL.");
 * - the abbreviations JL, NO, KEL, KEC, KAB, KM, PERUM, KOMP, GG, JEND take their dot ("KEL," "NO,"
 *   "NO.105" -> "KEL." "NO." "NO. 105");
 * - a comma, not a dot or nothing, goes before RT, KEL., KEC., KAB. and KOTA (after a mark, or
 *   closing the address after the district);
 * - "RT 00S/RW 001", "RT 004IRW 009", "KT 003/RW 008", "RT 011/RV 003" -> "RT 005/RW 001", "RT 004/RW 009",
 *   "RT 003/RW 008", "RT 011/RW 003";
 * - KEL, KEC and KAB one glyph off where they open a part ("REC. SERPONG" -> "KEC. SERPONG");
 * - a block code's number read as letters: "BLOK ALL", "BLOK GI" -> "BLOK A11", "BLOK G1";
 * - a dot or comma after the last word ("... NO. 1 JIMBARAN.") is dropped;
 * - a one-glyph house number read as its look-alike letter: "NO. S" -> "NO. 5";
 * - JEND (Jenderal) with its D read as O: "JENO. SUDIRMAN" -> "JEND. SUDIRMAN".
 * Words themselves are left as read.
 */
/**
 * Whether an address (as `normalizeAddress` gives it) has a house number without a digit ("NO. J"):
 * a glyph misread beyond the look-alike repairs, so the address as read is not the printed one.
 */
export function hasUnreadHouseNumber(address: string): boolean {
  return /\bNO\. [A-Z]{1,2}(?=[\s,]|$)/.test(address);
}

/**
 * Whether an address stops on a comma or on the prefix of its next part ("..., RT 011/RW 008, KEL",
 * "..., KEC. KEBON JERUK, KOTA"):
 * its last line was not read, so the address as read is not the printed one.
 */
export function addressStopsMidway(address: string): boolean {
  // (A district may end in KOTA, "KEC. BATAM KOTA"; a part that is only "KOTA" names no city.)
  return /(?:,|\b(?:JL|NO|KEL|KEC|KAB|KOMP|PERUM|RT|RW|BLOK)\.?|,\s*KOTA)$/.test(address.trim());
}

export function normalizeAddress(text: string): string {
  const digits = (s: string) => s.replace(/[OQDSIl|BZG]/g, (c) => DIGIT_FOR_LETTER[c] ?? c);
  return (
    cleanText(text)
      .replace(/^(?:[A-Z|]\s+)?(?:J[LIT1|il]\.|J\.|JL(?=\s))\s*(?=[A-Z0-9])/, 'JL. ')
      // KEL, KEC or KAB one glyph off ("REC.", "KIC,") where it opens a part of the address.
      // (Not a village or district named like one: "KEL. KEM, KEC. X".)
      .replace(/(?<=(?:^|\S)\s)(?<!\b(?:KEL|KEC|KAB|KOTA)\.?\s)[A-Z]{3}(?=[.,]\s[A-Z])/g, partKeyword)
      // Jenderal's abbreviation with its D read as O or 0 ("JL. JENO. SUDIRMAN").
      .replace(/\bJEN[O0Q](?=[.,]\s*[A-Z])/g, 'JEND')
      // A speck read as a dot inside KEL. or KEC. ("KE.L. LENGKONG").
      .replace(/\bK(?:\.E\.?|E\.)([LC])\.(?=\s)/g, 'KE$1.')
      // Initials ("JL. D.I. PANJAITAN") whose last dot was read as a comma.
      .replace(/\b((?:[A-Z]\.)+[A-Z]),(?=\s[A-Z]{3})/g, '$1.')
      // (A speck read as a comma after the dot too: "KEL., JABABEKA".)
      .replace(/\b(JL|KEL|KEC|KAB|KM|PERUM|KOMP|GG|JEND)(?:[.,]{1,2}\s*|\s+)(?=[A-Z0-9])/g, '$1. ')
      .replace(/\bNO(?:[.,]\s*|\s+)(?=\d)/g, 'NO. ')
      // A house number of one glyph read as its look-alike letter ("NO. S, RT ..."): the digit.
      .replace(/\bNO\. ([OQDSI|BZG])(?=[\s,]|$)/g, (_m, c: string) => `NO. ${DIGIT_FOR_LETTER[c] ?? c}`)
      // RT and RW print three digits: a space read into them ("RW 01 2,") is none.
      .replace(/\b(R[TW]) (\d{2}) (\d)(?=\s*[/,]|$)/g, '$1 $2$3')
      .replace(
        /\b[RK3][T7I]\s*([0-9OQDSIl|BZG]{2,3})\s*(?:[/I|l1]\s*(?:[R9][WV]?|[WV])|[R9][WV])\s*([0-9OQDSIl|BZG]{2,3})\b/g,
        (_m, rt: string, rw: string) => `RT ${digits(rt)}/RW ${digits(rw)}`,
      )
      // The regency's KOTA after its comma, a glyph lost or misread ("KTA", "ROTA", "K0TA").
      .replace(/(?<=,\s)(?:K[O0]?TA|[R]O?TA|K[O0]T)(?=\s[A-Z]{3})/g, 'KOTA')
      // BLOK before a block code, a glyph added or misread ("BILOK F12", "BL0K A9").
      .replace(/\b([A-Z0]{3,5})(?=\s[A-Z][0-9IL|]{1,2}(?:[\s,]|$))/g, (w: string) =>
        w !== 'BLOK' && w.length >= 4 && levenshtein(w.replace(/0/g, 'O'), 'BLOK') <= 1 ? 'BLOK' : w,
      )
      // (".," too: a speck read as a dot before the comma, "SEI SIKAMBING B., KEC.")
      .replace(/(?<=\S)(?:[.,]|\.,)?\s+(?=(?:RT \d|KEL\. |KEC\. |KAB\. ))/g, ', ')
      // (Not an abbreviation's own dot: a village "KEL. KOTA BARU" keeps it.)
      .replace(/(?<=\S)(?<!\b(?:KEL|KEC|KAB|JL|NO|KOMP|PERUM|GG|JEND|KM))[.,]\s+(?=KOTA )/g, ', ')
      // The district's comma lost before the regency that closes the address: "KEC. DENPASAR BARAT
      // KOTA DENPASAR". Only a KOTA whose words run to the end with no other KOTA among them: a
      // district named "... KOTA" ("KEC. BATAM KOTA", "BALIKPAPAN KOTA KOTA BALIKPAPAN") keeps it.
      .replace(/(\bKEC\. [A-Z0-9 ]+?)\s+(?=KOTA (?!KOTA\b)[A-Z]+(?: (?!KOTA\b)[A-Z]+)*$)/, '$1, ')
      // A comma read twice ("LABOTA,, KEC.").
      .replace(/,(?:\s*,)+/g, ',')
      // Nothing ends an address with a mark: a dot or comma after its last word is a speck.
      .replace(/(?<=[A-Z0-9]{3})[.,]$/, '')
      // A block code is a letter and a number ("BLOK A11", "BLOK G1"): an I, L or | after the letter is a 1.
      .replace(
        /\bBLOK ([A-Z])([0-9IL|]{1,2})(?=[\s,]|$)/g,
        (_m, letter: string, n: string) => `BLOK ${letter}${n.replace(/[IL|]/g, '1')}`,
      )
  );
}

/** The one part keyword (KEL, KEC, KAB) a three-letter word is a glyph away from, else the word. */
function partKeyword(word: string): string {
  const near = ['KEL', 'KEC', 'KAB'].filter((k) => levenshtein(word, k) <= 1);
  return near.length === 1 ? near[0]! : word;
}

/**
 * A permit status: "TKA BID." (tenaga kerja asing bidang: foreign worker, field of ...) read with its
 * word space dropped, its K as another letter ("TRA BID"), its D as O or 0 ("BIO.") or its dot as
 * a comma ("BID,").
 */
export function normalizePermitStatus(text: string): string {
  return cleanText(text).replace(/^T[A-Z]A\s?BI[DO0](?![A-Z])[.,]?\s*(?=[A-Z])/, 'TKA BID. ');
}

// Nationalities as printed on permits, English and Indonesian. Every key of PASSPORT_FORMATS is added too.
const BASE_NATIONALITIES = [
  'AFGHANISTAN',
  'AFRIKA SELATAN',
  'ALGERIA',
  'ALJAZAIR',
  'AMERIKA SERIKAT',
  'ARAB SAUDI',
  'ARGENTINA',
  'AUSTRALIA',
  'AUSTRIA',
  'BANGLADESH',
  'BELANDA',
  'BELGIA',
  'BELGIUM',
  'BRASIL',
  'BRAZIL',
  'BRITANIA RAYA',
  'BRUNEI DARUSSALAM',
  'BULGARIA',
  'CAMBODIA',
  'CANADA',
  'CEKO',
  'CHILE',
  'CHINA',
  'COLOMBIA',
  'CROATIA',
  'CZECH REPUBLIC',
  'DENMARK',
  'EGYPT',
  'ETHIOPIA',
  'ETIOPIA',
  'FILIPINA',
  'FINLAND',
  'FINLANDIA',
  'FRANCE',
  'GERMANY',
  'GHANA',
  'GREECE',
  'HONG KONG',
  'HUNGARIA',
  'HUNGARY',
  'INDIA',
  'INGGRIS',
  'IRAK',
  'IRAN',
  'IRAQ',
  'IRELAND',
  'IRLANDIA',
  'ITALIA',
  'ITALY',
  'JAPAN',
  'JEPANG',
  'JERMAN',
  'JORDAN',
  'KAMBOJA',
  'KANADA',
  'KAZAKHSTAN',
  'KENYA',
  'KOLOMBIA',
  'KOREA',
  'KOREA SELATAN',
  'KOREA UTARA',
  'KROASIA',
  'KUWAIT',
  'LAOS',
  'MALAYSIA',
  'MAROKO',
  'MEKSIKO',
  'MESIR',
  'MEXICO',
  'MONGOLIA',
  'MOROCCO',
  'MYANMAR',
  'NEPAL',
  'NETHERLANDS',
  'NEW ZEALAND',
  'NIGERIA',
  'NORTH KOREA',
  'NORWAY',
  'NORWEGIA',
  'PAKISTAN',
  'PERANCIS',
  'PERU',
  'PHILIPPINES',
  'POLAND',
  'POLANDIA',
  'PORTUGAL',
  'QATAR',
  'ROMANIA',
  'RUMANIA',
  'RUSIA',
  'RUSSIA',
  'SAUDI ARABIA',
  'SELANDIA BARU',
  'SERBIA',
  'SINGAPORE',
  'SINGAPURA',
  'SOUTH AFRICA',
  'SOUTH KOREA',
  'SPAIN',
  'SPANYOL',
  'SRI LANKA',
  'SUDAN',
  'SWEDEN',
  'SWEDIA',
  'SWISS',
  'SWITZERLAND',
  'TAIWAN',
  'THAILAND',
  'TIMOR LESTE',
  'TIONGKOK',
  'TUNISIA',
  'TURKEY',
  'TURKI',
  'UKRAINA',
  'UKRAINE',
  'UNI EMIRAT ARAB',
  'UNITED ARAB EMIRATES',
  'UNITED KINGDOM',
  'UNITED STATES',
  'UNITED STATES OF AMERICA',
  'USA',
  'UZBEKISTAN',
  'VENEZUELA',
  'VIETNAM',
  'YAMAN',
  'YEMEN',
  'YORDANIA',
  'YUNANI',
];

/** Known nationalities as printed (uppercase, English and Indonesian), sorted, no duplicates. */
export const NATIONALITIES: readonly string[] = [
  ...new Set([...BASE_NATIONALITIES, ...Object.keys(PASSPORT_FORMATS)]),
].sort();

const NATIONALITY_KEYS = NATIONALITIES.map((n) => normalizeForMatch(n));

/**
 * Uppercased nationality; an OCR slip of a known nationality (edit distance 1 for names up to 5
 * letters, up to 2 for longer ones, and a single closest candidate) is replaced by the known name.
 * Anything else is returned as read (cleaned, uppercase).
 */
export function normalizeNationality(text: string): string {
  const asRead = cleanText(text).toUpperCase();
  const key = normalizeForMatch(asRead);
  if (!key) return asRead;
  const exact = NATIONALITY_KEYS.indexOf(key);
  if (exact >= 0) return NATIONALITIES[exact]!;
  let bestDistance = Infinity;
  let best: number[] = [];
  NATIONALITY_KEYS.forEach((candidate, i) => {
    const maxDistance = Math.min(key.length, candidate.length) <= 5 ? 1 : 2;
    const d = levenshtein(key, candidate);
    if (d > maxDistance || d > bestDistance) return;
    if (d < bestDistance) {
      bestDistance = d;
      best = [];
    }
    best.push(i);
  });
  return best.length === 1 ? NATIONALITIES[best[0]!]! : asRead;
}

/** A country as printed for a permit holder's nationality (never Indonesia: the holder is foreign). */
export function isKnownNationality(text: string): boolean {
  const n = normalizeNationality(text);
  return NATIONALITIES.includes(n) && normalizeForMatch(n) !== 'INDONESIA';
}
