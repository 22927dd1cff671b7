// The true width:height of a rectangle photographed in perspective, from its four corners alone
// (Zhang & He, "Whiteboard scanning and image enhancement", 2007): with square pixels and the
// principal point at the image centre, the corners fix the focal length and with it the ratio.
import type { Point } from '../schema';

/** ID-1 cards (85.6 x 54 mm), ISO A pages and US Letter: what a permit is printed on. */
export const DOCUMENT_ASPECTS = [85.6 / 54, Math.SQRT2, 11 / 8.5] as const;

type Vec3 = [number, number, number];

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * Width (top side) over height (left side) of the rectangle whose image is `corners` (top-left,
 * top-right, bottom-right, bottom-left) in an image of `width` x `height` pixels. Near a frontal
 * view the focal length is undetermined and the sides' own lengths give the ratio.
 */
export function rectangleAspect(corners: readonly Point[], width: number, height: number): number {
  const [tl, tr, br, bl] = corners as [Point, Point, Point, Point];
  const u0 = width / 2;
  const v0 = height / 2;
  const m = (p: Point): Vec3 => [p[0] - u0, p[1] - v0, 1];
  const m1 = m(tl);
  const m2 = m(tr);
  const m3 = m(bl);
  const m4 = m(br);
  const k2 = dot(cross(m1, m4), m3) / dot(cross(m2, m4), m3);
  const k3 = dot(cross(m1, m4), m2) / dot(cross(m3, m4), m2);
  const n2: Vec3 = [k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]];
  const n3: Vec3 = [k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]];
  const f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / (n2[2] * n3[2]);
  const side = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);
  const plain = (side(tl, tr) + side(bl, br)) / (side(tl, bl) + side(tr, br));
  // A near-frontal view (n2[2], n3[2] ~ 0) or an inconsistent quad leaves f undetermined.
  const diag = Math.hypot(width, height);
  if (!Number.isFinite(f2) || f2 < (0.3 * diag) ** 2 || f2 > (20 * diag) ** 2) return plain;
  const num = (n2[0] * n2[0] + n2[1] * n2[1]) / f2 + n2[2] * n2[2];
  const den = (n3[0] * n3[0] + n3[1] * n3[1]) / f2 + n3[2] * n3[2];
  const r = Math.sqrt(num / den);
  return Number.isFinite(r) && r > 0 ? r : plain;
}

/** Relative distance of the quad's true aspect (either way round) from the nearest document's. */
export function aspectMismatch(corners: readonly Point[], width: number, height: number): number {
  const r = rectangleAspect(corners, width, height);
  const long = Math.max(r, 1 / r);
  return Math.min(...DOCUMENT_ASPECTS.map((a) => Math.abs(long - a) / a));
}
