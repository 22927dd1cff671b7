import { describe, expect, it } from 'vitest';
import type { Raster } from '../ports';
import type { Point } from '../schema';
import { createRaster, rotateQuarter } from '../image/raster';
import { applyHomography, homographyFromPoints, invert, warpPerspective } from './homography';
import { locateDocument } from './locate';
import {
  assessQuality,
  DEFAULT_THRESHOLDS,
  SMALL_FRAME_TEXT_BELOW,
  SOFT_FRAME_BELOW,
  type QualityInput,
} from './quality';
import { photographedCorners } from './pinhole.test-helper';
import { inkDetector } from './ink-detector.test-helper';

/** A card: light paper, a left-aligned column of labels and one of values with ragged right ends. */
function syntheticCard(w = 856, h = 540, glyphs = false): Raster {
  const r = createRaster(w, h);
  for (let i = 0; i < w * h; i++) {
    r.data[i * 4] = 236;
    r.data[i * 4 + 1] = 232;
    r.data[i * 4 + 2] = 246;
    r.data[i * 4 + 3] = 255;
  }
  const bar = (x: number, y: number, bw: number, bh: number) => {
    for (let yy = y; yy < y + bh; yy++) {
      for (let xx = x; xx < x + bw; xx++) {
        // With glyphs: 3 px strokes with 2 px gaps and a gap row, like print at this size.
        if (glyphs && ((xx - x) % 5 >= 3 || (yy - y) % 8 === 5)) continue;
        const i = (yy * w + xx) * 4;
        r.data[i] = 30;
        r.data[i + 1] = 30;
        r.data[i + 2] = 40;
      }
    }
  };
  bar(300, 40, 360, 22); // title
  const lengths = [150, 210, 120, 260, 180, 140, 230, 160, 200];
  for (let i = 0; i < lengths.length; i++) {
    const y = 110 + i * 42;
    bar(70, y, 100 + ((i * 37) % 60), 16); // labels: left-aligned, ragged right
    bar(260, y, lengths[i]!, 16); // values: left-aligned, ragged right
  }
  return r;
}

/** A textured dark desk with the card warped onto it at `quad`. */
function photo(card: Raster, quad: Point[], W = 1280, H = 960): { raster: Raster; cardToPhoto: number[] } {
  const desk = createRaster(W, H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const v = 95 + ((x * 13 + y * 7) % 17);
      desk.data[i] = v;
      desk.data[i + 1] = v - 10;
      desk.data[i + 2] = v - 25;
      desk.data[i + 3] = 255;
    }
  }
  const rect: Point[] = [
    [0, 0],
    [card.width, 0],
    [card.width, card.height],
    [0, card.height],
  ];
  const hm = homographyFromPoints(rect, quad)!;
  const photoToCard = invert(hm)!;
  const warped = warpPerspective(card, photoToCard, W, H);
  const inside = (x: number, y: number) => {
    const [u, v] = applyHomography(photoToCard, [x, y]);
    return u >= 0 && v >= 0 && u <= card.width && v <= card.height;
  };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      if (!inside(x + 0.5, y + 0.5)) continue;
      const i = (y * W + x) * 4;
      desk.data[i] = warped.data[i]!;
      desk.data[i + 1] = warped.data[i + 1]!;
      desk.data[i + 2] = warped.data[i + 2]!;
    }
  }
  return { raster: desk, cardToPhoto: hm };
}

/**
 * Paper as pale as the card beyond its right side (top-right to bottom-right), over `share` of the
 * side's length from its bottom: there the side shows no edge.
 */
function paleBeyondRightSide(r: Raster, quad: Point[], share: number): void {
  const [, tr, br] = quad as [Point, Point, Point, Point];
  const yFrom = br[1] - share * (br[1] - tr[1]);
  for (let y = Math.ceil(yFrom); y <= Math.floor(br[1]); y++) {
    const t = (y - tr[1]) / (br[1] - tr[1]);
    const sideX = tr[0] + t * (br[0] - tr[0]);
    // From just inside the side: the card's own margin is the same colour, so no seam is left.
    for (let x = Math.floor(sideX - 2); x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      r.data[i] = 236;
      r.data[i + 1] = 232;
      r.data[i + 2] = 246;
    }
  }
}

const QUAD: Point[] = [
  [260, 210],
  [1010, 160],
  [1060, 700],
  [230, 690],
];

/** Card points mapped into the straightened raster: where the located transform sends them. */
function inStraightened(loc: Awaited<ReturnType<typeof locateDocument>>, cardToPhoto: number[], p: Point) {
  const photoPt = applyHomography(cardToPhoto as never, p);
  return applyHomography(invert(loc.transform)!, photoPt);
}

describe('locateDocument', () => {
  it('finds a tilted card on a desk, its corners, and straightens the perspective', async () => {
    const card = syntheticCard();
    const { raster, cardToPhoto } = photo(card, QUAD);
    const loc = await locateDocument(raster, inkDetector);
    expect(loc.found).toBe(true);
    expect(loc.corners).not.toBeNull();
    for (let i = 0; i < 4; i++) {
      expect(Math.hypot(loc.corners![i]![0] - QUAD[i]![0], loc.corners![i]![1] - QUAD[i]![1])).toBeLessThan(
        8,
      );
    }
    expect(loc.rotation).toBe(0);
    // The card's own rectangle comes out as an axis-aligned rectangle in the straightened raster.
    const tl = inStraightened(loc, cardToPhoto, [0, 0]);
    const tr = inStraightened(loc, cardToPhoto, [card.width, 0]);
    const bl = inStraightened(loc, cardToPhoto, [0, card.height]);
    expect(Math.abs(tr[1] - tl[1])).toBeLessThan(4);
    expect(Math.abs(bl[0] - tl[0])).toBeLessThan(4);
    expect(tr[0] - tl[0]).toBeGreaterThan(600);
    // The straightened raster shows the document, not the input.
    expect(loc.raster).not.toBe(raster);
    expect(loc.raster.width).toBeGreaterThan(loc.raster.height);
  });

  it.each([1, 2, 3])('undoes a photo turned by %i quarter turns', async (k) => {
    const card = syntheticCard();
    const { raster } = photo(card, QUAD);
    const turned = rotateQuarter(raster, k);
    const loc = await locateDocument(turned, inkDetector);
    expect(loc.rotation).toBe(k * 90);
    // Reading order restored: the title bar (top middle of the card) maps into the top of the output.
    const upright = await locateDocument(raster, inkDetector);
    expect(Math.abs(loc.raster.width - upright.raster.width)).toBeLessThan(12);
    expect(Math.abs(loc.raster.height - upright.raster.height)).toBeLessThan(12);
    expect(meanDarkRow(loc.raster)).toBeCloseTo(meanDarkRow(upright.raster), -1);
    expect(meanDarkColumn(loc.raster)).toBeCloseTo(meanDarkColumn(upright.raster), -1);
  });

  it('calls a card whose lines run together into a few blocks too small, and a readable one not', async () => {
    const readable = await locateDocument(photo(syntheticCard(), QUAD).raster, inkDetector);
    expect(readable.quality.issues).not.toContain('too_small');
    // Print too fine to part its lines: the detector sees the columns of text as tall blocks.
    const card = syntheticCard();
    for (let i = 0; i < card.width * card.height; i++) {
      card.data[i * 4] = 236;
      card.data[i * 4 + 1] = 232;
      card.data[i * 4 + 2] = 246;
    }
    const block = (x: number, y: number, bw: number, bh: number) => {
      for (let yy = y; yy < y + bh; yy++)
        for (let xx = x; xx < x + bw; xx++)
          card.data.fill(30, (yy * card.width + xx) * 4, (yy * card.width + xx) * 4 + 3);
    };
    block(70, 110, 40, 330);
    block(140, 110, 40, 330);
    block(260, 110, 50, 330);
    block(340, 110, 50, 330);
    const blocks = await locateDocument(photo(card, QUAD).raster, inkDetector);
    expect(blocks.quality.issues).toContain('too_small');
  });

  it("takes an outline partly lost against pale paper when its shape is a card's", async () => {
    const card = syntheticCard();
    const quad = photographedCorners(card.width, card.height, 0.45, -0.3, 1500, [640, 480]);
    const { raster } = photo(card, quad);
    paleBeyondRightSide(raster, quad, 0.6);
    const loc = await locateDocument(raster, inkDetector);
    expect(loc.corners).not.toBeNull();
    for (let i = 0; i < 4; i++) {
      expect(Math.hypot(loc.corners![i]![0] - quad[i]![0], loc.corners![i]![1] - quad[i]![1])).toBeLessThan(
        8,
      );
    }
  });

  it("does not take such an outline when its shape is no document's", async () => {
    // The same scene with a card of no standard shape (856 x 760): its text alone straightens it.
    const card = syntheticCard(856, 760);
    const quad = photographedCorners(card.width, card.height, 0.45, -0.3, 1500, [640, 480]);
    const { raster } = photo(card, quad);
    paleBeyondRightSide(raster, quad, 0.6);
    const loc = await locateDocument(raster, inkDetector);
    expect(loc.corners).toBeNull();
    // Fully in view, the same outline is taken whatever its shape.
    const whole = await locateDocument(photo(card, quad).raster, inkDetector);
    expect(whole.corners).not.toBeNull();
  });

  it("opens a card found by its text alone to a card's proportions, keeping the text's pixels where the map says", async () => {
    // A card as pale as the desk (no outline to find), turned 6 degrees, its text a wide, short block.
    const W = 1400;
    const H = 1000;
    const scene = createRaster(W, H);
    for (let i = 0; i < W * H; i++) scene.data.set([236, 232, 246, 255], i * 4);
    const t = (6 * Math.PI) / 180;
    const cardToScene = (x: number, y: number): Point => [
      300 + x * Math.cos(t) - y * Math.sin(t),
      300 + x * Math.sin(t) + y * Math.cos(t),
    ];
    const bars: [number, number, number, number][] = [[120, 0, 420, 22]];
    for (let i = 0; i < 5; i++) bars.push([0, 50 + 34 * i, 110, 14], [180, 50 + 34 * i, 520 - 40 * i, 14]);
    for (const [bx, by, bw, bh] of bars)
      for (let y = 0; y < bh; y++)
        for (let x = 0; x < bw; x++) {
          const [sx, sy] = cardToScene(bx + x, by + y);
          scene.data.set([30, 30, 40], (Math.round(sy) * W + Math.round(sx)) * 4);
        }
    const loc = await locateDocument(scene, inkDetector);
    expect(loc.corners).toBeNull();
    expect(loc.padding).toBeDefined();
    expect(loc.padding!.top + loc.padding!.bottom).toBeGreaterThan(0);
    expect(loc.raster.width / loc.raster.height).toBeLessThan(1.12);
    // The title bar's middle, mapped back into the straightened raster, is ink there.
    const [sx, sy] = cardToScene(330, 11);
    const [x, y] = applyHomography(invert(loc.transform)!, [sx, sy]);
    const i = (Math.round(y) * loc.raster.width + Math.round(x)) * 4;
    expect(loc.raster.data[i]!).toBeLessThan(90);
  });

  it('leaves a clean straight render untouched (same raster, identity map)', async () => {
    const card = syntheticCard();
    const loc = await locateDocument(card, inkDetector);
    expect(loc.raster).toBe(card);
    expect(loc.rotation).toBe(0);
    expect(loc.toInput([123, 45])).toEqual([123, 45]);
  });

  it('turns a straight render that is upside down without resampling', async () => {
    const card = syntheticCard();
    const loc = await locateDocument(rotateQuarter(card, 2), inkDetector);
    expect(loc.rotation).toBe(180);
    expect(Array.from(loc.raster.data.subarray(0, 4000))).toEqual(Array.from(card.data.subarray(0, 4000)));
  });

  it('asks the hook when the layout cannot tell up from down', async () => {
    // Centred bars of equal length: no alignment cue either way.
    const w = 800;
    const h = 500;
    const r = createRaster(w, h);
    r.data.fill(240);
    for (let i = 0; i < 6; i++) {
      for (let y = 80 + i * 60; y < 96 + i * 60; y++) {
        for (let x = 200; x < 600; x++) {
          const o = (y * w + x) * 4;
          r.data[o] = r.data[o + 1] = r.data[o + 2] = 20;
        }
      }
    }
    for (let i = 3; i < r.data.length; i += 4) r.data[i] = 255;
    let asked = 0;
    const tilted = warpPerspective(r, rotationAbout(w, h, 4), w, h);
    const loc = await locateDocument(tilted, inkDetector, {
      decideUpsideDown: async (_raster, lines) => {
        asked++;
        expect(lines.length).toBeGreaterThan(0);
        return true;
      },
    });
    expect(asked).toBe(1);
    expect(loc.upsideDownBy).toBe('hook');
    expect(loc.rotation).toBe(180);
  });
});

describe('assessQuality', () => {
  /** Text over most of the synthetic card, no outline, in frame. */
  const cardText = (textHeight: number, more: Partial<QualityInput> = {}): QualityInput => ({
    corners: null,
    textBox: { x: 60, y: 30, width: 620, height: 460 },
    textHeight,
    angle: 0,
    touchesBorder: false,
    ...more,
  });

  it('flags a document that is too small, too dark or cut off, and passes a good one', () => {
    const card = syntheticCard(856, 540, true);
    const good = assessQuality(card, {
      corners: [
        [0, 0],
        [card.width, 0],
        [card.width, card.height],
        [0, card.height],
      ],
      textBox: { x: 60, y: 30, width: 620, height: 460 },
      textHeight: 16,
      angle: 0,
      touchesBorder: false,
    });
    expect(good.issues).toEqual([]);
    expect(good.ok).toBe(true);
    expect(good.sharpness).toBeGreaterThan(0.3);

    const small = assessQuality(
      card,
      cardText(6, { textBox: { x: 60, y: 30, width: 100, height: 60 }, touchesBorder: true }),
    );
    expect(small.issues).toContain('too_small');
    expect(small.issues).toContain('cut_off');
    expect(small.messages.join(' ')).toMatch(/move closer/);
    expect(small.small).toBe(true);
    expect(good.small).toBe(false);

    // Print 12 px high: asked to come closer (it reads unreliably), but not small for the
    // confidence model, whose feature was fitted with print under 11 px.
    const middling = assessQuality(card, cardText(12));
    expect(12).toBeLessThan(DEFAULT_THRESHOLDS.minTextHeight);
    expect(12).toBeGreaterThanOrEqual(SMALL_FRAME_TEXT_BELOW);
    expect(middling.issues).toContain('too_small');
    expect(middling.small).toBe(false);

    const dark = createRaster(200, 100);
    dark.data.fill(20);
    expect(
      assessQuality(dark, { corners: null, textBox: null, textHeight: 0, angle: 0, touchesBorder: false })
        .issues,
    ).toContain('too_dark');
  });

  it('measures blur: a box-blurred card is much less sharp than the original', () => {
    const card = syntheticCard(856, 540, true);
    const blurred = boxBlur(card, 4);
    const where = cardText(16);
    const a = assessQuality(card, where);
    const b = assessQuality(blurred, where);
    expect(b.sharpness).toBeLessThan(a.sharpness / 3);
    expect(b.issues).toContain('blurry');
    expect(b.soft).toBe(true);
    expect(a).toMatchObject({ soft: false, issues: [] });
    // Slightly soft print (a desk webcam's focus) reads well: soft for the confidence model, not
    // 'blurry' for the officer, so the camera still captures it.
    const c = assessQuality(boxBlur(card, 1), where);
    expect(c.sharpness).toBeLessThan(SOFT_FRAME_BELOW);
    expect(c.sharpness).toBeGreaterThan(DEFAULT_THRESHOLDS.minSharpness);
    expect(c).toMatchObject({ soft: true, issues: [] });
  });
});

function rotationAbout(w: number, h: number, deg: number) {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const cx = w / 2;
  const cy = h / 2;
  return [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0, 1] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
}

function darkStats(r: Raster) {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      if (r.data[i]! < 80) {
        sx += x / r.width;
        sy += y / r.height;
        n++;
      }
    }
  }
  return { x: (sx / n) * 100, y: (sy / n) * 100 };
}
const meanDarkRow = (r: Raster) => darkStats(r).y;
const meanDarkColumn = (r: Raster) => darkStats(r).x;

function boxBlur(r: Raster, radius: number): Raster {
  const pass = (src: Raster, dx: number, dy: number): Raster => {
    const out = createRaster(src.width, src.height);
    for (let y = 0; y < src.height; y++) {
      for (let x = 0; x < src.width; x++) {
        for (let c = 0; c < 4; c++) {
          let s = 0;
          for (let k = -radius; k <= radius; k++) {
            const xx = Math.min(src.width - 1, Math.max(0, x + k * dx));
            const yy = Math.min(src.height - 1, Math.max(0, y + k * dy));
            s += src.data[(yy * src.width + xx) * 4 + c]!;
          }
          out.data[(y * src.width + x) * 4 + c] = s / (2 * radius + 1);
        }
      }
    }
    return out;
  };
  return pass(pass(r, 1, 0), 0, 1);
}
