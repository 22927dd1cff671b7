// Text lines with positions, from either OCR of pixels or a PDF's own text layer. Everything after
// this point (layout, normalizing, validation) is the same for both sources.
import type { PdfTextItem, Raster, Rect, TextRecognizer, TensorRunner } from './ports';
import { detectTextBoxes } from './detect/text-detector';
import { crop, resize } from './image/raster';
import { warpPerspective, type Mat3 } from './locate/homography';

export interface TextWord {
  text: string;
  confidence: number;
  rect: Rect;
}

export interface TextLine {
  text: string;
  confidence: number;
  rect: Rect;
  words: TextWord[];
}

/** Height in pixels the recognizer sees each line at: tesseract's LSTM reads best around 30-40 px. */
const TARGET_LINE_HEIGHT = 40;
/** How a line is cropped for its first read: scaled to TARGET_LINE_HEIGHT, 8% of its height around it. */
export const FIRST_READ_FRAMING = { targetHeight: TARGET_LINE_HEIGHT, padRatio: 0.08 } as const;

export interface OcrOptions {
  signal?: AbortSignal;
  onLine?: (done: number, total: number) => void;
  detectorMaxSide?: number;
}

/** A detected line's box; `angle` (radians, clockwise) when the print is tilted and the box follows it. */
export interface LineRect extends Rect {
  angle?: number;
}

export async function detectLines(
  raster: Raster,
  detector: TensorRunner,
  maxSide?: number,
): Promise<LineRect[]> {
  const boxes = await detectTextBoxes(raster, detector, maxSide ? { maxSide } : {});
  return mergeRowFragments(
    boxes.map((b) => (b.angle === undefined ? b.rect : { ...b.rect, angle: b.angle })),
  );
}

/** Reads every detected line. Crops are padded and scaled to a uniform text height first. */
export async function recognizeLines(
  raster: Raster,
  rects: Rect[],
  recognizer: TextRecognizer,
  options: OcrOptions = {},
): Promise<TextLine[]> {
  let done = 0;
  const lines = await Promise.all(
    rects.map(async (rect) => {
      options.signal?.throwIfAborted();
      const line = await recognizeRegion(raster, rect, recognizer);
      options.onLine?.(++done, rects.length);
      return line;
    }),
  );
  return lines.filter((l): l is TextLine => l !== null && l.text.length > 0);
}

export interface RegionReadOptions {
  /** Characters the read may hold (the field's format). */
  charset?: string;
  /** Line height the crop is scaled to, and the margin around the box as a share of its height. */
  framing?: { targetHeight: number; padRatio: number };
  engine?: 'first' | 'second';
  /** One look as framed (`RecognizeOptions.once`): a re-read that must stay a view of its own. */
  once?: boolean;
}

export async function recognizeRegion(
  raster: Raster,
  rect: Rect,
  recognizer: TextRecognizer,
  options: RegionReadOptions = {},
): Promise<TextLine | null> {
  const { charset, engine, once } = options;
  const framing = options.framing ?? FIRST_READ_FRAMING;
  const pad = Math.max(2, Math.round(rect.height * framing.padRatio));
  const padded = {
    x: rect.x - pad,
    y: rect.y - pad,
    width: rect.width + 2 * pad,
    height: rect.height + 2 * pad,
  };
  const angle = (rect as LineRect).angle;
  const scale = Math.min(4, Math.max(0.5, framing.targetHeight / Math.max(1, rect.height)));
  let originX: number;
  let input: Raster;
  if (angle) {
    // A tilted line is sampled along its own direction, scaled in the same pass.
    originX = padded.x;
    input = uprightCrop(raster, padded, angle, scale);
  } else {
    const region = crop(raster, padded);
    originX = Math.max(0, Math.floor(padded.x));
    input = scale === 1 ? region : resize(region, region.width * scale, region.height * scale);
  }
  const rec = await recognizer.recognize(input, {
    mode: 'line',
    ...(charset ? { charset } : {}),
    ...(engine ? { engine } : {}),
    ...(once ? { once } : {}),
  });
  const words = rec.words
    .filter((w) => w.text.trim().length > 0)
    .flatMap(splitCaseJoined)
    .map((w) => ({
      text: w.text,
      confidence: w.confidence,
      // Words span the line's height: glyph boxes vary with ascenders and would make labels and
      // values on one row look misaligned.
      rect: { x: originX + w.bbox.x / scale, y: rect.y, width: w.bbox.width / scale, height: rect.height },
    }));
  const text = words.length ? words.map((w) => w.text).join(' ') : rec.text;
  if (!text.trim()) return null;
  const confidence = words.length
    ? Math.min(rec.confidence, ...words.map((w) => w.confidence))
    : rec.confidence;
  return { text, confidence, rect, words };
}

/**
 * A mixed-case label word run into the capitals of its value ("TanggalCHIANG", the space lost in
 * blur) is two words: labels are printed in mixed case and values in capitals, so the case change
 * is the boundary. A short lowercase run ("McDONALD") is never split.
 */
export function splitCaseJoined<W extends { text: string; bbox: Rect }>(word: W): W[] {
  // Also a label's abbreviation with its period run into an identifier ("No.7IOEE54803").
  // And a short label word before a long value in capitals ("SexPEREMPUAN"; "MacDONALD" is too short).
  const m =
    /^([A-Z]?[a-z]{3,}[.:]?)([A-Z0-9][A-Z0-9,.'/-]+)$/.exec(word.text) ??
    /^([A-Z][a-z]{1,2}[.:])([A-Z0-9][A-Z0-9-]{4,})$/.exec(word.text) ??
    /^([A-Z][a-z]{2})([A-Z][A-Z'-]{6,})$/.exec(word.text);
  if (!m) return [word];
  const [, head, tail] = m as unknown as [string, string, string];
  const headWidth = (word.bbox.width * head.length) / word.text.length;
  return [
    { ...word, text: head, bbox: { ...word.bbox, width: headWidth } },
    {
      ...word,
      text: tail,
      bbox: { ...word.bbox, x: word.bbox.x + headWidth, width: word.bbox.width - headWidth },
    },
  ];
}

/** The pixels of `box` (upright coordinates) turned by `angle` around its centre, scaled by `scale`. */
function uprightCrop(raster: Raster, box: Rect, angle: number, scale: number): Raster {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const cos = Math.cos(angle) / scale;
  const sin = Math.sin(angle) / scale;
  // Output pixel (u, v) -> input: centre + R(angle) * ((u, v) - (w, h) / 2) / scale.
  const toInput: Mat3 = [
    cos,
    -sin,
    cx - cos * (w / 2) + sin * (h / 2),
    sin,
    cos,
    cy - sin * (w / 2) - cos * (h / 2),
    0,
    0,
    1,
  ];
  return warpPerspective(raster, toInput, w, h);
}

/**
 * The detector sometimes splits one printed line at wide letter gaps. Boxes on the same row whose
 * gap is under about one text height are the same line.
 */
export function mergeRowFragments(rects: LineRect[]): LineRect[] {
  const sorted = [...rects].sort((a, b) => a.x - b.x);
  const out: LineRect[] = [];
  // The widest fragment merged into each output box: its direction is the line's. A colon's two
  // dots or a lone glyph have a direction of their own (a colon read as tilted 10 degrees), which
  // must not turn the whole value when it happens to be the leftmost fragment.
  const widest = new Map<LineRect, number>();
  for (const r of sorted) {
    const host = out.find((o) => {
      const overlap = Math.min(o.y + o.height, r.y + r.height) - Math.max(o.y, r.y);
      const h = Math.min(o.height, r.height);
      const gap = r.x - (o.x + o.width);
      return (
        overlap > 0.6 * h &&
        Math.abs(o.height - r.height) < 0.5 * Math.max(o.height, r.height) &&
        gap < 0.6 * h
      );
    });
    if (host) {
      const x1 = Math.max(host.x + host.width, r.x + r.width);
      const y0 = Math.min(host.y, r.y);
      const y1 = Math.max(host.y + host.height, r.y + r.height);
      host.width = x1 - host.x;
      host.y = y0;
      host.height = y1 - y0;
      if (r.width > widest.get(host)!) {
        widest.set(host, r.width);
        if (r.angle === undefined) delete host.angle;
        else host.angle = r.angle;
      }
    } else {
      const copy = { ...r };
      widest.set(copy, r.width);
      out.push(copy);
    }
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}

/**
 * Groups a PDF's text items into lines the way OCR would see them: items on one baseline that
 * nearly touch form a line; a wide gap (label column to value column) starts a new one.
 */
export function linesFromTextItems(items: PdfTextItem[]): TextLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: { items: PdfTextItem[]; rect: Rect }[] = [];
  for (const item of sorted) {
    const host = lines.find((l) => {
      const last = l.items[l.items.length - 1]!;
      const sameRow = Math.abs(last.y + last.height / 2 - (item.y + item.height / 2)) < 0.35 * item.height;
      const gap = item.x - (last.x + last.width);
      return sameRow && gap < 1.2 * item.height && gap > -item.height;
    });
    if (host) {
      host.items.push(item);
      const x1 = Math.max(host.rect.x + host.rect.width, item.x + item.width);
      const y0 = Math.min(host.rect.y, item.y);
      const y1 = Math.max(host.rect.y + host.rect.height, item.y + item.height);
      host.rect = { x: Math.min(host.rect.x, item.x), y: y0, width: 0, height: y1 - y0 };
      host.rect.width = x1 - host.rect.x;
    } else {
      lines.push({ items: [item], rect: { x: item.x, y: item.y, width: item.width, height: item.height } });
    }
  }
  return lines.map(({ items: lineItems, rect }) => {
    const words: TextWord[] = [];
    for (const item of lineItems) words.push(...splitItemIntoWords(item));
    return { text: words.map((w) => w.text).join(' '), confidence: 1, rect, words };
  });
}

/** Splits a text item into words, giving each a share of the item's width by character count. */
function splitItemIntoWords(item: PdfTextItem): TextWord[] {
  const words: TextWord[] = [];
  const chars = item.str.length || 1;
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(item.str))) {
    words.push({
      text: m[0],
      confidence: 1,
      rect: {
        x: item.x + (item.width * m.index) / chars,
        y: item.y,
        width: (item.width * m[0].length) / chars,
        height: item.height,
      },
    });
  }
  return words;
}
