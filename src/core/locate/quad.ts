// The document's outline: straight edges found by a Hough transform restricted to directions near
// the text's, one edge chosen per side of the text cloud, scored by how much of each side the image
// really shows as an edge, and refined by a least-squares fit. Works in analysis pixels.
import type { Point } from '../schema';
import type { EdgeMap } from './analysis';

/** A line n . p = rho with unit normal n = (cos phi, sin phi). */
export interface Line {
  phi: number;
  rho: number;
}

export type SideName = 'top' | 'right' | 'bottom' | 'left';

export interface QuadResult {
  /** Top-left, top-right, bottom-right, bottom-left in the text's frame (text runs left to right). */
  corners: Point[];
  /** Mean share of each side's length that the image shows as an edge (frame borders count 0.5). */
  score: number;
  /** Per side: an edge seen in the image, or the frame border (the document runs out of frame). */
  kinds: ('edge' | 'border')[];
  coverage: number[];
}

interface Candidate {
  line: Line;
  votes: number;
  border: boolean;
}

const DEG = Math.PI / 180;

/**
 * `angle`: direction of the text lines (radians). `cloud`: points of the document's text (its quad
 * must contain them). Returns null when no side set makes a plausible quadrilateral.
 */
export function findQuad(
  edges: EdgeMap,
  angle: number,
  cloud: Point[],
  /** Candidate lines tried per side: the strongest, and the innermost fairly strong ones. */
  breadth: { strong: number; inner: number } = { strong: 5, inner: 3 },
): QuadResult | null {
  const { width: w, height: h } = edges;
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  // Inward normals of each side in the text frame: top -> +v, right -> -u, bottom -> -v, left -> +u.
  const inward: Record<SideName, Point> = {
    top: [-uy, ux],
    right: [-ux, -uy],
    bottom: [uy, -ux],
    left: [ux, uy],
  };
  const window = 35 * DEG;
  const peaks = houghPeaks(edges, angle, window);
  const sides: SideName[] = ['top', 'right', 'bottom', 'left'];
  const cands: Record<SideName, Candidate[]> = { top: [], right: [], bottom: [], left: [] };
  const allowedOutside = Math.max(1, Math.floor(cloud.length * 0.02));
  const all: Record<SideName, Candidate[]> = { top: [], right: [], bottom: [], left: [] };
  let cx = 0;
  let cy = 0;
  for (const [x, y] of cloud) {
    cx += x;
    cy += y;
  }
  cx /= Math.max(1, cloud.length);
  cy /= Math.max(1, cloud.length);
  for (const side of sides) {
    const [ix, iy] = inward[side];
    const list: Candidate[] = [];
    for (const p of peaks) {
      // Orient the line's normal inward; it must be within the window of the side's inward normal.
      let nx = Math.cos(p.phi);
      let ny = Math.sin(p.phi);
      let rho = p.rho;
      if (nx * ix + ny * iy < 0) {
        nx = -nx;
        ny = -ny;
        rho = -rho;
      }
      if (nx * ix + ny * iy < Math.cos(window)) continue;
      // The text must lie on the inner side of the line.
      let outside = 0;
      for (const [x, y] of cloud) {
        if (x * nx + y * ny - rho < -1.5) outside++;
        if (outside > allowedOutside) break;
      }
      if (outside > allowedOutside) continue;
      list.push({ line: { phi: Math.atan2(ny, nx), rho }, votes: p.votes, border: false });
    }
    list.sort((a, b) => b.votes - a.votes);
    all[side] = list.slice(0, 40);
    // The strongest lines, plus the innermost fairly strong ones: on a striped desk the stripes
    // outvote the document's own edge, which is the first line outside the text.
    const strong = list.slice(0, breadth.strong);
    const depth = (c: Candidate) => {
      const n: Point = [Math.cos(c.line.phi), Math.sin(c.line.phi)];
      // Signed distance of the cloud's centre inside the line: smaller = closer to the text.
      return n[0] * cx + n[1] * cy - c.line.rho;
    };
    const inner = list
      .filter((c) => c.votes >= 0.25 * (list[0]?.votes ?? 0) && !strong.includes(c))
      .sort((a, b) => depth(a) - depth(b))
      .slice(0, breadth.inner);
    cands[side] = [...strong, ...inner];
    const border = frameBorder(inward[side], w, h);
    if (border) cands[side].push({ line: border, votes: 0, border: true });
  }

  let best: QuadResult | null = null;
  // A side's coverage depends on its own line and its two neighbours (which fix its corners).
  const covCache = new Map<number, number>();
  const K = 16;
  const lists = [cands.top, cands.right, cands.bottom, cands.left];
  const idx = [0, 0, 0, 0];
  for (idx[0] = 0; idx[0] < lists[0]!.length; idx[0]++) {
    for (idx[1] = 0; idx[1] < lists[1]!.length; idx[1]++) {
      for (idx[2] = 0; idx[2] < lists[2]!.length; idx[2]++) {
        for (idx[3] = 0; idx[3] < lists[3]!.length; idx[3]++) {
          const lines = [lists[0]![idx[0]]!, lists[1]![idx[1]]!, lists[2]![idx[2]]!, lists[3]![idx[3]]!];
          const corners = quadCorners(lines.map((c) => c.line));
          if (!corners || !plausible(corners, w, h)) continue;
          const coverage: number[] = [];
          for (let s = 0; s < 4; s++) {
            const c = lines[s]!;
            if (c.border) {
              coverage.push(0.5);
              continue;
            }
            const key = ((s * K + idx[(s + 3) % 4]!) * K + idx[s]!) * K + idx[(s + 1) % 4]!;
            let cov = covCache.get(key);
            if (cov === undefined) {
              cov = sideCoverage(edges, corners[s]!, corners[(s + 1) % 4]!, c.line);
              covCache.set(key, cov);
            }
            coverage.push(cov);
          }
          const score = (coverage[0]! + coverage[1]! + coverage[2]! + coverage[3]!) / 4;
          if (!best || score > best.score + 1e-9) {
            best = { corners, score, kinds: lines.map((c) => (c.border ? 'border' : 'edge')), coverage };
          }
        }
      }
    }
  }
  if (!best) return null;
  // Wood grain, a desk mat's border or a shadow can run parallel just outside the document: the
  // document's own edge is the innermost of the lines that the image shows about as well.
  const chosen = best.corners.map((_, s) => {
    const list = all[sides[s]!];
    return (
      list.find(
        (c) =>
          !c.border &&
          best!.kinds[s] === 'edge' &&
          sameLine(c.line, lineThrough(best!.corners[s]!, best!.corners[(s + 1) % 4]!)),
      ) ?? null
    );
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let s = 0; s < 4; s++) {
      const current = chosen[s];
      if (!current) continue;
      const side = sides[s]!;
      const [ix, iy] = inward[side];
      const depth = (l: Line) => {
        // How far inward the line sits, measured at the middle of the current side.
        const a = best!.corners[s]!;
        const e = best!.corners[(s + 1) % 4]!;
        const m: Point = [(a[0] + e[0]) / 2, (a[1] + e[1]) / 2];
        const n: Point = [Math.cos(l.phi), Math.sin(l.phi)];
        const denom = n[0] * ix + n[1] * iy;
        if (Math.abs(denom) < 0.5) return -Infinity;
        return (l.rho - (n[0] * m[0] + n[1] * m[1])) / denom;
      };
      let bestInner: { c: Candidate; corners: Point[]; cov: number; d: number } | null = null;
      for (const c of all[side]) {
        if (c.border || c === current) continue;
        const d = depth(c.line);
        if (d <= 2) continue;
        const lines = chosen.map((x, i) =>
          i === s ? c.line : (x?.line ?? lineThrough(best!.corners[i]!, best!.corners[(i + 1) % 4]!)),
        );
        const corners = quadCorners(lines);
        if (!corners || !plausible(corners, w, h)) continue;
        const cov = sideCoverage(edges, corners[s]!, corners[(s + 1) % 4]!, c.line);
        if (cov >= Math.max(0.5, 0.8 * best.coverage[s]!) && (!bestInner || d < bestInner.d)) {
          bestInner = { c, corners, cov, d };
        }
      }
      if (bestInner) {
        chosen[s] = bestInner.c;
        best.corners = bestInner.corners;
        best.coverage[s] = bestInner.cov;
      }
    }
  }
  best.score = best.coverage.reduce((x, y) => x + y, 0) / 4;
  // Refine each real edge with a least-squares fit to the edge pixels along it.
  const refined: Line[] = [];
  for (let s = 0; s < 4; s++) {
    const b = best.corners[s]!;
    const c = best.corners[(s + 1) % 4]!;
    const line = lineThrough(b, c);
    refined.push(best.kinds[s] === 'edge' ? (refineLine(edges, b, c, line) ?? line) : line);
  }
  const corners = quadCorners(refined);
  if (corners && plausible(corners, w, h)) best.corners = corners;
  return best;
}

/** corners[i] = intersection of side i-1 and side i (sides in order top, right, bottom, left). */
function quadCorners(lines: Line[]): Point[] | null {
  const out: Point[] = [];
  for (let i = 0; i < 4; i++) {
    const p = intersect(lines[(i + 3) % 4]!, lines[i]!);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

function intersect(a: Line, b: Line): Point | null {
  const a1 = Math.cos(a.phi),
    b1 = Math.sin(a.phi),
    a2 = Math.cos(b.phi),
    b2 = Math.sin(b.phi);
  const det = a1 * b2 - a2 * b1;
  if (Math.abs(det) < 1e-6) return null;
  return [(a.rho * b2 - b.rho * b1) / det, (a1 * b.rho - a2 * a.rho) / det];
}

function sameLine(a: Line, b: Line): boolean {
  let d = Math.abs(a.phi - b.phi) % (2 * Math.PI);
  if (d > Math.PI) d = 2 * Math.PI - d;
  if (d < 0.02) return Math.abs(a.rho - b.rho) < 1;
  if (Math.abs(d - Math.PI) < 0.02) return Math.abs(a.rho + b.rho) < 1;
  return false;
}

function lineThrough(p: Point, q: Point): Line {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy) || 1;
  const nx = -dy / len;
  const ny = dx / len;
  return { phi: Math.atan2(ny, nx), rho: nx * p[0] + ny * p[1] };
}

/** Convex, clockwise, not tiny, corners near the frame, angles not absurd. */
function plausible(c: Point[], w: number, h: number): boolean {
  const mx = 0.25 * w;
  const my = 0.25 * h;
  for (const [x, y] of c) if (x < -mx || x > w + mx || y < -my || y > h + my) return false;
  let area = 0;
  for (let i = 0; i < 4; i++) {
    const p = c[i]!;
    const q = c[(i + 1) % 4]!;
    const r = c[(i + 2) % 4]!;
    const cross = (q[0] - p[0]) * (r[1] - q[1]) - (q[1] - p[1]) * (r[0] - q[0]);
    if (cross <= 0) return false; // image y points down: clockwise turns are positive
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (len < 0.08 * Math.min(w, h)) return false;
    const a = Math.atan2(p[1] - q[1], p[0] - q[0]);
    const b = Math.atan2(r[1] - q[1], r[0] - q[0]);
    let d = Math.abs(a - b);
    if (d > Math.PI) d = 2 * Math.PI - d;
    if (d < 45 * DEG || d > 135 * DEG) return false;
    area += p[0] * q[1] - q[0] * p[1];
  }
  return Math.abs(area) / 2 >= 0.03 * w * h;
}

/** The frame border whose inward normal lies within 50 degrees of `inward`, as a line. */
function frameBorder(inward: Point, w: number, h: number): Line | null {
  const borders: { n: Point; rho: number }[] = [
    { n: [0, 1], rho: 0 }, // top border, inward is down
    { n: [-1, 0], rho: -w }, // right border
    { n: [0, -1], rho: -h }, // bottom border
    { n: [1, 0], rho: 0 }, // left border
  ];
  let best: Line | null = null;
  let bestDot = Math.cos(50 * DEG);
  for (const b of borders) {
    const d = b.n[0] * inward[0] + b.n[1] * inward[1];
    if (d > bestDot) {
      bestDot = d;
      best = { phi: Math.atan2(b.n[1], b.n[0]), rho: b.rho };
    }
  }
  return best;
}

interface Peak {
  phi: number;
  rho: number;
  votes: number;
}

/**
 * Hough transform over directed normals (gradient directions), only near the four directions the
 * document's sides can take given the text angle. Returns the local maxima.
 */
export function houghPeaks(edges: EdgeMap, angle: number, window: number): Peak[] {
  const { width: w, height: h, mag, dir } = edges;
  const bins = 360; // 1 degree
  const diag = Math.ceil(Math.hypot(w, h));
  const nr = 2 * diag + 1;
  const acc = new Float32Array(bins * nr);
  const cos = new Float64Array(bins);
  const sin = new Float64Array(bins);
  const allowed = new Uint8Array(bins);
  for (let b = 0; b < bins; b++) {
    const phi = (b * Math.PI) / 180;
    cos[b] = Math.cos(phi);
    sin[b] = Math.sin(phi);
    // Side normals are the text direction or its perpendicular, either way round.
    let d = (phi - angle) % (Math.PI / 2);
    if (d < 0) d += Math.PI / 2;
    if (d > Math.PI / 4) d = Math.PI / 2 - d;
    allowed[b] = d <= window ? 1 : 0;
  }
  const spread = 5;
  for (let y = 2; y < h - 2; y++) {
    for (let x = 2; x < w - 2; x++) {
      const i = y * w + x;
      if (mag[i] === 0) continue;
      let b0 = Math.round((dir[i]! * 180) / Math.PI);
      if (b0 < 0) b0 += 360;
      for (let k = -spread; k <= spread; k++) {
        const b = (b0 + k + bins) % bins;
        if (!allowed[b]) continue;
        const r = Math.round(x * cos[b]! + y * sin[b]!) + diag;
        acc[b * nr + r] = acc[b * nr + r]! + 1;
      }
    }
  }
  // Each edge pixel votes for its own direction +- 5 degrees (low-contrast edges have noisy directions).
  const minVotes = Math.max(12, 0.08 * Math.min(w, h));
  const peaks: Peak[] = [];
  for (let b = 0; b < bins; b++) {
    if (!allowed[b]) continue;
    for (let r = 0; r < nr; r++) {
      const v = acc[b * nr + r]!;
      if (v < minVotes) continue;
      let isMax = true;
      for (let db = -3; db <= 3 && isMax; db++) {
        const bb = (b + db + bins) % bins;
        for (let dr = -6; dr <= 6; dr++) {
          if (db === 0 && dr === 0) continue;
          const rr = r + dr;
          if (rr < 0 || rr >= nr) continue;
          const o = acc[bb * nr + rr]!;
          if (o > v || (o === v && (db < 0 || (db === 0 && dr < 0)))) {
            isMax = false;
            break;
          }
        }
      }
      if (isMax) peaks.push({ phi: (b * Math.PI) / 180, rho: r - diag, votes: v });
    }
  }
  peaks.sort((a, b) => b.votes - a.votes);
  return peaks.slice(0, 120);
}

/** Share of the segment a-b (inside the frame) along which an edge of the line's direction is seen. */
function sideCoverage(edges: EdgeMap, a: Point, b: Point, line: Line): number {
  const { width: w, height: h, mag, dir } = edges;
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const steps = Math.max(2, Math.floor(len / 1.5));
  const nx = Math.cos(line.phi);
  const ny = Math.sin(line.phi);
  const tol = Math.cos(22 * DEG);
  let inside = 0;
  let hits = 0;
  // Skip the ends: rounded card corners and corner shadows do not sit on the line.
  for (let s = 2; s < steps - 1; s++) {
    const t = s / steps;
    const px = a[0] + (b[0] - a[0]) * t;
    const py = a[1] + (b[1] - a[1]) * t;
    if (px < 3 || py < 3 || px >= w - 3 || py >= h - 3) continue;
    inside++;
    for (let d = -2; d <= 2; d++) {
      const x = Math.round(px + nx * d);
      const y = Math.round(py + ny * d);
      const i = y * w + x;
      if (mag[i] === 0) continue;
      const g = dir[i]!;
      if (Math.abs(Math.cos(g) * nx + Math.sin(g) * ny) >= tol) {
        hits++;
        break;
      }
    }
  }
  if (inside < 0.3 * (steps - 3)) return 0.5; // mostly out of frame: judge it like a border
  return hits / inside;
}

/** Total least squares fit of the edge pixels within 3 px of the segment p-q, direction-compatible. */
function refineLine(edges: EdgeMap, p: Point, q: Point, line: Line): Line | null {
  const { width: w, height: h, mag, dir } = edges;
  const nx = Math.cos(line.phi);
  const ny = Math.sin(line.phi);
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
  const steps = Math.floor(len);
  const tol = Math.cos(15 * DEG);
  let n = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0;
  const seen = new Set<number>();
  for (let s = Math.ceil(steps * 0.05); s < steps * 0.95; s++) {
    const t = s / steps;
    const px = p[0] + (q[0] - p[0]) * t;
    const py = p[1] + (q[1] - p[1]) * t;
    for (let d = -3; d <= 3; d++) {
      const x = Math.round(px + nx * d);
      const y = Math.round(py + ny * d);
      if (x < 1 || y < 1 || x >= w - 1 || y >= h - 1) continue;
      const i = y * w + x;
      if (mag[i] === 0 || seen.has(i)) continue;
      const g = dir[i]!;
      if (Math.abs(Math.cos(g) * nx + Math.sin(g) * ny) < tol) continue;
      seen.add(i);
      const X = x + 0.5;
      const Y = y + 0.5;
      n++;
      sx += X;
      sy += Y;
      sxx += X * X;
      syy += Y * Y;
      sxy += X * Y;
    }
  }
  if (n < 10) return null;
  const cx = sx / n;
  const cy = sy / n;
  const mxx = sxx / n - cx * cx;
  const myy = syy / n - cy * cy;
  const mxy = sxy / n - cx * cy;
  // The normal is the eigenvector of the smaller eigenvalue.
  const theta = 0.5 * Math.atan2(2 * mxy, mxx - myy); // direction of the line
  let fnx = -Math.sin(theta);
  let fny = Math.cos(theta);
  if (fnx * nx + fny * ny < 0) {
    fnx = -fnx;
    fny = -fny;
  }
  if (fnx * nx + fny * ny < Math.cos(4 * DEG)) return null;
  return { phi: Math.atan2(fny, fnx), rho: fnx * cx + fny * cy };
}
