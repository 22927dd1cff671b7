import { describe, expect, it } from 'vitest';
import type { Point } from '../schema';
import { createRaster, rotateQuarter } from '../image/raster';
import {
  applyHomography,
  homographyFromPoints,
  invert,
  multiply,
  quarterTurnToSource,
  warpPerspective,
  type Mat3,
} from './homography';

const close = (a: Point, b: Point, eps = 1e-6) => {
  expect(Math.abs(a[0] - b[0])).toBeLessThan(eps);
  expect(Math.abs(a[1] - b[1])).toBeLessThan(eps);
};

describe('homographyFromPoints', () => {
  const src: Point[] = [
    [0, 0],
    [400, 0],
    [400, 250],
    [0, 250],
  ];
  const dst: Point[] = [
    [112.5, 80.25],
    [530, 130],
    [470.75, 420],
    [60, 360.5],
  ];

  it('maps the four source points onto the destination points', () => {
    const h = homographyFromPoints(src, dst)!;
    expect(h).not.toBeNull();
    for (let i = 0; i < 4; i++) close(applyHomography(h, src[i]!), dst[i]!, 1e-6);
  });

  it('keeps straight lines straight (the midpoint of an edge stays on the mapped edge)', () => {
    const h = homographyFromPoints(src, dst)!;
    const m = applyHomography(h, [200, 0]);
    const [a, b] = [dst[0]!, dst[1]!];
    const cross = (b[0] - a[0]) * (m[1] - a[1]) - (b[1] - a[1]) * (m[0] - a[0]);
    expect(Math.abs(cross)).toBeLessThan(1e-6);
    // A true perspective map does not send the midpoint to the midpoint.
    expect(Math.abs(m[0] - (a[0] + b[0]) / 2)).toBeGreaterThan(0.5);
  });

  it('inverts: H^-1(H(p)) = p and H * H^-1 = I', () => {
    const h = homographyFromPoints(src, dst)!;
    const inv = invert(h)!;
    for (const p of [
      [13, 17],
      [321, 200],
      [-40, 300],
    ] as Point[]) {
      close(applyHomography(inv, applyHomography(h, p)), p, 1e-6);
    }
    const id = multiply(h, inv);
    const s = id[8];
    const expected = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    id.forEach((v, i) => expect(Math.abs(v / s - expected[i]!)).toBeLessThan(1e-9));
  });

  it('returns null for degenerate (collinear) points', () => {
    const line: Point[] = [
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ];
    expect(homographyFromPoints(line, dst)).toBeNull();
    const singular: Mat3 = [1, 2, 3, 2, 4, 6, 0, 0, 1];
    expect(invert(singular)).toBeNull();
  });
});

function pattern(w: number, h: number): ReturnType<typeof createRaster> {
  const r = createRaster(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      r.data[i] = (x * 7) % 256;
      r.data[i + 1] = (y * 11) % 256;
      r.data[i + 2] = (x * y) % 256;
      r.data[i + 3] = 255;
    }
  }
  return r;
}

describe('warpPerspective', () => {
  it('is exact for the identity and for integer translations', () => {
    const src = pattern(23, 17);
    const same = warpPerspective(src, [1, 0, 0, 0, 1, 0, 0, 0, 1], 23, 17);
    expect(Array.from(same.data)).toEqual(Array.from(src.data));
    const shifted = warpPerspective(src, [1, 0, 3, 0, 1, 2, 0, 0, 1], 10, 8);
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 10; x++) {
        const a = (y * 10 + x) * 4;
        const b = ((y + 2) * 23 + x + 3) * 4;
        expect([shifted.data[a], shifted.data[a + 1], shifted.data[a + 2]]).toEqual([
          src.data[b],
          src.data[b + 1],
          src.data[b + 2],
        ]);
      }
    }
  });

  it('reproduces rotateQuarter pixel for pixel with quarterTurnToSource', () => {
    const src = pattern(13, 9);
    for (const k of [1, 2, 3]) {
      const rotated = rotateQuarter(src, k);
      const warped = warpPerspective(
        src,
        quarterTurnToSource(k, src.width, src.height),
        rotated.width,
        rotated.height,
      );
      expect(warped.width).toBe(rotated.width);
      expect(Array.from(warped.data)).toEqual(Array.from(rotated.data));
    }
  });

  it('undoes a perspective warp: warping out and back restores the image away from the border', () => {
    const w = 120;
    const h = 80;
    const src = createRaster(w, h);
    // Smooth content (bilinear sampling is exact on linear ramps).
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        src.data[i] = 20 + x * 1.5;
        src.data[i + 1] = 30 + y * 2;
        src.data[i + 2] = 100;
        src.data[i + 3] = 255;
      }
    }
    const rect: Point[] = [
      [0, 0],
      [w, 0],
      [w, h],
      [0, h],
    ];
    const quad: Point[] = [
      [30, 20],
      [170, 40],
      [160, 150],
      [20, 130],
    ];
    const docToPhoto = homographyFromPoints(rect, quad)!;
    const photo = warpPerspective(src, invert(docToPhoto)!, 200, 170);
    const back = warpPerspective(photo, docToPhoto, w, h);
    let worst = 0;
    for (let y = 5; y < h - 5; y++) {
      for (let x = 5; x < w - 5; x++) {
        const i = (y * w + x) * 4;
        worst = Math.max(
          worst,
          Math.abs(back.data[i]! - src.data[i]!),
          Math.abs(back.data[i + 1]! - src.data[i + 1]!),
        );
      }
    }
    expect(worst).toBeLessThanOrEqual(3);
    // The warped photo really moved the content: its corner region is the clamped border colour.
    expect(photo.data[0]).toBe(src.data[0]);
  });
});
