import { describe, expect, it } from 'vitest';
import { aspectMismatch, rectangleAspect } from './aspect';
import type { Point } from '../schema';
import { photographedCorners } from './pinhole.test-helper';

/** A w x h rectangle seen by a pinhole camera (focal f px) after turning it by ax, ay (radians). */
function photographed(
  w: number,
  h: number,
  ax: number,
  ay: number,
  f: number,
  shift: Point = [0, 0],
): Point[] {
  return photographedCorners(w, h, ax, ay, f, [800 + shift[0], 600 + shift[1]]);
}

describe('rectangleAspect', () => {
  it('recovers a card tilted away from the camera', () => {
    const q = photographed(856, 540, 0.5, 0.35, 1400);
    expect(rectangleAspect(q, 1600, 1200)).toBeCloseTo(856 / 540, 2);
    expect(aspectMismatch(q, 1600, 1200)).toBeLessThan(0.01);
  });

  it('recovers an A4 page in portrait', () => {
    const q = photographed(2100, 2970, -0.4, 0.3, 1800);
    expect(rectangleAspect(q, 1600, 1200)).toBeCloseTo(2100 / 2970, 2);
    expect(aspectMismatch(q, 1600, 1200)).toBeLessThan(0.01);
  });

  it('falls back to the side lengths for a frontal view', () => {
    const q: Point[] = [
      [100, 100],
      [900, 100],
      [900, 500],
      [100, 500],
    ];
    expect(rectangleAspect(q, 1600, 1200)).toBeCloseTo(2, 5);
  });

  it('tells a card cut short at its text from a whole one', () => {
    // The same view, but the quad stops 40% of the way across: not a document's shape.
    const q = photographed(856 * 0.6, 540, 0.5, 0.35, 1400, [-120, 0]);
    expect(aspectMismatch(q, 1600, 1200)).toBeGreaterThan(0.1);
  });
});
