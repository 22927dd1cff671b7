// Upright or upside down? Read a few of the longest lines both ways and trust the recognizer's
// confidence: upside-down Latin print reads as low-confidence noise. Where the recognizer has two
// engines and the first is unsure, both vote: on soft photo print tesseract is often unsure either
// way while PP-OCR is not.
import type { Raster, Rect, TextRecognizer } from '../ports';
import { crop, resize, rotateQuarter } from '../image/raster';

/** Line height the recognizer sees (tesseract reads best around 30-40 px). */
const LINE_HEIGHT = 36;

/** Mean score gap (upright minus turned) at which the first engine decides alone. */
export const DECISIVE_MARGIN = 0.25;

/**
 * Returns a `decideUpsideDown` hook for `locateDocument`: true when the lines read clearly better
 * turned by 180 degrees, false when clearly better as they are, null when it cannot tell.
 * The first engine (tesseract) reads first; the second (PP-OCR, slower in the browser) is asked only
 * when the first engine's gap is under DECISIVE_MARGIN, and then both are averaged.
 */
export function upsideDownByRecognizer(recognizer: TextRecognizer, lines = 5) {
  return async (raster: Raster, rects: Rect[]): Promise<boolean | null> => {
    const chosen = [...rects].sort((a, b) => b.width - a.width).slice(0, lines);
    if (!chosen.length) return null;
    const pairs = chosen.map((r) => {
      const region = crop(raster, r);
      const k = Math.min(3, Math.max(0.3, LINE_HEIGHT / Math.max(1, region.height)));
      const upright = k === 1 ? region : resize(region, region.width * k, region.height * k);
      return { upright, turned: rotateQuarter(upright, 2) };
    });
    const vote = async (engine: 'first' | 'second') => {
      const scores = await Promise.all(
        pairs.map(async ({ upright, turned }) => {
          const [a, b] = await Promise.all([
            // One engine for both ways, so the two confidences compare.
            recognizer.recognize(upright, { mode: 'line', engine }),
            recognizer.recognize(turned, { mode: 'line', engine }),
          ]);
          return score(a.text, a.confidence) - score(b.text, b.confidence);
        }),
      );
      return scores.reduce((s, v) => s + v, 0) / scores.length;
    };
    let gap = await vote('first');
    if (Math.abs(gap) < DECISIVE_MARGIN && (recognizer.engineCount ?? 1) > 1) {
      gap = (gap + (await vote('second'))) / 2;
    }
    if (gap < -0.08) return true;
    if (gap > 0.08) return false;
    return null;
  };
}

/** Confidence, discounted when the text is mostly not letters or digits (noise reads as symbols). */
function score(text: string, confidence: number): number {
  const t = text.replace(/\s+/g, '');
  if (!t.length) return 0;
  const good = (t.match(/[A-Za-z0-9]/g) ?? []).length / t.length;
  return confidence * good;
}
