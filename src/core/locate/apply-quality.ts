// Carries a frame's quality into a result: the report under meta.quality, and lower confidences
// when the frame is too small, blurry, glared or dark, so a doubtful read never looks certain.
import { TEXT_FIELDS, type KitasResult } from '../schema';
import type { Located } from './locate';
import type { QualityIssue, QualityReport } from './quality';

const FACTORS: Record<QualityIssue, number> = {
  too_small: 0.7,
  blurry: 0.7,
  glare: 0.85,
  too_dark: 0.85,
  cut_off: 1,
};

/** The factor every text field's confidence is multiplied by for this frame. */
export function confidenceFactor(q: QualityReport, minTextHeight = 11): number {
  let f = 1;
  for (const issue of q.issues) f *= FACTORS[issue];
  // Below the readable height, confidence falls with the square of the shortfall.
  if (q.textHeight > 0 && q.textHeight < minTextHeight) f *= (q.textHeight / minTextHeight) ** 2;
  return f;
}

/** `scale`: output pixels per pixel of the raster `located` worked on (corners are reported in output px). */
export function applyQuality(result: KitasResult, located: Located, scale = 1): void {
  const q = located.quality;
  const factor = confidenceFactor(q);
  if (factor < 1) {
    for (const name of TEXT_FIELDS) {
      const field = result.read[name];
      if (field.value) field.confidence = Math.round(field.confidence * factor * 10000) / 10000;
    }
  }
  if (result.meta) {
    result.meta.quality = {
      ...q,
      confidence_factor: Math.round(factor * 1000) / 1000,
      located: {
        found: located.found,
        corners: located.corners?.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)]) ?? null,
        rotation: located.rotation,
        skew: located.skew,
      },
    };
  }
}
