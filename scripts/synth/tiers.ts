// Degraded tiers: scan, photo and webcam. Each warps the straight render of a document into a new
// image through a homography and maps the truth quads through the very same transform.
import type { Browser } from 'playwright-core';
import type { MarkKey } from './html';
import {
  applyH,
  blob,
  blur,
  createImg,
  decode,
  homography,
  lighting,
  motionBlur,
  noise,
  rotateQuarter,
  warpInto,
} from './raster';
import type { Img, Mat3, Pt } from './raster';
import { renderHtmlPng } from './render';
import type { Rng } from './rng';
import { deskHtml, roomHtml } from './scenes';

export type Quads = Map<MarkKey, Pt[]>;

export interface TierImage {
  img: Img;
  quads: Quads;
  /** Clockwise quarter turns applied at the end. */
  rotation: number;
  quality: number;
}

export function mapQuads(quads: Quads, f: (p: Pt) => Pt): Quads {
  const out: Quads = new Map();
  for (const [k, q] of quads) out.set(k, q.map(f));
  return out;
}

/** Rounded-corner alpha for cards (radius in doc px). */
export function roundedMask(w: number, h: number, radius: number): (x: number, y: number) => number {
  return (x, y) => {
    const cx = x < radius ? radius : x > w - radius ? w - radius : x;
    const cy = y < radius ? radius : y > h - radius ? h - radius : y;
    if (cx === x || cy === y) return 1;
    const d = Math.hypot(x - cx, y - cy);
    return Math.min(1, Math.max(0, radius - d + 0.5));
  };
}

function docCorners(doc: Img): Pt[] {
  return [
    [0, 0],
    [doc.width, 0],
    [doc.width, doc.height],
    [0, doc.height],
  ];
}

/** A similarity transform (rotation theta about the doc centre, scale s, then placed at centre c). */
function similarityQuad(doc: Img, theta: number, s: number, c: Pt): Pt[] {
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return docCorners(doc).map(([x, y]) => {
    const dx = (x - doc.width / 2) * s;
    const dy = (y - doc.height / 2) * s;
    return [c[0] + dx * cos - dy * sin, c[1] + dx * sin + dy * cos] as Pt;
  });
}

/** Projects the document plane tilted in 3D (degrees) through a pinhole; returns a quad centred at 0. */
export function tiltedQuad(w: number, h: number, yawDeg: number, pitchDeg: number, rollDeg: number): Pt[] {
  const [ya, pa, ra] = [yawDeg, pitchDeg, rollDeg].map((d) => (d * Math.PI) / 180) as [
    number,
    number,
    number,
  ];
  const f = 1.4 * Math.max(w, h);
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([x0, y0]) => {
    // Pitch about X, then yaw about Y, then roll about Z.
    let x = x0!;
    let y = y0! * Math.cos(pa);
    let z = y0! * Math.sin(pa);
    const x2 = x * Math.cos(ya) + z * Math.sin(ya);
    z = -x * Math.sin(ya) + z * Math.cos(ya);
    x = x2;
    const x3 = x * Math.cos(ra) - y * Math.sin(ra);
    y = x * Math.sin(ra) + y * Math.cos(ra);
    x = x3;
    return [(f * x) / (f + z), (f * y) / (f + z)] as Pt;
  });
}

/** Scales and moves a quad so its bounding box spans `frac` of the scene width (or height) and fits inside. */
function placeQuad(
  r: Rng,
  q: Pt[],
  W: number,
  H: number,
  size: number,
  byHeight: boolean,
  margin: number,
): Pt[] {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  const bw = Math.max(...xs) - Math.min(...xs);
  const bh = Math.max(...ys) - Math.min(...ys);
  let s = byHeight ? (size * H) / bh : (size * W) / bw;
  s = Math.min(s, (W - 2 * margin) / bw, (H - 2 * margin) / bh);
  const sw = bw * s;
  const sh = bh * s;
  const left = r.float(margin, Math.max(margin, W - margin - sw));
  const top = r.float(margin, Math.max(margin, H - margin - sh));
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return q.map(([x, y]) => [left + (x - minX) * s, top + (y - minY) * s] as Pt);
}

async function finish(
  r: Rng,
  scene: Img,
  quads: Quads,
  opts: { blur: number; motion?: number; noise: number; rotation: number; quality: number },
): Promise<TierImage> {
  let img = scene;
  if (opts.motion && opts.motion > 1.5) img = await motionBlur(img, opts.motion, r.float(0, Math.PI));
  img = await blur(img, opts.blur);
  noise(img, r, opts.noise);
  const rot = rotateQuarter(img, opts.rotation);
  return { img: rot.img, quads: mapQuads(quads, rot.map), rotation: opts.rotation, quality: opts.quality };
}

/** Flatbed scan: page on the glass, small rotation, paper tone, mild blur and noise, JPEG ~85. */
export async function scanTier(
  r: Rng,
  doc: Img,
  quads: Quads,
  opts: { card: boolean; canvas?: { width: number; height: number }; scale?: number },
): Promise<TierImage> {
  const W = opts.canvas?.width ?? (opts.card ? Math.round(doc.width * r.float(1.25, 1.5)) : doc.width);
  const H = opts.canvas?.height ?? (opts.card ? Math.round(doc.height * r.float(1.3, 1.6)) : doc.height);
  const bed: [number, number, number] = opts.card
    ? [r.int(232, 250), r.int(232, 250), r.int(228, 245)]
    : [250, 250, 248];
  const scene = createImg(W, H, bed);
  const theta = (r.float(-3, 3) * Math.PI) / 180;
  const s = opts.scale ?? (opts.card ? 1 : r.float(0.965, 0.995));
  const c: Pt = opts.card
    ? [doc.width * s * 0.5 + r.float(0.04, 0.12) * W, doc.height * s * 0.5 + r.float(0.04, 0.12) * H]
    : [W / 2 + r.float(-0.01, 0.01) * W, H / 2 + r.float(-0.01, 0.01) * H];
  const Hm = homography(docCorners(doc), similarityQuad(doc, theta, s, c));
  warpInto(
    scene,
    doc,
    Hm,
    opts.card ? roundedMask(doc.width, doc.height, (doc.width * 3.2) / 85.6) : undefined,
  );
  const tone: [number, number, number] = [r.float(0.97, 1), r.float(0.95, 0.99), r.float(0.88, 0.96)];
  lighting(scene, r, { gradient: r.float(0.02, 0.06), shadows: 0, shadowDepth: 0, tint: tone });
  return finish(
    r,
    scene,
    mapQuads(quads, (p) => applyH(Hm, p)),
    {
      blur: r.float(0.4, 0.9),
      noise: r.float(2, 4.5),
      rotation: 0,
      quality: r.int(82, 88),
    },
  );
}

/** A phone photo on a cluttered desk: perspective tilt, uneven light, blur, noise, sometimes turned. */
export async function photoTier(
  r: Rng,
  browser: Browser,
  doc: Img,
  quads: Quads,
  opts: { card: boolean },
): Promise<TierImage> {
  // Phone cameras (12, 8 and 5 MP) and the 1600 px a messaging app forwards; pages in portrait.
  const landscape = r.weighted<readonly [number, number]>([
    [[4032, 3024], 3],
    [[3264, 2448], 2],
    [[2592, 1944], 2],
    [[1600, 1200], 1],
  ]);
  const sizes: readonly (readonly [number, number])[] = [
    opts.card ? landscape : ([landscape[1], landscape[0]] as const),
  ];
  const [W, H] = r.pick(sizes);
  const scene = await decode(await renderHtmlPng(browser, deskHtml(r, W, H), W, H));
  const tilt = 25;
  const q0 = tiltedQuad(doc.width, doc.height, r.float(-tilt, tilt), r.float(-tilt, tilt), r.float(-12, 12));
  const dst = placeQuad(
    r,
    q0,
    W,
    H,
    opts.card ? r.float(0.45, 0.75) : r.float(0.6, 0.85),
    !opts.card,
    Math.min(W, H) * 0.04,
  );
  const Hm = homography(docCorners(doc), dst);
  warpInto(
    scene,
    doc,
    Hm,
    opts.card ? roundedMask(doc.width, doc.height, (doc.width * 3.2) / 85.6) : undefined,
  );
  lighting(scene, r, { gradient: r.float(0.1, 0.35), shadows: r.int(0, 2), shadowDepth: r.float(0.15, 0.4) });
  // Focus and hand shake scale with the sensor's resolution (measured at 1600 px).
  const k = Math.max(W, H) / 1600;
  const motion = r.bool(0.25);
  return finish(
    r,
    scene,
    mapQuads(quads, (p) => applyH(Hm, p)),
    {
      blur: (motion ? 0.3 : r.float(0.5, 1.4)) * k,
      motion: motion ? r.float(2, 5) * k : 0,
      noise: r.float(3, 8),
      rotation: r.weighted([
        [0, 6],
        [1, 1],
        [2, 1],
        [3, 1],
      ]),
      quality: k > 1.2 ? r.int(80, 92) : r.int(60, 80),
    },
  );
}

/** A webcam frame: the document held up in front of a room, slight tilt, soft focus, a thumb on a margin. */
export async function webcamTier(
  r: Rng,
  browser: Browser,
  doc: Img,
  quads: Quads,
  opts: { card: boolean },
): Promise<TierImage> {
  const [W, H] = r.pick([
    [640, 480],
    [1280, 720],
    [1280, 960],
    [1920, 1080],
  ] as const);
  const scene = await decode(await renderHtmlPng(browser, roomHtml(r, W, H), W, H));
  const q0 = tiltedQuad(doc.width, doc.height, r.float(-10, 10), r.float(-10, 10), r.float(-6, 6));
  const dst = placeQuad(r, q0, W, H, r.float(0.4, 0.75), false, Math.min(W, H) * 0.03);
  const Hm = homography(docCorners(doc), dst);
  warpInto(
    scene,
    doc,
    Hm,
    opts.card ? roundedMask(doc.width, doc.height, (doc.width * 3.2) / 85.6) : undefined,
  );
  // A thumb holding the document on its left or right margin, mostly outside the document.
  const side = r.bool() ? 0 : 1;
  const ty = doc.height * r.float(0.3, 0.7);
  const edge = applyH(Hm, [side === 0 ? 0 : doc.width, ty]);
  const scale =
    Math.hypot(...(applyH(Hm, [doc.width, 0]).map((v, i) => v - dst[0]![i]!) as [number, number])) /
    doc.width;
  const rx = doc.width * scale * 0.09;
  const ry = rx * 0.55;
  const skin = r.pick<[number, number, number]>([
    [224, 172, 105],
    [198, 134, 66],
    [241, 201, 165],
    [141, 85, 36],
  ]);
  const out = opts.card ? 0.6 : 0.45;
  blob(
    scene,
    edge[0] + (side === 0 ? -rx * out : rx * out),
    edge[1],
    rx,
    ry,
    r.float(-0.4, 0.4),
    skin,
    1,
    0.2,
  );
  lighting(scene, r, { gradient: r.float(0.1, 0.3), shadows: r.int(0, 1), shadowDepth: r.float(0.1, 0.25) });
  return finish(
    r,
    scene,
    mapQuads(quads, (p) => applyH(Hm, p)),
    {
      blur: (r.float(0.8, 1.6) * W) / 1280,
      noise: r.float(4, 9),
      rotation: 0,
      quality: r.int(60, 85),
    },
  );
}

export type { Mat3 };
