import { describe, expect, it } from 'vitest';
import { level, residualKeystone, residualTilt, untilt } from './residual-tilt';
import { applyHomography, invert } from './homography';
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

/** Long lines on a 1000 x 1400 page, each pointing at `vanishing` (page pixels). */
function fannedLines(vanishing: [number, number], ys: number[]): LineRect[] {
  return ys.map((y) => {
    const cx = 500;
    const angle = Math.atan2(vanishing[1] - y, vanishing[0] - cx);
    // A line has no head: report the angle within a quarter turn, as the detector does.
    const a = angle > Math.PI / 2 ? angle - Math.PI : angle < -Math.PI / 2 ? angle + Math.PI : angle;
    return { x: cx - 200, y: y - 15, width: 400, height: 30, angle: a };
  });
}

describe('residualKeystone', () => {
  const rows = [200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100];

  it('rows that fan out towards a point right of the page come out level', () => {
    const rects = fannedLines([4500, 1500], rows);
    const fix = residualKeystone(rects, 1000, 1400);
    expect(fix).not.toBeNull();
    const forward = invert(fix!.hOutToIn)!;
    for (const r of rects) {
      const cx = r.x + r.width / 2;
      const cy = r.y + r.height / 2;
      const dx = 150 * Math.cos(r.angle!);
      const dy = 150 * Math.sin(r.angle!);
      const [, y0] = applyHomography(forward, [cx - dx, cy - dy]);
      const [, y1] = applyHomography(forward, [cx + dx, cy + dy]);
      expect(Math.abs(y1 - y0)).toBeLessThan(0.5);
    }
    // The page is not blown up: the output stays within the growth limit.
    expect(fix!.width * fix!.height).toBeLessThan(1.6 * 1000 * 1400);
  });

  it('works the same way for a point to the left', () => {
    expect(residualKeystone(fannedLines([-3500, -300], rows), 1000, 1400)).not.toBeNull();
  });

  it('parallel rows (a plain tilt) are left to residualTilt', () => {
    expect(
      residualKeystone(lines([4.1, 4.3, 4.4, 4.2, 5.0, 4.6, 3.9, 4.4, 4.5, 4.3]), 1000, 1400),
    ).toBeNull();
  });

  it('tilts that disagree without meeting at one point are not a keystone', () => {
    const scattered = lines([6, -5, 1, 7, -6, 0, 5, -4, 2, -7]).map((r, i) => ({ ...r, x: 80 * i }));
    expect(residualKeystone(scattered, 1000, 1400)).toBeNull();
  });

  it('a vanishing point inside or next to the page would warp it too far: declined', () => {
    expect(residualKeystone(fannedLines([1300, 700], rows), 1000, 1400)).toBeNull();
  });

  it('rows mostly level, a few tilted at the top: left as they are', () => {
    const rects = fannedLines([4500, 1500], rows).map((r, i) => (i < 7 ? { ...r, angle: 0 } : r));
    expect(residualKeystone(rects, 1000, 1400)).toBeNull();
  });

  it('too few long lines to judge', () => {
    expect(residualKeystone(fannedLines([4500, 1500], rows.slice(0, 6)), 1000, 1400)).toBeNull();
  });

  it('level() renders the map and maps output pixels back into the page', () => {
    const src = createRaster(1000, 1400);
    src.data.fill(200);
    const fix = residualKeystone(fannedLines([4500, 1500], rows), 1000, 1400)!;
    const { raster, toSource } = level(src, fix);
    expect(raster.width).toBe(fix.width);
    expect(raster.height).toBe(fix.height);
    const [sx, sy] = toSource([raster.width / 2, raster.height / 2]);
    expect(sx).toBeGreaterThan(0);
    expect(sx).toBeLessThan(1000);
    expect(sy).toBeGreaterThan(0);
    expect(sy).toBeLessThan(1400);
  });
});
