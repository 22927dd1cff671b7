// Document title line -> KITAS / KITAP and the canonical printed title (what document_type returns).
import { normalizeForMatch, similarity } from '../fuzzy';
import { DOCUMENT_TITLES } from '../labels';

export type TitleClass = keyof typeof DOCUMENT_TITLES;

export interface TitleMatch {
  documentClass: TitleClass;
  /** The title exactly as listed in DOCUMENT_TITLES. */
  title: string;
}

/** Minimum similarity of a misread title, and the lead it needs over the best title of the other class. */
const MIN_SIMILARITY = 0.8;
const MIN_MARGIN = 0.05;
/** Characters a line may carry around a title it contains ("(KITAS)", a stray mark). */
const MAX_EXTRA = 12;

const TITLES: { documentClass: TitleClass; title: string; key: string }[] = (
  Object.keys(DOCUMENT_TITLES) as TitleClass[]
).flatMap((documentClass) =>
  DOCUMENT_TITLES[documentClass].map((title) => ({ documentClass, title, key: matchKey(title) })),
);

// Spaces are dropped: OCR often merges or splits the words of a title.
function matchKey(s: string): string {
  return normalizeForMatch(s).replace(/ /g, '');
}

/**
 * Whether the line holds `title` next to part of a longer title that holds it: followed by the
 * longer one's next letters ("IZIN TINGGAL TERBATAS ELEKTRON": the electronic title, its last letters
 * lost) or preceded by the end of its first word ("ARTU IZIN TINGGAL TETAP": the card's title, its K
 * at the crop's edge), not the plain title with something around it.
 */
function cutShort(key: string, title: string): boolean {
  const at = key.indexOf(title);
  const after = key.slice(at + title.length);
  const before = key.slice(0, at);
  return TITLES.some((longer) => {
    if (longer.key.length <= title.length) return false;
    if (after.length >= 3 && longer.key.startsWith(title)) {
      const next = longer.key.slice(title.length, title.length + after.length);
      if (similarity(after, next) >= 0.75) return true;
    }
    if (before.length >= 3 && longer.key.endsWith(title)) {
      const head = longer.key.slice(0, longer.key.length - title.length);
      if (similarity(before, head.slice(-before.length)) >= 0.75) return true;
    }
    return false;
  });
}

function classifyPart(part: string): { match: TitleMatch; score: number } | null {
  const key = matchKey(part);
  if (!key) return null;
  // Each title scores its similarity to the line or, when the line contains it with little around it
  // ("... (KITAS)"), at least MIN_SIMILARITY plus a share for how much of the line it covers.
  const best: Partial<Record<TitleClass, { t: (typeof TITLES)[number]; score: number }>> = {};
  for (const t of TITLES) {
    let score = similarity(key, t.key);
    if (key.includes(t.key) && key.length - t.key.length <= MAX_EXTRA && !cutShort(key, t.key)) {
      score = Math.max(score, MIN_SIMILARITY + (1 - MIN_SIMILARITY) * (t.key.length / key.length));
    }
    const current = best[t.documentClass];
    if (!current || score > current.score) best[t.documentClass] = { t, score };
  }
  const kitas = best.KITAS?.score ?? 0;
  const kitap = best.KITAP?.score ?? 0;
  const winner = kitas >= kitap ? best.KITAS : best.KITAP;
  // The winner must be close enough, and clearly closer than any title of the other class.
  if (!winner || winner.score < MIN_SIMILARITY || Math.abs(kitas - kitap) < MIN_MARGIN) return null;
  return { match: { documentClass: winner.t.documentClass, title: winner.t.title }, score: winner.score };
}

/**
 * Classifies a title line as KITAS or KITAP and returns the canonical printed title, tolerating OCR slips,
 * merged words and a bilingual line ("... / ..."); null when the line is not a KITAS/KITAP title.
 */
export function classifyTitle(text: string): TitleMatch | null {
  const parts = text.includes('/') ? [text, ...text.split('/')] : [text];
  let best: { match: TitleMatch; score: number } | null = null;
  for (const part of parts) {
    const found = classifyPart(part);
    if (found && (best === null || found.score > best.score)) best = found;
  }
  return best?.match ?? null;
}
