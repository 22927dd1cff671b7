// Plane projective transforms (3x3 homographies) and a perspective warp with bilinear sampling.
// Coordinates are continuous pixel coordinates: pixel (i, j) covers [i, i+1) x [j, j+1), so its
// centre is (i + 0.5, j + 0.5), the same convention the pipeline's rects and polygons use.
import type { Raster } from '../ports';
import type { Point } from '../schema';
import { createRaster } from '../image/raster';

/** Row-major 3x3 matrix. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

export const IDENTITY: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/**
 * The homography H with H(src[i]) = dst[i] for four point pairs (no three collinear).
 * Solves the 8x8 linear system with h33 = 1; returns null when the points are degenerate.
 */
export function homographyFromPoints(src: readonly Point[], dst: readonly Point[]): Mat3 | null {
  if (src.length !== 4 || dst.length !== 4) throw new Error('homographyFromPoints needs 4 point pairs');
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!;
    const [u, v] = dst[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solveAugmented(a, 8);
  if (!h) return null;
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

/** Gaussian elimination with partial pivoting on an n x (n+1) augmented matrix (modified in place). */
export function solveAugmented(a: number[][], n: number): number[] | null {
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (Math.abs(a[pivot]![c]!) < 1e-12) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const row = a[c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = a[r]!;
      const f = other[c]! / row[c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) other[k] = other[k]! - f * row[k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

export function multiply(a: Mat3, b: Mat3): Mat3 {
  const out = new Array<number>(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }
  return out as Mat3;
}

/** The inverse, normalised so that its last entry is 1 where possible; null when singular. */
export function invert(m: Mat3): Mat3 | null {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-14) return null;
  const inv: Mat3 = [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
  const s = inv[8];
  return Math.abs(s) > 1e-12 ? (inv.map((v) => v / s) as Mat3) : inv;
}

export function applyHomography(m: Mat3, [x, y]: Point): Point {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

/**
 * Renders a width x height raster whose pixel centre p comes from `raster` at H_outToIn(p), sampled
 * bilinearly. Samples outside the source are filled with the nearest edge pixel (clamped), so a
 * slightly generous crop does not draw black bars that the detector could take for edges.
 */
export function warpPerspective(raster: Raster, hOutToIn: Mat3, width: number, height: number): Raster {
  width = Math.max(1, Math.round(width));
  height = Math.max(1, Math.round(height));
  const out = createRaster(width, height);
  const src = raster.data;
  const dst = out.data;
  const sw = raster.width;
  const sh = raster.height;
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = hOutToIn;
  const maxX = sw - 1;
  const maxY = sh - 1;
  for (let y = 0; y < height; y++) {
    const cy = y + 0.5;
    // Row start in homogeneous coordinates, then step by the first column per pixel.
    let X = m0 * 0.5 + m1 * cy + m2;
    let Y = m3 * 0.5 + m4 * cy + m5;
    let W = m6 * 0.5 + m7 * cy + m8;
    let o = y * width * 4;
    for (let x = 0; x < width; x++, o += 4, X += m0, Y += m3, W += m6) {
      let fx = X / W - 0.5;
      let fy = Y / W - 0.5;
      if (fx < 0) fx = 0;
      else if (fx > maxX) fx = maxX;
      if (fy < 0) fy = 0;
      else if (fy > maxY) fy = maxY;
      const x0 = fx | 0;
      const y0 = fy | 0;
      const x1 = x0 < maxX ? x0 + 1 : x0;
      const y1 = y0 < maxY ? y0 + 1 : y0;
      const wx = fx - x0;
      const wy = fy - y0;
      const i00 = (y0 * sw + x0) * 4;
      const i01 = (y0 * sw + x1) * 4;
      const i10 = (y1 * sw + x0) * 4;
      const i11 = (y1 * sw + x1) * 4;
      const w00 = (1 - wx) * (1 - wy);
      const w01 = wx * (1 - wy);
      const w10 = (1 - wx) * wy;
      const w11 = wx * wy;
      dst[o] = src[i00]! * w00 + src[i01]! * w01 + src[i10]! * w10 + src[i11]! * w11;
      dst[o + 1] = src[i00 + 1]! * w00 + src[i01 + 1]! * w01 + src[i10 + 1]! * w10 + src[i11 + 1]! * w11;
      dst[o + 2] = src[i00 + 2]! * w00 + src[i01 + 2]! * w01 + src[i10 + 2]! * w10 + src[i11 + 2]! * w11;
      dst[o + 3] = src[i00 + 3]! * w00 + src[i01 + 3]! * w01 + src[i10 + 3]! * w10 + src[i11 + 3]! * w11;
    }
  }
  return out;
}

/**
 * The map from pixels of a raster rotated clockwise by `quarterTurns` (as `rotateQuarter` does) back
 * to pixels of the original `width` x `height` raster, as a homography.
 */
export function quarterTurnToSource(quarterTurns: number, width: number, height: number): Mat3 {
  const k = ((quarterTurns % 4) + 4) % 4;
  switch (k) {
    case 1: // rotated (w'=h, h'=w): x' = h - y, y' = x  =>  x = y', y = h - x'
      return [0, 1, 0, -1, 0, height, 0, 0, 1];
    case 2: // x' = w - x, y' = h - y
      return [-1, 0, width, 0, -1, height, 0, 0, 1];
    case 3: // x' = y, y' = w - x  =>  x = w - y', y = x'
      return [0, -1, width, 1, 0, 0, 0, 0, 1];
    default:
      return [...IDENTITY];
  }
}
