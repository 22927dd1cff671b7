// Recognises printed field labels in text lines, whatever the layout: a full bilingual label
// ("Nama / Name"), either half of it on its own line (stacked labels), and a value printed after
// the label on the same line ("Nama / Name : JOHN DOE").
import { FIELD_LABELS } from '../labels';
import { levenshtein, normalizeForMatch, similarity } from '../fuzzy';
import type { TextFieldName } from '../schema';

export type LabelKey = TextFieldName | 'place_date_of_birth';

export interface LabelForm {
  key: LabelKey;
  /** normalizeForMatch of the printed form. */
  norm: string;
  /** 'full' for the whole bilingual label; 'id' / 'en' for a half printed on its own line. */
  part: 'full' | 'id' | 'en';
  /** Printed in capitals ("NIORA"), as values are; other labels print in mixed case. */
  capitals: boolean;
}

export interface LabelHit {
  key: LabelKey;
  part: LabelForm['part'];
  score: number;
  /** How many words of the line the label covers; the rest is an inline value. */
  wordCount: number;
  /** Length of the matched label form, to prefer longer labels. */
  length: number;
}

function buildForms(): LabelForm[] {
  const forms: LabelForm[] = [];
  for (const [key, wordings] of Object.entries(FIELD_LABELS) as [LabelKey, readonly string[]][]) {
    for (const wording of wordings) {
      const capitals = (text: string) => !/\p{Ll}/u.test(text);
      forms.push({ key, norm: normalizeForMatch(wording), part: 'full', capitals: capitals(wording) });
      const parts = wording.split(' / ');
      if (parts.length >= 2) {
        const half = Math.ceil(parts.length / 2);
        const idText = parts.slice(0, half).join(' / ');
        const enText = parts.slice(half).join(' / ');
        const id = normalizeForMatch(idText);
        const en = normalizeForMatch(enText);
        if (id && id !== en) forms.push({ key, norm: id, part: 'id', capitals: capitals(idText) });
        if (en) forms.push({ key, norm: en, part: 'en', capitals: capitals(enText) });
      }
    }
  }
  // Longest first: 'PASPOR BERLAKU S D ...' must win over 'PASPOR'.
  return forms.sort((a, b) => b.norm.length - a.norm.length);
}

export const LABEL_FORMS = buildForms();

/** Minimum similarity for a label; short labels must match more exactly. */
function threshold(len: number): number {
  if (len <= 5) return 1;
  if (len <= 10) return 0.84;
  // "IZIN TINGGAL ..." opening a sentence must not pass for "NO IZIN TINGGAL".
  if (len <= 16) return 0.86;
  return 0.8;
}

/**
 * Finds the label that opens a line. Compares the label against the line's first k words for
 * every plausible k, so OCR noise inside the label and a value after it are both tolerated.
 */
/**
 * The index of the label column's ':' (a word of its own or ending a word) when a value in capitals
 * or digits follows it: that ':' ends a label, and the words after it are the value, however
 * label-like ("Place, Date : EDINBURGH," had matched "Place, Date of Birth"). Before mixed case the
 * label goes on ("Single:" over "Re-entry Permit Until"). -1 when there is none.
 */
export function labelEndingColon(words: readonly string[]): number {
  return words.findIndex(
    (w, i) => i > 0 && /:$/.test(w) && /^(?=.*[\p{Lu}\p{N}])[^\p{Ll}]*$/u.test(words[i + 1] ?? ''),
  );
}

export function matchLabel(
  words: readonly string[],
  minSimilarity?: number,
  exclude?: ReadonlySet<LabelKey>,
): LabelHit | null {
  // Separators printed as their own words ('/', ':') carry no letters; match on the others.
  // Tokens of the normalized text, each remembering the printed word it came from ('Re-entry'
  // gives RE and ENTRY); a label may only end where a printed word ends.
  const meaningful: { norm: string; end: number; wordEnd: boolean }[] = [];
  const colon = labelEndingColon(words);
  const labelWords = colon > 0 ? words.slice(0, colon + 1) : words;
  labelWords.forEach((w, i) => {
    const parts = normalizeForMatch(w).trim().split(' ').filter(Boolean);
    parts.forEach((norm, j) => meaningful.push({ norm, end: i + 1, wordEnd: j === parts.length - 1 }));
  });
  let best: LabelHit | null = null;
  for (const form of LABEL_FORMS) {
    if (exclude?.has(form.key)) continue;
    const formWords = form.norm.split(' ').length;
    for (let k = Math.max(1, formWords - 2); k <= Math.min(meaningful.length, formWords + 2); k++) {
      if (!meaningful[k - 1]!.wordEnd) continue;
      const prefix = meaningful
        .slice(0, k)
        .map((m) => m.norm)
        .join(' ');
      let score = similarity(prefix, form.norm);
      let length = form.norm.length;
      // Cut by its ':', a label may have wrapped its last words onto the line under it ("Place,
      // Date :" over "of Birth"): then it is the form's opening words that it spells, and it
      // weighs as much as those.
      // (Three words at least: one word is too little to name a label by its opening.)
      if (colon > 0 && k < formWords && k >= 3 && 2 * k >= formWords) {
        const opening = form.norm.split(' ').slice(0, k).join(' ');
        const openingScore = similarity(prefix, opening);
        if (openingScore > score) {
          score = openingScore;
          length = opening.length;
        }
      }
      if (score < (minSimilarity ?? threshold(length))) continue;
      // Words in capitals only near a label printed in mixed case are a value: the holder's name
      // "BENJAMIN ANDERSON" is one letter off the sponsor's label "Penjamin".
      if (!form.capitals && score < 1 && inCapitals(words.slice(0, meaningful[k - 1]!.end))) continue;
      // Prefer the longer label, then the better score.
      const weight = score * length;
      const bestWeight = best ? best.score * best.length : -1;
      const better =
        !best || weight > bestWeight + 0.5 || (Math.abs(weight - bestWeight) <= 0.5 && score > best.score);
      if (better) {
        best = {
          key: form.key,
          part: form.part,
          score,
          wordCount: meaningful[k - 1]!.end,
          length,
        };
      }
    }
  }
  if (best) {
    // A separator ':' printed as its own word belongs to the label.
    while (best.wordCount < words.length && /^[:;.|/]+$/.test(words[best.wordCount]!.trim()))
      best.wordCount++;
    // "Izin Masuk Kembali" opens both re-entry labels; a word like "Beberapa" or "Multiple" on the
    // line ("Izin Masuk Kembali Bed", the rest wrapped or blurred) makes it the multiple-entry one.
    const multiple = 'stay_multiple_entries_permit_expiry';
    if (
      best.key === 'stay_entries_permit_expiry' &&
      !exclude?.has(multiple) &&
      meaningful.some((m) => startsLike(m.norm, 'BEBERAPA') || startsLike(m.norm, 'MULTIPLE'))
    ) {
      best = { ...best, key: multiple };
    }
  }
  return best;
}

/** Letters, four at least, and none of them lowercase. */
function inCapitals(words: readonly string[]): boolean {
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && !/\p{Ll}/u.test(letters);
}

/** At least three letters, at most one edit from the start of `word`. */
function startsLike(token: string, word: string): boolean {
  return token.length >= 3 && levenshtein(token, word.slice(0, token.length)) <= 1;
}
