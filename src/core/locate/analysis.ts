// Low-level measurements for locating a document in a photo: text blobs from the detector's
// probability map (position, direction, length, thickness) and an edge map with gradient directions.
// Everything here works on a small "analysis" image (long side ~640 px).
import type { Raster } from '../ports';

export interface TextBlob {
  /** Centre in analysis pixels. */
  cx: number;
  cy: number;
  /** Direction of the blob's long axis in radians, in (-pi/2, pi/2]. */
  angle: number;
  /** Extent along and across the long axis, in analysis pixels (of the detector's shrunk kernel). */
  length: number;
  thickness: number;
  /** Mean text probability. */
  score: number;
}

/**
 * Connected components of the probability map above `threshold`, described by their second moments.
 * `fx`, `fy` scale map pixels to analysis pixels.
 */
export function textBlobs(
  prob: Float32Array,
  width: number,
  height: number,
  fx: number,
  fy: number,
  threshold = 0.3,
): TextBlob[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const blobs: TextBlob[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || prob[start]! <= threshold) continue;
    seen[start] = 1;
    let top = 0;
    stack[top++] = start;
    let n = 0,
      sx = 0,
      sy = 0,
      sxx = 0,
      syy = 0,
      sxy = 0,
      sp = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      const X = (x + 0.5) * fx;
      const Y = (y + 0.5) * fy;
      n++;
      sx += X;
      sy += Y;
      sxx += X * X;
      syy += Y * Y;
      sxy += X * Y;
      sp += prob[p]!;
      // 4-connectivity keeps neighbouring lines apart.
      const push = (q: number) => {
        if (!seen[q] && prob[q]! > threshold) {
          seen[q] = 1;
          stack[top++] = q;
        }
      };
      if (x > 0) push(p - 1);
      if (x < width - 1) push(p + 1);
      if (y > 0) push(p - width);
      if (y < height - 1) push(p + width);
    }
    if (n < 6) continue;
    const score = sp / n;
    if (score < 0.45) continue;
    const cx = sx / n;
    const cy = sy / n;
    // Pixel-area correction: each pixel is a fx x fy cell, whose own variance is fx^2/12.
    const mxx = sxx / n - cx * cx + (fx * fx) / 12;
    const myy = syy / n - cy * cy + (fy * fy) / 12;
    const mxy = sxy / n - cx * cy;
    const tr = mxx + myy;
    const det = mxx * myy - mxy * mxy;
    const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    const l1 = tr / 2 + disc;
    const l2 = Math.max(1e-6, tr / 2 - disc);
    let angle = 0.5 * Math.atan2(2 * mxy, mxx - myy);
    if (angle <= -Math.PI / 2) angle += Math.PI;
    blobs.push({ cx, cy, angle, length: Math.sqrt(12 * l1), thickness: Math.sqrt(12 * l2), score });
  }
  return blobs;
}

/** Difference of two line directions (mod pi), in (-pi/2, pi/2]. */
export function angleDiff(a: number, b: number): number {
  let d = (a - b) % Math.PI;
  if (d <= -Math.PI / 2) d += Math.PI;
  if (d > Math.PI / 2) d -= Math.PI;
  return d;
}

/**
 * The direction most text lines run in (mod pi): a length-weighted histogram of elongated blobs,
 * refined by the weighted mean of the blobs near its peak. Null when there are too few lines.
 */
export function dominantAngle(blobs: TextBlob[]): number | null {
  const bins = 180;
  const hist = new Float64Array(bins);
  let total = 0;
  for (const b of blobs) {
    if (b.length < 2.5 * b.thickness || b.length < 8) continue;
    const deg = ((((b.angle * 180) / Math.PI) % 180) + 180) % 180;
    hist[Math.round(deg) % bins] = hist[Math.round(deg) % bins]! + b.length;
    total += b.length;
  }
  if (total === 0) return null;
  let bestBin = 0;
  let best = -1;
  for (let i = 0; i < bins; i++) {
    let s = 0;
    for (let k = -3; k <= 3; k++) s += hist[(i + k + bins) % bins]! * (4 - Math.abs(k));
    if (s > best) {
      best = s;
      bestBin = i;
    }
  }
  const peak = (bestBin * Math.PI) / 180;
  // Weighted mean of doubled angles near the peak (circular mean on the line space).
  let c = 0;
  let s = 0;
  let w = 0;
  for (const b of blobs) {
    if (b.length < 2.5 * b.thickness || b.length < 8) continue;
    if (Math.abs(angleDiff(b.angle, peak)) > (8 * Math.PI) / 180) continue;
    c += b.length * Math.cos(2 * b.angle);
    s += b.length * Math.sin(2 * b.angle);
    w += b.length;
  }
  if (w < 0.15 * total || w < 30) return null;
  let a = 0.5 * Math.atan2(s, c);
  if (a <= -Math.PI / 2) a += Math.PI;
  return a;
}

/** Blobs that run along `angle` (or are too short to have a direction). */
export function alongBlobs(blobs: TextBlob[], angle: number): TextBlob[] {
  return blobs.filter(
    (b) => Math.abs(angleDiff(b.angle, angle)) < (14 * Math.PI) / 180 || b.length < 1.6 * b.thickness,
  );
}

/**
 * The document's own text: blobs that run along `angle`, grouped by proximity; the group with the
 * most text wins (a sticky note or a second paper on the desk forms a group of its own).
 */
export function mainTextCluster(blobs: TextBlob[], angle: number): TextBlob[] {
  const along = alongBlobs(blobs, angle);
  if (!along.length) return [];
  const thick = median(along.map((b) => b.thickness));
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  // Extents in the text frame: u along the lines, v across.
  const ext = along.map((b) => {
    const u = b.cx * ux + b.cy * uy;
    const v = -b.cx * uy + b.cy * ux;
    const du =
      Math.abs(Math.cos(b.angle - angle)) * b.length * 0.5 +
      Math.abs(Math.sin(b.angle - angle)) * b.thickness * 0.5;
    const dv =
      Math.abs(Math.sin(b.angle - angle)) * b.length * 0.5 +
      Math.abs(Math.cos(b.angle - angle)) * b.thickness * 0.5;
    return { u0: u - du, u1: u + du, v0: v - dv, v1: v + dv };
  });
  const parent = along.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const gapU = 6 * thick;
  const gapV = 4 * thick;
  for (let i = 0; i < along.length; i++) {
    for (let j = i + 1; j < along.length; j++) {
      const a = ext[i]!;
      const b = ext[j]!;
      const du = Math.max(0, Math.max(a.u0, b.u0) - Math.min(a.u1, b.u1));
      const dv = Math.max(0, Math.max(a.v0, b.v0) - Math.min(a.v1, b.v1));
      if (du <= gapU && dv <= gapV) parent[find(i)] = find(j);
    }
  }
  // A blob far thicker than the text around it (a bold title run into the lines under it) counts as
  // three lines at most, or it alone outweighs a page of small blurred print broken into pieces.
  // (At twice the median a card's bold print lost to a striped desk's thin lines.)
  const weight = new Map<number, number>();
  for (let i = 0; i < along.length; i++) {
    const r = find(i);
    weight.set(r, (weight.get(r) ?? 0) + along[i]!.length * Math.min(along[i]!.thickness, 3 * thick));
  }
  let bestRoot = -1;
  let bestW = -1;
  for (const [r, w] of weight) {
    if (w > bestW) {
      bestW = w;
      bestRoot = r;
    }
  }
  // Keep any other sizeable group too (a page's footer or signature block sits apart from the body).
  const keep = new Set<number>([bestRoot]);
  for (const [r, w] of weight) if (w >= 0.2 * bestW) keep.add(r);
  return along.filter((_, i) => keep.has(find(i)));
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export interface EdgeMap {
  width: number;
  height: number;
  /** Gradient magnitude after non-maximum suppression (0 where not an edge). */
  mag: Float32Array;
  /** Gradient direction in radians (dark to bright), valid where mag > 0. */
  dir: Float32Array;
  /** Smoothed grey levels. */
  gray: Float32Array;
}

/**
 * Grey levels, a 5x5 binomial blur, Sobel gradients and thin edges (non-maximum suppression).
 * Where a colour channel shows an edge that grey hides (a pink card on a light grey desk can match
 * it in brightness), that channel's gradient is taken instead.
 */
export function edgeMap(small: Raster, minMagnitude = 28): EdgeMap {
  const { width: w, height: h, data } = small;
  const n = w * h;
  // Blur and Sobel are linear: grey's gradient is the channels' gradients weighted as grey is.
  const blurred = [0, 1, 2].map((c) => {
    const out = new Float32Array(n);
    for (let i = c, o = 0; o < n; i += 4, o++) out[o] = data[i]!;
    return binomialBlur(out, w, h);
  }) as [Float32Array, Float32Array, Float32Array];
  const weights = [0.299, 0.587, 0.114] as const;
  const gray = new Float32Array(n);
  for (let i = 0; i < n; i++)
    gray[i] = weights[0] * blurred[0][i]! + weights[1] * blurred[1][i]! + weights[2] * blurred[2][i]!;
  const gx = new Float32Array(n);
  const gy = new Float32Array(n);
  const m = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      let sx = 0;
      let sy = 0;
      let best = 0;
      let bx = 0;
      let by = 0;
      for (let c = 0; c < 3; c++) {
        const img = blurred[c]!;
        const a = img[i - w - 1]!,
          b = img[i - w]!,
          cc = img[i - w + 1]!,
          d = img[i - 1]!,
          f = img[i + 1]!,
          g = img[i + w - 1]!,
          hh = img[i + w]!,
          k = img[i + w + 1]!;
        const cx = cc + 2 * f + k - a - 2 * d - g;
        const cy = g + 2 * hh + k - a - 2 * b - cc;
        sx += weights[c]! * cx;
        sy += weights[c]! * cy;
        const v = cx * cx + cy * cy;
        if (v > best) {
          best = v;
          bx = cx;
          by = cy;
        }
      }
      const grey = Math.sqrt(sx * sx + sy * sy);
      const strongest = Math.sqrt(best);
      // Chromatic only: a grey edge shows in every channel about as strongly as in grey itself.
      if (strongest >= minMagnitude && strongest > 2 * grey) {
        gx[i] = bx;
        gy[i] = by;
        m[i] = strongest;
      } else {
        gx[i] = sx;
        gy[i] = sy;
        m[i] = grey;
      }
    }
  }
  const mag = new Float32Array(n);
  const dir = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const v = m[i]!;
      if (v < minMagnitude) continue;
      const ax = Math.abs(gx[i]!);
      const ay = Math.abs(gy[i]!);
      let n1: number, n2: number;
      if (ax > 2.414 * ay) {
        n1 = m[i - 1]!;
        n2 = m[i + 1]!;
      } else if (ay > 2.414 * ax) {
        n1 = m[i - w]!;
        n2 = m[i + w]!;
      } else if (gx[i]! * gy[i]! > 0) {
        n1 = m[i - w - 1]!;
        n2 = m[i + w + 1]!;
      } else {
        n1 = m[i - w + 1]!;
        n2 = m[i + w - 1]!;
      }
      if (v >= n1 && v >= n2) {
        mag[i] = v;
        dir[i] = Math.atan2(gy[i]!, gx[i]!);
      }
    }
  }
  return { width: w, height: h, mag, dir, gray };
}

/** Separable [1 4 6 4 1] / 16 blur, edges clamped. */
function binomialBlur(src: Float32Array, w: number, h: number): Float32Array {
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const xm2 = x > 1 ? x - 2 : 0;
      const xm1 = x > 0 ? x - 1 : 0;
      const xp1 = x < w - 1 ? x + 1 : w - 1;
      const xp2 = x < w - 2 ? x + 2 : w - 1;
      tmp[row + x] =
        (src[row + xm2]! + 4 * src[row + xm1]! + 6 * src[row + x]! + 4 * src[row + xp1]! + src[row + xp2]!) /
        16;
    }
  }
  for (let y = 0; y < h; y++) {
    const ym2 = (y > 1 ? y - 2 : 0) * w;
    const ym1 = (y > 0 ? y - 1 : 0) * w;
    const yp1 = (y < h - 1 ? y + 1 : h - 1) * w;
    const yp2 = (y < h - 2 ? y + 2 : h - 1) * w;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      out[row + x] =
        (tmp[ym2 + x]! + 4 * tmp[ym1 + x]! + 6 * tmp[row + x]! + 4 * tmp[yp1 + x]! + tmp[yp2 + x]!) / 16;
    }
  }
  return out;
}
