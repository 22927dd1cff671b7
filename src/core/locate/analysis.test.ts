import { describe, expect, it } from 'vitest';
import { edgeMap, mainTextCluster, type TextBlob } from './analysis';
import { createRaster } from '../image/raster';

const blob = (cx: number, cy: number, length: number, thickness: number): TextBlob => ({
  cx,
  cy,
  angle: 0,
  length,
  thickness,
  score: 0.8,
});

describe('mainTextCluster', () => {
  it('keeps a page of small print that one fat blob (a bold title run into its lines) would outweigh', () => {
    // Eight short groups of two thin lines each, far apart (small blurred print breaks up), and one
    // blob six times as thick as the print.
    const print: TextBlob[] = [];
    for (let g = 0; g < 8; g++) {
      const x = 40 + (g % 4) * 120;
      const y = 40 + Math.floor(g / 4) * 120;
      print.push(blob(x, y, 20, 4), blob(x, y + 10, 20, 4));
    }
    const title = blob(300, 400, 60, 25);
    const kept = mainTextCluster([...print, title], 0);
    expect(kept).toHaveLength(17);
  });

  it('print twice as bold as the thin lines elsewhere still counts in full', () => {
    // A card's bold lines (thickness 8) against many thin stripes of a desk (thickness 3): the card wins.
    const stripes = Array.from({ length: 9 }, (_, i) => blob(40 + i * 70, 600, 12, 3));
    const card = Array.from({ length: 5 }, (_, i) => blob(300, 100 + i * 14, 40, 8));
    const kept = mainTextCluster([...stripes, ...card], 0);
    for (const b of card) expect(kept).toContain(b);
  });

  it('still drops a small group of text far from the main one (a sticky note)', () => {
    const page = Array.from({ length: 12 }, (_, i) => blob(100, 40 + i * 10, 80, 4));
    const note = blob(600, 600, 10, 4);
    const kept = mainTextCluster([...page, note], 0);
    expect(kept).toHaveLength(12);
    expect(kept).not.toContain(note);
  });
});

describe('edgeMap', () => {
  /** Left half one colour, right half another, 80 x 40. */
  const halves = (left: [number, number, number], right: [number, number, number]) => {
    const r = createRaster(80, 40);
    for (let y = 0; y < 40; y++) {
      for (let x = 0; x < 80; x++) {
        const c = x < 40 ? left : right;
        r.data.set([c[0], c[1], c[2], 255], (y * 80 + x) * 4);
      }
    }
    return r;
  };
  const edgeColumns = (r: ReturnType<typeof halves>) => {
    const e = edgeMap(r);
    const cols = new Set<number>();
    for (let y = 5; y < 35; y++) for (let x = 0; x < 80; x++) if (e.mag[y * 80 + x]! > 0) cols.add(x);
    return cols;
  };

  it('sees a pink card on grey paper of the same brightness', () => {
    // Grey 225 against pink (243, 215, 229): both about 225 in luminance.
    const cols = edgeColumns(halves([229, 225, 216], [243, 212, 229]));
    expect([...cols].some((x) => x >= 38 && x <= 41)).toBe(true);
    expect([...cols].every((x) => x >= 37 && x <= 42)).toBe(true);
  });

  it('finds nothing on an even colour', () => {
    expect(edgeColumns(halves([243, 212, 229], [243, 212, 229])).size).toBe(0);
  });
});
