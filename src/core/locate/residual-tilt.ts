// A second look at the tilt, after the document was straightened. The locator's warp comes from the
// outline it found; when an edge it took is not the document's (a desk stripe, a shadow), the warped
// page still runs downhill by a few degrees, and on a two-column page a value then sits nearer the
// next label's row than its own. The detector measures each line's own angle: when nearly all long
// lines agree on the same tilt, the page is turned back by it.
import type { Raster } from '../ports';
import type { LineRect } from '../text-lines';
import type { PointMap } from '../geometry/point-map';
import { applyHomography, invert, multiply, warpPerspective, type Mat3 } from './homography';

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
  return level(raster, { hOutToIn: h, width, height });
}

/** Lines whose tilts differ by less than this (degrees) are parallel: residualTilt's case. */
const MIN_KEYSTONE_SPREAD = 4;
/** Each long line must point at the fitted vanishing point within this (degrees). */
const KEYSTONE_FIT = 2;
/** The warp may not grow the page by more than this: a nearer vanishing point is not a keystone. */
const MAX_KEYSTONE_GROWTH = 1.6;

export interface Levelling {
  /** Output pixel to input pixel. */
  hOutToIn: Mat3;
  width: number;
  height: number;
}

/**
 * A keystone left after straightening: the outline the locator took had a wrong edge (a second
 * paper under the page, say), so the warped page's rows fan out, steep at one end and level at the
 * other, and no single turn levels them (residualTilt declines). The long lines then meet near one
 * point; the projective map that sends that point to infinity makes every row level again.
 * Null unless at least 8 long lines fan out by MIN_KEYSTONE_SPREAD degrees or more, 3 in 4 of them
 * are tilted by MIN_RESIDUAL_TILT or more, and 3 in 4 point at the fitted point within KEYSTONE_FIT
 * degrees.
 */
export function residualKeystone(
  rects: readonly LineRect[],
  width: number,
  height: number,
): Levelling | null {
  const long = rects.filter((r) => r.width > 4 * r.height);
  if (long.length < 8) return null;
  const angles = long.map((r) => r.angle ?? 0);
  const spread = (Math.max(...angles) - Math.min(...angles)) / DEG;
  if (spread < MIN_KEYSTONE_SPREAD) return null;
  // Only when most rows are tilted past what row pairing tolerates: a page whose rows are mostly
  // level, with a few tilted at an edge, reads as it is (levelling it changed reads both ways).
  const tilted = angles.filter((a) => Math.abs(a) >= MIN_RESIDUAL_TILT * DEG).length;
  if (tilted < 0.75 * long.length) return null;

  // Least squares for the point nearest to every line (weighted by length): sum w (n.v - n.p)^2.
  // Each line's centre, relative to the page's centre.
  const centre = (r: LineRect): [number, number] => [
    r.x + r.width / 2 - width / 2,
    r.y + r.height / 2 - height / 2,
  ];
  let a11 = 0,
    a12 = 0,
    a22 = 0,
    b1 = 0,
    b2 = 0;
  for (const r of long) {
    const t = r.angle ?? 0;
    const nx = -Math.sin(t);
    const ny = Math.cos(t);
    const [px, py] = centre(r);
    const w = r.width;
    const d = nx * px + ny * py;
    a11 += w * nx * nx;
    a12 += w * nx * ny;
    a22 += w * ny * ny;
    b1 += w * nx * d;
    b2 += w * ny * d;
  }
  const det = a11 * a22 - a12 * a12;
  if (Math.abs(det) < 1e-9 * (a11 + a22) ** 2) return null;
  const vx = (a22 * b1 - a12 * b2) / det;
  const vy = (a11 * b2 - a12 * b1) / det;

  const pointing = long.filter((r) => {
    const [px, py] = centre(r);
    const toV = Math.atan2(vy - py, vx - px);
    // A line has no head: compare directions modulo half a turn.
    let diff = Math.abs(toV - (r.angle ?? 0)) % Math.PI;
    if (diff > Math.PI / 2) diff = Math.PI - diff;
    return diff <= KEYSTONE_FIT * DEG;
  }).length;
  if (pointing < 0.75 * long.length) return null;

  // Turn the page (less than a quarter turn) so the vanishing point lies on the x axis through the
  // centre, then send it to infinity: (x, y) -> (x, y) / (1 - x / d). The centre keeps its scale.
  let phi = Math.atan2(vy, vx);
  if (phi > Math.PI / 2) phi -= Math.PI;
  if (phi < -Math.PI / 2) phi += Math.PI;
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  const d = vx * c + vy * s;
  const centred: Mat3 = [1, 0, -width / 2, 0, 1, -height / 2, 0, 0, 1];
  const turned: Mat3 = [c, s, 0, -s, c, 0, 0, 0, 1];
  const projected: Mat3 = [1, 0, 0, 0, 1, 0, -1 / d, 0, 1];
  const forward = multiply(projected, multiply(turned, centred));

  const corners = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ].map(([x, y]) => {
    const w = forward[6] * x! + forward[7] * y! + forward[8];
    return w > 0.05 ? applyHomography(forward, [x!, y!]) : null;
  });
  if (corners.some((p) => p === null)) return null;
  const xs = corners.map((p) => p![0]);
  const ys = corners.map((p) => p![1]);
  const outWidth = Math.max(...xs) - Math.min(...xs);
  const outHeight = Math.max(...ys) - Math.min(...ys);
  if (outWidth * outHeight > MAX_KEYSTONE_GROWTH * width * height) return null;
  const shifted = multiply([1, 0, -Math.min(...xs), 0, 1, -Math.min(...ys), 0, 0, 1], forward);
  const hOutToIn = invert(shifted);
  return hOutToIn ? { hOutToIn, width: Math.round(outWidth), height: Math.round(outHeight) } : null;
}

/** The raster levelled by `residualKeystone`'s map, and the map from its pixels back to the given raster's. */
export function level(raster: Raster, levelling: Levelling): { raster: Raster; toSource: PointMap } {
  const { hOutToIn, width, height } = levelling;
  return {
    raster: warpPerspective(raster, hOutToIn, width, height),
    toSource: (p) => applyHomography(hOutToIn, p),
  };
}
