import { describe, expect, it } from 'vitest';
import { residualTilt, untilt } from './residual-tilt';
import { createRaster } from '../image/raster';
import type { LineRect } from '../text-lines';

const DEG = Math.PI / 180;

function lines(angles: (number | undefined)[]): LineRect[] {
  return angles.map((a, i) => ({
    x: 100,
    y: 40 * i,
    width: 400,
    height: 30,
    ...(a === undefined ? {} : { angle: a * DEG }),
  }));
}

describe('residualTilt', () => {
  it('a page whose long lines all run downhill by about 4 degrees', () => {
    const tilt = residualTilt(lines([4.1, 4.3, 4.4, 4.2, 5.0, 4.6, 3.9, 4.4, 4.5, 4.3]));
    expect(tilt).toBeCloseTo(4.4, 1);
  });

  it('uphill is negative', () => {
    expect(residualTilt(lines([-3.2, -3.0, -4.1, -2.2, -3.5, -3.1, -2.9, -3.3]))).toBeCloseTo(-3.1, 1);
  });

  it('a level page, or a slight tilt the row pairing tolerates: nothing to do', () => {
    expect(residualTilt(lines(Array(12).fill(undefined)))).toBeNull();
    expect(residualTilt(lines([1.0, 1.2, 0.9, 1.1, 1.0, 1.3, 0.8, 1.1]))).toBeNull();
  });

  it('lines that disagree (a keystoned page: the top tilted, the rest level) are not turned', () => {
    expect(
      residualTilt(lines([3, 3.1, 2.9, 3.2, 3.0, undefined, undefined, undefined, undefined, 3.1, 2.8])),
    ).toBeNull();
  });

  it('too few long lines to judge', () => {
    expect(residualTilt(lines([4, 4, 4, 4, 4]))).toBeNull();
    const short = lines(Array(10).fill(4)).map((r) => ({ ...r, width: 60 }));
    expect(residualTilt(short)).toBeNull();
  });
});

describe('untilt', () => {
  it('turns a line drawn downhill level, and maps its pixels back', () => {
    const src = createRaster(400, 300);
    src.data.fill(255);
    // A dark 4-degree line through the middle.
    const t = 4 * DEG;
    for (let x = 50; x < 350; x++) {
      const y = Math.round(150 + (x - 200) * Math.tan(t));
      for (let dy = -2; dy <= 2; dy++) {
        const i = 4 * ((y + dy) * src.width + x);
        src.data[i] = src.data[i + 1] = src.data[i + 2] = 0;
      }
    }
    const { raster, toSource } = untilt(src, 4);
    expect(raster.width).toBeGreaterThan(400);
    // In the output, the line's dark rows are the same at its left and right ends.
    const darkRow = (x: number) => {
      let sum = 0;
      let n = 0;
      for (let y = 0; y < raster.height; y++) {
        if (raster.data[4 * (y * raster.width + x)]! < 128) {
          sum += y;
          n++;
        }
      }
      return n ? sum / n : NaN;
    };
    const cx = raster.width / 2;
    expect(Math.abs(darkRow(cx - 120) - darkRow(cx + 120))).toBeLessThan(1.5);
    // The output centre is the source centre.
    const [sx, sy] = toSource([raster.width / 2, raster.height / 2]);
    expect(sx).toBeCloseTo(200, 5);
    expect(sy).toBeCloseTo(150, 5);
  });
});
