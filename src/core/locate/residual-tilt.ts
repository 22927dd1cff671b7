// A second look at the tilt, after the document was straightened. The locator's warp comes from the
// outline it found; when an edge it took is not the document's (a desk stripe, a shadow), the warped
// page still runs downhill by a few degrees, and on a two-column page a value then sits nearer the
// next label's row than its own. The detector measures each line's own angle: when nearly all long
// lines agree on the same tilt, the page is turned back by it.
import type { Raster } from '../ports';
import type { LineRect } from '../text-lines';
import type { PointMap } from '../geometry/point-map';
import { applyHomography, warpPerspective, type Mat3 } from './homography';

/** Tilts under this (degrees) are left alone: row pairing tolerates them. */
export const MIN_RESIDUAL_TILT = 1.5;
/** More than this and the locator's own estimate was not merely off: not ours to overrule. */
const MAX_RESIDUAL_TILT = 10;
const DEG = Math.PI / 180;

/**
 * The tilt (degrees, clockwise) shared by the page's long lines, or null when there is none worth
 * undoing: fewer than 8 long lines, fewer than 3 in 4 of them tilted the same way, or a median under
 * MIN_RESIDUAL_TILT.
 */
export function residualTilt(rects: readonly LineRect[]): number | null {
  const long = rects.filter((r) => r.width > 4 * r.height);
  if (long.length < 8) return null;
  const angles = long.map((r) => (r.angle ?? 0) / DEG).sort((a, b) => a - b);
  const median = angles[Math.floor(angles.length / 2)]!;
  if (Math.abs(median) < MIN_RESIDUAL_TILT || Math.abs(median) > MAX_RESIDUAL_TILT) return null;
  const agreeing = angles.filter((a) => Math.sign(a) === Math.sign(median) && Math.abs(a) >= 0.5).length;
  return agreeing >= 0.75 * long.length ? median : null;
}

/**
 * The raster turned so that lines tilted by `degrees` (clockwise) run level, on a canvas that keeps
 * every corner, and the map from its pixels back to the given raster's.
 */
export function untilt(raster: Raster, degrees: number): { raster: Raster; toSource: PointMap } {
  const t = degrees * DEG;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const width = Math.round(Math.abs(raster.width * c) + Math.abs(raster.height * s));
  const height = Math.round(Math.abs(raster.width * s) + Math.abs(raster.height * c));
  // Output centre to source centre, rotated so the output's x axis runs along the tilted lines.
  const h: Mat3 = [
    c,
    -s,
    raster.width / 2 - c * (width / 2) + s * (height / 2),
    s,
    c,
    raster.height / 2 - s * (width / 2) - c * (height / 2),
    0,
    0,
    1,
  ];
  return { raster: warpPerspective(raster, h, width, height), toSource: (p) => applyHomography(h, p) };
}
