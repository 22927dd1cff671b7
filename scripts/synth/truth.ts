// Ground truth: the reference KitasResult a perfect reader returns for a generated document.
import { FIELD_NAMES, IMAGE_FIELDS, REASONS, TEXT_FIELDS, emptyTextField } from '../../src/core/schema';
import type { ImageField, KitasRead, KitasResult, Point, Polygon } from '../../src/core/schema';
import type { MarkKey, Printed } from './html';
import type { Boxes, CssBox } from './render';
import type { DocKind, DocLayout } from './spec';

export type Tier = 'digital' | 'pdf' | 'scan' | 'photo' | 'webcam';
export const TIERS: readonly Tier[] = ['digital', 'pdf', 'scan', 'photo', 'webcam'];

export interface Truth {
  id: string;
  file: string;
  tier: Tier;
  layout: DocLayout;
  variant: string;
  kind: DocKind;
  width: number;
  height: number;
  pages: number;
  /** For PDFs: 'text' (Chromium print with a text layer) or 'image' (a scan wrapped in a PDF). */
  pdf_kind?: 'text' | 'image';
  /** Clockwise quarter turns applied to the final photo (0..3). */
  rotation?: number;
  expected: KitasResult;
}

/** Maps a point in CSS px of its sheet to output pixels (float). */
export type PointMap = (x: number, y: number) => [number, number];

/** Axis-aligned box corners clockwise from the top-left, mapped and rounded. */
export function boxPolygon(b: CssBox, map: PointMap, bounds?: { width: number; height: number }): Polygon {
  const pts: [number, number][] = [map(b.x0, b.y0), map(b.x1, b.y0), map(b.x1, b.y1), map(b.x0, b.y1)];
  return pts.map(([x, y]): Point => {
    let px = Math.round(x);
    let py = Math.round(y);
    if (bounds) {
      px = Math.min(Math.max(px, 0), bounds.width);
      py = Math.min(Math.max(py, 0), bounds.height);
    }
    return [px, py];
  });
}

/** A straight scale from CSS px to output px, rounding outward so the box covers the glyphs. */
export function scaledPolygon(
  b: CssBox,
  sx: number,
  sy: number,
  bounds: { width: number; height: number },
): Polygon {
  const x0 = Math.max(0, Math.floor(b.x0 * sx));
  const y0 = Math.max(0, Math.floor(b.y0 * sy));
  const x1 = Math.min(bounds.width, Math.ceil(b.x1 * sx));
  const y1 = Math.min(bounds.height, Math.ceil(b.y1 * sy));
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

function emptyImage(pageIndex: number): ImageField {
  return {
    value: '',
    value_original: '',
    confidence: 0,
    confidence_text: 0,
    polygon: [],
    page_index: pageIndex,
  };
}

/** The reference object for a permit: every field, present ones with their polygons. */
export function buildExpected(
  printed: ReadonlyMap<MarkKey, Printed>,
  polygons: ReadonlyMap<MarkKey, Polygon>,
  pageIndex: number,
): KitasResult {
  const read: Partial<KitasRead> = {};
  for (const f of TEXT_FIELDS) read[f] = emptyTextField(pageIndex);
  for (const f of IMAGE_FIELDS) read[f] = emptyImage(pageIndex);
  for (const [key, p] of printed) {
    const polygon = polygons.get(key);
    if (!polygon) throw new Error(`no polygon for ${key}`);
    if (key === 'photo' || key === 'sign') {
      read[key] = { value: '', confidence: 1, polygon, page_index: pageIndex };
    } else if (key === 'issued') {
      const [place, date] = p.value.split('|') as [string, string];
      read.issued_place = {
        value: place,
        value_original: p.original,
        confidence: 1,
        confidence_text: 1,
        polygon,
        page_index: pageIndex,
      };
      read.issued_date = {
        value: date,
        value_original: p.original,
        confidence: 1,
        confidence_text: 1,
        polygon: polygon.map((q) => [q[0], q[1]] as Point),
        page_index: pageIndex,
      };
    } else {
      read[key] = {
        value: p.value,
        value_original: p.original,
        confidence: 1,
        confidence_text: 1,
        polygon,
        page_index: pageIndex,
      };
    }
  }
  // Key order of the reference response.
  const ordered: Partial<KitasRead> = {};
  for (const f of FIELD_NAMES) (ordered as Record<string, unknown>)[f] = read[f];
  for (const f of TEXT_FIELDS) if (!(f in ordered)) (ordered as Record<string, unknown>)[f] = read[f];
  return { status: 'SUCCESS', reason: REASONS.success, read: ordered as KitasRead };
}

/** The reference object for a document that is not a KITAS/KITAP: every field empty. */
export function negativeExpected(): KitasResult {
  const read: Partial<KitasRead> = {};
  for (const f of FIELD_NAMES)
    (read as Record<string, unknown>)[f] = f === 'photo' || f === 'sign' ? emptyImage(0) : emptyTextField(0);
  return { status: 'SUCCESS', reason: REASONS.someInvalid, read: read as KitasRead };
}

export function polygonsFromBoxes(boxes: Boxes, toPolygon: (b: CssBox) => Polygon): Map<MarkKey, Polygon> {
  const out = new Map<MarkKey, Polygon>();
  for (const [k, b] of Object.entries(boxes) as [MarkKey, CssBox][]) out.set(k, toPolygon(b));
  return out;
}
