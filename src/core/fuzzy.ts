// Small string-distance helpers shared by the normalizers and the label matcher.

/** Edit distance (insertions, deletions, substitutions; each costs 1) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Keep the shorter string in the inner loop: O(min(|a|, |b|)) memory.
  if (a.length < b.length) [a, b] = [b, a];
  let prev = new Array<number>(b.length + 1);
  let curr = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** 1 - distance / longer length: 1 for equal strings (two empty strings included), 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - levenshtein(a, b) / longest;
}

// Digits (and '|') that OCR gives for letters; used only inside tokens that also hold letters, so
// plain numbers stay numbers.
const DIGIT_AS_LETTER: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '|': 'I',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  '6': 'G',
  '4': 'A',
  '7': 'T',
};

/**
 * A canonical form for fuzzy comparison: uppercase, accents removed, punctuation turned into spaces,
 * whitespace collapsed, and OCR digit-for-letter slips ('1ZIN' -> 'IZIN', 'P|RIA' -> 'PIRIA') fixed
 * inside tokens that contain letters.
 */
export function normalizeForMatch(s: string): string {
  const upper = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  // '|' is a letter (I) when glued to letters, else a separator.
  const tokens = upper.replace(/[^A-Z0-9|]+/g, ' ').split(' ');
  const out: string[] = [];
  for (const token of tokens) {
    if (/[A-Z]/.test(token)) {
      out.push(token.replace(/[0-9|]/g, (c) => DIGIT_AS_LETTER[c] ?? c));
    } else {
      out.push(token.replace(/\|/g, ''));
    }
  }
  return out.filter((t) => t.length > 0).join(' ');
}

export interface Match {
  /** The candidate as given. */
  candidate: string;
  index: number;
  /** similarity() of the normalized forms, 0..1. */
  similarity: number;
}

/**
 * The candidate most similar to `text` after normalizeForMatch() on both sides, or null when none reaches
 * `minSimilarity`. Ties go to the earlier candidate.
 */
export function bestMatch(text: string, candidates: readonly string[], minSimilarity: number): Match | null {
  const needle = normalizeForMatch(text);
  let best: Match | null = null;
  candidates.forEach((candidate, index) => {
    const score = similarity(needle, normalizeForMatch(candidate));
    if (score >= minSimilarity && (best === null || score > best.similarity)) {
      best = { candidate, index, similarity: score };
    }
  });
  return best;
}

/**
 * The one candidate nearest to `read` within `maxEdits`, or null when none is that near or two
 * are equally near (no guess between them).
 */
export function nearestWithin(read: string, candidates: Iterable<string>, maxEdits: number): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  let tied = false;
  for (const c of candidates) {
    if (c === read) return c;
    if (Math.abs(c.length - read.length) > maxEdits) continue;
    const d = levenshtein(read, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance && c !== best) tied = true;
  }
  return best !== null && bestDistance <= maxEdits && !tied ? best : null;
}
