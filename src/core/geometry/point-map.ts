import type { Rect } from '../ports';
import type { Point, Polygon } from '../schema';

/** Maps a point from the pixels the pipeline worked on to the pixels the user sees. */
export type PointMap = (p: Point) => Point;

export const scaleMap =
  (k: number): PointMap =>
  ([x, y]) => [x * k, y * k];

export const composeMaps =
  (first: PointMap, then: PointMap): PointMap =>
  (p) =>
    then(first(p));

/**
 * The rect's corners in the text's own order (top-left, top-right, bottom-right, bottom-left),
 * mapped: after a rotation or perspective warp the polygon still starts at the text's top-left.
 */
export function mapRect(r: Rect, map: PointMap): Polygon {
  const corners: Point[] = [
    [r.x, r.y],
    [r.x + r.width, r.y],
    [r.x + r.width, r.y + r.height],
    [r.x, r.y + r.height],
  ];
  return corners.map((c) => {
    const [x, y] = map(c);
    return [Math.round(x), Math.round(y)];
  });
}
