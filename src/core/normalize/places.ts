// A place of birth is a city, or a province or state (Chinese permits print JIANGSU, HENAN). An
// unsure read one or two glyphs from exactly one such name (BEJING, YKATERINBURG, BIL BAO) takes
// that name's spelling. A sure read is kept as read, because the directory (world-places.json,
// built by scripts/data/make-world-places.ts from SimpleMaps' World Cities Database) spells
// places in English and a permit may print them in their own language (TORINO, FIRENZE, KOELN).
import directory from './world-places.json';
import { nearestWithin } from '../fuzzy';

/** Reads at least this sure are kept as read. */
export const SURE_PLACE_READ = 0.9;

let names: Set<string> | null = null;

/** Edits a name of this length may be off by: none under five letters, where too many are near. */
function reach(name: string): number {
  return name.length < 5 ? 0 : name.length <= 8 ? 1 : 2;
}

/** The place-of-birth read, snapped to a known place when unsure and within reach of exactly one. */
export function snapPlaceOfBirth(read: string, textConfidence: number): string {
  if (textConfidence >= SURE_PLACE_READ || !/^[A-Z][A-Z .'-]*$/.test(read)) return read;
  const maxEdits = reach(read);
  if (!maxEdits) return read;
  names ??= new Set(directory.names.split('|'));
  if (names.has(read)) return read;
  // A space lost or added by blur counts as one edit: "BIL BAO" is BILBAO.
  return nearestWithin(read, names, maxEdits) ?? read;
}

/**
 * A sure read that is a known place with one letter lost (CALGAR, SANT PETERSBURG): blur drops a
 * thin letter more often than a permit prints a name one letter short of another. The read is kept
 * (MILANO is MILANOA less a letter, and a permit prints MILANO) but it is no longer sure.
 */
export function isLetterShortOfKnownPlace(read: string): boolean {
  if (read.length < 5 || !/^[A-Z][A-Z .'-]*$/.test(read)) return false;
  names ??= new Set(directory.names.split('|'));
  if (names.has(read)) return false;
  for (const name of names) {
    if (name.length !== read.length + 1) continue;
    let i = 0;
    while (i < read.length && name[i] === read[i]) i++;
    if (name.slice(i + 1) === read.slice(i)) return true;
  }
  return false;
}
