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
  const darkBelow = Math.max(200, 0.55 * (bg[0]! + bg[1]! + bg[2]!));
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
      // Pen strokes: dark, or (blurred in a photo) at least well darker than the paper.
      if (d[i]! + d[i + 1]! + d[i + 2]! < darkBelow) dark[c]!++;
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

/**
 * Shrinks a component's box while its outermost row or column is mostly empty: a photo is a solid
 * rectangle, and whatever touches it (a guilloche swirl) is sparse.
 */
function trimSparseEdges(grid: Grid, comp: Component, mask: Uint8Array): Component {
  let c0 = comp.rect.x / grid.cell;
  let r0 = comp.rect.y / grid.cell;
  let c1 = c0 + comp.rect.width / grid.cell - 1;
  let r1 = r0 + comp.rect.height / grid.cell - 1;
  const rowFill = (r: number) => {
    let n = 0;
    for (let c = c0; c <= c1; c++) n += mask[r * grid.cols + c]!;
    return n / (c1 - c0 + 1);
  };
  const colFill = (c: number) => {
    let n = 0;
    for (let r = r0; r <= r1; r++) n += mask[r * grid.cols + c]!;
    return n / (r1 - r0 + 1);
  };
  for (let changed = true; changed && r1 > r0 && c1 > c0;) {
    changed = false;
    if (rowFill(r0) < 0.6) {
      r0++;
      changed = true;
    }
    if (rowFill(r1) < 0.6) {
      r1--;
      changed = true;
    }
    if (colFill(c0) < 0.6) {
      c0++;
      changed = true;
    }
    if (colFill(c1) < 0.6) {
      c1--;
      changed = true;
    }
  }
  let cells = 0;
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells += mask[r * grid.cols + c]!;
  return {
    rect: {
      x: c0 * grid.cell,
      y: r0 * grid.cell,
      width: (c1 - c0 + 1) * grid.cell,
      height: (r1 - r0 + 1) * grid.cell,
    },
    cells,
    inkMean: comp.inkMean,
  };
}

function dilate(grid: Grid, on: (c: number) => boolean): Uint8Array {
  const out = new Uint8Array(grid.cols * grid.rows);
  for (let y = 0; y < grid.rows; y++) {
    for (let x = 0; x < grid.cols; x++) {
      if (!on(y * grid.cols + x)) continue;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < grid.cols && ny < grid.rows) out[ny * grid.cols + nx] = 1;
        }
      }
    }
  }
  return out;
}

/**
 * Cells reachable from the grid's edge through cells that pass `through`, and how many edge cells
 * started the flood.
 */
function floodFromEdge(
  grid: Grid,
  through: (c: number) => boolean,
): { reached: Uint8Array; edgeCells: number } {
  const reached = new Uint8Array(grid.cols * grid.rows);
  const stack: number[] = [];
  const seed = (c: number) => {
    if (!reached[c] && through(c)) {
      reached[c] = 1;
      stack.push(c);
    }
  };
  for (let x = 0; x < grid.cols; x++) {
    seed(x);
    seed((grid.rows - 1) * grid.cols + x);
  }
  for (let y = 0; y < grid.rows; y++) {
    seed(y * grid.cols);
    seed(y * grid.cols + grid.cols - 1);
  }
  const edgeCells = stack.length;
  while (stack.length) {
    const c = stack.pop()!;
    const x = c % grid.cols;
    const y = (c - x) / grid.cols;
    if (x > 0) seed(c - 1);
    if (x < grid.cols - 1) seed(c + 1);
    if (y > 0) seed(c - grid.cols);
    if (y < grid.rows - 1) seed(c + grid.cols);
  }
  return { reached, edgeCells };
}

/** Cells of the mask plus the cells it encloses (not reachable from the grid's edge). */
function fillHoles(grid: Grid, on: (c: number) => boolean): Uint8Array {
  const n = grid.cols * grid.rows;
  const mask = new Uint8Array(n);
  for (let c = 0; c < n; c++) mask[c] = on(c) ? 1 : 0;
  const outside = floodFromEdge(grid, (c) => !mask[c]).reached;
  const filled = new Uint8Array(n);
  for (let c = 0; c < n; c++) filled[c] = mask[c] || !outside[c] ? 1 : 0;
  return filled;
}

/** Cells of the mask connected to the grid's edge, when they run along much of it (a surround). */
function edgeConnected(grid: Grid, on: (c: number) => boolean): Uint8Array {
  const { reached, edgeCells } = floodFromEdge(grid, on);
  // A surround runs along much of the edge; a photo printed near the document's edge touches it
  // only briefly and stays.
  return edgeCells > 0.3 * 2 * (grid.cols + grid.rows) ? reached : new Uint8Array(grid.cols * grid.rows);
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
  // A photo's light areas (face, shirt) look like background; its frame and darker parts enclose
  // them, so fill enclosed holes before judging the shape.
  // Ink touching the picture's edge is what surrounds the document (a desk in a photo), not on it.
  const surround = edgeConnected(grid, (c) => grid.ink[c]! > 0.2 && !textMask[c]);
  const inked = fillHoles(grid, (c) => grid.ink[c]! > 0.2 && !textMask[c] && !surround[c]);
  for (const raw of components(grid, (c) => inked[c] === 1 && !textMask[c])) {
    const comp = trimSparseEdges(grid, raw, inked);
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
    // Pen strokes are thin and broken at cell scale: join them by one cell before grouping.
    const strokes = dilate(grid, (c) => grid.dark[c]! > 0.02 && !textMask[c] && !(photoMask && photoMask[c]));
    for (const comp of components(grid, (c) => strokes[c] === 1)) {
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
