// Turns what the layout found (printed text + boxes) into the reference fields: normalized values,
// polygons in output pixels, and a confidence that reflects how likely the value is exactly right.
import type { Rect } from './ports';
import type { KitasRead, Polygon, TextFieldName } from './schema';
import type { FieldReading } from './layout/assign';
import { normalizeDate } from './normalize/dates';
import { normalizeGender } from './normalize/gender';
import { cleanText, normalizeName, normalizeNationality } from './normalize/text';
import {
  isValidNiora,
  isValidPassportNumber,
  isValidPermitNumber,
  isValidStayPermitIndex,
  normalizeNiora,
  normalizePassportNumber,
  normalizePermitNumber,
  normalizeStayPermitIndex,
} from './normalize/identifiers';
import { splitPlaceAndDate } from './normalize/place-date';
import { classifyTitle } from './normalize/document-type';
import { unionRect } from './geometry/polygon';
import { mapRect, type PointMap } from './geometry/point-map';

interface Normalized {
  value: string;
  /** true: the value has the field's format; false: it does not; null: the field has no format. */
  valid: boolean | null;
}

const DATE_FIELDS = new Set<TextFieldName>([
  'date_of_birth',
  'passport_expiry',
  'stay_entries_permit_expiry',
  'stay_multiple_entries_permit_expiry',
]);

export function normalizeField(name: TextFieldName, printed: string, nationality: string): Normalized {
  const text = cleanText(printed);
  if (DATE_FIELDS.has(name)) {
    const d = normalizeDate(text);
    return d ? { value: d, valid: true } : { value: text, valid: false };
  }
  switch (name) {
    case 'issued_date': {
      const split = splitPlaceAndDate(text);
      const d = split?.date ?? normalizeDate(text);
      return d ? { value: d, valid: true } : { value: text, valid: false };
    }
    case 'issued_place': {
      const split = splitPlaceAndDate(text);
      return split ? { value: split.place, valid: true } : { value: text, valid: false };
    }
    case 'gender': {
      const g = normalizeGender(text);
      return g ? { value: g, valid: true } : { value: text, valid: false };
    }
    case 'niora': {
      const v = normalizeNiora(text);
      return { value: v, valid: isValidNiora(v) };
    }
    case 'permit_number': {
      const v = normalizePermitNumber(text);
      return { value: v, valid: isValidPermitNumber(v) };
    }
    case 'stay_permit_index': {
      const v = normalizeStayPermitIndex(text);
      return { value: v, valid: isValidStayPermitIndex(v) };
    }
    case 'passport_number': {
      const v = normalizePassportNumber(text, nationality);
      return { value: v, valid: isValidPassportNumber(v, nationality) };
    }
    case 'nationality':
      return { value: normalizeNationality(text), valid: null };
    case 'full_name':
      return { value: normalizeName(text), valid: null };
    case 'document_type': {
      const t = classifyTitle(text);
      return t ? { value: t.title, valid: true } : { value: text, valid: false };
    }
    default:
      return { value: text, valid: null };
  }
}

function toPolygon(rects: Rect[], toOutput: PointMap): Polygon {
  if (!rects.length) return [];
  return mapRect(
    rects.reduce((a, b) => unionRect(a, b)),
    toOutput,
  );
}

/**
 * How much a format check says about exactness: a value that passes a strict format after OCR is
 * rarely wrong; free text has only the recognizer's word to go on.
 */
function confidenceOf(textConfidence: number, assignment: number, valid: boolean | null): number {
  const formatFactor = valid === true ? 1 : valid === false ? 0.35 : 0.97;
  // Tesseract's scores bunch near the top; stretch them so 0.9 means something.
  const text = Math.max(0, Math.min(1, (textConfidence - 0.5) / 0.45));
  return Math.round(Math.min(0.999, text * assignment * formatFactor) * 10000) / 10000;
}

/** Tesseract reads a lone capital I (as in "KELAS I") as '|'; quotes at a line's end are noise. */
function fixIsolatedBars(text: string): string {
  return text.replace(/(^|\s)\|(?=\s|$)/g, '$1I').replace(/['"`]+$/, '');
}

export function finalizeFields(
  read: KitasRead,
  found: Partial<Record<TextFieldName, FieldReading>>,
  toOutput: PointMap,
  pageIndex: number,
): void {
  const nationality = found.nationality ? normalizeNationality(cleanText(found.nationality.text)) : '';
  for (const [name, reading] of Object.entries(found) as [TextFieldName, FieldReading][]) {
    const printed = cleanText(fixIsolatedBars(reading.text));
    if (!printed) continue;
    let { value, valid } = normalizeField(name, printed, nationality);
    let original = printed;
    // The ':' column sometimes joins the value and reads as '1', 'I' or '|': drop it when the
    // value only passes its format without it.
    const stray = /^[:;|!1Il.]\s+(.+)$/.exec(printed);
    if (valid === false && stray) {
      const retry = normalizeField(name, stray[1]!, nationality);
      if (retry.valid) {
        ({ value, valid } = retry);
        original = stray[1]!;
      }
    }
    read[name] = {
      value,
      value_original: original,
      confidence: confidenceOf(reading.confidence, reading.assignment, valid),
      confidence_text: Math.round(Math.max(0, Math.min(1, reading.confidence)) * 10000) / 10000,
      polygon: toPolygon(reading.rects, toOutput),
      page_index: pageIndex,
    };
  }
}
