// Gender as printed (English or Indonesian, word or letter), read through OCR noise, to 'M' / 'F'.
import { normalizeForMatch, similarity } from '../fuzzy';

export type Gender = 'M' | 'F';

// Exact forms, compared with spaces removed ('LAKI-LAKI' -> 'LAKILAKI').
const EXACT: Readonly<Record<string, Gender>> = {
  M: 'M',
  L: 'M',
  LK: 'M',
  MALE: 'M',
  LAKI: 'M',
  LAKILAKI: 'M',
  PRIA: 'M',
  F: 'F',
  P: 'F',
  PR: 'F',
  FEMALE: 'F',
  PEREMPUAN: 'F',
  WANITA: 'F',
};

// Words worth a fuzzy match (letters alone are too short to guess at).
const WORDS = Object.keys(EXACT).filter((w) => w.length >= 4);

/** Minimum similarity for a misread word, and the lead the best gender needs over the other. */
const MIN_SIMILARITY = 0.7;
const MIN_MARGIN = 0.1;

function classifyPart(part: string): Gender | null | undefined {
  const key = normalizeForMatch(part).replace(/ /g, '');
  if (!key) return undefined;
  const exact = EXACT[key];
  if (exact) return exact;
  if (key.length < 3) return null;
  const best: Record<Gender, number> = { M: 0, F: 0 };
  for (const word of WORDS) {
    const g = EXACT[word]!;
    best[g] = Math.max(best[g], similarity(key, word));
  }
  const [winner, loser]: [Gender, Gender] = best.M >= best.F ? ['M', 'F'] : ['F', 'M'];
  if (best[winner] < MIN_SIMILARITY || best[winner] - best[loser] < MIN_MARGIN) return null;
  return winner;
}

/**
 * 'M' or 'F' from MALE/FEMALE, LAKI-LAKI/PEREMPUAN, PRIA/WANITA or the letters M/F/L/P, tolerating OCR
 * slips ('MALF', 'FEMAIE', 'LAKI LAKI'). A bilingual value ('LAKI-LAKI / MALE') counts when its parts
 * agree. Null when unreadable, ambiguous ('EMALE') or contradictory.
 */
export function normalizeGender(text: string): Gender | null {
  let result: Gender | null = null;
  for (const part of text.split('/')) {
    const g = classifyPart(part);
    if (g === undefined) continue;
    if (g === null) return null;
    if (result !== null && result !== g) return null;
    result = g;
  }
  return result;
}
