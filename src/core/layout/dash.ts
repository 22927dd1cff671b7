// A field printed as a lone '-' (no occupation, no guarantor): too small for the text detector, so
// look at the pixels on the label's row for one short, flat stroke.
import type { Raster, Rect } from '../ports';
import type { TextLine } from '../text-lines';

/**
 * Where the search for a label's dash ends: the next text on its row (the other column) or the page
 * edge. The label column's ':' boxed by itself is no such text: the dash lies past it.
 */
export function dashSearchEnd(
  label: Rect,
  lineHeight: number,
  lines: readonly TextLine[],
  pageWidth: number,
): number {
  return lines
    .filter((l) => /[\p{L}\p{N}]/u.test(l.text))
    .filter((l) => l.rect.x > label.x + label.width && Math.abs(l.rect.y - label.y) < lineHeight * 0.6)
    .reduce((m, l) => Math.min(m, l.rect.x), pageWidth);
}

/** A dash's core is at least this much wider than tall (a dot's is as wide as tall). */
const DASH_MIN_ASPECT = 1.1;

/** Text heights of blank paper between a column's value and the next column's print, at least. */
const COLUMN_GAP = 3;

/** How much darker than its paper a dash's core is, at least, as a share of the paper's level. */
const MIN_INK_DEPTH = 0.25;

export interface DashHit {
  rect: Rect;
}

/**
 * Searches the row of `label` from its right edge to `maxX` for exactly one ink blob shaped like a
 * dash: wider than tall, shorter than the text height. Colons and dots are skipped; anything else
 * (letters) means it is not a lone dash. When that row is blank, the line under the label is
 * searched the same way: forms that stack each label over its value print the dash there.
 */
export function findDash(raster: Raster, label: Rect, lineHeight: number, maxX: number): DashHit | null {
  const h = Math.max(6, lineHeight);
  const rightX = Math.ceil(label.x + label.width + 2);
  // The value column starts a few text heights after its label; further right lies the other
  // column or, on a located photo, the border beyond the paper.
  const reach = (x: number) => Math.min(Math.floor(maxX), x + Math.ceil(12 * h)) - x;
  const right = findDashIn(raster, { x: rightX, y: label.y, width: reach(rightX), height: h }, h, true);
  if (right.hit || !right.blank) return right.hit;
  // From the label's left edge, less a little for a centred dash; a little under the label, so
  // its descenders (g, j, p) stay out.
  const belowX = Math.floor(label.x - 0.3 * h);
  const belowY = label.y + label.height + 0.1 * h;
  return findDashIn(raster, { x: belowX, y: belowY, width: reach(belowX), height: 1.2 * h }, h).hit;
}

/** Word spacing, in text heights, at most: print this close after the label's box is the label's. */
const LABEL_WORD_GAP = 0.6;
/** A capital's height in text heights, at least (a colon's dots span less). */
const LABEL_LETTER_HEIGHT = 0.55;

function findDashIn(
  raster: Raster,
  window: Rect,
  h: number,
  afterLabel = false,
): { hit: DashHit | null; blank: boolean } {
  const y0 = Math.max(0, Math.floor(window.y));
  const y1 = Math.min(raster.height, Math.ceil(window.y + window.height));
  const x0 = Math.max(0, Math.ceil(window.x));
  const x1 = Math.min(raster.width, Math.floor(window.x + window.width));
  if (x1 - x0 < h || y1 - y0 < 3) return { hit: null, blank: true };
  const w = x1 - x0;
  const rows = y1 - y0;
  const ink = new Uint8Array(w * rows);
  const d = raster.data;
  const sums = new Uint16Array(w * rows);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y0 + y) * raster.width + x0 + x) * 4;
      // The brightest channel: ink is dark in all three, a card's coloured guilloche is not.
      sums[y * w + x] = 3 * Math.max(d[i]!, d[i + 1]!, d[i + 2]!);
    }
  }
  // A blurred photo spreads a thin dash's ink: its core stays half as dark as the paper around
  // it, never near black, so ink is judged against this row's own paper, not a fixed level.
  const paper = percentile(sums, 0.8);
  const inkBelow = Math.max(300, paper * 0.8);
  for (let i = 0; i < sums.length; i++) ink[i] = sums[i]! < inkBelow ? 1 : 0;
  // Column runs of ink form blobs; group adjacent inked columns.
  const blobs: { x0: number; x1: number; y0: number; y1: number; count: number }[] = [];
  let current: (typeof blobs)[number] | null = null;
  for (let x = 0; x < w; x++) {
    let top = -1;
    let bottom = -1;
    let count = 0;
    for (let y = 0; y < rows; y++) {
      if (ink[y * w + x]) {
        if (top < 0) top = y;
        bottom = y;
        count++;
      }
    }
    if (count === 0) {
      if (current && x - current.x1 > 2) {
        blobs.push(current);
        current = null;
      }
      continue;
    }
    if (!current) current = { x0: x, x1: x, y0: top, y1: bottom, count };
    else {
      current.x1 = x;
      current.y0 = Math.min(current.y0, top);
      current.y1 = Math.max(current.y1, bottom);
      current.count += count;
    }
  }
  if (current) blobs.push(current);
  // A label's box from a blurred line can stop short of its last words ("Pekerjaan /" boxed, then
  // "Occupation" printed on): letters as tall as capitals that run on from the window's start at
  // word spacing are the label's, not the row's value (measured on a page photo whose dash lay
  // under the label). A colon or a dash is not that tall.
  let labelEnd = afterLabel ? 0 : -Infinity;
  const marks = blobs.filter((b) => {
    if (b.count <= 3) return false;
    if (b.x0 - labelEnd > LABEL_WORD_GAP * h || b.y1 - b.y0 + 1 < LABEL_LETTER_HEIGHT * h) return true;
    labelEnd = b.x1;
    return false;
  });
  const darkest = (b: (typeof blobs)[number]) => {
    let v = Infinity;
    for (let y = b.y0; y <= b.y1; y++) for (let x = b.x0; x <= b.x1; x++) v = Math.min(v, sums[y * w + x]!);
    return v;
  };
  // Measured at half its depth, a blurred dash keeps its long flat shape; at the ink threshold
  // the blur has made it nearly round.
  const core = (b: (typeof blobs)[number]) => {
    const level = (paper + darkest(b)) / 2;
    let cx0 = Infinity;
    let cx1 = -1;
    let cy0 = Infinity;
    let cy1 = -1;
    for (let y = b.y0; y <= b.y1; y++) {
      for (let x = b.x0; x <= b.x1; x++) {
        if (sums[y * w + x]! >= level) continue;
        cx0 = Math.min(cx0, x);
        cx1 = Math.max(cx1, x);
        cy0 = Math.min(cy0, y);
        cy1 = Math.max(cy1, y);
      }
    }
    return { width: cx1 - cx0 + 1, height: cy1 - cy0 + 1 };
  };
  const dashes = marks.filter((b) => {
    // Printed ink, even blurred, is darker than its paper by a quarter at its core (measured:
    // 0.41-0.95 on photos). One pixel row high it is crisp print, near black: a fleck of a card's
    // texture is as thin but faint (measured: 5 x 1 px, 0.29 darker).
    const depth = (paper - darkest(b)) / paper;
    if (depth < MIN_INK_DEPTH || (b.y1 === b.y0 && depth < 2 * MIN_INK_DEPTH)) return false;
    const { width: bw, height: bh } = core(b);
    // (Soft print rounds a short dash's core to barely wider than tall: 9 x 8 px on a 38 px row.)
    return bw >= DASH_MIN_ASPECT * bh && bw >= 0.1 * h && bw <= 1.5 * h && bh <= 0.3 * h;
  });
  // Besides the dash only small marks (a ':' or '.') may stand on the row, or, past a column's gap
  // after it, the next column's print (a card's second column the detector did not box).
  const others = marks.filter((b) => !dashes.includes(b) && b.x1 - b.x0 + 1 > 0.3 * h);
  const b = dashes.length === 1 ? dashes[0]! : null;
  if (!b || others.some((o) => o.x0 - b.x1 < COLUMN_GAP * h)) {
    return { hit: null, blank: !dashes.length && !others.length };
  }
  return { hit: { rect: { x: x0 + b.x0, y: y0, width: b.x1 - b.x0 + 1, height: y1 - y0 } }, blank: false };
}

function percentile(values: Uint16Array, q: number): number {
  const sorted = Uint16Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
