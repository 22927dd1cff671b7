import { describe, expect, it } from 'vitest';
import type { Raster, TensorRunner } from '../ports';
import { boxesFromProbabilityMap, detectTextBoxes, type DetectedBox } from './text-detector';

const DEG = Math.PI / 180;
const W = 200;
const H = 100;

/**
 * A probability map with a bar of ones, `length` x `thickness`, centred at (cx, cy) in pixel-edge
 * coordinates and turned by `degrees` (clockwise with y down: the bar falls to the right).
 */
function bar(degrees: number, length = 80, thickness = 6, cx = W / 2, cy = H / 2): Float32Array {
  const map = new Float32Array(W * H);
  const cos = Math.cos(degrees * DEG);
  const sin = Math.sin(degrees * DEG);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      if (Math.abs(u) < length / 2 && Math.abs(v) < thickness / 2) map[y * W + x] = 1;
    }
  }
  return map;
}

/** PaddleOCR's unclip distance for a length x thickness box (ratio 1.4). */
const unclipDistance = (len: number, thick: number) => (len * thick * 1.4) / (2 * (len + thick));

const centre = (b: DetectedBox) => ({ x: b.rect.x + b.rect.width / 2, y: b.rect.y + b.rect.height / 2 });

describe('boxesFromProbabilityMap on tilted lines', () => {
  it('a bar tilted 5 degrees gets its own box and angle', () => {
    const boxes = boxesFromProbabilityMap(bar(5), W, H);
    expect(boxes).toHaveLength(1);
    const b = boxes[0]!;
    expect(b.score).toBeCloseTo(1, 6);
    expect(b.angle).toBeDefined();
    expect(Math.abs(b.angle! - 5 * DEG)).toBeLessThan(1 * DEG);
    // Length x thickness grown by the unclip distance, not the axis-aligned hull. (A tilted bar's
    // pixel extent measures about one pixel thicker than the same bar level: 16.1 vs 13.8.)
    const d = unclipDistance(80, 6);
    expect(Math.abs(b.rect.height - (6 + 2 * d))).toBeLessThan(3);
    expect(Math.abs(b.rect.width - (80 + 2 * d))).toBeLessThan(3);
    // The axis-aligned hull of this bar is about 13 px tall before unclipping, ~28 after.
    const hullHeight = 80 * Math.sin(5 * DEG) + 6 * Math.cos(5 * DEG);
    const hullBox = hullHeight + 2 * unclipDistance(80, hullHeight);
    expect(b.rect.height).toBeLessThan(0.6 * hullBox);
    const c = centre(b);
    expect(Math.abs(c.x - 100)).toBeLessThan(1);
    expect(Math.abs(c.y - 50)).toBeLessThan(1);
  });

  it('a bar rising to the right gets a negative angle', () => {
    const boxes = boxesFromProbabilityMap(bar(-5), W, H);
    expect(boxes).toHaveLength(1);
    expect(Math.abs(boxes[0]!.angle! + 5 * DEG)).toBeLessThan(1 * DEG);
  });

  it('an off-centre tilted bar keeps its centre', () => {
    const boxes = boxesFromProbabilityMap(bar(4, 60, 6, 70, 30), W, H);
    expect(boxes).toHaveLength(1);
    const c = centre(boxes[0]!);
    expect(Math.abs(c.x - 70)).toBeLessThan(1);
    expect(Math.abs(c.y - 30)).toBeLessThan(1);
    expect(Math.abs(boxes[0]!.angle! - 4 * DEG)).toBeLessThan(1 * DEG);
  });

  it('a horizontal bar keeps the axis-aligned box and has no angle', () => {
    // Columns 60..139, rows 47..52.
    const boxes = boxesFromProbabilityMap(bar(0), W, H);
    expect(boxes).toHaveLength(1);
    const b = boxes[0]!;
    expect('angle' in b).toBe(false);
    const d = unclipDistance(80, 6);
    expect(b.rect.x).toBeCloseTo(60 - d, 6);
    expect(b.rect.y).toBeCloseTo(47 - d, 6);
    expect(b.rect.width).toBeCloseTo(80 + 2 * d, 6);
    expect(b.rect.height).toBeCloseTo(6 + 2 * d, 6);
  });

  it('a bar tilted only 1 degree stays axis-aligned (below the 1.5 degree threshold)', () => {
    const boxes = boxesFromProbabilityMap(bar(1), W, H);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.angle).toBeUndefined();
    expect('angle' in boxes[0]!).toBe(false);
  });

  it('a blob is not given an angle however its moments point', () => {
    // A short, fat bar (20 x 12) tilted 10 degrees is not elongated enough to be a line.
    const boxes = boxesFromProbabilityMap(bar(10, 20, 12), W, H);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.angle).toBeUndefined();
  });
});

describe('detectTextBoxes carries the angle through the map scale', () => {
  it('maps a tilted box into a raster scaled differently on each axis', async () => {
    // The raster is 400x100; the fake model answers with a 200x100 map: x scales by 2, y by 1.
    const raster: Raster = { width: 400, height: 100, data: new Uint8ClampedArray(400 * 100 * 4) };
    const map = bar(5);
    const seen: (readonly number[])[] = [];
    const runner: TensorRunner = {
      backend: 'fake',
      run: (_input, dims) => {
        seen.push(dims);
        return Promise.resolve({ data: map, dims: [1, 1, H, W] });
      },
    };
    const boxes = await detectTextBoxes(raster, runner);
    expect(seen[0]!.slice(0, 2)).toEqual([1, 3]);
    expect(boxes).toHaveLength(1);
    const b = boxes[0]!;
    // The bar's direction (cos 5, sin 5) becomes (2 cos 5, sin 5) in the raster.
    const expected = Math.atan2(Math.sin(5 * DEG), 2 * Math.cos(5 * DEG));
    expect(b.angle).toBeDefined();
    expect(Math.abs(b.angle! - expected)).toBeLessThan(0.6 * DEG);
    const c = centre(b);
    expect(Math.abs(c.x - 200)).toBeLessThan(2);
    expect(Math.abs(c.y - 50)).toBeLessThan(1);
    // Both ends of the bar lie on the box's centre line, inside its length.
    const cos = Math.cos(b.angle!);
    const sin = Math.sin(b.angle!);
    for (const s of [-1, 1]) {
      const ex = 2 * (100 + s * 40 * Math.cos(5 * DEG));
      const ey = 50 + s * 40 * Math.sin(5 * DEG);
      const u = (ex - c.x) * cos + (ey - c.y) * sin;
      const v = -(ex - c.x) * sin + (ey - c.y) * cos;
      expect(Math.abs(v)).toBeLessThan(1.5);
      expect(Math.abs(u)).toBeLessThan(b.rect.width / 2);
      expect(Math.abs(u)).toBeGreaterThan(b.rect.width / 2 - 20);
    }
    // Still a line box: about twice as long as in the map, thickness about the same.
    expect(b.rect.width / b.rect.height).toBeGreaterThan(8);
    expect(b.rect.height).toBeLessThan(18);
  });

  it('scales an axis-aligned box per axis and leaves it without an angle', async () => {
    const raster: Raster = { width: 400, height: 100, data: new Uint8ClampedArray(400 * 100 * 4) };
    const runner: TensorRunner = {
      backend: 'fake',
      run: () => Promise.resolve({ data: bar(0), dims: [1, 1, H, W] }),
    };
    const [b] = await detectTextBoxes(raster, runner);
    expect(b).toBeDefined();
    expect('angle' in b!).toBe(false);
    const d = unclipDistance(80, 6);
    expect(b!.rect.x).toBeCloseTo(2 * (60 - d), 6);
    expect(b!.rect.width).toBeCloseTo(2 * (80 + 2 * d), 6);
    expect(b!.rect.y).toBeCloseTo(47 - d, 6);
    expect(b!.rect.height).toBeCloseTo(6 + 2 * d, 6);
  });
});
