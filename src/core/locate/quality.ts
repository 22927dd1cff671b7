// Is this frame good enough to read? Sharpness at the text's own scale, clipped highlights over
// the document, how much of the frame the document fills, whether it runs out of frame, brightness.
import type { Raster } from '../ports';
import type { Point } from '../schema';
import { resize } from '../image/raster';

export type QualityIssue = 'blurry' | 'glare' | 'cut_off' | 'too_small' | 'too_dark' | 'edges_unclear';

export interface QualityReport {
  ok: boolean;
  issues: QualityIssue[];
  /** One short instruction per issue, in the order of `issues`. */
  messages: string[];
  /**
   * Energy of second differences over the text in its weakest direction (motion blur smears one
   * direction only), with the text scaled to a fixed height and divided by its grey variance, so the
   * figure depends neither on resolution nor on contrast.
   */
  sharpness: number;
  /**
   * Sharpness under SOFT_FRAME_BELOW: soft print, mostly still readable, which the confidence model
   * weighs (its `blurryFrame` feature was fitted at this level); 'blurry' is kept for print too soft
   * to read reliably.
   */
  soft: boolean;
  /**
   * Print or document under the sizes the confidence model's `smallFrame` feature was fitted with
   * (text under SMALL_FRAME_TEXT_BELOW px, the document under the minimum share of the frame, or too
   * few lines resolved); 'too_small' asks the user to come closer from a larger print size on.
   */
  small: boolean;
  /** Share of the document's area that is clipped white and brighter than its paper. */
  glare: number;
  /** Share of the frame the document covers (0..1); from the text when no outline was found. */
  documentArea: number;
  /** Median height of the document's text lines, in input pixels (0 when no text was seen). */
  textHeight: number;
  /** Mean luminance over the document, 0..255. */
  luminance: number;
  /** The document's outline or its text reaches past the frame. */
  cutOff: boolean;
}

export const QUALITY_MESSAGES: Record<QualityIssue, string> = {
  blurry: 'The image is blurry: hold still and let the camera focus.',
  glare: 'Glare covers part of the document: tilt it away from the light.',
  cut_off: 'Part of the document is outside the frame: fit all of it in the picture.',
  too_small: 'The document is too small in the picture: move closer.',
  too_dark: 'The image is too dark: add light.',
  edges_unclear:
    "The document's edges were unclear (a paper under it, or a fold): lay it flat, on its own, and photograph it from above.",
};

/** What quality assessment needs to know about where the document is. */
export interface QualityInput {
  /** The document's corners in input pixels (any order around the quad), or null when not found. */
  corners: Point[] | null;
  /** Axis-aligned box of the document's text in input pixels, or null when no text was seen. */
  textBox: { x: number; y: number; width: number; height: number } | null;
  /** Median text line height in input pixels. */
  textHeight: number;
  /** Text height at the resolution that will be read, when that is not the input's (live frames). */
  readTextHeight?: number;
  /** Direction of the text lines in the input (radians). */
  angle: number;
  /** The text or outline touches the frame border. */
  touchesBorder: boolean;
}

export interface QualityThresholds {
  minSharpness: number;
  maxGlare: number;
  /** Text lines lower than this many input pixels are too small to read reliably. */
  minTextHeight: number;
  minDocumentArea: number;
  minLuminance: number;
}

export const DEFAULT_THRESHOLDS: QualityThresholds = {
  // Chosen on the held-out photo and webcam sets read by the current recognizer (docs/locate.md):
  // under it reading falls away; above it soft focus costs little, and a desk webcam's soft frames
  // (nearly all under the former 0.16) must still be captured.
  minSharpness: 0.025,
  maxGlare: 0.02,
  // Likewise: photos with text 11-13 px high read 82% exact, webcam frames 73%; from 16 px on,
  // 96% and 90% (docs/locate.md).
  minTextHeight: 13,
  minDocumentArea: 0.08,
  minLuminance: 60,
};

/**
 * The sharpness under which a frame counts as soft for the confidence model: its `blurryFrame`
 * feature was fitted with the frames under this level (the 'blurry' threshold until round 15).
 */
export const SOFT_FRAME_BELOW = 0.16;

/**
 * Text lower than this many pixels makes a frame small for the confidence model: its `smallFrame`
 * feature was fitted with this level (the 'too_small' level until round 15).
 */
export const SMALL_FRAME_TEXT_BELOW = 11;

/** Height text is scaled to before measuring sharpness. */
const SHARPNESS_TEXT_HEIGHT = 14;

export function assessQuality(
  raster: Raster,
  where: QualityInput,
  thresholds: QualityThresholds = DEFAULT_THRESHOLDS,
): QualityReport {
  const frameArea = raster.width * raster.height;
  const quad = where.corners;
  const documentArea = quad
    ? Math.min(1, polygonArea(quad) / frameArea)
    : where.textBox
      ? Math.min(1, (where.textBox.width * where.textBox.height) / frameArea)
      : 0;

  // Luminance and glare over the document (or the whole frame when it was not found), sampled on
  // a coarse grid: a few thousand samples are plenty for shares and means.
  const step = Math.max(1, Math.floor(Math.sqrt(frameArea / 40000)));
  const inDoc = quad ? pointInQuad(quad) : () => true;
  let count = 0;
  let sum = 0;
  let clipped = 0;
  const hist = new Uint32Array(256);
  const d = raster.data;
  for (let y = Math.floor(step / 2); y < raster.height; y += step) {
    for (let x = Math.floor(step / 2); x < raster.width; x += step) {
      if (!inDoc(x + 0.5, y + 0.5)) continue;
      const i = (y * raster.width + x) * 4;
      const r = d[i]!;
      const g = d[i + 1]!;
      const b = d[i + 2]!;
      const lum = (r * 299 + g * 587 + b * 114) / 1000;
      sum += lum;
      count++;
      hist[lum | 0] = hist[lum | 0]! + 1;
      if (r >= 250 && g >= 250 && b >= 250) clipped++;
    }
  }
  const luminance = count ? sum / count : 0;
  // The paper's own tone: a bright percentile. Clipped white on white paper is not glare.
  const paper = percentile(hist, count, 0.7);
  // Without an outline the frame's own highlights (a window, a lamp) say nothing about the document.
  const glare = quad && count && paper < 228 ? clipped / count : 0;

  const sharpness = where.textBox && where.textHeight > 0 ? textSharpness(raster, where) : 0;

  const issues: QualityIssue[] = [];
  const readHeight = where.readTextHeight ?? where.textHeight;
  if (where.touchesBorder) issues.push('cut_off');
  const smallDocument = documentArea > 0 && documentArea < thresholds.minDocumentArea;
  const small = (readHeight > 0 && readHeight < SMALL_FRAME_TEXT_BELOW) || smallDocument;
  if ((readHeight > 0 && readHeight < thresholds.minTextHeight) || smallDocument) {
    issues.push('too_small');
  }
  const soft = where.textHeight > 0 && sharpness < SOFT_FRAME_BELOW;
  if (where.textHeight > 0 && sharpness < thresholds.minSharpness) issues.push('blurry');
  if (glare > thresholds.maxGlare) issues.push('glare');
  if (luminance < thresholds.minLuminance) issues.push('too_dark');
  return {
    ok: issues.length === 0,
    issues,
    messages: issues.map((i) => QUALITY_MESSAGES[i]),
    sharpness: round3(sharpness),
    soft,
    small,
    glare: round3(glare),
    documentArea: round3(documentArea),
    textHeight: Math.round(readHeight * 10) / 10,
    luminance: Math.round(luminance),
    cutOff: where.touchesBorder,
  };
}

/**
 * Second-difference energy over the text box in its weakest direction, with the box scaled so text
 * lines are SHARPNESS_TEXT_HEIGHT px high (blur relative to the glyphs is what hurts reading),
 * divided by the box's grey variance so contrast and exposure cancel out.
 */
function textSharpness(raster: Raster, where: QualityInput): number {
  const box = where.textBox!;
  const k = Math.min(1, SHARPNESS_TEXT_HEIGHT / where.textHeight);
  // Crop the text box (clamped), then scale. Cap the work at ~250k pixels.
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(raster.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(raster.height, Math.ceil(box.y + box.height));
  if (x1 - x0 < 8 || y1 - y0 < 8) return 0;
  let cw = x1 - x0;
  let ch = y1 - y0;
  let kk = k;
  const maxPixels = 250_000;
  if (cw * ch * kk * kk > maxPixels) {
    // Measure a central window of the box instead of shrinking further.
    const f = Math.sqrt(maxPixels / (cw * ch * kk * kk));
    cw = Math.max(8, Math.floor(cw * f));
    ch = Math.max(8, Math.floor(ch * f));
  }
  const cx0 = Math.floor(x0 + (x1 - x0 - cw) / 2);
  const cy0 = Math.floor(y0 + (y1 - y0 - ch) / 2);
  const sub = {
    width: cw,
    height: ch,
    data: new Uint8ClampedArray(cw * ch * 4),
  };
  for (let y = 0; y < ch; y++) {
    const start = ((cy0 + y) * raster.width + cx0) * 4;
    sub.data.set(raster.data.subarray(start, start + cw * 4), y * cw * 4);
  }
  if (kk > 0.999) kk = 1;
  const small = kk === 1 ? sub : resize(sub, cw * kk, ch * kk);
  const w = small.width;
  const h = small.height;
  if (w < 5 || h < 5) return 0;
  const g = new Float32Array(w * h);
  const sd = small.data;
  for (let i = 0, o = 0; o < g.length; i += 4, o++)
    g[o] = 0.299 * sd[i]! + 0.587 * sd[i + 1]! + 0.114 * sd[i + 2]!;
  let s = 0;
  let ss = 0;
  for (let i = 0; i < g.length; i++) {
    s += g[i]!;
    ss += g[i]! * g[i]!;
  }
  const variance = ss / g.length - (s / g.length) ** 2;
  if (variance < 4) return 0;
  // Second differences along four directions; motion blur flattens one of them, defocus all.
  // The weakest direction is what limits reading.
  const dirs: [number, number, number][] = [
    [1, 0, 1],
    [0, 1, 1],
    [1, 1, 0.25],
    [1, -1, 0.25],
  ];
  let weakest = Infinity;
  for (const [dx, dy, norm] of dirs) {
    const off = dy * w + dx;
    let ls = 0;
    let lss = 0;
    let n = 0;
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        const i = y * w + x;
        const l = g[i - off]! + g[i + off]! - 2 * g[i]!;
        ls += l;
        lss += l * l;
        n++;
      }
    }
    const v = ((lss / n - (ls / n) ** 2) * norm) / variance;
    weakest = Math.min(weakest, v);
  }
  return weakest;
}

function percentile(hist: Uint32Array, count: number, q: number): number {
  let acc = 0;
  const target = count * q;
  for (let i = 0; i < 256; i++) {
    acc += hist[i]!;
    if (acc >= target) return i;
  }
  return 255;
}

export function polygonArea(p: Point[]): number {
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const [x0, y0] = p[i]!;
    const [x1, y1] = p[(i + 1) % p.length]!;
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

/** A fast inside test for a convex quad (either winding). */
export function pointInQuad(q: Point[]): (x: number, y: number) => boolean {
  let sign = 0;
  for (let i = 0; i < q.length; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % q.length]!;
    const c = q[(i + 2) % q.length]!;
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (cross !== 0) {
      sign = Math.sign(cross);
      break;
    }
  }
  return (x, y) => {
    for (let i = 0; i < q.length; i++) {
      const a = q[i]!;
      const b = q[(i + 1) % q.length]!;
      const cross = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
      if (cross * sign < 0) return false;
    }
    return true;
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The report with one more issue (found after the frame was judged, by reading it). */
export function withIssue(report: QualityReport, issue: QualityIssue): QualityReport {
  if (report.issues.includes(issue)) return report;
  const issues = [...report.issues, issue];
  return { ...report, ok: false, issues, messages: issues.map((i) => QUALITY_MESSAGES[i]) };
}
