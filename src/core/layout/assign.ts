// Assigns text lines to fields from the printed labels and the geometry around them. Works for
// labels left of values, above values, or stacked over two lines, in one or two columns, because it
// never assumes where a field sits on the page: it follows the labels.
import type { Rect } from '../ports';
import { DATE_FIELDS, type TextFieldName } from '../schema';
import type { TextLine, TextWord } from '../text-lines';
import { LABEL_FORMS, labelEndingColon, matchLabel, type LabelHit, type LabelKey } from './labels-match';
import { normalizeDate } from '../normalize/dates';
import { normalizeGender } from '../normalize/gender';
import { addressStopsMidway } from '../normalize/text';
import { classifyTitle } from '../normalize/document-type';
import { normalizeForMatch, similarity } from '../fuzzy';
import { HEADER_LINES, OFFICE_NAME_PREFIXES, OFFICE_REGION_PREFIXES } from '../labels';
import { splitPlaceAndDate, splitPlaceAndUnreadDate } from '../normalize/place-date';
import { snapIssuedPlace } from '../normalize/offices';
import {
  ADDRESS_START,
  ADDRESS_WORDS,
  assignUnlabelledByFormat,
  continuesAddress,
  issueZoneTop,
} from './unlabelled';
import { unionRect } from '../geometry/polygon';
import {
  isValidNiora,
  isValidPermitNumber,
  normalizeNiora,
  normalizePermitNumber,
} from '../normalize/identifiers';

/** What the layout found for one field: the printed text and where it was. */
export interface FieldReading {
  text: string;
  confidence: number;
  rects: Rect[];
  /** How sure the layout is that this text belongs to this field (label match, geometry). */
  assignment: number;
  /** Outcome of the focused second read, when one was made. */
  reread?: 'agree' | 'replaced' | 'disagree';
  /** A value wrapped over several lines: each line's box, in reading order (`rects` holds their union). */
  lineRects?: Rect[];
  /** Its label could name another field as well: which of the two is a guess. */
  labelGuessed?: boolean;
}

export interface LayoutResult {
  fields: Partial<Record<TextFieldName, FieldReading>>;
  documentClass: 'KITAS' | 'KITAP' | null;
  /** Labels of KITAS/KITAP-only fields that were found (NIORA, permit number, ...). */
  permitLabelCount: number;
  labelCount: number;
  titleRect: Rect | null;
  labelRects: Rect[];
  /** Labels that found no value line, for a closer look at the pixels (a lone '-'). */
  unfilled: { key: TextFieldName; rect: Rect; lineHeight: number }[];
}

/** Fields whose value always holds a digit (dates, identifiers, "Place, date" of birth). */
const NEEDS_DIGITS: ReadonlySet<LabelKey> = new Set<LabelKey>([
  'place_date_of_birth',
  'date_of_birth',
  'passport_expiry',
  'stay_entries_permit_expiry',
  'stay_multiple_entries_permit_expiry',
  'niora',
  'permit_number',
  'passport_number',
]);

/** Fields whose value is or ends in a date. */
const DATE_KEYS: ReadonlySet<LabelKey> = new Set<LabelKey>(['place_date_of_birth', ...DATE_FIELDS]);

/** Fields whose value never holds a run of digits (a name, a nationality, a gender). */
const NO_DIGITS: ReadonlySet<LabelKey> = new Set<LabelKey>(['full_name', 'nationality', 'gender']);

interface LabelUnit {
  key: LabelKey;
  rect: Rect;
  score: number;
  lines: number[];
  inline: TextWord[] | null;
}

/**
 * A value line wrapped when its next word would have run past its column's end, less this slack
 * (in line heights) for a column a little wider than the text it holds.
 */
const WRAP_SLACK = 1;

const MULTILINE_FIELDS: ReadonlySet<LabelKey> = new Set([
  'address',
  'full_name',
  'guarantor_name',
  'status',
  'occupation',
]);
const PERMIT_ONLY: ReadonlySet<LabelKey> = new Set([
  'niora',
  'permit_number',
  'stay_permit_index',
  'stay_multiple_entries_permit_expiry',
  'stay_entries_permit_expiry',
]);

const cy = (r: Rect) => r.y + r.height / 2;
const right = (r: Rect) => r.x + r.width;
const bottom = (r: Rect) => r.y + r.height;

function rectOfWords(words: readonly TextWord[]): Rect {
  return words.map((w) => w.rect).reduce((a, b) => unionRect(a, b));
}

/** The next line of a wrapped or stacked label: left-aligned under it and close. */
/** The unused line right under (or over) `rect`, starting where it starts; `group`'s lines aside. */
function findStackedLine(
  lines: readonly TextLine[],
  used: Set<number>,
  group: readonly number[],
  rect: Rect,
  side: 'below' | 'above' = 'below',
): number {
  let best = -1;
  let bestGap = Infinity;
  lines.forEach((line, j) => {
    if (used.has(j) || group.includes(j)) return;
    const gap = side === 'below' ? line.rect.y - bottom(rect) : rect.y - bottom(line.rect);
    const h = Math.min(rect.height, line.rect.height);
    if (gap < -0.6 * h || gap > 0.8 * h) return;
    if (Math.abs(line.rect.x - rect.x) > 1.5 * h) return;
    if (gap < bestGap) {
      bestGap = gap;
      best = j;
    }
  });
  return best;
}

/** The permit number's shape (2C/2D, then digit/letter classes), allowing one misread character. */
function looksLikePermitNumber(compact: string): boolean {
  const fixed = normalizePermitNumber(compact);
  if (isValidPermitNumber(fixed)) return true;
  if (!/^2[CD]/.test(fixed)) return false;
  const classes = 'DLDDLLDDDDLL';
  let misses = 0;
  for (let i = 0; i < 12; i++) {
    const isDigit = /[0-9]/.test(fixed[i]!);
    if ((classes[i] === 'D') !== isDigit) misses++;
  }
  return misses <= 1;
}

/** Where a first label line may end: all of it, or before a trailing run that looks like a value. */
function candidateKeeps(words: readonly TextWord[]): number[] {
  // The label column's ':' ends the label: what follows it is value, however label-like.
  const colon = labelEndingColon(words.map((w) => w.text));
  if (colon >= 1) return [words[colon]!.text === ':' ? colon : colon + 1];
  const keeps = [words.length];
  for (let k = words.length - 1; k >= 2; k--) {
    const tail = words.slice(k).map((w) => w.text);
    const valueLike = tail.some((t) => /\d/.test(t)) || /^[^a-z]*[A-Z]{3}[^a-z]*$/.test(tail.join(' '));
    if (valueLike) keeps.push(k);
  }
  return keeps;
}

/**
 * Text after a label on its own line counts as the value only if it could be one: not a stray mark
 * ('°', a lowercase 'h' from a watermark) and not a sentence in running lowercase text.
 */
function plausibleInline(words: TextWord[], hit: { key: LabelKey; part: string }): TextWord[] {
  const key = hit.key;
  const text = words.map((w) => w.text).join(' ');
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  if (text.length === 1 && !/[A-Z0-9]/.test(text)) return [];
  const letters = text.replace(/[^\p{L}]/gu, '');
  const lower = letters.replace(/[^\p{Ll}]/gu, '').length;
  if (words.length >= 4 && lower > 0.6 * letters.length) return [];
  // Values are printed in capitals: a mostly lowercase tail is the label's misread other language
  // ("Nama Lengkap / Fu Nan" from a blurred "/ Full Name").
  if (mostlyLowercase(text)) return [];
  // Nor does a value open on a lowercase word, whatever follows it: "Nama Pemeg 9" is a blurred
  // "Nama Pemegang" whose last glyphs read as a digit. (Dates may spell months "17 Juni 1990".)
  const opening = words[0]!.text.replace(/[^\p{L}]/gu, '');
  if (!DATE_KEYS.has(key) && opening.length >= 3 && mostlyLowercase(opening)) return [];
  // After the Indonesian half of a bilingual label, lowercase means the English half follows.
  if (hit.part === 'id' && /\p{Ll}/u.test(text) && !/\d/.test(text)) return [];
  // A scrap of two or three characters is a value only for the fields printed that short.
  const alnum = text.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (alnum <= 3 && !/\d/.test(text) && !SHORT_VALUE_FIELDS.has(key)) return [];
  return words;
}

/** Values are printed in capitals (dates aside); a mostly lowercase line is label text. */
function mostlyLowercase(text: string): boolean {
  // Dates print month names in mixed case ("17 Juni 1990"): a line with digits is not judged.
  if (/\d/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const lower = letters.replace(/[^\p{Ll}]/gu, '').length;
  return letters.length >= 2 && lower > 0.5 * letters.length;
}

const LOWERCASE_ROMAN_INDEX = /^(?:ix|iv|v?i{1,3}|x)\s?[a-e]?$/;

/** Fields whose whole printed value may be one to three letters (M/F, an index like 'C1'). */
const SHORT_VALUE_FIELDS: ReadonlySet<LabelKey> = new Set(['gender', 'stay_permit_index']);

/** A misread label (too noisy to assign) still must not be swallowed as a wrapped value. */
function looksLikeLabel(line: TextLine): boolean {
  const hit = matchLabel(
    line.words.map((w) => w.text),
    0.7,
  );
  return hit !== null && hit.wordCount >= Math.max(1, line.words.length - 1);
}

/**
 * A short label matched at the start of a line whose rest is more label text ("Paspor Perlsba
 * s/d": "Paspor" is a label, but the line is a blurred "Paspor Berlaku s/d") is the longer label
 * the whole line spells loosely, where there is one.
 */
function longerLabel(words: readonly string[], hit: LabelHit | null): LabelHit | null {
  if (!hit || hit.wordCount >= words.length) return hit;
  const rest = words.slice(hit.wordCount).join(' ');
  if (/\d/.test(rest) || !mostlyLowercase(rest)) return hit;
  const loose = matchLabel(words, BLURRED_LABEL_SIMILARITY);
  return loose && loose.wordCount >= words.length && loose.length > hit.length ? loose : hit;
}

/** Lines of only punctuation (a lone ':' column mark) are never values. */
function hasText(line: TextLine): boolean {
  return /[\p{L}\p{N}]/u.test(line.text) || /^[-–—]$/.test(line.text.trim());
}

/**
 * A lone dash with text right after it on its row is the label column's ':' read as '-' (its two
 * dots blur into one mark), not a printed "not applicable": the value is the text that follows.
 * So is a box of a glyph or two, well under the row's height: the colon detected by itself and
 * read as "7:" or "/3".
 */
function isColumnMark(line: TextLine, lines: readonly TextLine[]): boolean {
  const text = line.text.trim();
  const dash = /^[-–—]$/.test(text);
  // The colon alone in its own box, misread ("7:", "/3"): a glyph or two, half the row's height.
  const fragment = text.replace(/[^\p{L}\p{N}]/gu, '').length <= 2;
  if (!dash && !fragment) return false;
  const r = line.rect;
  const h = Math.max(r.height, 8);
  return lines.some((o) => {
    if (o === line || !/[\p{L}\p{N}]/u.test(o.text)) return false;
    if (!dash && !(r.height < 0.6 * o.rect.height && r.width < o.rect.height)) return false;
    const gap = o.rect.x - right(r);
    const level = Math.abs(cy(o.rect) - cy(r)) < 0.6 * Math.max(o.rect.height, h);
    // The colon's box may reach into the value's by half its height (": h" before "JL. MERDEKA"),
    // the value's row height: a colon boxed small (": a", 18 px on a 48 px row) reaches further.
    return level && gap > (dash ? -0.2 * h : -0.6 * Math.max(h, o.rect.height)) && gap < 2.5 * o.rect.height;
  });
}

/**
 * Drops the label column's ':' when the detector joined it to the value. OCR reads that colon as
 * ':', '©', '|', or even '1' / 'I'; a digit or letter only counts as the colon when it stands alone
 * and a wide gap follows (a real "I MADE ..." has a normal word space).
 */
function dropLeadingSeparators(words: readonly TextWord[]): TextWord[] {
  let i = 0;
  while (i < words.length - 1) {
    const w = words[i]!;
    const next = words[i + 1]!;
    const gap = next.rect.x - (w.rect.x + w.rect.width);
    const symbolOnly = !/[\p{L}\p{N}]/u.test(w.text);
    const colonLike = /^[1Il|!i]$/.test(w.text) && gap > 0.6 * w.rect.height;
    // Any lone character well apart from the value is a mark, not a word of it.
    const strayMark = w.text.length === 1 && gap > 1.2 * w.rect.height;
    if (!symbolOnly && !colonLike && !strayMark) break;
    i++;
  }
  const out = words.slice(i);
  const first = out[0];
  if (first && /^[:;]/.test(first.text) && first.text.length > 1) {
    out[0] = { ...first, text: first.text.replace(/^[:;]+/, '') };
  }
  return out;
}

function joinWords(words: readonly TextWord[]): string {
  return words.map((w) => w.text).join(' ');
}

/**
 * A wrapped value read into the second line of its stacked label ("Alamat Tinggal /" over
 * "Residential Address KEL. LENGKONG ..."): its first line is on the label's first row, starting
 * where the inline words start. Returns that line's index, or -1.
 */
function valueOpeningAbove(lines: readonly TextLine[], used: ReadonlySet<number>, u: LabelUnit): number {
  if (!u.inline || u.lines.length < 2 || !MULTILINE_FIELDS.has(u.key)) return -1;
  const top = lines[u.lines[0]!]!.rect;
  const start = u.inline[0]!.rect;
  const h = top.height;
  return lines.findIndex(
    (l, i) =>
      !used.has(i) &&
      !u.lines.includes(i) &&
      hasText(l) &&
      !looksLikeLabel(l) &&
      Math.abs(cy(l.rect) - cy(top)) < 0.5 * h &&
      l.rect.x > right(top) &&
      Math.abs(l.rect.x - start.x) < 1.5 * h &&
      l.rect.y < start.y,
  );
}

function wordsConfidence(words: readonly TextWord[], fallback: number): number {
  return words.length ? Math.min(...words.map((w) => w.confidence)) : fallback;
}

export function assignFields(lines: readonly TextLine[]): LayoutResult {
  const fields: LayoutResult['fields'] = {};
  const used = new Set<number>();
  const result: LayoutResult = {
    fields,
    documentClass: null,
    permitLabelCount: 0,
    labelCount: 0,
    titleRect: null,
    labelRects: [],
    unfilled: [],
  };

  // 1. The title: it names the document class and separates the office header from the body.
  let titleIndex = -1;
  let titleScore = 0;
  lines.forEach((line, i) => {
    const t = classifyTitle(line.text);
    if (!t) return;
    const score = similarity(normalizeForMatch(line.text), normalizeForMatch(t.title));
    if (score > titleScore) {
      titleScore = score;
      titleIndex = i;
      result.documentClass = t.documentClass;
      fields.document_type = {
        text: line.text,
        confidence: line.confidence,
        rects: [line.rect],
        assignment: score,
      };
    }
  });
  if (titleIndex >= 0) {
    used.add(titleIndex);
    result.titleRect = lines[titleIndex]!.rect;
  }

  // 2. Labels. A label may wrap over several lines ("Nomor Izin Tinggal / Stay" + "Permit Number")
  //    or be printed in two languages stacked ("Nama Pemegang" over "Holder Name"): try each line
  //    together with the lines aligned under it and keep the reading that explains the most text.
  const order = lines
    .map((_, i) => i)
    .sort((a, b) => lines[a]!.rect.y - lines[b]!.rect.y || lines[a]!.rect.x - lines[b]!.rect.x);
  const units: LabelUnit[] = [];
  for (const i of order) {
    if (used.has(i)) continue;
    // The label column's ':' stands before values: ": BENJAMIN JONES" is no "Penjamin" label.
    if (/^\s*:/.test(lines[i]!.text)) continue;
    const group = [i];
    let best: { hit: NonNullable<ReturnType<typeof matchLabel>>; size: number; keep: number } | null = null;
    // A line that is a whole label by itself ("NIORA") does not open the next label down
    // ("Izin Masuk Kembali s/d" + "Single Re-entry Permit Until"): stacked lines only join a label
    // of the same field (the Indonesian name over the English one).
    const alone = longerLabel(
      lines[i]!.words.map((w) => w.text),
      matchLabel(lines[i]!.words.map((w) => w.text)),
    );
    const wholeLabel =
      alone && alone.score >= 0.95 && alone.wordCount >= lines[i]!.words.length ? alone : null;
    for (let size = 1; size <= 4; size++) {
      if (size > 1) {
        const last = lines[group[group.length - 1]!]!;
        const below = findStackedLine(lines, used, group, last.rect);
        if (below < 0) break;
        group.push(below);
      }
      const firstWords = lines[i]!.words;
      const rest = group.slice(1).flatMap((g) => lines[g]!.words.map((w) => w.text));
      // The first line may end in the value ("Izin Masuk Kembali Beberapa 24 May 2024" over
      // "Kali s/d"): then the label continues below while the value stays on the first row.
      const keeps = size === 1 ? [firstWords.length] : candidateKeeps(firstWords);
      for (const keep of keeps) {
        const words = [...firstWords.slice(0, keep).map((w) => w.text), ...rest];
        // The whole first line alone was matched above.
        const hit = size === 1 ? alone : matchLabel(words);
        if (!hit) continue;
        // The label must reach into the last line of the group; otherwise that line is a value.
        const before = keep + group.slice(1, -1).reduce((n, g) => n + lines[g]!.words.length, 0);
        if (size > 1 && (hit.wordCount <= before || hit.score < 0.88)) continue;
        if (size > 1 && wholeLabel && hit.key !== wholeLabel.key) continue;
        if (!best || hit.score * hit.length > best.hit.score * best.hit.length + 0.5)
          best = { hit, size, keep };
      }
    }
    if (!best) continue;
    const members = group.slice(0, best.size);
    members.forEach((g) => used.add(g));
    const first = lines[i]!.words;
    const words = [...first.slice(0, best.keep), ...members.slice(1).flatMap((g) => lines[g]!.words)];
    const labelWords = words.slice(0, best.hit.wordCount);
    const tail = [...first.slice(best.keep), ...words.slice(best.hit.wordCount)];
    const inlineWords = plausibleInline(
      dropLeadingSeparators(tail).filter((w) => !/^[:;|]+$/.test(w.text)),
      best.hit,
    );
    units.push({
      key: best.hit.key,
      rect: labelWords.length ? rectOfWords(labelWords) : lines[i]!.rect,
      score: best.hit.score,
      lines: members,
      inline: inlineWords.length ? inlineWords : null,
    });
  }
  units.push(...blurredLabels(lines, order, used, units));
  settleReentryLabel(lines, used, units);
  joinBlurredHalfAbove(lines, used, units);
  result.labelCount = units.length;
  result.permitLabelCount = new Set(units.filter((u) => PERMIT_ONLY.has(u.key)).map((u) => u.key)).size;
  result.labelRects = units.map((u) => u.rect);

  // 3. Values: inline ones first, then a one-to-one match of labels to the nearest line to their
  //    right (same row) or just below, cheapest pairs first.
  const valueOf = new Map<
    LabelUnit,
    {
      words: TextWord[];
      rect: Rect;
      first: Rect;
      conf: number;
      lines: number[];
      cost: number;
      /** The rows of a value opened above its label's inline words (lines then ends in the label's). */
      openedRows?: Rect[];
    }
  >();
  for (const u of units) {
    if (u.inline) {
      const line = lines[u.lines[u.lines.length - 1]!]!;
      const opening = valueOpeningAbove(lines, used, u);
      if (opening < 0) {
        valueOf.set(u, {
          words: u.inline,
          rect: rectOfWords(u.inline),
          first: rectOfWords(u.inline),
          conf: wordsConfidence(u.inline, line.confidence),
          lines: [],
          cost: 0,
        });
        continue;
      }
      // The opening line, then the inline words: for wrapping, the value's rows are those two lines.
      used.add(opening);
      const words = [...lines[opening]!.words, ...u.inline];
      valueOf.set(u, {
        words,
        rect: rectOfWords(words),
        first: lines[opening]!.rect,
        conf: Math.min(wordsConfidence(u.inline, line.confidence), lines[opening]!.confidence),
        lines: [opening, u.lines[u.lines.length - 1]!],
        cost: 0,
        openedRows: [lines[opening]!.rect, rectOfWords(u.inline)],
      });
    }
  }
  const pairs: { unit: LabelUnit; line: number; cost: number }[] = [];
  for (const u of units) {
    if (valueOf.has(u)) continue;
    const h = Math.max(8, Math.min(u.rect.height, 60));
    lines.forEach((line, i) => {
      // Values print in capitals, but a roman index in small capitals reads lowercase ("vic", VI C).
      const romanIndex = u.key === 'stay_permit_index' && LOWERCASE_ROMAN_INDEX.test(line.text.trim());
      if (used.has(i) || !hasText(line) || (mostlyLowercase(line.text) && !romanIndex)) return;
      if (isColumnMark(line, lines)) return;
      // A line that reads like an address is another field's value only at a high price: in two
      // columns of stacked labels, a date label's row may hold the next column's address. Likewise
      // a line without a digit is no date or number: a card's date label, its own value below it,
      // may have the next column's name on its row.
      const addressLike =
        u.key !== 'address' &&
        ADDRESS_START.test(line.text.trim()) &&
        /\b(NO|RT|RW|KEL|KEC)\b/.test(line.text);
      // ...and so is an address's wrapped tail ("KUTA UTARA, KAB. BADUNG"): no other field prints
      // a district or regency after a comma.
      const addressTail = u.key !== 'address' && ADDRESS_TAIL.test(line.text);
      const foreign =
        addressLike ||
        addressTail ||
        (NEEDS_DIGITS.has(u.key) && !/\d/.test(line.text)) ||
        // A date prints its year: a line without two digits together is no date's value ("1 Eageny",
        // the rest of a blurred "Passport Expiry" label, level with it).
        (DATE_KEYS.has(u.key) && !/\d{2}/.test(line.text)) ||
        (NO_DIGITS.has(u.key) && /\d{3}/.test(line.text))
          ? 15
          : 0;
      const r = line.rect;
      const rowOverlap = Math.min(bottom(r), bottom(u.rect)) - Math.max(r.y, u.rect.y);
      const sameRow =
        rowOverlap > 0.4 * Math.min(r.height, u.rect.height) || Math.abs(cy(r) - cy(u.rect)) < 0.5 * h;
      const gapRight = r.x - right(u.rect);
      if (sameRow && gapRight > -0.5 * h) {
        // Past the next column's labels lie that column's values: a left label whose own value
        // went unread must not reach across them ("Nationality" taking "SELATAN", the last line
        // of the right column's address). That column has labels above and below the line; a
        // block of labels only above it (a page's top block, set further right) is no column here.
        const between = units.filter(
          (o) =>
            o !== u &&
            o.rect.x > right(u.rect) + 0.5 * h &&
            o.rect.x < r.x - 0.5 * h &&
            Math.abs(cy(o.rect) - cy(r)) < 3 * h,
        );
        if (between.some((o) => cy(o.rect) <= cy(r)) && between.some((o) => cy(o.rect) >= cy(r))) return;
        // Stacked labels span two rows: the value sits level with the first one.
        const misalign = Math.abs(r.y - u.rect.y) / h;
        pairs.push({ unit: u, line: i, cost: Math.max(0, gapRight) / h + 0.5 * misalign + foreign });
        return;
      }
      const gapBelow = r.y - bottom(u.rect);
      const dx = Math.abs(r.x - u.rect.x);
      if (gapBelow > -0.6 * h && gapBelow < 1.6 * h && dx < 3 * h) {
        // Below is the fallback: a value on the label's own row, however far, comes first.
        pairs.push({ unit: u, line: i, cost: 12 + gapBelow / h + dx / h + foreign });
      }
    });
  }
  pairs.sort((a, b) => a.cost - b.cost);
  const taken = new Set<number>();
  for (const p of pairs) {
    if (taken.has(p.line) || valueOf.has(p.unit)) continue;
    // A wide jump to the right is more likely the next column's value than this label's.
    if (p.cost > 25) continue;
    const line = lines[p.line]!;
    taken.add(p.line);
    // A ':' printed before the value belongs to the label column, not the value.
    const words = dropLeadingSeparators(line.words);
    const rect = words.length ? rectOfWords(words) : line.rect;
    const conf = wordsConfidence(words, line.confidence);
    valueOf.set(p.unit, { words, rect, first: rect, conf, lines: [p.line], cost: p.cost });
  }
  for (const i of taken) used.add(i);

  // 4. Continuation lines of values that wrap (a long address), aligned under the value.
  const lastRect = (v: { rect: Rect; lines: number[] }) =>
    v.lines.length ? lines[v.lines[v.lines.length - 1]!]!.rect : v.rect;
  for (const [u, v] of valueOf) {
    if (!MULTILINE_FIELDS.has(u.key)) continue;
    const firstHeight = v.lines.length ? lines[v.lines[0]!]!.rect.height : v.rect.height;
    // Where this value's column ends: the furthest any line starting in it reaches, or sooner the
    // next column's text on the value's first row.
    const first = v.lines.length ? lines[v.lines[0]!]!.rect : v.rect;
    const columnRight = Math.min(
      Math.max(
        ...lines.filter((l) => Math.abs(l.rect.x - v.rect.x) < 1.2 * firstHeight).map((l) => right(l.rect)),
        right(v.rect),
      ),
      ...lines
        .filter((l) => Math.abs(cy(l.rect) - cy(first)) < 0.5 * firstHeight && l.rect.x > right(first))
        .map((l) => l.rect.x),
    );
    for (;;) {
      const h = v.rect.height / Math.max(1, v.lines.length || 1);
      // An address line ending in a comma or an area's prefix ("KEL.") surely goes on.
      const commaEnded = u.key === 'address' && addressStopsMidway(joinWords(v.words));
      const nextIndex = lines.findIndex(
        (line, i) =>
          !used.has(i) &&
          // Print wraps a word only where it did not fit: a line under a short one ("IKUT SUAMI"
          // over "ANDI HARTONO", the sponsor's label unread) is the next value.
          (right(lastRect(v)) + 0.4 * h + (line.words[0]?.rect.width ?? line.rect.width) >=
            columnRight - WRAP_SLACK * h ||
            // ...whatever the column's width.
            commaEnded) &&
          line.rect.y > v.rect.y &&
          line.rect.y - bottom(v.rect) < 0.9 * h &&
          Math.abs(line.rect.x - v.rect.x) < 1.2 * h &&
          hasText(line) &&
          (u.key !== 'address'
            ? // An address opening ("JL. ...") is the next value, its label unread, not a wrap;
              // nor is a line with a number in it: names and job titles print none (a card whose
              // labels blurred away stacks "MA JIANGUO" over "BEIJING, 23-07-1986").
              !ADDRESS_START.test(line.text.trim()) && !/\d{2}/.test(line.text)
            : continuesAddress(joinWords(v.words), line.text)) &&
          // Wrapped value lines share the value's type size; a smaller line is the next label.
          // After an address's trailing comma the print surely goes on: a long first line's box is
          // taller than its type where the photo left the page a few degrees tilted.
          Math.abs(line.rect.height - firstHeight) < (commaEnded ? 0.45 : 0.3) * firstHeight &&
          !looksLikeLabel(line) &&
          // Values print in capitals: a mixed-case line is the next label, however blurred
          // ("YOON SUNGMIN" over "Kamaangar", a garbled "Kewarganegaraan").
          !mostlyLowercase(line.text) &&
          // ...and so is one that opens with a word in title case ("Ct" for a blurred "Status"
          // over its value BEKERJA, read under the job title).
          (commaEnded || !/^[A-Z][a-z]+\b/.test(line.text.trim())) &&
          // The line right under the value's last line: one that another value took in between
          // (the next field's value, set tight) means this one is that value's continuation, and
          // so does a line of text no value took yet (an address whose label was not read).
          !lines.some(
            (o, j) =>
              j !== i &&
              (used.has(j) || (hasText(o) && o.rect.width > 2 * o.rect.height)) &&
              !v.lines.includes(j) &&
              cy(o.rect) > cy(lastRect(v)) &&
              cy(o.rect) < cy(line.rect) &&
              Math.min(right(o.rect), right(line.rect)) > Math.max(o.rect.x, line.rect.x),
          ) &&
          // A label between this value's column and the line claims the line for itself: one on
          // its row, judged by the smaller type (a tilted line's box is taller than its print).
          // Not from an address stopped midway: its next line is surely its own.
          (commaEnded ||
            !units.some(
              (o) =>
                o !== u &&
                Math.abs(cy(o.rect) - cy(line.rect)) < 0.6 * Math.min(h, o.rect.height, line.rect.height) &&
                o.rect.x < line.rect.x &&
                o.rect.x > u.rect.x - 2 * h,
            )),
      );
      if (nextIndex < 0) break;
      const next = lines[nextIndex]!;
      used.add(nextIndex);
      v.words = [...v.words, ...next.words];
      v.rect = unionRect(v.rect, next.rect);
      v.conf = Math.min(v.conf, wordsConfidence(next.words, next.confidence));
      v.lines.push(nextIndex);
    }
  }

  // 4b. An address whose label was read only by its second, English line ("Alamat" garbled,
  //     "Address" clean) is paired on that line's row, one row below where the address starts:
  //     the unclaimed line just above it, in the same column, is its first line.
  for (const [u, v] of valueOf) {
    if (u.key !== 'address' || ADDRESS_START.test(joinWords(v.words))) continue;
    const first = lines[v.lines[0] ?? -1];
    if (!first) continue;
    const h = first.rect.height;
    const aboveIndex = lines.findIndex(
      (line, i) =>
        !used.has(i) &&
        bottom(line.rect) <= first.rect.y + 0.3 * h &&
        first.rect.y - bottom(line.rect) < 0.9 * h &&
        Math.abs(line.rect.x - first.rect.x) < 1.2 * h &&
        Math.abs(line.rect.height - h) < 0.3 * h &&
        ADDRESS_START.test(line.text.trim()) &&
        !looksLikeLabel(line) &&
        // A label level with the line claims it, unless it has its value already (values set half
        // a row above their labels put a two-line address's first line level with the label above).
        !units.some((o) => !valueOf.has(o) && Math.abs(cy(o.rect) - cy(line.rect)) < 0.6 * h),
    );
    if (aboveIndex < 0) continue;
    const above = lines[aboveIndex]!;
    used.add(aboveIndex);
    v.words = [...above.words, ...v.words];
    v.rect = unionRect(above.rect, v.rect);
    v.conf = Math.min(v.conf, wordsConfidence(above.words, above.confidence));
    v.lines.unshift(aboveIndex);
  }

  for (const u of units) {
    if (!valueOf.has(u) && u.key !== 'place_date_of_birth') {
      result.unfilled.push({ key: u.key, rect: u.rect, lineHeight: lines[u.lines[0]!]!.rect.height });
    }
  }
  for (const [u, v] of valueOf) {
    const assignment = u.score * (v.cost > 6 ? 0.9 : 1);
    if (u.key === 'place_date_of_birth') {
      assignPlaceDate(fields, v.words, v.conf, assignment);
      continue;
    }
    const key = u.key as TextFieldName;
    if (fields[key]) continue;
    const rows = v.openedRows
      ? [...v.openedRows, ...v.lines.slice(2).map((i) => lines[i]!.rect)]
      : [v.first, ...v.lines.slice(u.inline ? 0 : 1).map((i) => lines[i]!.rect)];
    fields[key] = {
      text: joinWords(v.words),
      confidence: v.conf,
      rects: [v.rect],
      assignment,
      ...(rows.length > 1 ? { lineRects: rows } : {}),
      ...(opensBothReentryLabels(u, lines) ? { labelGuessed: true } : {}),
    };
  }

  // 4b. On a permit page the permit's own expiry ("Berlaku s/d") is printed in the top block, above
  //     the holder's data (the reference page and every page layout; cards differ). One found wholly
  //     below the holder's first row while the passport's expiry is missing is "Paspor Berlaku s/d"
  //     with its first word blurred.
  const validity = [...valueOf.keys()].find((u) => u.key === 'stay_multiple_entries_permit_expiry');
  passportExpiryFromHolderBlock(fields, !!validity && !namesPermitValidity(validity, lines));

  // 5. Identifiers printed without a label (the card's permit number over the name): recognised by
  //    their strict formats.
  lines.forEach((line, i) => {
    if (used.has(i)) return;
    const compact = line.text.replace(/[\s:|]/g, '');
    if (!fields.permit_number && compact.length === 12 && looksLikePermitNumber(compact)) {
      fields.permit_number = {
        text: compact,
        confidence: line.confidence,
        rects: [line.rect],
        assignment: 0.9,
      };
      used.add(i);
    } else if (!fields.niora && compact.length === 10 && isValidNiora(normalizeNiora(compact))) {
      fields.niora = { text: compact, confidence: line.confidence, rects: [line.rect], assignment: 0.85 };
      used.add(i);
    }
  });

  // 5b. Values whose label was unreadable, placed by their own format.
  assignUnlabelledByFormat(lines, used, fields, result.titleRect, assignPlaceDate, result.unfilled);

  // 6. The office header: unlabelled lines above the title.
  if (result.titleRect) assignHeader(lines, used, result.titleRect, fields);
  // Cards print the issuing office elsewhere (often a small line at the bottom).
  lines.forEach((line, i) => {
    if (!used.has(i)) assignOfficeLine(fields, used, line, i, 0.93);
  });

  // 7. "Place, dd-mm-yyyy" where the permit was issued: the lowest unlabelled line of that shape.
  //    (A birth "City, date" whose label was unreadable is higher up.)
  const issuedBelow = issueZoneTop(lines);
  const inIssueZone = (line: TextLine, i: number) =>
    !used.has(i) &&
    !(result.titleRect && line.rect.y < result.titleRect.y) &&
    line.rect.y + line.rect.height >= issuedBelow;
  const lowest = (accepts: (text: string) => boolean): number => {
    let found = -1;
    lines.forEach((line, i) => {
      if (!inIssueZone(line, i) || !accepts(line.text)) return;
      if (found < 0 || line.rect.y > lines[found]!.rect.y) found = i;
    });
    return found;
  };
  let issuedIndex = lowest((text) => {
    const split = splitPlaceAndDate(text);
    // Places of issue are at most three words ("Tanjung Balai Karimun"); more is a blurred label
    // with its date ("Izin asuk Bembali Bedegpa 1 August 2027").
    return !!split && split.place.length >= 3 && split.place.split(/\s+/).length <= 3;
  });
  // A date blurred past reading ("Yogyakarta, 0-09-2025") still leaves the place and the date's box:
  // taken only where the place is a city with an immigration office, which no label or other value is.
  if (issuedIndex < 0) {
    issuedIndex = lowest((text) => {
      const loose = splitPlaceAndUnreadDate(text);
      return !!loose && snapIssuedPlace(loose.place).known;
    });
  }
  if (issuedIndex >= 0) {
    const line = lines[issuedIndex]!;
    used.add(issuedIndex);
    fields.issued_place = {
      text: line.text,
      confidence: line.confidence,
      rects: [line.rect],
      assignment: 0.95,
    };
    fields.issued_date = {
      text: line.text,
      confidence: line.confidence,
      rects: [line.rect],
      assignment: 0.95,
    };
  }
  return result;
}

const HOLDER_FIELDS: readonly TextFieldName[] = [
  'full_name',
  'place_of_birth',
  'date_of_birth',
  'passport_number',
  'nationality',
  'gender',
];

/**
 * @param bareLabel the validity date's label holds no word of its own ("Berlakus/d"), none the
 *   passport's "Paspor Berlaku s/d" lacks.
 */
function passportExpiryFromHolderBlock(fields: LayoutResult['fields'], bareLabel: boolean): void {
  const permitExpiry = fields.stay_multiple_entries_permit_expiry;
  if (!permitExpiry || fields.passport_expiry) return;
  const title = fields.document_type?.text.toUpperCase() ?? '';
  if (!title.includes('IZIN TINGGAL')) return;
  const holderRects = HOLDER_FIELDS.flatMap((k) => fields[k]?.rects ?? []);
  if (holderRects.length === 0) return;
  // Below the first holder row entirely: a card prints the validity beside the name, on its row.
  const firstRow = holderRects.reduce((a, b) => (b.y < a.y ? b : a));
  if (permitExpiry.rects[0]!.y <= firstRow.y + firstRow.height) return;
  // A card (KARTU IZIN TINGGAL ...) may print its validity under the holder too, or the passport's
  // expiry under a stacked "Paspor Berlaku s/d" (its first word lost: a card's passport expiry read
  // at 0.996 as the validity date on a webcam frame): a bare label there leaves it a guess.
  if (title.includes('KARTU')) {
    if (bareLabel) permitExpiry.labelGuessed = true;
    return;
  }
  fields.passport_expiry = permitExpiry;
  delete fields.stay_multiple_entries_permit_expiry;
}

/** Words of the validity labels that the passport expiry's "Paspor Berlaku s/d / Passport Valid Until" lacks. */
const VALIDITY_ONLY_WORDS = ['EXPIRY', 'DATE', 'HINGGA', 'KEMBALI', 'BEBERAPA', 'MULTIPLE', 'ENTRY', 'IZIN'];

/** The label's words as matched (upper case, no marks), over all its lines. */
function labelTokens(u: LabelUnit, lines: readonly TextLine[]): string[] {
  return u.lines.flatMap((i) => normalizeForMatch(lines[i]!.text).split(' ').filter(Boolean));
}

function namesPermitValidity(u: LabelUnit, lines: readonly TextLine[]): boolean {
  return labelTokens(u, lines).some(
    (t) => t.length >= 4 && VALIDITY_ONLY_WORDS.some((w) => similarity(t, w) >= 0.75),
  );
}

/** "FUJIAN, 20-01-1979" printed in one row: place and date each get their own words and box. */
function assignPlaceDate(
  fields: LayoutResult['fields'],
  words: TextWord[],
  conf: number,
  assignment: number,
): void {
  // "GUANGDONG,22 Agustus 1965": the space after the place's comma lost; the date starts there.
  words = words.flatMap((w) => {
    const m = /^(.*\p{L}{2},)([\p{L}\d].*)$/u.exec(w.text);
    if (!m) return [w];
    const cut = (w.rect.width * m[1]!.length) / w.text.length;
    return [
      { ...w, text: m[1]!, rect: { ...w.rect, width: cut } },
      { ...w, text: m[2]!, rect: { ...w.rect, x: w.rect.x + cut, width: w.rect.width - cut } },
    ];
  });
  const text = joinWords(words);
  // A date blurred past reading ("BRISBANE, 1770G 1996") still ends the line: the place keeps its
  // own words and box, and the date's print goes to the date (invalid, so re-read and held low).
  const split = splitPlaceAndDate(text) ?? splitAtDateShape(words) ?? splitPlaceAndUnreadDate(text);
  if (!split) {
    fields.place_of_birth = {
      text,
      confidence: conf,
      rects: [rectOfWords(words)],
      assignment: assignment * 0.5,
    };
    return;
  }
  const placeWordCount = Math.max(1, split.place.split(/\s+/).filter(Boolean).length);
  const placeWords = words.slice(0, placeWordCount);
  const dateWords = words.slice(placeWordCount);
  const placeText = joinWords(placeWords).replace(/[,;]+$/, '');
  fields.place_of_birth = {
    text: placeText,
    confidence: wordsConfidence(placeWords, conf),
    rects: [rectOfWords(placeWords)],
    assignment,
  };
  if (dateWords.length) {
    fields.date_of_birth = {
      text: joinWords(dateWords),
      confidence: wordsConfidence(dateWords, conf),
      rects: [rectOfWords(dateWords)],
      assignment,
    };
  }
}

/**
 * "MANILA, 10/11/1057": the date is misread past validity, but its shape still says where the place
 * ends. The place keeps its words; the date goes to its field as read, where it fails its format.
 */
function splitAtDateShape(words: TextWord[]): { place: string } | null {
  for (let k = 1; k < words.length; k++) {
    const tail = joinWords(words.slice(k));
    const head = joinWords(words.slice(0, k));
    if (!/\p{L}/u.test(head)) continue;
    if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(tail) || /^\d{1,2}\s+\p{L}{3,}\.?\s+\d{4}$/u.test(tail)) {
      return { place: head };
    }
  }
  return null;
}

function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  const norm = normalizeForMatch(text);
  return prefixes.some((p) => {
    const np = normalizeForMatch(p);
    return similarity(norm.slice(0, np.length), np) >= 0.8;
  });
}

/** Takes a line opening with "KANTOR WILAYAH" / "KANIM" / "KANTOR IMIGRASI" for the office field it names. */
function assignOfficeLine(
  fields: LayoutResult['fields'],
  used: Set<number>,
  line: TextLine,
  index: number,
  assignment: number,
): 'office_region' | 'office_name' | null {
  const key =
    !fields.office_region && startsWithAny(line.text, OFFICE_REGION_PREFIXES)
      ? 'office_region'
      : !fields.office_name && startsWithAny(line.text, OFFICE_NAME_PREFIXES)
        ? 'office_name'
        : null;
  if (!key) return null;
  fields[key] = { text: line.text, confidence: line.confidence, rects: [line.rect], assignment };
  used.add(index);
  return key;
}

function assignHeader(
  lines: readonly TextLine[],
  used: Set<number>,
  title: Rect,
  fields: LayoutResult['fields'],
): void {
  const above = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line, i }) => !used.has(i) && bottom(line.rect) <= title.y + title.height * 0.3)
    .filter(
      ({ line }) =>
        !HEADER_LINES.some((h) => similarity(normalizeForMatch(line.text), normalizeForMatch(h)) > 0.8),
    )
    .sort((a, b) => a.line.rect.y - b.line.rect.y);
  let nameIndex = -1;
  above.forEach(({ line, i }, k) => {
    if (assignOfficeLine(fields, used, line, i, 0.97) === 'office_name') nameIndex = k;
  });
  if (nameIndex >= 0) {
    const next = above[nameIndex + 1];
    if (next && !used.has(next.i)) {
      fields.office_address = {
        text: next.line.text,
        confidence: next.line.confidence,
        rects: [next.line.rect],
        assignment: 0.93,
      };
      used.add(next.i);
    }
  }
}

/**
 * "Izin Masuk Kembali" opens both re-entry labels. The multiple-entry one wraps ("Izin Masuk
 * Kembali" over "Beberapa Kali s/d"); a label read as the single-entry one whose next line, too
 * blurred to have joined it, starts like "Beberapa" or "Multiple" is the multiple-entry label. The
 * detector may also cut the one printed row in two where a word blurred ("Izin Masuk Kemie" beside
 * "J. Kali s/d / Multiple Re-entry Pesmil Untl", measured on a webcam frame): a line right beside
 * the label holding "Multiple" or opening with "Beberapa" makes it the multiple-entry label, and
 * one holding "Satu" or "Single" confirms the single-entry one (both join the label).
 */
function settleReentryLabel(lines: readonly TextLine[], used: Set<number>, units: LabelUnit[]): void {
  const multiple = 'stay_multiple_entries_permit_expiry';
  if (units.some((u) => u.key === multiple)) return;
  const single = units.find((u) => u.key === 'stay_entries_permit_expiry' && !u.inline);
  if (!single) return;
  const like = (word: string | undefined, label: string, minLength = 6) =>
    !!word && word.length >= minLength && similarity(word, label) >= 0.75;
  const wordsOf = (j: number) => normalizeForMatch(lines[j]!.text).split(' ').filter(Boolean);
  const saysMultiple = (words: string[]) =>
    like(words[0], 'BEBERAPA') || words.slice(0, 6).some((w) => like(w, 'MULTIPLE'));
  const saysSingle = (words: string[]) =>
    words.slice(0, 6).some((w) => like(w, 'SINGLE') || (w.length === 4 && similarity(w, 'SATU') >= 0.75));
  const last = lines[single.lines[single.lines.length - 1]!]!.rect;
  const below = findStackedLine(lines, used, single.lines, last);
  const belowFirst = below < 0 ? undefined : wordsOf(below)[0];
  const beside = linesBeside(lines, used, single.lines, lines[single.lines[0]!]!.rect);
  const besideMultiple = beside.find((j) => saysMultiple(wordsOf(j)));
  const continuation =
    below >= 0 && (like(belowFirst, 'BEBERAPA') || like(belowFirst, 'MULTIPLE'))
      ? below
      : (besideMultiple ?? beside.find((j) => saysSingle(wordsOf(j))) ?? -1);
  if (continuation < 0) return;
  if (continuation === below || continuation === besideMultiple) single.key = multiple;
  single.lines = [...single.lines, continuation];
  single.rect = unionRect(single.rect, lines[continuation]!.rect);
  used.add(continuation);
}

/**
 * A re-entry label read no further than the words both re-entry labels open with ("Izin Mauk
 * Kemile", the rest of its row lost to blur or the frame's edge) names the single-entry field only
 * because that label is the shorter: the date under it may as well be the multiple-entry one (two
 * such dates went to the wrong field at 0.94 and 0.99 on the held-out webcam frames).
 */
function opensBothReentryLabels(u: LabelUnit, lines: readonly TextLine[]): boolean {
  if (u.key !== 'stay_entries_permit_expiry' || u.inline) return false;
  return labelTokens(u, lines).length <= 3;
}

/**
 * A stacked label whose English half was read as the label, while its Indonesian half above, too
 * blurred to pass as a label by itself, was left out ("Tgl. Habi Bermsu Palr" over "Pasiport Eapr",
 * measured on a webcam frame of a card): its value sits level with that first row, so the label
 * must start there. The line above joins it when it reads, loosely, as the same field's Indonesian
 * half and in mixed case (values print in capitals).
 */
function joinBlurredHalfAbove(lines: readonly TextLine[], used: Set<number>, units: LabelUnit[]): void {
  for (const u of units) {
    if (u.inline || u.lines.length !== 1) continue;
    const first = lines[u.lines[0]!]!.rect;
    const above = findStackedLine(lines, used, [], first, 'above');
    if (above < 0 || !mostlyLowercase(lines[above]!.text)) continue;
    const text = normalizeForMatch(lines[above]!.text);
    const ownHalf = LABEL_FORMS.some(
      (f) => f.key === u.key && f.part === 'id' && similarity(text, f.norm) >= BLURRED_HALF_SIMILARITY,
    );
    if (!ownHalf) continue;
    u.lines = [above, ...u.lines];
    u.rect = unionRect(lines[above]!.rect, u.rect);
    used.add(above);
  }
}

/** How like its field's Indonesian half a blurred line over a matched English half must read. */
const BLURRED_HALF_SIMILARITY = 0.6;

/**
 * Unused lines that continue `first`'s row to its right, nearest first, starting within a few
 * letters of its end (a blurred word between may be a fragment of its own or missing).
 */
function linesBeside(lines: readonly TextLine[], used: Set<number>, group: number[], first: Rect): number[] {
  const h = first.height;
  return lines
    .map((line, j) => ({ j, gap: line.rect.x - right(first), line }))
    .filter(({ j, gap }) => !used.has(j) && !group.includes(j) && gap >= -0.5 * h && gap <= 4 * h)
    .filter(({ line }) => Math.abs(cy(line.rect) - cy(first)) <= 0.5 * h)
    .sort((p, q) => p.gap - q.gap)
    .map(({ j }) => j);
}

/** Similarity a blurred label needs when it is plainly a label line and its field has none yet. */
const BLURRED_LABEL_SIMILARITY = 0.66;

/**
 * Second chance for labels printed small (card labels in a photo or webcam frame) that OCR spells
 * too loosely for the strict match: a line in running mixed case without digits, as labels are
 * printed and values are not, may name a field that no label claimed yet, each field at most once.
 */
function blurredLabels(
  lines: readonly TextLine[],
  order: readonly number[],
  used: Set<number>,
  units: readonly LabelUnit[],
): LabelUnit[] {
  const claimed = new Set<LabelKey>(units.map((u) => u.key));
  const candidates: { line: number; hit: NonNullable<ReturnType<typeof matchLabel>> }[] = [];
  const inlineOf = new Map<number, TextWord[]>();
  const wrappedOnto = new Map<number, number>();
  for (const i of order) {
    if (used.has(i)) continue;
    const line = lines[i]!;
    // The detector may join a label to a date or number printed close after it ("Izin Masuk
    // Kembali Beberapa Kali s/d 21.01.2025"): the label is then the words before the first digit.
    const firstDigit = line.words.findIndex((w) => /\d/.test(w.text));
    const labelWords = firstDigit < 0 ? line.words : line.words.slice(0, firstDigit);
    // (The words before the first digit: label text needs no digit test here, only four letters.)
    const labelText = labelWords.map((w) => w.text).join(' ');
    if (!isLabelText(labelText) || labelText.replace(/[^\p{L}]/gu, '').length < 4) continue;
    let hit = matchLabel(
      labelWords.map((w) => w.text),
      BLURRED_LABEL_SIMILARITY,
      claimed,
    );
    // A label wrapped onto the line under it ("Izin asuk Bembali Bedegpa 1 August 2027" over
    // "Kali sdl"), too blurred to have been joined as a strict label, is matched whole.
    const below = findStackedLine(lines, used, [i], line.rect);
    if (below >= 0 && isLabelText(lines[below]!.text)) {
      const words = [...labelWords, ...lines[below]!.words].map((w) => w.text);
      const joined = matchLabel(words, BLURRED_LABEL_SIMILARITY, claimed);
      if (
        joined &&
        joined.wordCount >= words.length &&
        (!hit || hit.wordCount < labelWords.length || joined.score * joined.length > hit.score * hit.length)
      ) {
        hit = joined;
        wrappedOnto.set(i, below);
      }
    }
    // The label must be all of the words before the value: a blurred label leaves no room for more.
    if (!hit || (!wrappedOnto.has(i) && hit.wordCount < labelWords.length)) continue;
    if (firstDigit >= 0) {
      const tail = plausibleInline(dropLeadingSeparators(line.words.slice(firstDigit)), hit);
      if (!tail.length || !valueFits(hit.key, joinWords(tail))) continue;
      inlineOf.set(i, tail);
    } else {
      // Loose spelling is trusted only as far as the value under it fits the field.
      const wrapped = wrappedOnto.get(i);
      const taken = wrapped === undefined ? used : new Set([...used, wrapped]);
      const value = headedValue(lines, taken, i, (l) => !mostlyLowercase(l.text));
      if (value >= 0 && !valueFits(hit.key, lines[value]!.text)) continue;
    }
    candidates.push({ line: i, hit });
  }
  // A label too blurred even for that may still be told apart among the few fields whose value
  // could be the line it heads: a date under "Tg Lahr" is a date field, and of those, birth.
  const taken = new Set(
    candidates.flatMap((c) => [c.line, ...(wrappedOnto.has(c.line) ? [wrappedOnto.get(c.line)!] : [])]),
  );
  for (const i of order) {
    if (used.has(i) || taken.has(i) || !isLabelText(lines[i]!.text)) continue;
    const value = headedValue(lines, used, i);
    if (value < 0) continue;
    const keys = keysForValue(lines[value]!.text);
    if (!keys.length) continue;
    // Each allowed field on its own, the closest wording wins: at this similarity the longer
    // wording's weight would favour "Masa Berlaku Paspor / Passport Expiry Date" over the
    // permit's own "Berlaku s/d / Expiry Date" for a garbled "Berlau ad / Paary Tate".
    const words = lines[i]!.words.map((w) => w.text);
    let hit: LabelHit | null = null;
    for (const key of keys) {
      if (claimed.has(key)) continue;
      const others = new Set<LabelKey>(ALL_LABEL_KEYS.filter((k) => k !== key));
      const h = matchLabel(words, TYPED_LABEL_SIMILARITY, others);
      if (h && h.wordCount >= words.length && (!hit || h.score > hit.score)) hit = h;
    }
    if (hit) candidates.push({ line: i, hit: { ...hit, score: hit.score * 0.9 } });
  }
  candidates.sort((a, b) => b.hit.score - a.hit.score);
  const out: LabelUnit[] = [];
  for (const { line, hit } of candidates) {
    if (claimed.has(hit.key)) continue;
    const below = wrappedOnto.get(line);
    if (below !== undefined && used.has(below)) continue;
    claimed.add(hit.key);
    used.add(line);
    if (below !== undefined) used.add(below);
    const inline = inlineOf.get(line) ?? null;
    const labelWords = inline ? lines[line]!.words.filter((w) => !inline.includes(w)) : [];
    const rect = labelWords.length ? rectOfWords(labelWords) : lines[line]!.rect;
    out.push({
      key: hit.key,
      rect: below !== undefined ? unionRect(rect, lines[below]!.rect) : rect,
      score: hit.score,
      lines: below !== undefined ? [line, below] : [line],
      inline,
    });
  }
  return out;
}

/** Printed like a label: letters in running mixed case, no digits. */
function isLabelText(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const lower = letters.replace(/[^\p{Ll}]/gu, '').length;
  return letters.length >= 3 && !/\d/.test(text) && lower >= 0.4 * letters.length;
}

/** Whether `text` could be the value of `key` by its digits and shape (a loosely read label's check). */
function valueFits(key: LabelKey, text: string): boolean {
  if (NEEDS_DIGITS.has(key) || key === 'place_date_of_birth') return /\d/.test(text);
  if (NO_DIGITS.has(key)) return !/\d{3}/.test(text);
  if (key === 'address')
    return /\d/.test(text) || ADDRESS_START.test(text.trim()) || ADDRESS_WORDS.test(text);
  return true;
}

/** A district, village or regency after a comma: the tail of an address, wrapped or not. */
const ADDRESS_TAIL = /,\s*(?:KEL|KEC|KAB)\.\s*[A-Z]|,\s*KOTA\s+[A-Z]{3}/;

/** Similarity enough to pick among the few fields a value's format allows. */
const TYPED_LABEL_SIMILARITY = 0.4;
const ALL_LABEL_KEYS: readonly LabelKey[] = [...new Set(LABEL_FORMS.map((f) => f.key))];
const DATE_LABEL_KEYS: readonly LabelKey[] = [
  'date_of_birth',
  'passport_expiry',
  'stay_entries_permit_expiry',
  'stay_multiple_entries_permit_expiry',
];

/** The fields whose printed value has this line's distinctive format (dates, gender, place+date). */
function keysForValue(text: string): LabelKey[] {
  const t = text.trim();
  if (normalizeDate(t)) return [...DATE_LABEL_KEYS];
  const split = splitPlaceAndDate(t);
  if (split?.place && split.date) return ['place_date_of_birth'];
  if (normalizeGender(t) && t.replace(/[^A-Za-z]/g, '').length >= 4) return ['gender'];
  return [];
}

/** The unused line a label at `index` heads: level with it to the right, else just below it. */
function headedValue(
  lines: readonly TextLine[],
  used: ReadonlySet<number>,
  index: number,
  eligible: (line: TextLine) => boolean = () => true,
): number {
  const label = lines[index]!.rect;
  const h = Math.max(8, Math.min(label.height, 60));
  let best = -1;
  let bestCost = Infinity;
  lines.forEach((line, i) => {
    if (i === index || used.has(i) || !eligible(line)) return;
    const r = line.rect;
    const sameRow = Math.abs(cy(r) - cy(label)) < 0.5 * h;
    const gapRight = r.x - right(label);
    let cost = Infinity;
    if (sameRow && gapRight > -0.5 * h && gapRight < 8 * h) cost = gapRight / h;
    else {
      const gapBelow = r.y - bottom(label);
      const dx = Math.abs(r.x - label.x);
      if (gapBelow > -0.6 * h && gapBelow < 1.6 * h && dx < 3 * h) cost = 12 + gapBelow / h + dx / h;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}
