// Raw RGBA raster operations for the degraded tiers: homography (from 4 point pairs), inverse warping
// with bilinear sampling, quarter turns, lighting, noise and soft blobs. sharp decodes and encodes.
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { Rng } from './rng';

export interface Img {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Uint8ClampedArray;
}

export type Mat3 = [number, number, number, number, number, number, number, number, number];
export type Pt = [number, number];

export function createImg(
  width: number,
  height: number,
  rgb: [number, number, number] = [255, 255, 255],
): Img {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = rgb[0];
    data[i * 4 + 1] = rgb[1];
    data[i * 4 + 2] = rgb[2];
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

export async function decode(buf: Buffer | Uint8Array): Promise<Img> {
  const { data, info } = await sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
  };
}

function toSharp(img: Img): Sharp {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 4 },
  });
}

export async function encodeJpeg(img: Img, quality: number): Promise<Buffer> {
  return toSharp(img).removeAlpha().jpeg({ quality, mozjpeg: false, chromaSubsampling: '4:2:0' }).toBuffer();
}

export async function encodePng(img: Img): Promise<Buffer> {
  return toSharp(img).removeAlpha().png({ compressionLevel: 9, palette: false }).toBuffer();
}

/** Gaussian blur through sharp (sigma in px; <0.3 is a no-op). */
export async function blur(img: Img, sigma: number): Promise<Img> {
  if (sigma < 0.3) return img;
  return decode(await toSharp(img).blur(sigma).png({ compressionLevel: 0 }).toBuffer());
}

/** Linear motion blur along `angle` (radians) over `length` px. */
export async function motionBlur(img: Img, length: number, angle: number): Promise<Img> {
  const size = Math.max(3, Math.round(length) | 1);
  const kernel = new Array<number>(size * size).fill(0);
  const c = (size - 1) / 2;
  let n = 0;
  for (let t = -c; t <= c; t += 0.25) {
    const x = Math.round(c + t * Math.cos(angle));
    const y = Math.round(c + t * Math.sin(angle));
    const i = y * size + x;
    if (kernel[i] === 0) n++;
    kernel[i] = 1;
  }
  return decode(
    await toSharp(img)
      .convolve({ width: size, height: size, kernel, scale: n })
      .png({ compressionLevel: 0 })
      .toBuffer(),
  );
}

/** Solves A x = b (n x n) by Gaussian elimination with partial pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[piv]![col]!)) piv = r;
    [M[col], M[piv]] = [M[piv]!, M[col]!];
    const p = M[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new Error('singular system');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = M[r]![col]! / p;
      for (let c = col; c <= n; c++) M[r]![c]! -= f * M[col]![c]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

/** The homography H with H * src[i] ~ dst[i] for 4 point pairs. */
export function homography(src: readonly Pt[], dst: readonly Pt[]): Mat3 {
  const A: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i]!;
    const [u, v] = dst[i]!;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(A, b);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

export function applyH(H: Mat3, p: Pt): Pt {
  const [x, y] = p;
  const w = H[6] * x + H[7] * y + H[8];
  return [(H[0] * x + H[1] * y + H[2]) / w, (H[3] * x + H[4] * y + H[5]) / w];
}

export function invert(H: Mat3): Mat3 {
  const [a, b, c, d, e, f, g, h, i] = H;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-15) throw new Error('singular homography');
  const inv: Mat3 = [
    A,
    -(b * i - c * h),
    b * f - c * e,
    B,
    a * i - c * g,
    -(a * f - c * d),
    C,
    -(a * h - b * g),
    a * e - b * d,
  ];
  return inv.map((v) => v / det) as Mat3;
}

export function multiply(A: Mat3, B: Mat3): Mat3 {
  const out = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c]! += A[r * 3 + k]! * B[k * 3 + c]!;
  return out as Mat3;
}

/**
 * Draws `src` into `dst` through H (src pixel coords -> dst pixel coords), inverse-mapping every
 * destination pixel with bilinear sampling. Pixel centres are at +0.5. Edges are anti-aliased.
 * `mask` (optional, same size as src, 0..1) is multiplied into the source alpha (rounded corners).
 */
export function warpInto(dst: Img, src: Img, H: Mat3, mask?: (x: number, y: number) => number): void {
  const Hi = invert(H);
  const corners: Pt[] = [
    [0, 0],
    [src.width, 0],
    [src.width, src.height],
    [0, src.height],
  ].map((p) => applyH(H, p as Pt));
  const minX = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0]))) - 1);
  const maxX = Math.min(dst.width - 1, Math.ceil(Math.max(...corners.map((p) => p[0]))) + 1);
  const minY = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1]))) - 1);
  const maxY = Math.min(dst.height - 1, Math.ceil(Math.max(...corners.map((p) => p[1]))) + 1);
  const sw = src.width;
  const sh = src.height;
  const s = src.data;
  const d = dst.data;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const X = x + 0.5;
      const Y = y + 0.5;
      const w = Hi[6] * X + Hi[7] * Y + Hi[8];
      const u = (Hi[0] * X + Hi[1] * Y + Hi[2]) / w;
      const v = (Hi[3] * X + Hi[4] * Y + Hi[5]) / w;
      if (u < -0.5 || v < -0.5 || u > sw + 0.5 || v > sh + 0.5) continue;
      // Edge coverage for anti-aliasing (distance to the source border in src px).
      const cover = Math.min(1, Math.max(0, Math.min(u + 0.5, v + 0.5, sw + 0.5 - u, sh + 0.5 - v)));
      const fx = Math.min(Math.max(u - 0.5, 0), sw - 1);
      const fy = Math.min(Math.max(v - 0.5, 0), sh - 1);
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const ax = fx - x0;
      const ay = fy - y0;
      const i00 = (y0 * sw + x0) * 4;
      const i10 = (y0 * sw + x1) * 4;
      const i01 = (y1 * sw + x0) * 4;
      const i11 = (y1 * sw + x1) * 4;
      const di = (y * dst.width + x) * 4;
      let alpha =
        (((s[i00 + 3]! * (1 - ax) + s[i10 + 3]! * ax) * (1 - ay) +
          (s[i01 + 3]! * (1 - ax) + s[i11 + 3]! * ax) * ay) /
          255) *
        cover;
      if (mask) alpha *= mask(u, v);
      if (alpha <= 0) continue;
      for (let c = 0; c < 3; c++) {
        const val =
          (s[i00 + c]! * (1 - ax) + s[i10 + c]! * ax) * (1 - ay) +
          (s[i01 + c]! * (1 - ax) + s[i11 + c]! * ax) * ay;
        d[di + c] = d[di + c]! * (1 - alpha) + val * alpha;
      }
    }
  }
}

/** Rotates clockwise by k quarter turns; returns the image and the point map for the same turn. */
export function rotateQuarter(img: Img, k: number): { img: Img; map: (p: Pt) => Pt } {
  const q = ((k % 4) + 4) % 4;
  const { width: W, height: H } = img;
  if (q === 0) return { img, map: (p) => p };
  const ow = q === 2 ? W : H;
  const oh = q === 2 ? H : W;
  const out = new Uint8ClampedArray(ow * oh * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let nx: number;
      let ny: number;
      if (q === 1) {
        nx = H - 1 - y;
        ny = x;
      } else if (q === 2) {
        nx = W - 1 - x;
        ny = H - 1 - y;
      } else {
        nx = y;
        ny = W - 1 - x;
      }
      const si = (y * W + x) * 4;
      const di = (ny * ow + nx) * 4;
      out[di] = img.data[si]!;
      out[di + 1] = img.data[si + 1]!;
      out[di + 2] = img.data[si + 2]!;
      out[di + 3] = img.data[si + 3]!;
    }
  }
  // Continuous coordinates: pixel (x, y) covers [x, x+1) x [y, y+1).
  const map = (p: Pt): Pt => (q === 1 ? [H - p[1], p[0]] : q === 2 ? [W - p[0], H - p[1]] : [p[1], W - p[0]]);
  return { img: { width: ow, height: oh, data: out }, map };
}

/** Multiplies brightness by a smooth field: a linear gradient plus soft elliptical shadows. */
export function lighting(
  img: Img,
  r: Rng,
  opts: { gradient: number; shadows: number; shadowDepth: number; tint?: [number, number, number] },
): void {
  const { width: W, height: H, data } = img;
  const ang = r.float(0, Math.PI * 2);
  const gx = Math.cos(ang);
  const gy = Math.sin(ang);
  const shadows = Array.from({ length: opts.shadows }, () => ({
    cx: r.float(0, W),
    cy: r.float(0, H),
    rx: r.float(0.2, 0.6) * W,
    ry: r.float(0.2, 0.6) * H,
    depth: opts.shadowDepth * r.float(0.5, 1),
  }));
  const tint = opts.tint ?? [1, 1, 1];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const t = ((x / W - 0.5) * gx + (y / H - 0.5) * gy) * opts.gradient;
      let f = 1 + t;
      for (const s of shadows) {
        const dx = (x - s.cx) / s.rx;
        const dy = (y - s.cy) / s.ry;
        const dd = dx * dx + dy * dy;
        if (dd < 1) f *= 1 - s.depth * (1 - dd) * (1 - dd);
      }
      const i = (y * W + x) * 4;
      data[i] = data[i]! * f * tint[0];
      data[i + 1] = data[i + 1]! * f * tint[1];
      data[i + 2] = data[i + 2]! * f * tint[2];
    }
  }
}

/** Additive Gaussian sensor noise (sigma in 0..255 units), partly correlated across channels. */
export function noise(img: Img, r: Rng, sigma: number): void {
  const { data } = img;
  for (let i = 0; i < data.length; i += 4) {
    const common = r.gauss() * sigma * 0.7;
    data[i] = data[i]! + common + r.gauss() * sigma * 0.3;
    data[i + 1] = data[i + 1]! + common + r.gauss() * sigma * 0.3;
    data[i + 2] = data[i + 2]! + common + r.gauss() * sigma * 0.3;
  }
}

/** A soft filled ellipse (thumb, shadow blob), rotated by `angle`. */
export function blob(
  img: Img,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  angle: number,
  rgb: [number, number, number],
  opacity = 1,
  feather = 0.15,
): void {
  const { width: W, height: H, data } = img;
  const R = Math.max(rx, ry);
  const ca = Math.cos(angle);
  const sa = Math.sin(angle);
  for (let y = Math.max(0, Math.floor(cy - R)); y < Math.min(H, Math.ceil(cy + R)); y++) {
    for (let x = Math.max(0, Math.floor(cx - R)); x < Math.min(W, Math.ceil(cx + R)); x++) {
      const dx = x - cx;
      const dy = y - cy;
      const u = (dx * ca + dy * sa) / rx;
      const v = (-dx * sa + dy * ca) / ry;
      const d = Math.sqrt(u * u + v * v);
      if (d >= 1) continue;
      const a = opacity * Math.min(1, (1 - d) / feather);
      // Simple shading: darker towards the rim.
      const shade = 0.8 + 0.2 * (1 - d);
      const i = (y * W + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = data[i + c]! * (1 - a) + rgb[c]! * shade * a;
    }
  }
}
