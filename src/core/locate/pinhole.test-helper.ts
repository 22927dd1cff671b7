// Test helper: where a pinhole camera sees a flat rectangle's corners.
import type { Point } from '../schema';

/**
 * A w x h rectangle, turned by ax about the x axis then ay about the y axis (radians), 2.5 widths in
 * front of a camera of focal length f px whose principal point is `centre`. Corners TL, TR, BR, BL.
 */
export function photographedCorners(
  w: number,
  h: number,
  ax: number,
  ay: number,
  f: number,
  centre: Point,
): Point[] {
  const corners: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ];
  return corners.map(([x, y]): Point => {
    const y1 = y * Math.cos(ax);
    const z1 = y * Math.sin(ax);
    const x2 = x * Math.cos(ay) + z1 * Math.sin(ay);
    const z2 = -x * Math.sin(ay) + z1 * Math.cos(ay) + 2.5 * w;
    return [centre[0] + (f * x2) / z2, centre[1] + (f * y1) / z2];
  });
}
