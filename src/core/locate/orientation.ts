// Upright or upside down? Read a few of the longest lines both ways and trust the recognizer's
// confidence: upside-down Latin print reads as low-confidence noise. Where the recognizer has two
// engines, both vote: on soft photo print tesseract is often unsure either way while PP-OCR is not.
import type { Raster, Rect, TextRecognizer } from '../ports';
import { crop, resize, rotateQuarter } from '../image/raster';

/** Line height the recognizer sees (tesseract reads best around 30-40 px). */
const LINE_HEIGHT = 36;

/**
 * Returns a `decideUpsideDown` hook for `locateDocument`: true when the lines read clearly better
 * turned by 180 degrees, false when clearly better as they are, null when it cannot tell.
 */
export function upsideDownByRecognizer(recognizer: TextRecognizer, lines = 5) {
  return async (raster: Raster, rects: Rect[]): Promise<boolean | null> => {
    const chosen = [...rects].sort((a, b) => b.width - a.width).slice(0, lines);
    if (!chosen.length) return null;
    const engines: ('first' | 'second')[] =
      (recognizer.engineCount ?? 1) > 1 ? ['first', 'second'] : ['first'];
    const votes = await Promise.all(
      chosen.map(async (r) => {
        const region = crop(raster, r);
        const k = Math.min(3, Math.max(0.3, LINE_HEIGHT / Math.max(1, region.height)));
        const upright = k === 1 ? region : resize(region, region.width * k, region.height * k);
        const turned = rotateQuarter(upright, 2);
        let up = 0;
        let down = 0;
        for (const engine of engines) {
          const [a, b] = await Promise.all([
            // One engine for both ways, so the two confidences compare.
            recognizer.recognize(upright, { mode: 'line', engine }),
            recognizer.recognize(turned, { mode: 'line', engine }),
          ]);
          up += score(a.text, a.confidence) / engines.length;
          down += score(b.text, b.confidence) / engines.length;
        }
        return { up, down };
      }),
    );
    const up = votes.reduce((s, v) => s + v.up, 0) / votes.length;
    const down = votes.reduce((s, v) => s + v.down, 0) / votes.length;
    if (down > up + 0.08) return true;
    if (up > down + 0.08) return false;
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
