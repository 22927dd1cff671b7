import type { Raster, Rect } from '../ports';

export function createRaster(width: number, height: number): Raster {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}

export function clampRect(rect: Rect, width: number, height: number): Rect {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(height, Math.ceil(rect.y + rect.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

export function crop(raster: Raster, rect: Rect): Raster {
  const r = clampRect(rect, raster.width, raster.height);
  const out = createRaster(Math.max(1, r.width), Math.max(1, r.height));
  for (let y = 0; y < r.height; y++) {
    const start = ((r.y + y) * raster.width + r.x) * 4;
    out.data.set(raster.data.subarray(start, start + r.width * 4), y * out.width * 4);
  }
  return out;
}

/**
 * Resamples to the given size: box-filter averaging when shrinking (no aliasing on fine print),
 * bilinear when enlarging. Pure integer-free JS so browser and Node produce identical pixels.
 */
export function resize(raster: Raster, width: number, height: number): Raster {
  width = Math.max(1, Math.round(width));
  height = Math.max(1, Math.round(height));
  if (width === raster.width && height === raster.height) return raster;
  const out = createRaster(width, height);
  const sx = raster.width / width;
  const sy = raster.height / height;
  const src = raster.data;
  const dst = out.data;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < height; y++) {
      const y0 = Math.floor(y * sy);
      const y1 = Math.max(y0 + 1, Math.min(raster.height, Math.floor((y + 1) * sy)));
      for (let x = 0; x < width; x++) {
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.min(raster.width, Math.floor((x + 1) * sx)));
        let r = 0,
          g = 0,
          b = 0,
          a = 0;
        for (let yy = y0; yy < y1; yy++) {
          let i = (yy * raster.width + x0) * 4;
          for (let xx = x0; xx < x1; xx++, i += 4) {
            r += src[i]!;
            g += src[i + 1]!;
            b += src[i + 2]!;
            a += src[i + 3]!;
          }
        }
        const n = (y1 - y0) * (x1 - x0);
        const o = (y * width + x) * 4;
        dst[o] = r / n;
        dst[o + 1] = g / n;
        dst[o + 2] = b / n;
        dst[o + 3] = a / n;
      }
    }
    return out;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(raster.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(raster.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(raster.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(raster.width - 1, x0 + 1);
      const wx = fx - x0;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) {
        const p00 = src[(y0 * raster.width + x0) * 4 + c]!;
        const p01 = src[(y0 * raster.width + x1) * 4 + c]!;
        const p10 = src[(y1 * raster.width + x0) * 4 + c]!;
        const p11 = src[(y1 * raster.width + x1) * 4 + c]!;
        dst[o + c] = (p00 * (1 - wx) + p01 * wx) * (1 - wy) + (p10 * (1 - wx) + p11 * wx) * wy;
      }
    }
  }
  return out;
}

/** Scales so that width*height <= maxPixels; returns the raster and the factor applied. */
export function fitToPixels(raster: Raster, maxPixels: number): { raster: Raster; scale: number } {
  const pixels = raster.width * raster.height;
  if (pixels <= maxPixels) return { raster, scale: 1 };
  const scale = Math.sqrt(maxPixels / pixels);
  return { raster: resize(raster, raster.width * scale, raster.height * scale), scale };
}

/** Rotates clockwise by quarter turns. */
export function rotateQuarter(raster: Raster, quarterTurns: number): Raster {
  const k = ((quarterTurns % 4) + 4) % 4;
  if (k === 0) return raster;
  const { width: w, height: h, data } = raster;
  const out = k === 2 ? createRaster(w, h) : createRaster(h, w);
  const dst = out.data;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number, ny: number;
      if (k === 1) {
        nx = h - 1 - y;
        ny = x;
      } else if (k === 2) {
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {
        nx = y;
        ny = w - 1 - x;
      }
      const si = (y * w + x) * 4;
      const di = (ny * out.width + nx) * 4;
      dst[di] = data[si]!;
      dst[di + 1] = data[si + 1]!;
      dst[di + 2] = data[si + 2]!;
      dst[di + 3] = data[si + 3]!;
    }
  }
  return out;
}

export function luminance(raster: Raster): Uint8Array {
  const out = new Uint8Array(raster.width * raster.height);
  const d = raster.data;
  for (let i = 0, o = 0; o < out.length; i += 4, o++) {
    out[o] = (d[i]! * 299 + d[i + 1]! * 587 + d[i + 2]! * 114 + 500) / 1000;
  }
  return out;
}
