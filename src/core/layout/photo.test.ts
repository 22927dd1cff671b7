import { describe, expect, it } from 'vitest';
import { findImageRegions } from './photo';
import type { Raster, Rect } from '../ports';

function raster(width: number, height: number, rgb: [number, number, number]): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = rgb[0];
    data[i + 1] = rgb[1];
    data[i + 2] = rgb[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

function fill(r: Raster, rect: Rect, rgb: [number, number, number]): void {
  for (let y = rect.y; y < rect.y + rect.height; y++)
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * r.width + x) * 4;
      r.data[i] = rgb[0];
      r.data[i + 1] = rgb[1];
      r.data[i + 2] = rgb[2];
    }
}

/** A card with a holder photo (coloured backdrop, a light face) and a pen signature under it. */
function card(width = 900, height = 600): Raster {
  const r = raster(width, height, [236, 242, 230]);
  fill(r, { x: 60, y: 120, width: 180, height: 230 }, [200, 40, 40]);
  fill(r, { x: 110, y: 160, width: 80, height: 100 }, [240, 200, 170]);
  fill(r, { x: 80, y: 290, width: 140, height: 60 }, [60, 70, 120]);
  // Signature: a few thin blue strokes.
  for (let k = 0; k < 4; k++)
    fill(r, { x: 70 + k * 40, y: 400 + (k % 2) * 6, width: 36, height: 3 }, [50, 60, 160]);
  return r;
}

const PHOTO = { x: 60, y: 120, width: 180, height: 230 };

function iou(a: Rect, b: Rect): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

describe('findImageRegions', () => {
  it('finds the photo on a card that fills the picture', () => {
    const found = findImageRegions(card(), [], { expectSignature: true });
    expect(found.photo).not.toBeNull();
    expect(iou(found.photo!, PHOTO)).toBeGreaterThan(0.6);
  });

  it('a desk around the document (a photo) is not taken for its background', () => {
    // The card straightened out of a photo keeps a margin of dark desk on every side.
    const inner = card();
    const m = 40;
    const r = raster(inner.width + 2 * m, inner.height + 2 * m, [90, 60, 35]);
    for (let y = 0; y < inner.height; y++)
      r.data.set(
        inner.data.subarray(y * inner.width * 4, (y + 1) * inner.width * 4),
        ((y + m) * r.width + m) * 4,
      );
    const found = findImageRegions(r, [], { expectSignature: true });
    expect(found.photo).not.toBeNull();
    const expected = { ...PHOTO, x: PHOTO.x + m, y: PHOTO.y + m };
    expect(iou(found.photo!, expected)).toBeGreaterThan(0.6);
  });

  it('pen strokes lighter than black (a soft photo) still make the signature', () => {
    const r = card();
    const found = findImageRegions(r, [], { expectSignature: true });
    expect(found.sign).not.toBeNull();
    expect(found.sign!.y).toBeGreaterThan(360);
    expect(found.sign!.y).toBeLessThan(430);
  });
});
