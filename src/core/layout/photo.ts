// Finds the holder's photo and signature: large printed regions that are not text. Works on a grid
// of cells so it costs a few milliseconds on a page.
import type { Raster, Rect } from '../ports';

export interface ImageRegions {
  photo: Rect | null;
  photoScore: number;
  sign: Rect | null;
  signScore: number;
}

interface Grid {
  cols: number;
  rows: number;
  cell: number;
  ink: Float32Array;
  dark: Float32Array;
}

function buildGrid(raster: Raster, cell: number): Grid {
  const cols = Math.ceil(raster.width / cell);
  const rows = Math.ceil(raster.height / cell);
  const d = raster.data;
  // Background colour: the most common quantised colour of the page.
  const hist = new Map<number, number>();
  for (let i = 0; i < d.length; i += 4 * 7) {
    const key = ((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4);
    hist.set(key, (hist.get(key) ?? 0) + 1);
  }
  let bgKey = 0,
    bgCount = -1;
  for (const [k, c] of hist)
    if (c > bgCount) {
      bgKey = k;
      bgCount = c;
    }
  const bg = [((bgKey >> 8) & 15) * 16 + 8, ((bgKey >> 4) & 15) * 16 + 8, (bgKey & 15) * 16 + 8];
  const ink = new Float32Array(cols * rows);
  const dark = new Float32Array(cols * rows);
  const count = new Float32Array(cols * rows);
  for (let y = 0; y < raster.height; y += 2) {
    const row = Math.floor(y / cell) * cols;
    for (let x = 0; x < raster.width; x += 2) {
      const i = (y * raster.width + x) * 4;
      const dist = Math.abs(d[i]! - bg[0]!) + Math.abs(d[i + 1]! - bg[1]!) + Math.abs(d[i + 2]! - bg[2]!);
      const c = row + Math.floor(x / cell);
      count[c]!++;
      if (dist > 90) ink[c]!++;
      if (d[i]! + d[i + 1]! + d[i + 2]! < 200) dark[c]!++;
    }
  }
  for (let c = 0; c < ink.length; c++) {
    const n = count[c]! || 1;
    ink[c] = ink[c]! / n;
    dark[c] = dark[c]! / n;
  }
  return { cols, rows, cell, ink, dark };
}

function maskRects(grid: Grid, rects: readonly Rect[], margin: number): Uint8Array {
  const mask = new Uint8Array(grid.cols * grid.rows);
  for (const r of rects) {
    const pad = Math.min(r.height, 40) * margin;
    const c0 = Math.max(0, Math.floor((r.x - pad) / grid.cell));
    const c1 = Math.min(grid.cols - 1, Math.floor((r.x + r.width + pad) / grid.cell));
    const r0 = Math.max(0, Math.floor((r.y - pad) / grid.cell));
    const r1 = Math.min(grid.rows - 1, Math.floor((r.y + r.height + pad) / grid.cell));
    for (let y = r0; y <= r1; y++) for (let x = c0; x <= c1; x++) mask[y * grid.cols + x] = 1;
  }
  return mask;
}

interface Component {
  rect: Rect;
  cells: number;
  inkMean: number;
}

function components(grid: Grid, on: (c: number) => boolean): Component[] {
  const seen = new Uint8Array(grid.cols * grid.rows);
  const out: Component[] = [];
  for (let s = 0; s < seen.length; s++) {
    if (seen[s] || !on(s)) continue;
    const stack = [s];
    seen[s] = 1;
    let x0 = grid.cols,
      y0 = grid.rows,
      x1 = 0,
      y1 = 0,
      n = 0,
      inkSum = 0;
    while (stack.length) {
      const c = stack.pop()!;
      const x = c % grid.cols;
      const y = (c - x) / grid.cols;
      n++;
      inkSum += grid.ink[c]!;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
      for (const [dx, dy] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const nx = x + dx,
          ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= grid.cols || ny >= grid.rows) continue;
        const q = ny * grid.cols + nx;
        if (!seen[q] && on(q)) {
          seen[q] = 1;
          stack.push(q);
        }
      }
    }
    out.push({
      rect: {
        x: x0 * grid.cell,
        y: y0 * grid.cell,
        width: (x1 - x0 + 1) * grid.cell,
        height: (y1 - y0 + 1) * grid.cell,
      },
      cells: n,
      inkMean: inkSum / n,
    });
  }
  return out;
}

export function findImageRegions(
  raster: Raster,
  textRects: readonly Rect[],
  options: { expectSignature: boolean },
): ImageRegions {
  const cell = Math.max(4, Math.round(Math.min(raster.width, raster.height) / 90));
  const grid = buildGrid(raster, cell);
  const textMask = maskRects(grid, textRects, 0.25);
  const pageArea = raster.width * raster.height;

  let photo: Rect | null = null;
  let photoScore = 0;
  for (const comp of components(grid, (c) => grid.ink[c]! > 0.35 && !textMask[c])) {
    const { width: w, height: h } = comp.rect;
    const area = w * h;
    if (area < pageArea * 0.008 || area > pageArea * 0.35) continue;
    const aspect = w / h;
    if (aspect < 0.5 || aspect > 1.2) continue;
    const fill = (comp.cells * cell * cell) / area;
    if (fill < 0.6) continue;
    const score = Math.min(1, fill) * Math.min(1, comp.inkMean + 0.3) * Math.min(1, area / (pageArea * 0.03));
    if (score > photoScore) {
      photoScore = score;
      photo = comp.rect;
    }
  }

  let sign: Rect | null = null;
  let signScore = 0;
  if (options.expectSignature) {
    const photoMask = photo ? maskRects(grid, [photo], 0) : null;
    for (const comp of components(
      grid,
      (c) => grid.dark[c]! > 0.02 && !textMask[c] && !(photoMask && photoMask[c]),
    )) {
      const { width: w, height: h } = comp.rect;
      const aspect = w / h;
      if (aspect < 1.2 || aspect > 8) continue;
      if (w < raster.width * 0.08 || w > raster.width * 0.5) continue;
      const fill = (comp.cells * cell * cell) / (w * h);
      const score = Math.min(1, w / (raster.width * 0.15)) * (fill > 0.15 ? 1 : 0.5);
      if (score > signScore) {
        signScore = score;
        sign = comp.rect;
      }
    }
  }
  return { photo, photoScore, sign, signScore };
}
