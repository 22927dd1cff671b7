// Finds the document in a photo and straightens it: its four corners where its outline is in frame
// (edges near the text's directions, chosen around the text), else the text's own direction; then
// perspective, quarter turns and small skew are undone in one warp. Clean straight scans and
// renders come back untouched (identity map, no resampling).
import type { Raster, Rect, TensorRunner } from '../ports';
import type { Point } from '../schema';
import type { PointMap } from '../geometry/point-map';
import { resize, rotateQuarter } from '../image/raster';
import { detectProbabilityMap } from '../detect/text-detector';
import {
  alongBlobs,
  dominantAngle,
  edgeMap,
  mainTextCluster,
  median,
  textBlobs,
  type TextBlob,
} from './analysis';
import { findQuad } from './quad';
import { aspectMismatch } from './aspect';
import { polygonBounds } from '../geometry/polygon';
import {
  IDENTITY,
  applyHomography,
  homographyFromPoints,
  invert,
  multiply,
  quarterTurnToSource,
  warpPerspective,
  type Mat3,
} from './homography';
import { unsharpMask } from './enhance';
import { assessQuality, withIssue, type QualityReport, type QualityThresholds } from './quality';

export type Rotation = 0 | 90 | 180 | 270;

export interface Located {
  /** The straightened, upright document (or the input itself when there was nothing to undo). */
  raster: Raster;
  /** Straightened pixels -> input raster pixels. */
  toInput: PointMap;
  /** The same map as a homography (identity when nothing was done). */
  transform: Mat3;
  /** The document's corners in input pixels: top-left, top-right, bottom-right, bottom-left of the upright document; null when its outline was not found. */
  corners: Point[] | null;
  /** Clockwise rotation of the document in the input, in quarter turns (undone in `raster`). */
  rotation: Rotation;
  /** Remaining small rotation of the text (degrees, clockwise) that was undone. */
  skew: number;
  /** The outline was found (corners are set) or at least the text's direction was. */
  found: boolean;
  /** How the upside-down question was settled. */
  upsideDownBy: 'layout' | 'hook' | 'default' | 'none';
  quality: QualityReport;
  /** What the analysis saw (text blobs, outline score), for feedback and debugging. */
  analysis: FrameAnalysis;
  /**
   * Rows of `raster` added above and below the text's region of a card found by its text alone,
   * to hold the small print at its foot the analysis did not see; lines are looked for there
   * apart from the rest (see `detectPaddedLines`).
   */
  padding?: { top: number; bottom: number };
}

export interface LocateOptions {
  /** Long side of the analysis image (detector and edges). */
  analysisSide?: number;
  /** Long side the detector may look again at when the print is small (analysisSide: never). */
  maxDetectorSide?: number;
  /**
   * Asked when the layout does not settle whether the straightened text is upside down: `raster` is
   * the straightened candidate, `lines` boxes of its longest text lines. True when upside down,
   * null when undecided. `upsideDownByRecognizer` (./orientation) implements it with the recognizer.
   */
  decideUpsideDown?: (raster: Raster, lines: Rect[]) => Promise<boolean | null>;
  /**
   * The full-resolution image `raster` was scaled down from (same aspect). The straightened
   * document is cut from it, so a phone photo's fine print keeps the pixels the analysis did not need.
   */
  source?: Raster;
  /** false: locate and judge only (live camera frames); `raster` is then the input. */
  warp?: boolean;
  /** false: skip the text detector and look only for the outline around the centre (live frames). */
  useDetector?: boolean;
  /** What the guide shows, for the print size assumed when no text is measured. */
  documentKind?: 'card' | 'page';
  /**
   * Pixels of the image that will be read per pixel of this one (a live preview frame scaled down
   * from the camera's full resolution): text height is judged at the resolution that gets read.
   */
  inputScale?: number;
  thresholds?: QualityThresholds;
}

/** Facts about the frame found on the analysis image, in input pixels. */
export interface FrameAnalysis {
  /** Direction of the text lines (radians, mod pi), null when no text was seen. */
  angle: number | null;
  /** Text blobs of the document (analysis pixels) and the analysis scale (input px per analysis px). */
  blobs: TextBlob[];
  /** Every blob along the text direction (the document's text plus any stray print), analysis px. */
  alongBlobs: TextBlob[];
  scale: number;
  /** Outline corners in input px in the text frame (TL, TR, BR, BL; may be upside down). */
  quad: Point[] | null;
  quadScore: number;
  quadKinds: ('edge' | 'border')[];
  quadCoverage: number[];
  textHeight: number;
  touchesBorder: boolean;
}

/**
 * For live camera frames (<= 60 ms in the worker): the outline from edges around the frame's centre
 * (the user holds the document in the guide), no detector, no warp, no recognizer.
 */
export const LIVE_LOCATE_OPTIONS = {
  analysisSide: 320,
  maxDetectorSide: 320,
  warp: false,
  useDetector: false,
} as const;

const DEG = Math.PI / 180;
/** Straightened documents are enlarged to at least this long side (print as large as in a scan). */
const MIN_OUTPUT_SIDE = 1100;
/** ...and never beyond this one. */
const MAX_OUTPUT_SIDE = 2200;
/** Width over height of a card's text region with its margins, at most (an ID-1 card is 1.59). */
const CARD_REGION_ASPECT = 1.1;
/** A finer source (a phone photo at full resolution) may give its own pixels up to this side. */
const MAX_SOURCE_OUTPUT_SIDE = 3200;
/** A document read from fewer text blobs than this had lines too small to tell apart. */
const MIN_RESOLVED_LINES = 6;
/** Straightened frames less sharp than this get an unsharp mask. */
const SHARPEN_BELOW = 0.25;
/** Least share of a side the image must show as an edge when the outline has a document's shape. */
const PARTLY_SEEN_SIDE = 0.25;
/** How far (relative) that shape may be from an ID-1 card's, an A4 page's or a Letter page's. */
const DOCUMENT_SHAPE_TOLERANCE = 0.06;

export async function analyzeFrame(
  raster: Raster,
  detector: TensorRunner,
  analysisSide = 640,
  maxDetectorSide = 1600,
  assumeCentered = false,
  useDetector = true,
): Promise<FrameAnalysis> {
  const k = Math.min(1, analysisSide / Math.max(raster.width, raster.height));
  const small = k < 1 ? resize(raster, raster.width * k, raster.height * k) : raster;
  const scale = raster.width / small.width;
  let all = useDetector ? await blobsAt(small, small, detector, analysisSide, 0) : [];
  // Small print (a card far from the camera, a whole page): look again at a higher resolution.
  const longSide = Math.max(raster.width, raster.height);
  const elongated = (bs: TextBlob[]) => bs.filter((b) => b.length > 2.5 * b.thickness);
  const lineLength = (bs: TextBlob[]) => elongated(bs).reduce((t, b) => t + b.length, 0);
  const thin = median(elongated(all).map((b) => b.thickness));
  let big: Raster = small;
  let bigSide = analysisSide;
  if (
    useDetector &&
    longSide > analysisSide * 1.2 &&
    maxDetectorSide > analysisSide * 1.2 &&
    (elongated(all).length < 15 || thin < 3)
  ) {
    bigSide = Math.min(
      longSide,
      maxDetectorSide,
      Math.round(analysisSide * Math.max(2, 4.5 / Math.max(thin, 1.5))),
    );
    const k2 = bigSide / longSide;
    big = k2 < 1 ? resize(raster, raster.width * k2, raster.height * k2) : raster;
    const more = await blobsAt(big, small, detector, bigSide, 0);
    if (lineLength(more) > lineLength(all)) all = more;
  }
  // The detector misses small print turned by about a quarter turn: try it turned back.
  if (useDetector && maxDetectorSide > analysisSide * 1.2 && elongated(all).length < 15) {
    const turned = await blobsAt(big, small, detector, bigSide, 1);
    if (lineLength(turned) > 1.5 * lineLength(all)) all = turned;
  }
  const angle = dominantAngle(all);
  const empty: FrameAnalysis = {
    angle,
    blobs: [],
    alongBlobs: [],
    scale,
    quad: null,
    quadScore: 0,
    quadKinds: [],
    quadCoverage: [],
    textHeight: 0,
    touchesBorder: false,
  };
  if (angle === null || mainTextCluster(all, angle).length < 3) {
    // No readable text at this size. A live frame may still show the document's outline: the user
    // holds it in the middle of the guide, so look for edges around the centre.
    if (!assumeCentered) {
      if (angle === null) return empty;
      return { ...empty, blobs: mainTextCluster(all, angle), alongBlobs: alongBlobs(all, angle) };
    }
    const edges = edgeMap(small);
    const edgeAngle = dominantEdgeAngle(edges);
    const cw = small.width * 0.08;
    const ch = small.height * 0.08;
    const cx = small.width / 2;
    const cy = small.height / 2;
    const centre: Point[] = [
      [cx - cw, cy - ch],
      [cx + cw, cy - ch],
      [cx + cw, cy + ch],
      [cx - cw, cy + ch],
    ];
    const quad = findQuad(edges, edgeAngle, centre, { strong: 3, inner: 2 });
    const seen = !!quad && quad.score >= 0.7 && quad.kinds.every((k2) => k2 === 'edge');
    return {
      ...empty,
      angle: null,
      quad: seen ? quad.corners.map(([x, y]): Point => [x * scale, y * scale]) : null,
      quadScore: quad?.score ?? 0,
      quadKinds: quad?.kinds ?? [],
      quadCoverage: quad?.coverage.map((c) => Math.round(c * 100) / 100) ?? [],
      touchesBorder: !!quad && quad.score >= 0.65 && quad.kinds.includes('border'),
    };
  }
  const blobs = mainTextCluster(all, angle);
  const along = alongBlobs(all, angle);
  // The detector's kernels are shrunk text: a line is about 1.8x its kernel's thickness.
  const textHeight = median(blobs.map((b) => b.thickness)) * 1.8 * scale;
  const cloud = cloudPoints(blobs);
  const edges = edgeMap(small);
  const quad = findQuad(edges, angle, cloud);
  const margin = 2;
  const textTouches = cloud.some(
    ([x, y]) => x < margin || y < margin || x > small.width - margin || y > small.height - margin,
  );
  // Trust the outline only when all four sides are seen and its corners are in frame; a document
  // running out of frame is straightened by its text instead (the frame border is not its edge).
  const tol = 0.03 * Math.max(small.width, small.height);
  const inFrame = (q: Point[]) =>
    q.every(([x, y]) => x >= -tol && y >= -tol && x <= small.width + tol && y <= small.height + tol);
  // A side may show only in part where the document lies on paper as pale as itself; such an
  // outline is taken only when its perspective-corrected shape is a card's or a page's.
  const ok =
    !!quad &&
    quad.score >= 0.7 &&
    quad.kinds.every((k2) => k2 === 'edge') &&
    inFrame(quad.corners) &&
    (quad.coverage.every((c) => c >= 0.5) ||
      (quad.coverage.every((c) => c >= PARTLY_SEEN_SIDE) &&
        aspectMismatch(quad.corners, small.width, small.height) < DOCUMENT_SHAPE_TOLERANCE));
  const corners = ok ? quad.corners.map(([x, y]): Point => [x * scale, y * scale]) : null;
  const outlineCut =
    !!quad && quad.score >= 0.65 && (quad.kinds.includes('border') || !inFrame(quad.corners));
  return {
    angle,
    blobs,
    alongBlobs: along,
    scale,
    quad: corners,
    quadScore: quad?.score ?? 0,
    quadKinds: quad?.kinds ?? [],
    quadCoverage: quad?.coverage.map((c) => Math.round(c * 100) / 100) ?? [],
    textHeight,
    touchesBorder: textTouches || outlineCut,
  };
}

export async function locateDocument(
  raster: Raster,
  detector: TensorRunner,
  options: LocateOptions = {},
): Promise<Located> {
  const a = await analyzeFrame(
    raster,
    detector,
    options.analysisSide ?? 640,
    options.maxDetectorSide ?? 1600,
    options.warp === false,
    options.useDetector ?? true,
  );
  // Text too small to see at preview size: judge sharpness over the outline, with print assumed
  // at about 2.5% of a card's long side (1.3% of a page's).
  const outlineBox = a.quad ? boxOfPoints(a.quad) : null;
  const printShare = options.documentKind === 'page' ? 0.013 : 0.025;
  const height =
    a.textHeight || (outlineBox ? printShare * Math.max(outlineBox.width, outlineBox.height) : 0);
  const measured = assessQuality(
    raster,
    {
      corners: a.quad,
      textBox: textBox(a) ?? outlineBox,
      textHeight: height,
      readTextHeight: height * (options.inputScale ?? 1),
      angle: a.angle ?? 0,
      touchesBorder: a.touchesBorder,
    },
    options.thresholds,
  );
  // Print too small for the detector to part its lines shows as a few blobs, whole columns run
  // together: their direction and thickness are the columns', not the text's (a card 250 px wide
  // in a 640x480 frame had been turned a quarter and judged readable).
  const quality =
    a.angle !== null && a.blobs.length < MIN_RESOLVED_LINES
      ? { ...withIssue(measured, 'too_small'), small: true }
      : measured;
  const identity: Located = {
    raster,
    toInput: (p) => p,
    transform: [...IDENTITY],
    corners: a.quad,
    rotation: 0,
    skew: 0,
    found: a.quad !== null,
    upsideDownBy: 'none',
    quality,
    analysis: a,
  };
  if (a.angle === null || a.blobs.length < 3) return identity;

  // Text frame: u along the lines. Quarter turn from the angle, the rest is skew.
  const deg = a.angle / DEG; // (-90, 90]
  const base = deg > 45 ? 1 : deg < -45 ? 3 : 0;
  const skew = deg - base * 90 + (base === 3 ? 360 : 0);
  const skewNorm = ((skew + 180) % 360) - 180;

  // hBase: "natural" text-frame coordinates -> input px; region: the part of that frame to keep.
  let hBase: Mat3;
  let region: { x0: number; y0: number; x1: number; y1: number };
  // Half the rotated frame's height, where the region follows the text alone.
  let frameHalfHeight = 0;
  if (a.quad) {
    const [tl, tr, br, bl] = a.quad as [Point, Point, Point, Point];
    const width = Math.max(dist(tl, tr), dist(bl, br));
    const height = Math.max(dist(tl, bl), dist(tr, br));
    const h = homographyFromPoints(
      [
        [0, 0],
        [width, 0],
        [width, height],
        [0, height],
      ],
      [tl, tr, br, bl],
    );
    if (!h) return identity;
    hBase = h;
    const m = 0.015 * Math.max(width, height);
    region = { x0: -m, y0: -m, x1: width + m, y1: height + m };
  } else {
    // No outline: rotate about the frame's centre so the text runs along x, and keep the text's
    // region with a generous margin (the outline may be out of frame or too faint to see).
    const t = a.angle;
    const c = Math.cos(t);
    const sn = Math.sin(t);
    const icx = raster.width / 2;
    const icy = raster.height / 2;
    hBase = [c, -sn, icx, sn, c, icy, 0, 0, 1];
    const inv = invert(hBase)!;
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    for (const [px, py] of cloudPoints(a.alongBlobs.filter((b) => b.length >= 2 * b.thickness))) {
      const [x, y] = applyHomography(inv, [px * a.scale, py * a.scale]);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    const m = 0.08 * Math.max(x1 - x0, y1 - y0) + 3 * a.textHeight;
    // Never reach past the rotated frame itself.
    const fx = (Math.abs(raster.width * c) + Math.abs(raster.height * sn)) / 2;
    const fy = (Math.abs(raster.width * sn) + Math.abs(raster.height * c)) / 2;
    frameHalfHeight = fy;
    region = {
      x0: Math.max(-fx, x0 - m),
      y0: Math.max(-fy, y0 - m),
      x1: Math.min(fx, x1 + m),
      y1: Math.min(fy, y1 + m),
    };
  }
  const regionW = region.x1 - region.x0;
  let regionH = region.y1 - region.y0;
  // Small documents are enlarged (up to 2x) so the detector, which reads at a fixed size, sees
  // their print as large as in a scan.
  // With a finer source, up to its own resolution (within the output size).
  const sourceScale = options.source ? options.source.width / raster.width : 1;
  const up = Math.min(
    Math.max(2, sourceScale),
    (sourceScale > 1 ? MAX_SOURCE_OUTPUT_SIDE : MAX_OUTPUT_SIDE) / Math.max(regionW, regionH),
    Math.max(sourceScale, MIN_OUTPUT_SIDE / Math.max(regionW, regionH)),
  );
  let padding: { top: number; bottom: number } | undefined;
  if (!a.quad && regionW > CARD_REGION_ASPECT * regionH) {
    // A card found by its text alone: at the analysis's coarse scale the small print at its foot
    // (the office, the place and date of issue) may not show, and the text's region would cut it
    // off. The region is opened to a card's proportions, above and below alike (whether it is
    // upside down is settled later), by whole output pixels: the pixels already in it are sampled
    // as before and its long side, and so every scale, stays.
    const extra = Math.round(((regionW / CARD_REGION_ASPECT - regionH) / 2) * up);
    const top = Math.max(0, Math.min(extra, Math.floor((region.y0 + frameHalfHeight) * up)));
    const bottom = Math.max(0, Math.min(extra, Math.floor((frameHalfHeight - region.y1) * up)));
    region.y0 -= top / up;
    region.y1 += bottom / up;
    regionH = region.y1 - region.y0;
    if (top || bottom) padding = { top, bottom };
  }
  const outW = Math.max(1, Math.round(regionW * up));
  const outH = Math.max(1, Math.round(regionH * up));
  const hText = multiply(hBase, [1 / up, 0, region.x0, 0, 1 / up, region.y0, 0, 0, 1]);

  // Nothing to undo: a straight, upright document filling most of the frame (at most a crop).
  const straight = !a.quad || isNearlyAxisAligned(a.quad);
  const fills = (regionW * regionH) / (raster.width * raster.height) > 0.55 || !a.quad;
  if (base === 0 && Math.abs(skewNorm) < 0.6 && straight && fills) {
    const flip = await upsideDown(raster, a, [...IDENTITY], options);
    if (!flip.value) return { ...identity, upsideDownBy: flip.by };
    const turned = rotateQuarter(raster, 2);
    const t2 = quarterTurnToSource(2, raster.width, raster.height);
    return {
      ...identity,
      raster: turned,
      toInput: (p) => applyHomography(t2, p),
      transform: t2,
      rotation: 180,
      upsideDownBy: flip.by,
    };
  }
  if (options.warp === false) {
    return { ...identity, rotation: (base * 90) as Rotation, skew: skewNorm };
  }
  let straightened =
    options.source && sourceScale > 1
      ? warpPerspective(
          options.source,
          multiply([sourceScale, 0, 0, 0, sourceScale, 0, 0, 0, 1], hText),
          outW,
          outH,
        )
      : warpPerspective(raster, hText, outW, outH);
  // Soft photos: a mild unsharp mask helps the recognizer (clean scans never reach this point).
  if (quality.sharpness > 0 && quality.sharpness < SHARPEN_BELOW) straightened = unsharpMask(straightened);
  const flip = await upsideDown(straightened, a, hText, options);
  let out = straightened;
  let transform = hText;
  if (flip.value) {
    out = rotateQuarter(straightened, 2);
    transform = multiply(hText, quarterTurnToSource(2, outW, outH));
  }
  const rotation = (((base + (flip.value ? 2 : 0)) % 4) * 90) as Rotation;
  let corners = a.quad;
  if (corners && flip.value) corners = [corners[2]!, corners[3]!, corners[0]!, corners[1]!];
  return {
    raster: out,
    toInput: (p) => applyHomography(transform, p),
    transform,
    corners,
    rotation,
    skew: Math.round(skewNorm * 10) / 10,
    found: true,
    upsideDownBy: flip.by,
    quality,
    analysis: a,
    ...(padding ? { padding: flip.value ? { top: padding.bottom, bottom: padding.top } : padding } : {}),
  };
}

/**
 * Is the text upside down in the straightened frame? Printed forms are left-aligned: line starts
 * line up in columns, line ends are ragged. Upside down, the ends line up instead. When that does not
 * settle it, the caller's hook decides (e.g. by reading a line both ways).
 */
async function upsideDown(
  straightened: Raster,
  a: FrameAnalysis,
  hOutToIn: Mat3,
  options: LocateOptions,
): Promise<{ value: boolean; by: Located['upsideDownBy'] }> {
  const inv = invert(hOutToIn);
  if (!inv) return { value: false, by: 'default' };
  const ends: { x0: number; x1: number; y: number; h: number }[] = [];
  const hs: number[] = [];
  for (const b of a.blobs) {
    if (b.length < 2.5 * b.thickness) continue;
    const dx = (Math.cos(b.angle) * b.length) / 2;
    const dy = (Math.sin(b.angle) * b.length) / 2;
    const p = applyHomography(inv, [(b.cx - dx) * a.scale, (b.cy - dy) * a.scale]);
    const q = applyHomography(inv, [(b.cx + dx) * a.scale, (b.cy + dy) * a.scale]);
    const nx = -Math.sin(b.angle) * b.thickness * 0.5;
    const ny = Math.cos(b.angle) * b.thickness * 0.5;
    const c0 = applyHomography(inv, [(b.cx - nx) * a.scale, (b.cy - ny) * a.scale]);
    const c1 = applyHomography(inv, [(b.cx + nx) * a.scale, (b.cy + ny) * a.scale]);
    const h = Math.hypot(c1[0] - c0[0], c1[1] - c0[1]);
    ends.push({ x0: Math.min(p[0], q[0]), x1: Math.max(p[0], q[0]), y: (p[1] + q[1]) / 2, h });
    hs.push(h);
  }
  const th = median(hs);
  const tol = Math.max(1.5, 0.5 * th);
  const aligned = (key: 'x0' | 'x1') => {
    let count = 0;
    for (const e of ends) {
      let partners = 0;
      for (const f of ends) {
        if (f === e || Math.abs(f.y - e.y) < th) continue;
        if (Math.abs(f[key] - e[key]) <= tol) partners++;
      }
      if (partners >= 2) count++;
    }
    return count;
  };
  const left = aligned('x0');
  const right = aligned('x1');
  // The layout settles it only when one side is clearly aligned and the other clearly ragged.
  const margin = Math.max(3, 0.15 * ends.length);
  if (left >= 2 * right + margin) return { value: false, by: 'layout' };
  if (right >= 2 * left + margin) return { value: true, by: 'layout' };
  if (options.decideUpsideDown) {
    // The kernels are shrunk text: the printed line is about 1.8x as high, and a little longer.
    const rects: Rect[] = ends.map((e) => ({
      x: e.x0 - 0.8 * e.h,
      y: e.y - 1.4 * e.h,
      width: e.x1 - e.x0 + 1.6 * e.h,
      height: 2.8 * e.h,
    }));
    const v = await options.decideUpsideDown(straightened, rects);
    if (v !== null) return { value: v, by: 'hook' };
  }
  return { value: right > left, by: 'default' };
}

/**
 * Text blobs of `input` (any resolution) in the pixels of `analysis`. With `turn` = 1 the detector
 * looks at the image turned a quarter clockwise and the blobs are turned back.
 */
async function blobsAt(
  input: Raster,
  analysis: Raster,
  detector: TensorRunner,
  side: number,
  turn: 0 | 1,
): Promise<TextBlob[]> {
  const seen = turn ? rotateQuarter(input, 1) : input;
  const prob = await detectProbabilityMap(seen, detector, side);
  // Map pixels -> analysis pixels of the (possibly turned) analysis frame.
  const aw = turn ? analysis.height : analysis.width;
  const ah = turn ? analysis.width : analysis.height;
  const blobs = textBlobs(prob.data, prob.width, prob.height, aw / prob.width, ah / prob.height);
  if (!turn) return blobs;
  // Turned clockwise: x' = H - y, y' = x  =>  x = y', y = H - x' (H = analysis height).
  return blobs.map((b) => {
    let angle = b.angle - Math.PI / 2;
    if (angle <= -Math.PI / 2) angle += Math.PI;
    return { ...b, cx: b.cy, cy: analysis.height - b.cx, angle };
  });
}

/** The direction (mod 90 degrees) most strong edges take, in (-45, 45] degrees, as radians. */
function dominantEdgeAngle(edges: ReturnType<typeof edgeMap>): number {
  const hist = new Float64Array(90);
  for (let i = 0; i < edges.mag.length; i++) {
    const m = edges.mag[i]!;
    if (m === 0) continue;
    const deg = (((edges.dir[i]! / DEG) % 90) + 90) % 90;
    const b = Math.round(deg) % 90;
    hist[b] = hist[b]! + m;
  }
  let best = 0;
  let bestV = -1;
  for (let b = 0; b < 90; b++) {
    let v = 0;
    for (let k = -2; k <= 2; k++) v += hist[(b + k + 90) % 90]!;
    if (v > bestV) {
      bestV = v;
      best = b;
    }
  }
  return ((best > 45 ? best - 90 : best) * DEG) as number;
}

function cloudPoints(blobs: TextBlob[]): Point[] {
  const pts: Point[] = [];
  for (const b of blobs) {
    const c = Math.cos(b.angle);
    const s = Math.sin(b.angle);
    // The kernel is shrunk text: grow it back by about half its thickness each way.
    const hl = b.length / 2 + b.thickness * 0.5;
    const ht = b.thickness;
    for (const [du, dv] of [
      [-hl, -ht],
      [hl, -ht],
      [hl, ht],
      [-hl, ht],
    ] as const) {
      pts.push([b.cx + du * c - dv * s, b.cy + du * s + dv * c]);
    }
  }
  return pts;
}

function boxOfPoints(pts: Point[]): { x: number; y: number; width: number; height: number } {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function textBox(a: FrameAnalysis): { x: number; y: number; width: number; height: number } | null {
  if (!a.blobs.length) return null;
  const b = polygonBounds(cloudPoints(a.blobs));
  return { x: b.x * a.scale, y: b.y * a.scale, width: b.width * a.scale, height: b.height * a.scale };
}

/** All four sides within 0.6 degrees of the axes: cropping would be the only change. */
function isNearlyAxisAligned(q: Point[]): boolean {
  for (let i = 0; i < 4; i++) {
    const p = q[i]!;
    const r = q[(i + 1) % 4]!;
    const ang = Math.atan2(r[1] - p[1], r[0] - p[0]) / DEG;
    const off = Math.abs((((ang % 90) + 90 + 45) % 90) - 45);
    if (off > 0.6) return false;
  }
  return true;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}
