import { describe, expect, it } from 'vitest';
import { findDash } from './dash';
import type { Raster } from '../ports';

function page(
  width: number,
  height: number,
  marks: { x: number; y: number; w: number; h: number }[],
): Raster {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const m of marks) {
    for (let y = m.y; y < m.y + m.h; y++) {
      for (let x = m.x; x < m.x + m.w; x++) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 20;
      }
    }
  }
  return { width, height, data };
}

const label = { x: 10, y: 10, width: 60, height: 20 };

describe('findDash', () => {
  it('finds a lone dash after the label (and ignores the colon dots)', () => {
    const r = page(400, 60, [
      { x: 120, y: 15, w: 2, h: 2 },
      { x: 120, y: 24, w: 2, h: 2 },
      { x: 200, y: 19, w: 6, h: 2 },
    ]);
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(200);
  });
  it('does not call a word a dash', () => {
    const r = page(400, 60, [
      { x: 200, y: 19, w: 6, h: 2 },
      { x: 220, y: 12, w: 10, h: 14 },
    ]);
    expect(findDash(r, label, 20, 400)).toBeNull();
  });
  it('finds nothing on an empty row', () => {
    expect(findDash(page(400, 60, []), label, 20, 400)).toBeNull();
  });
});
