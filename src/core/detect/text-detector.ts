// PP-OCRv4 text detection (DB: differentiable binarization): image -> probability map -> line boxes.
// Pre- and post-processing follow PaddleOCR's DBPostProcess, simplified to axis-aligned boxes because
// the pipeline straightens the document before detection.
import type { Raster, Rect, TensorRunner } from '../ports';
import { resize } from '../image/raster';

export interface DetectedBox {
  rect: Rect;
  score: number;
}

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
  return boxes.map((b) => ({
    score: b.score,
    rect: { x: b.rect.x * fx, y: b.rect.y * fy, width: b.rect.width * fx, height: b.rect.height * fy },
  }));
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
      count = 0;
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      sum += prob[p]!;
      count++;
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
    boxes.push({ score, rect: { x: rx0, y: ry0, width: rx1 - rx0, height: ry1 - ry0 } });
  }
  return boxes;
}
