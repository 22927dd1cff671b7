import { describe, expect, it } from 'vitest';
import type { Engines, Raster } from './ports';
import { inkDetector } from './locate/ink-detector.test-helper';
import { detectPaddedLines } from './read-document';
import { crop } from './image/raster';
import { detectLines } from './text-lines';

function page(width: number, height: number, bars: [number, number, number, number][]): Raster {
  const data = new Uint8ClampedArray(width * height * 4).fill(245);
  for (const [x, y, w, h] of bars)
    for (let yy = y; yy < y + h; yy++)
      for (let xx = x; xx < x + w; xx++) data.fill(25, (yy * width + xx) * 4, (yy * width + xx) * 4 + 3);
  return { width, height, data };
}

describe('detectPaddedLines', () => {
  // A card's text region (rows 150-550) with rows added above and below it, and the office line
  // printed small at the card's foot, in the added rows.
  const bars: [number, number, number, number][] = [
    [100, 170, 500, 24],
    [100, 230, 300, 18],
    [420, 230, 260, 18],
    [100, 290, 340, 18],
    [100, 350, 420, 18],
    [100, 700, 360, 14],
  ];
  // Taller than wide, so the whole raster is detected at another scale than its text region.
  const raster = page(1000, 1100, bars);
  const engines = { detector: inkDetector } as unknown as Engines;

  it("boxes the text region's lines as it alone would be, and adds the lines wholly in the added rows", async () => {
    const lines = await detectPaddedLines(raster, { top: 150, bottom: 550 }, engines, {}, {});
    const alone = await detectLines(
      crop(raster, { x: 0, y: 150, width: 1000, height: 400 }),
      inkDetector,
      960,
    );
    const inRegion = lines.filter((r) => r.y < 550);
    const rounded = (r: { x: number; y: number; width: number; height: number }) =>
      [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 1e6) / 1e6);
    expect(inRegion.map((r) => rounded({ ...r, y: r.y - 150 }))).toEqual(alone.map(rounded));
    const foot = lines.filter((r) => r.y >= 550);
    expect(foot).toHaveLength(1);
    expect(foot[0]!.y).toBeGreaterThan(690);
    expect(foot[0]!.y).toBeLessThan(710);
  });

  it('detects the whole raster once where nothing was added', async () => {
    const lines = await detectPaddedLines(raster, undefined, engines, {}, {});
    expect(lines).toEqual(await detectLines(raster, inkDetector, 960));
  });
});
