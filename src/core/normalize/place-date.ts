// "Place, date" lines (issue place and date, place and date of birth): split and normalize the date.
import { normalizeDate } from './dates';
import { cleanText } from './text';

export interface PlaceAndDate {
  /** The place as printed (case kept), trimmed of separators; '' when the line is only a date. */
  place: string;
  /** dd-mm-yyyy */
  date: string;
}

/**
 * Splits "Pangkalpinang, 16-07-2019", "JAKARTA, 3 Maret 2024" or "Denpasar 12/05/2023" (comma missing)
 * into the place and the normalized date. The date is the longest trailing run of words that reads as
 * a date; null when no date ends the line.
 */
export function splitPlaceAndDate(text: string): PlaceAndDate | null {
  const s = cleanText(text);
  if (!s) return null;
  const starts: number[] = [];
  for (const m of s.matchAll(/[^\s,;]+/g)) starts.push(m.index);
  for (const start of starts) {
    const date = normalizeDate(s.slice(start));
    if (date === null) continue;
    const place = s
      .slice(0, start)
      .replace(/[\s,;:/-]+$/, '')
      .trim();
    // A "place" without a letter is a piece of the date (e.g. a split day), not a place.
    if (place && !/\p{L}/u.test(place)) continue;
    return { place, date };
  }
  // A mark of the stamp or signature beside the date, read as a letter or two ("23-07-2021 A"),
  // or as a lone digit after a whole year ("23-07-2021 3": no date goes on past its year).
  const speck = /^(.*\d)\s+[^\s\d]{1,2}$/.exec(s) ?? /^(.*\d{4})\s+\d$/.exec(s);
  return speck ? splitPlaceAndDate(speck[1]!) : null;
}

/** A place and, after its comma, print that looks like a date the recognizer garbled. */
export interface PlaceAndUnreadDate {
  place: string;
  /** The print after the comma, as read ("0-09-2025"). */
  dateText: string;
}

/**
 * "Yogyakarta, 0-09-2025": a place of one to three words, a comma, then digits that do not make a
 * date (a blurred day lost a digit). The place is still worth reading, and the date's box is known;
 * null when the line has no comma after a place or its tail holds fewer than four digits.
 */
export function splitPlaceAndUnreadDate(text: string): PlaceAndUnreadDate | null {
  const m = /^(\p{L}[\p{L}.' -]*?)\s*,\s*(\S.*)$/u.exec(cleanText(text));
  if (!m) return null;
  const place = m[1]!.trim();
  const dateText = m[2]!.trim();
  if (place.split(/\s+/).length > 3 || place.replace(/[^\p{L}]/gu, '').length < 3) return null;
  if ((dateText.match(/\d/g) ?? []).length < 4) return null;
  return { place, dateText };
}
