// A field printed as a lone '-' (no occupation, no guarantor): too small for the text detector, so
// look at the pixels on the label's row for one short, flat stroke.
import type { Raster, Rect } from '../ports';

export interface DashHit {
  rect: Rect;
}

/**
 * Searches the row of `label` from its right edge to `maxX` for exactly one ink blob shaped like a
 * dash: at least twice as wide as tall, shorter than the text height. Colons and dots are skipped;
 * anything else (letters) means it is not a lone dash.
 */
export function findDash(raster: Raster, label: Rect, lineHeight: number, maxX: number): DashHit | null {
  const h = Math.max(6, lineHeight);
  const y0 = Math.max(0, Math.floor(label.y));
  const y1 = Math.min(raster.height, Math.ceil(label.y + h));
  const x0 = Math.max(0, Math.ceil(label.x + label.width + 2));
  const x1 = Math.min(raster.width, Math.floor(maxX));
  if (x1 - x0 < h || y1 - y0 < 3) return null;
  const w = x1 - x0;
  const rows = y1 - y0;
  const ink = new Uint8Array(w * rows);
  const d = raster.data;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < w; x++) {
      const i = ((y0 + y) * raster.width + x0 + x) * 4;
      ink[y * w + x] = d[i]! + d[i + 1]! + d[i + 2]! < 300 ? 1 : 0;
    }
  }
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
  const marks = blobs.filter((b) => b.count > 2);
  const dashes = marks.filter((b) => {
    const bw = b.x1 - b.x0 + 1;
    const bh = b.y1 - b.y0 + 1;
    return bw >= 2 * bh && bw >= 0.15 * h && bw <= 1.5 * h && bh <= 0.3 * h;
  });
  // Besides the dash only small marks (a ':' or '.') may stand on the row.
  const others = marks.filter((b) => !dashes.includes(b) && b.x1 - b.x0 + 1 > 0.3 * h);
  if (dashes.length !== 1 || others.length) return null;
  const b = dashes[0]!;
  return { rect: { x: x0 + b.x0, y: y0, width: b.x1 - b.x0 + 1, height: y1 - y0 } };
}
