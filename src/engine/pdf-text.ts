import type { PdfTextItem, Rect } from '../core/ports';

/** Output pixels of a PDF page: 150 DPI, i.e. a pdf.js viewport at scale 150/72. */
export const PDF_SCALE = 150 / 72;

export interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

type Matrix = number[];
type Multiply = (a: Matrix, b: Matrix) => Matrix;

/**
 * Maps pdf.js text items (PDF user space, baseline origin) to axis-aligned boxes in viewport pixels.
 * Shared by the browser and Node PDF adapters so both report identical polygons.
 */
export function mapTextItems(
  items: PdfJsTextItem[],
  viewportTransform: Matrix,
  multiply: Multiply,
): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  for (const item of items) {
    if (!item.str || !item.transform || !item.str.trim()) continue;
    const m = multiply(viewportTransform, item.transform);
    const fontHeight = Math.hypot(m[2]!, m[3]!);
    const scaleX = Math.hypot(item.transform[0]!, item.transform[1]!) || 1;
    const widthPx = ((item.width ?? 0) * Math.hypot(m[0]!, m[1]!)) / scaleX;
    // Baseline origin -> glyph box: ascent about 0.8 and descent about 0.2 of the font size.
    const x = m[4]!;
    const baseline = m[5]!;
    out.push({ str: item.str, x, y: baseline - fontHeight * 0.8, width: widthPx, height: fontHeight });
  }
  return out;
}

interface ViewportSource<V> {
  getViewport(params: { scale: number; offsetX?: number; offsetY?: number }): V;
}

/** The pdf.js viewport that renders `region` (150 DPI pixels) at 150*scale DPI into a canvas at 0,0. */
export function regionViewport<V>(page: ViewportSource<V>, base: V, scale: number, region?: Rect): V {
  if (scale === 1 && !region) return base;
  if (!region) return page.getViewport({ scale: PDF_SCALE * scale });
  return page.getViewport({
    scale: PDF_SCALE * scale,
    offsetX: -region.x * scale,
    offsetY: -region.y * scale,
  });
}
