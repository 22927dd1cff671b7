// PP-OCRv4 text detection (DB: differentiable binarization): image -> probability map -> line boxes.
// Pre- and post-processing follow PaddleOCR's DBPostProcess, simplified to axis-aligned boxes because
// the pipeline straightens the document before detection.
import type { Raster, Rect, TensorRunner } from '../ports';
import { resize } from '../image/raster';

export interface DetectedBox {
  rect: Rect;
  score: number;
  /**
   * Direction of a tilted line (radians, clockwise, y down), set when the line is clearly tilted:
   * `rect` is then the line's own box turned upright around its centre (length x thickness), not
   * the axis-aligned hull, so rows and crops follow the print.
   */
  angle?: number;
}

/** Lines tilted less than this are read from axis-aligned boxes (as straight scans always were). */
const MIN_TILT = (1.5 * Math.PI) / 180;

export interface DetectOptions {
  /** Longest side fed to the model; the model needs multiples of 32. */
  maxSide?: number;
  /** Probability above which a pixel is text. */
  binaryThreshold?: number;
  /** Mean probability a box must reach to be kept. */
  boxThreshold?: number;
  /** How far each shrunk text kernel is grown back (PaddleOCR's unclip_ratio). */
  unclipRatio?: number;
}

const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export async function detectTextBoxes(
  raster: Raster,
  runner: TensorRunner,
  options: DetectOptions = {},
): Promise<DetectedBox[]> {
  const map = await detectProbabilityMap(raster, runner, options.maxSide ?? 960);
  const boxes = boxesFromProbabilityMap(map.data, map.width, map.height, options);
  const fx = raster.width / map.width;
  const fy = raster.height / map.height;
  return boxes.map((b) => {
    if (b.angle === undefined)
      return {
        score: b.score,
        rect: { x: b.rect.x * fx, y: b.rect.y * fy, width: b.rect.width * fx, height: b.rect.height * fy },
      };
    // The map is scaled by nearly the same factor on both axes; carry the direction across exactly.
    const angle = Math.atan2(Math.sin(b.angle) * fy, Math.cos(b.angle) * fx);
    const cx = (b.rect.x + b.rect.width / 2) * fx;
    const cy = (b.rect.y + b.rect.height / 2) * fy;
    const along = Math.hypot(Math.cos(b.angle) * fx, Math.sin(b.angle) * fy);
    const across = Math.hypot(Math.sin(b.angle) * fx, Math.cos(b.angle) * fy);
    const width = b.rect.width * along;
    const height = b.rect.height * across;
    return { score: b.score, angle, rect: { x: cx - width / 2, y: cy - height / 2, width, height } };
  });
}

/** The detector's per-pixel text probability; map pixel (x, y) covers raster x * width/map.width. */
export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

/** Runs the model on the raster scaled to `maxSide` (multiples of 32) and returns its output map. */
export async function detectProbabilityMap(
  raster: Raster,
  runner: TensorRunner,
  maxSide = 960,
): Promise<ProbabilityMap> {
  const scale = Math.min(1, maxSide / Math.max(raster.width, raster.height));
  const w = Math.max(32, Math.round((raster.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((raster.height * scale) / 32) * 32);
  const input = resize(raster, w, h);
  const plane = w * h;
  const tensor = new Float32Array(3 * plane);
  const d = input.data;
  // PaddleOCR feeds BGR (OpenCV order) normalised with ImageNet statistics in that order.
  for (let i = 0, p = 0; p < plane; i += 4, p++) {
    tensor[p] = (d[i + 2]! / 255 - MEAN[0]!) / STD[0]!;
    tensor[plane + p] = (d[i + 1]! / 255 - MEAN[1]!) / STD[1]!;
    tensor[2 * plane + p] = (d[i]! / 255 - MEAN[2]!) / STD[2]!;
  }
  const out = await runner.run(tensor, [1, 3, h, w]);
  return { data: out.data, width: out.dims[3] ?? w, height: out.dims[2] ?? h };
}

/** Connected components of the thresholded map, scored and grown back by the unclip distance. */
export function boxesFromProbabilityMap(
  prob: Float32Array,
  width: number,
  height: number,
  options: DetectOptions = {},
): DetectedBox[] {
  const thresh = options.binaryThreshold ?? 0.3;
  const boxThresh = options.boxThreshold ?? 0.5;
  const unclip = options.unclipRatio ?? 1.4;
  const labels = new Int32Array(width * height);
  const stack: number[] = [];
  const pixels: number[] = [];
  const boxes: DetectedBox[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (labels[start] !== 0 || prob[start]! <= thresh) continue;
    next++;
    labels[start] = next;
    stack.push(start);
    let x0 = width,
      y0 = height,
      x1 = -1,
      y1 = -1,
      sum = 0,
      count = 0,
      mx = 0,
      my = 0,
      mxx = 0,
      myy = 0,
      mxy = 0;
    pixels.length = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      sum += prob[p]!;
      count++;
      pixels.push(p);
      mx += x;
      my += y;
      mxx += x * x;
      myy += y * y;
      mxy += x * y;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
          const q = ny * width + nx;
          if (labels[q] === 0 && prob[q]! > thresh) {
            labels[q] = next;
            stack.push(q);
          }
        }
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (Math.min(bw, bh) < 3 || count < 10) continue;
    const score = sum / count;
    if (score < boxThresh) continue;
    // Unclip: the model predicts shrunk kernels; grow by area*ratio/perimeter like PaddleOCR.
    const dist = (bw * bh * unclip) / (2 * (bw + bh));
    const rx0 = Math.max(0, x0 - dist);
    const ry0 = Math.max(0, y0 - dist);
    const rx1 = Math.min(width, x1 + 1 + dist);
    const ry1 = Math.min(height, y1 + 1 + dist);
    const tilted = tiltedBox(pixels, width, mx / count, my / count, mxx, myy, mxy, count, unclip);
    if (tilted) boxes.push({ score, ...tilted });
    else boxes.push({ score, rect: { x: rx0, y: ry0, width: rx1 - rx0, height: ry1 - ry0 } });
  }
  return boxes;
}

/**
 * The box of a clearly tilted, elongated component along its principal axis (from the pixels'
 * second moments), grown by the unclip distance; null for straight or blob-like components.
 */
function tiltedBox(
  pixels: readonly number[],
  mapWidth: number,
  cx: number,
  cy: number,
  sxx: number,
  syy: number,
  sxy: number,
  count: number,
  unclip: number,
): { rect: Rect; angle: number } | null {
  const cxx = sxx / count - cx * cx;
  const cyy = syy / count - cy * cy;
  const cxy = sxy / count - cx * cy;
  const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
  if (Math.abs(angle) < MIN_TILT || Math.abs(angle) > Math.PI / 4) return null;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let u0 = Infinity,
    u1 = -Infinity,
    v0 = Infinity,
    v1 = -Infinity;
  for (const p of pixels) {
    const x = (p % mapWidth) - cx;
    const y = Math.floor(p / mapWidth) - cy;
    const u = x * cos + y * sin;
    const v = -x * sin + y * cos;
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  const len = u1 - u0 + 1;
  const thick = v1 - v0 + 1;
  if (len < 2.5 * thick) return null;
  const dist = (len * thick * unclip) / (2 * (len + thick));
  const w = len + 2 * dist;
  const h = thick + 2 * dist;
  // Centre of the oriented box (not of the pixels' mass), back in map coordinates.
  const mu = (u0 + u1) / 2;
  const mv = (v0 + v1) / 2;
  // +0.5: from pixel indices to pixel-edge coordinates, as the axis-aligned boxes use.
  const ox = cx + 0.5 + mu * cos - mv * sin;
  const oy = cy + 0.5 + mu * sin + mv * cos;
  return { angle, rect: { x: ox - w / 2, y: oy - h / 2, width: w, height: h } };
}
