// A small Y4M (YUV4MPEG2, 4:2:0) writer for Chromium's fake camera, and a clip of a synthetic card
// being brought into frame: it slides in from the right (cut off), then is held still, slightly
// tilted, in front of a plain room-like background.
import { createWriteStream } from 'node:fs';
import sharp from 'sharp';

export interface RgbFrame {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel. */
  data: Uint8Array;
}

/** Writes frames as a Y4M file (C420jpeg: full-range BT.601, chroma averaged over 2x2). */
export async function writeY4m(file: string, frames: Iterable<RgbFrame>, fps = 10): Promise<void> {
  const out = createWriteStream(file);
  let header = false;
  for (const f of frames) {
    const { width: w, height: h, data } = f;
    if (w % 2 || h % 2) throw new Error('Y4M 4:2:0 frames need even sizes');
    if (!header) {
      out.write(`YUV4MPEG2 W${w} H${h} F${fps}:1 Ip A1:1 C420jpeg\n`);
      header = true;
    }
    const y = Buffer.alloc(w * h);
    const u = Buffer.alloc((w / 2) * (h / 2));
    const v = Buffer.alloc((w / 2) * (h / 2));
    for (let i = 0, p = 0; p < w * h; i += 3, p++) {
      y[p] = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    }
    for (let cy = 0; cy < h / 2; cy++) {
      for (let cx = 0; cx < w / 2; cx++) {
        let r = 0,
          g = 0,
          b = 0;
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ] as const) {
          const i = ((2 * cy + dy) * w + 2 * cx + dx) * 3;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
        r /= 4;
        g /= 4;
        b /= 4;
        const o = cy * (w / 2) + cx;
        u[o] = Math.max(0, Math.min(255, -0.168736 * r - 0.331264 * g + 0.5 * b + 128));
        v[o] = Math.max(0, Math.min(255, 0.5 * r - 0.418688 * g - 0.081312 * b + 128));
      }
    }
    out.write('FRAME\n');
    out.write(y);
    out.write(u);
    out.write(v);
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(resolve);
  });
}

interface Rgba {
  width: number;
  height: number;
  data: Buffer;
}

async function loadRgba(file: string): Promise<Rgba> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** The room: a vertical grey-blue gradient with a darker band (a desk edge), no text. */
function background(w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const t = y / h;
    const band = t > 0.86 && t < 0.9 ? 0.55 : 1;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      out[i] = (70 + 40 * t) * band;
      out[i + 1] = (78 + 38 * t) * band;
      out[i + 2] = (92 + 30 * t) * band;
    }
  }
  return out;
}

/** Draws the card (bilinear, rounded corners ignored) scaled by `s`, turned by `deg`, centred at (cx, cy). */
function drawCard(
  frame: Uint8Array,
  w: number,
  h: number,
  card: Rgba,
  s: number,
  deg: number,
  cx: number,
  cy: number,
) {
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const hw = (card.width * s) / 2;
  const hh = (card.height * s) / 2;
  const reach = Math.hypot(hw, hh) + 2;
  const x0 = Math.max(0, Math.floor(cx - reach));
  const x1 = Math.min(w, Math.ceil(cx + reach));
  const y0 = Math.max(0, Math.floor(cy - reach));
  const y1 = Math.min(h, Math.ceil(cy + reach));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      // Frame -> card coordinates (inverse rotation and scale).
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const u = (cos * dx + sin * dy) / s + card.width / 2 - 0.5;
      const v = (-sin * dx + cos * dy) / s + card.height / 2 - 0.5;
      if (u < 0 || v < 0 || u > card.width - 1 || v > card.height - 1) continue;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const u1 = Math.min(card.width - 1, u0 + 1);
      const v1 = Math.min(card.height - 1, v0 + 1);
      const fu = u - u0;
      const fv = v - v0;
      const o = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) {
        const p = (xx: number, yy: number) => card.data[(yy * card.width + xx) * 4 + c]!;
        frame[o + c] =
          (p(u0, v0) * (1 - fu) + p(u1, v0) * fu) * (1 - fv) + (p(u0, v1) * (1 - fu) + p(u1, v1) * fu) * fv;
      }
    }
  }
}

/**
 * Frames of `cardPng` coming into a `w` x `h` view: `slide` frames sliding in from the right (the
 * card runs out of frame), then `hold` frames held still at the centre, tilted by 3 degrees.
 */
export async function cardComingIntoFrame(
  cardPng: string,
  w = 1280,
  h = 720,
  slide = 10,
  hold = 30,
  /** Where the card ends up, as a share of the width (0.5: centred; larger: part out of frame). */
  end = 0.5,
): Promise<RgbFrame[]> {
  const card = await loadRgba(cardPng);
  // Held up close, as the guide asks: about 0.78 of the width of a 16:9 webcam frame.
  const s = Math.min((0.78 * w) / card.width, (0.9 * h) / card.height);
  const bg = background(w, h);
  const frames: RgbFrame[] = [];
  for (let i = 0; i < slide + hold; i++) {
    const t = Math.min(1, i / slide);
    const cx = w * end + (1 - t) * w * 0.7;
    const data = new Uint8Array(bg);
    drawCard(data, w, h, card, s, 3 * t, cx, h / 2);
    frames.push({ width: w, height: h, data });
  }
  return frames;
}
