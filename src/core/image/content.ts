import type { Raster, Rect } from '../ports';
import { crop } from './raster';

/**
 * The region of a flat page that holds anything printed: a card scanned on an A4 sheet is a small
 * island of content, and reading it at the sheet's scale would leave its text a few pixels high.
 * Returns null when the content already fills most of the page.
 */
export function findContentRect(raster: Raster, minShare = 0.5): Rect | null {
  const cell = Math.max(4, Math.round(Math.max(raster.width, raster.height) / 200));
  const cols = Math.ceil(raster.width / cell);
  const rows = Math.ceil(raster.height / cell);
  const d = raster.data;
  // Paper colour: the brightest common luminance (scans darken paper unevenly).
  const hist = new Uint32Array(256);
  for (let i = 0; i < d.length; i += 4 * 13)
    hist[((d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114) / 1000) | 0]!++;
  let paper = 255;
  let best = 0;
  for (let v = 255; v >= 100; v--) {
    if (hist[v]! > best) {
      best = hist[v]!;
      paper = v;
    }
  }
  let x0 = cols,
    y0 = rows,
    x1 = -1,
    y1 = -1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let ink = 0;
      let n = 0;
      for (let y = r * cell; y < Math.min(raster.height, (r + 1) * cell); y += 2) {
        for (let x = c * cell; x < Math.min(raster.width, (c + 1) * cell); x += 2) {
          const i = (y * raster.width + x) * 4;
          const lum = (d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114) / 1000;
          const sat = Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
          if (paper - lum > 40 || sat > 40) ink++;
          n++;
        }
      }
      if (ink / Math.max(1, n) > 0.05) {
        x0 = Math.min(x0, c);
        y0 = Math.min(y0, r);
        x1 = Math.max(x1, c);
        y1 = Math.max(y1, r);
      }
    }
  }
  if (x1 < 0) return null;
  const margin = 3 * cell;
  const rect = {
    x: Math.max(0, x0 * cell - margin),
    y: Math.max(0, y0 * cell - margin),
    width: 0,
    height: 0,
  };
  rect.width = Math.min(raster.width, (x1 + 1) * cell + margin) - rect.x;
  rect.height = Math.min(raster.height, (y1 + 1) * cell + margin) - rect.y;
  if (rect.width * rect.height > minShare * raster.width * raster.height) return null;
  return rect;
}

export function cropToContent(raster: Raster): { raster: Raster; offset: { x: number; y: number } } {
  const rect = findContentRect(raster);
  if (!rect) return { raster, offset: { x: 0, y: 0 } };
  return { raster: crop(raster, rect), offset: { x: rect.x, y: rect.y } };
}
