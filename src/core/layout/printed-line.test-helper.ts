// Test helper: text lines as the recognizer reports them, laid out by hand.
import type { TextLine } from '../text-lines';

/**
 * A printed line at (x, y): words get widths in proportion to their length, 9 px a character, or
 * scaled so the line is `width` px wide (a line measured on a photo).
 */
export function line(
  text: string,
  x: number,
  y: number,
  h = 20,
  confidence = 0.95,
  width?: number,
): TextLine {
  const charWidth = width === undefined ? 9 : width / text.length;
  const words = [];
  let cx = x;
  for (const w of text.split(' ')) {
    words.push({ text: w, confidence, rect: { x: cx, y, width: w.length * charWidth, height: h } });
    cx += (w.length + 1) * charWidth;
  }
  return { text, confidence, rect: { x, y, width: cx - x - charWidth, height: h }, words };
}
