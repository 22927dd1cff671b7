// Reads one field again from a region the officer drew on the page: crop, recognize with the
// field's character set where it has one, normalize as the pipeline does. Shared by the browser
// worker (redraw in the review screen) and any other front door that wants the same.
import type { Raster, Rect, TextRecognizer } from './ports';
import type { Polygon, TextField, TextFieldName } from './schema';
import { clampRect, crop, resize } from './image/raster';
import { rectToPolygon } from './geometry/polygon';
import type { PointMap } from './geometry/point-map';
import { recognizeRegion } from './text-lines';
import { normalizeField } from './assemble';
import { cleanText } from './normalize/text';
import { charsetFor } from './charsets';
import { confidenceFromEvidence, FREE_TEXT_FIELDS, LISTED_FIELDS } from './confidence';

/** Fields that may wrap over several printed lines: a tall box is read as a block. */
const MULTI_LINE = new Set<TextFieldName>(['address', 'office_address', 'office_name', 'occupation']);

export interface RereadOptions {
  pageIndex: number;
  /** The holder's nationality (passport number formats depend on it). */
  nationality?: string;
  /** From raster pixels to output pixels (default: the same). */
  toOutput?: PointMap;
  signal?: AbortSignal;
}

/** Smallest box, in raster pixels, worth reading. */
const MIN_SIDE = 4;

interface Read {
  text: string;
  confidence: number;
}

async function readBlock(raster: Raster, rect: Rect, recognizer: TextRecognizer): Promise<Read | null> {
  const region = crop(raster, rect);
  // Tesseract reads best at 30-40 px per line; a block of small print is enlarged (at most 3x).
  const scale = Math.min(3, Math.max(1, 1200 / Math.max(1, region.width)));
  const input = scale === 1 ? region : resize(region, region.width * scale, region.height * scale);
  const rec = await recognizer.recognize(input, { mode: 'block' });
  const text = rec.text.replace(/\s*\n\s*/g, ' ').trim();
  return text ? { text, confidence: rec.confidence } : null;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * The field read from `rect` (raster pixels) alone. The polygon is the drawn box; an empty or tiny
 * box, or one with no text in it, gives an empty value with confidence 0.
 */
export async function rereadRegion(
  raster: Raster,
  rect: Rect,
  field: TextFieldName,
  recognizer: TextRecognizer,
  options: RereadOptions,
): Promise<TextField> {
  const box = clampRect(rect, raster.width, raster.height);
  const map = options.toOutput ?? ((p) => p);
  const polygon: Polygon = box.width > 0 && box.height > 0 ? rectToPolygon(box).map(map) : [];
  const empty: TextField = {
    value: '',
    value_original: '',
    confidence: 0,
    confidence_text: 0,
    polygon,
    page_index: options.pageIndex,
  };
  if (box.width < MIN_SIDE || box.height < MIN_SIDE) return empty;
  options.signal?.throwIfAborted();
  const nationality = options.nationality ?? '';

  const tall = box.height * 5 > box.width;
  let read: Read | null =
    MULTI_LINE.has(field) && tall
      ? await readBlock(raster, box, recognizer)
      : await recognizeRegion(raster, box, recognizer);
  let normalized = read ? normalizeField(field, cleanText(read.text), nationality) : null;

  // A strictly formatted field that did not come out in its format gets a second read restricted
  // to its characters; the second read wins when it does fit.
  // (A date printed with a month name is left alone: digits only would lose the month.)
  const charset = charsetFor(field, read?.text ?? '');
  if (charset && normalized?.valid !== true) {
    options.signal?.throwIfAborted();
    const second = await recognizeRegion(raster, box, recognizer, { charset });
    const secondNorm = second ? normalizeField(field, cleanText(second.text), nationality) : null;
    if (second && secondNorm && (secondNorm.valid === true || !read)) {
      read = second;
      normalized = secondNorm;
    }
  }
  if (!read || !normalized) return empty;
  const original = cleanText(read.text);
  return {
    value: normalized.value,
    value_original: original,
    confidence: confidenceFromEvidence({
      text: Math.max(0, Math.min(1, read.confidence)),
      format: normalized.valid === true ? 'valid' : normalized.valid === false ? 'invalid' : 'none',
      reread: 'none',
      // The officer drew the box: the assignment is theirs.
      assignment: 1,
      source: 'ocr',
      repaired: !!normalized.repaired,
      freeText: FREE_TEXT_FIELDS.has(field),
      length: normalized.value.length,
      ...(normalized.valid === true && LISTED_FIELDS.has(field) ? { listed: true } : {}),
    }),
    confidence_text: round4(Math.max(0, Math.min(1, read.confidence))),
    polygon,
    page_index: options.pageIndex,
  };
}
