// Carries a frame's quality into a result: the report under meta.quality, and lower confidences
// when the frame is glared or dark or its outline was wrong, so a doubtful read never looks certain.
// Soft print and small print are evidence of the confidence model itself (fitted on generated photos
// and webcam frames).
import type { FieldEvidence } from '../confidence';
import { TEXT_FIELDS, type KitasResult } from '../schema';
import type { Located } from './locate';
import type { QualityIssue, QualityReport } from './quality';

const FACTORS: Record<QualityIssue, number> = {
  too_small: 1,
  blurry: 1,
  glare: 0.85,
  too_dark: 0.85,
  cut_off: 1,
  // The rows still fanned out after the warp: the outline was wrong and the page was levelled from
  // its text alone, resampled twice (4 confident wrong reads on one held-out photo without this).
  edges_unclear: 0.85,
};

/** The factor every text field's confidence is multiplied by for this frame. */
export function confidenceFactor(q: QualityReport): number {
  let f = 1;
  for (const issue of q.issues) f *= FACTORS[issue];
  return f;
}

/**
 * What the confidence model learns from a frame's quality: soft print and small print at the levels
 * it was fitted at, not the 'blurry' and 'too_small' issues, which are set where reading stops being
 * reliable (round 15); 'too_small' itself caps the values only their glyphs vouch for.
 */
export function frameEvidence(
  q: QualityReport,
): Required<Pick<FieldEvidence, 'blurryFrame' | 'smallFrame' | 'tooSmallFrame'>> {
  return {
    blurryFrame: q.soft || q.issues.includes('blurry'),
    smallFrame: q.small,
    tooSmallFrame: q.issues.includes('too_small'),
  };
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
