import { describe, expect, it } from 'vitest';
import { dashSearchEnd, findDash } from './dash';
import { line } from './printed-line.test-helper';
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
  it('finds a dash a soft photo blurred to grey', () => {
    // A 6x1 px dash under a ~1.5 px blur: core 130 of 250, halo fading out over 3 px.
    const hit = findDash(blurred(400, 60, 250, { x: 200, y: 20, w: 6, h: 1 }), label, 20, 400);
    expect(hit?.rect.x).toBeGreaterThanOrEqual(196);
    expect(hit!.rect.x + hit!.rect.width).toBeLessThanOrEqual(210);
  });
  it('finds a short dash soft print rounded to barely wider than tall (measured: 9 x 8 px cores on photos)', () => {
    const hit = findDash(blurred(400, 60, 250, { x: 200, y: 19, w: 4, h: 3 }), label, 20, 400);
    expect(hit?.rect.x).toBeGreaterThanOrEqual(196);
  });
  it('does not call a blurred dot a dash', () => {
    expect(findDash(blurred(400, 60, 250, { x: 200, y: 20, w: 2, h: 2 }), label, 20, 400)).toBeNull();
  });
  it('finds the dash under a label stacked over its value', () => {
    const r = page(400, 80, [{ x: 14, y: 42, w: 6, h: 2 }]);
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(14);
  });
  it("looks under the label when what runs on from its box is the label's own last word (measured on a page photo)", () => {
    const r = page(400, 80, [
      { x: 72, y: 12, w: 40, h: 14 },
      { x: 14, y: 42, w: 6, h: 2 },
    ]);
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(14);
  });
  it("keeps a dash close after the label's colon", () => {
    const r = page(400, 80, [
      { x: 72, y: 15, w: 2, h: 2 },
      { x: 72, y: 24, w: 2, h: 2 },
      { x: 80, y: 19, w: 6, h: 2 },
    ]);
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(80);
  });
  it('does not look under the label when its row holds an unread value', () => {
    const r = page(400, 80, [
      { x: 200, y: 12, w: 10, h: 14 },
      { x: 14, y: 42, w: 6, h: 2 },
    ]);
    expect(findDash(r, label, 20, 400)).toBeNull();
  });
  it("does not take a card's coloured guilloche for ink", () => {
    const r = page(400, 60, [{ x: 200, y: 19, w: 6, h: 2 }]);
    // Pink lines crossing the row, as dark as the ink by the sum of channels but light in red.
    for (let x = 120; x < 190; x++) {
      for (let y = 10; y < 30; y++) {
        if ((x + 2 * y) % 9 > 1) continue;
        const i = (y * 400 + x) * 4;
        r.data[i] = 235;
        r.data[i + 1] = 40;
        r.data[i + 2] = 30;
      }
    }
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(200);
  });
  it("does not take a faint fleck of the card's texture for a dash (measured: 5 x 1 px, 29% under the paper)", () => {
    const r = page(400, 60, []);
    for (let i = 0; i < r.data.length; i += 4) r.data[i] = r.data[i + 1] = r.data[i + 2] = 243;
    for (let x = 200; x < 205; x++) {
      const i = (20 * 400 + x) * 4;
      r.data[i] = r.data[i + 1] = r.data[i + 2] = 172;
    }
    expect(findDash(r, label, 20, 400)).toBeNull();
    // As thin but near black: a crisp render's hyphen.
    const crisp = page(400, 60, [{ x: 200, y: 20, w: 6, h: 1 }]);
    expect(findDash(crisp, label, 20, 400)?.rect.x).toBe(200);
    // Two rows high but barely darker than the paper: a shade, not ink.
    for (let x = 200; x < 205; x++) {
      for (const y of [20, 21]) {
        const i = (y * 400 + x) * 4;
        r.data[i] = r.data[i + 1] = r.data[i + 2] = 190;
      }
    }
    expect(findDash(r, label, 20, 400)).toBeNull();
    // The same fleck printed in ink is a dash.
    for (let x = 200; x < 205; x++) {
      for (const y of [20, 21]) {
        const i = (y * 400 + x) * 4;
        r.data[i] = r.data[i + 1] = r.data[i + 2] = 90;
      }
    }
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(200);
  });
  it("takes a dash with the next column's print a column's gap after it (measured on a card photo)", () => {
    // Measured: a dash 8 px wide, then 192 px of paper (5 text heights), then the next column.
    const r = page(400, 60, [
      { x: 120, y: 19, w: 6, h: 2 },
      { x: 230, y: 11, w: 60, h: 18 },
    ]);
    expect(findDash(r, label, 20, 400)?.rect.x).toBe(120);
    // Closer, it is a word of the value the dash opens: no lone dash.
    const near = page(400, 60, [
      { x: 120, y: 19, w: 6, h: 2 },
      { x: 160, y: 11, w: 60, h: 18 },
    ]);
    expect(findDash(near, label, 20, 400)).toBeNull();
  });
  it('ignores what lies far beyond the value column (the border past the paper)', () => {
    const r = page(800, 60, [
      { x: 200, y: 19, w: 6, h: 2 },
      { x: 760, y: 0, w: 40, h: 60 },
    ]);
    expect(findDash(r, label, 20, 800)?.rect.x).toBe(200);
  });
});

/** Paper of brightness `paper` with one mark blurred by a small Gaussian. */
function blurred(
  width: number,
  height: number,
  paper: number,
  m: { x: number; y: number; w: number; h: number },
): Raster {
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const sigma = 1.5;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let cover = 0;
      for (let my = m.y; my < m.y + m.h; my++) {
        for (let mx = m.x; mx < m.x + m.w; mx++)
          cover += Math.exp(-((x - mx) ** 2 + (y - my) ** 2) / (2 * sigma * sigma));
      }
      const v = paper - Math.min(1, (cover / (2 * Math.PI * sigma * sigma)) * 2.4) * 120;
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
    }
  }
  return { width, height, data };
}

describe('dashSearchEnd', () => {
  it("ends at the next text on the label's row, not at the label column's ':' (measured on a photo)", () => {
    const jabatan = { x: 963, y: 1071, width: 282, height: 46 };
    const lines = [
      line('Jabatan / Position', 963, 1071, 46, 0.95, 282),
      line(':', 1279, 1081, 30, 0.9, 32),
      line('NEXT COLUMN', 1900, 1075, 40),
      line('CLUSTER', 1325, 1128, 39),
    ];
    expect(dashSearchEnd(jabatan, 46, lines, 2400)).toBe(1900);
    expect(dashSearchEnd(jabatan, 46, lines.slice(0, 2), 2400)).toBe(2400);
  });
});
