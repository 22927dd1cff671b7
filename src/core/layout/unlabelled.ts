// Values whose label could not be read (small print in a webcam frame or a soft photo) but whose
// own format says which field they are: a gender word, a country, "City, date" of birth, an
// address block, the one passport-like number left (or the one that fits the nationality's
// passport format), and the holder's name, which every Indonesian form prints just before the
// place and date of birth. Assigned with a low layout score, so their confidence stays below what
// a labelled value gets.
import type { TextLine, TextWord } from '../text-lines';
import type { FieldReading, LayoutResult } from './assign';
import type { TextFieldName } from '../schema';
import type { Rect } from '../ports';
import { normalizeGender } from '../normalize/gender';
import { isKnownNationality, normalizeAddress } from '../normalize/text';
import { splitPlaceAndDate } from '../normalize/place-date';
import { isValidPassportNumber, normalizePassportNumber } from '../normalize/identifiers';
import { unionRect } from '../geometry/polygon';
import { STAY_PURPOSES } from '../normalize/statuses';
import { isJobTitle } from '../normalize/occupations';
import { normalizeForMatch } from '../fuzzy';

/**
 * No permit still in use was issued before this year (a KITAS lasts at most five years, a KITAP is
 * renewed every five): a "City, date" line dated earlier is where and when the holder was born.
 */
const EARLIEST_ISSUE_YEAR = 2000;

/** Layout score of a value placed by its format alone. */
export const FORMAT_ONLY_ASSIGNMENT = 0.55;

const GENDER_WORDS = /^(LAKI[\s-]*LAKI|PEREMPUAN|MALE|FEMALE|PRIA|WANITA)$/i;
export const ADDRESS_START =
  /^(JL|JLN|JALAN|GG|GANG|PERUM|PERUMAHAN|APARTEMEN|APT|CLUSTER|KOMPLEK|KOMP|RUKO|DUSUN|DESA)\b/i;
/** Every purpose of stay as the status prints it, bare ones (BEKERJA, INVESTOR) included. */
const STAY_PURPOSE_SET: ReadonlySet<string> = new Set(STAY_PURPOSES);

/**
 * Stay purposes no other field prints: a foreign worker's field ("TKA BID. ...", tenaga kerja asing
 * bidang), joining a family member, a change of status. (BEKERJA, PELAJAR and the like are
 * occupations too, so a bare one is the status only once a job title holds the occupation.)
 */
const STATUS_START =
  /^(?:T[A-Z]A\s?BI[DO0]\b|IKUT\s+(?:SUAMI|ISTRI|ORANG\s+TUA)\b|PENYATUAN\s+KELUARGA\b|AL[I1l][HMN]\s+STATUS\b|(?:LANSIA|EKS\s?WNI|RUMAH\s+KEDUA|REPATRIASI|WISATAWAN\s+LANJUT\s+USIA)$)/;
export const ADDRESS_WORDS = /\b(RT|RW|KEL|KEC|KOTA|KAB|NO)\b/i;

/**
 * Whether a line under an address can be its next wrapped line. An Indonesian address ends with its
 * regency ("..., KAB. BADUNG" / "..., KOTA BATAM"): once that is read, the lines below are other
 * values whose labels were not read (occupation, status, the sponsor), not more address; only the
 * regency's compass word may still follow ("KOTA JAKARTA" / "SELATAN"). A line opening with a company
 * form (PT, CV) is the sponsor's name.
 */
export function continuesAddress(addressSoFar: string, line: string): boolean {
  const next = line.trim();
  if (/^(?:PT|CV)\.?\s/.test(next)) return false;
  // Read through the address grammar's repairs, so a regency keyword one glyph off ("KAR. X") ends it too.
  const so = normalizeAddress(addressSoFar.trim());
  if (!/(?:^|[,.]\s*)(?:KAB\.?|KOTA)\s+[A-Z]{3,}[A-Z ]*$/.test(so)) return true;
  const compass = /^(?:SELATAN|UTARA|BARAT|TIMUR|TENGAH|PUSAT)$/;
  return compass.test(next) && !compass.test(so.split(' ').pop() ?? '');
}

/**
 * Where the permit's "Place, date" of issue may be: it closes the document, in the lower part of
 * the text under the holder's data.
 */
export function issueZoneTop(lines: readonly TextLine[]): number {
  const textTop = Math.min(...lines.map((l) => l.rect.y));
  const textBottom = Math.max(...lines.map((l) => l.rect.y + l.rect.height));
  return textTop + 0.55 * (textBottom - textTop);
}

export function assignUnlabelledByFormat(
  lines: readonly TextLine[],
  used: Set<number>,
  fields: LayoutResult['fields'],
  titleRect: Rect | null,
  assignPlaceDate: (
    fields: LayoutResult['fields'],
    words: TextWord[],
    conf: number,
    assignment: number,
  ) => void,
  unfilled: readonly { key: TextFieldName }[] = [],
): void {
  const free = (i: number) =>
    !used.has(i) && (!titleRect || lines[i]!.rect.y > titleRect.y + titleRect.height * 0.5);
  const take = (i: number): FieldReading => {
    used.add(i);
    const line = lines[i]!;
    return {
      text: line.text,
      confidence: line.confidence,
      rects: [line.rect],
      assignment: FORMAT_ONLY_ASSIGNMENT,
    };
  };
  // The label column's ':' joined to the value by the detector is no part of its format.
  const text = (i: number) => lines[i]!.text.trim().replace(/^[:;]\s*/, '');
  const indices = lines.map((_, i) => i);

  if (!fields.gender) {
    // A gender word as the recognizer split or slurred it ("PERE MPUAN", "PEREMPLAN"): letters only.
    const hits = indices.filter(
      (i) =>
        free(i) &&
        /^[A-Z][A-Z -]*$/.test(text(i)) &&
        text(i).replace(/[^A-Z]/g, '').length >= 4 &&
        normalizeGender(text(i)) !== null,
    );
    if (hits.length === 1) fields.gender = take(hits[0]!);
  }

  if (!fields.nationality) {
    const hits = indices.filter(
      (i) => free(i) && /^[A-Z][A-Z .'-]{2,}$/.test(text(i)) && isKnownNationality(text(i)),
    );
    if (hits.length === 1) fields.nationality = take(hits[0]!);
  }

  // "City, date" of birth: every such line but the lowest (where the permit was issued and signed),
  // or the only one when it is above where the issue line is printed or dated before any permit
  // still in use was issued.
  if (!fields.place_of_birth && !fields.date_of_birth) {
    const placeDates = indices
      .filter((i) => free(i) && splitPlaceAndDate(text(i))?.place && /^[A-Z]/.test(text(i)))
      .sort((a, b) => lines[a]!.rect.y - lines[b]!.rect.y);
    const only = placeDates.length === 1 ? placeDates[0]! : -1;
    const onlyDate = only >= 0 ? splitPlaceAndDate(text(only))?.date : undefined;
    const year = Number(/(\d{4})\s*$/.exec(onlyDate ?? '')?.[1] ?? NaN);
    const aboveIssueZone = only >= 0 && lines[only]!.rect.y + lines[only]!.rect.height < issueZoneTop(lines);
    if (placeDates.length >= 2 || year < EARLIEST_ISSUE_YEAR || aboveIssueZone) {
      const i = placeDates[0]!;
      used.add(i);
      assignPlaceDate(fields, lines[i]!.words, lines[i]!.confidence, FORMAT_ONLY_ASSIGNMENT);
    }
  }

  if (!fields.address) {
    // Wrapped lines continue under the first, left-aligned, with the same type size.
    const block = (first: number) => {
      const members = [first];
      let rect = lines[first]!.rect;
      let joined = text(first);
      const h = rect.height;
      for (;;) {
        const next = indices.find(
          (i) =>
            free(i) &&
            !members.includes(i) &&
            lines[i]!.rect.y > rect.y &&
            lines[i]!.rect.y - (rect.y + rect.height) < 0.9 * h &&
            Math.abs(lines[i]!.rect.x - lines[first]!.rect.x) < 1.2 * h &&
            Math.abs(lines[i]!.rect.height - h) < 0.35 * h &&
            /^[A-Z0-9]/.test(text(i)) &&
            continuesAddress(joined, text(i)),
        );
        if (next === undefined) break;
        members.push(next);
        joined = `${joined} ${text(next)}`;
        rect = unionRect(rect, lines[next]!.rect);
      }
      return { members, rect, joined };
    };
    const starts = indices.filter((i) => free(i) && ADDRESS_START.test(text(i)));
    // The one block that starts like an address and names its parts (RT, KEL., ...) on its first
    // line; failing that, the one whose parts come on a wrapped line ("PERUM TAMAN ANGGREK BLOK 17"
    // over "NO. 19, RT 009/RW 007, ...").
    let blocks = starts.filter((i) => ADDRESS_WORDS.test(text(i))).map(block);
    if (blocks.length === 0) blocks = starts.map(block).filter((b) => ADDRESS_WORDS.test(b.joined));
    if (blocks.length === 1) {
      const { members, rect, joined } = blocks[0]!;
      const reading = take(members[0]!);
      for (const i of members.slice(1)) {
        used.add(i);
        reading.confidence = Math.min(reading.confidence, lines[i]!.confidence);
      }
      reading.text = joined;
      reading.rects = [rect];
      if (members.length > 1) reading.lineRects = members.map((i) => lines[i]!.rect);
      fields.address = reading;
    }
  }

  if (!fields.status) {
    const hits = indices.filter((i) => free(i) && STATUS_START.test(text(i)));
    if (hits.length === 1) fields.status = take(hits[0]!);
  }

  // A sponsor that is a company: its legal form opens the line ("PT ...", "CV ..."), which no other
  // field of a permit prints.
  if (!fields.guarantor_name) {
    const hits = indices.filter((i) => free(i) && /^(?:PT|CV)\.?\s+[A-Z][A-Z .,&'()-]+$/.test(text(i)));
    if (hits.length === 1) fields.guarantor_name = take(hits[0]!);
  }

  // A job title: capitals without digits holding a word only job titles use ("... ENGINEER",
  // "DIREKTUR UTAMA", "IBU RUMAH TANGGA"), the one such line left.
  if (!fields.occupation) {
    const hits = indices.filter((i) => free(i) && isJobTitle(text(i)));
    if (hits.length === 1) fields.occupation = take(hits[0]!);
  }

  // A bare purpose of stay (BEKERJA, INVESTOR, PELAJAR) may be printed as the occupation or as the
  // status; once the occupation holds something else, the one left is the status.
  if (!fields.status && fields.occupation) {
    const hits = indices.filter((i) => free(i) && STAY_PURPOSE_SET.has(text(i)));
    if (hits.length === 1) fields.status = take(hits[0]!);
  }

  // The index, alone on its line: a code ("E31A", "D312": a letter and two or three digits) or a
  // roman numeral with its series letter ("VI C"), shapes no other value has.
  if (!fields.stay_permit_index) {
    const hits = indices.filter(
      (i) =>
        free(i) &&
        // (Small capitals may read lowercase: "vic".)
        (/^[A-Z]\d{2,3}\s?[A-Z]?$/.test(text(i)) || /^(?:IX|IV|V?I{1,3}|V|X)\s?[A-E]$/i.test(text(i))),
    );
    if (hits.length === 1) fields.stay_permit_index = take(hits[0]!);
  }

  if (!fields.passport_number) {
    const hits = indices.filter((i) => {
      if (!free(i)) return false;
      const compact = text(i).replace(/\s+/g, '');
      return (
        /^[A-Z0-9]{7,10}$/.test(compact) &&
        (compact.match(/\d/g) ?? []).length >= 3 &&
        compact !== fields.permit_number?.text.replace(/\s+/g, '') &&
        compact !== fields.niora?.text.replace(/\s+/g, '') &&
        // "08 MAR 2022" packs into nine letters and digits too.
        splitPlaceAndDate(text(i)) === null
      );
    });
    // Several (a NIORA misread beyond repair, say): the one that fits the nationality's format.
    const nationality = fields.nationality?.text ?? '';
    const fitting =
      hits.length > 1 && nationality
        ? hits.filter(
            (i) => isValidPassportNumber(normalizePassportNumber(text(i), nationality), nationality) === true,
          )
        : hits;
    if (fitting.length === 1) fields.passport_number = take(fitting[0]!);
  }

  if (!fields.full_name && fields.place_of_birth) {
    const birth = fields.place_of_birth.rects[0]!;
    const h = birth.height;
    const cy = (r: Rect) => r.y + r.height / 2;
    // The value just before the birth value: on its left in the same row (a two-column grid), or
    // above it in the same column (a stacked label may sit in between).
    const before = (r: Rect): number | null => {
      if (Math.abs(cy(r) - cy(birth)) < 0.6 * h && r.x + r.width <= birth.x + 0.5 * h)
        return (birth.x - (r.x + r.width)) / h;
      const gap = birth.y - (r.y + r.height);
      const aligned = Math.abs(r.x - birth.x) < 1.5 * h;
      if (gap > -0.2 * h && gap < 3.2 * h && aligned) return gap / h;
      return null;
    };
    let best: { i: number; d: number } | null = null;
    for (const i of indices) {
      if (!free(i) || !looksLikeName(text(i))) continue;
      const d = before(lines[i]!.rect);
      if (d !== null && (!best || d < best.d)) best = { i, d };
    }
    if (best) fields.full_name = take(best.i);
  }

  // A name whose label blurred away and no birth value to find it by (a two-column card lists the
  // holder's name after the permit's numbers): the one free line above where the issue is printed
  // that can only be a person's name.
  if (!fields.full_name) {
    const zoneTop = issueZoneTop(lines);
    const hits = indices.filter((i) => free(i) && lines[i]!.rect.y < zoneTop && isBareName(text(i)));
    if (hits.length === 1) fields.full_name = take(hits[0]!);
  }

  // A free line that is a date and nothing else; its year, or null.
  const bareDateYear = (i: number): number | null => {
    const split = free(i) ? splitPlaceAndDate(text(i)) : null;
    if (split === null || split.place !== '') return null;
    return Number(/(\d{4})\s*$/.exec(split.date)?.[1] ?? NaN);
  };

  // A bare date from before any permit in use was issued can only be a birth: the one such date
  // left is the date of birth whose label blurred away ("Tal Vek" over 05-02-1974).
  if (!fields.date_of_birth) {
    const hits = indices.filter((i) => (bareDateYear(i) ?? NaN) < EARLIEST_ISSUE_YEAR);
    if (hits.length === 1) fields.date_of_birth = take(hits[0]!);
  }

  // Where place and date of birth are two rows ("Tempat Lahir" over "Tanggal Lahir"), a bare date
  // right under the place, in its column, is the date of birth whose label blurred away.
  const place = fields.place_of_birth;
  if (!fields.date_of_birth && place && place.rects.length === 1 && !/\d/.test(place.text)) {
    const p = place.rects[0]!;
    const hits = indices.filter((i) => {
      const r = lines[i]!.rect;
      return (
        bareDateYear(i) !== null &&
        r.y > p.y &&
        r.y - (p.y + p.height) < 0.9 * p.height &&
        Math.abs(r.x - p.x) < 1.2 * p.height
      );
    });
    if (hits.length === 1) fields.date_of_birth = take(hits[0]!);
  }

  // A card's validity date ("Berlaku s/d / Valid Until") sits in its top block, above the holder's
  // birth line; the passport's expiry and the issue date come below it. A bare date there, with no
  // label read, is the validity date.
  const title = fields.document_type?.text ?? '';
  const birthLine = fields.date_of_birth?.rects[0] ?? fields.place_of_birth?.rects[0];
  if (
    !fields.stay_multiple_entries_permit_expiry &&
    !fields.stay_entries_permit_expiry &&
    /^KARTU\b/.test(normalizeForMatch(title)) &&
    birthLine
  ) {
    const hits = indices.filter(
      (i) => lines[i]!.rect.y + lines[i]!.rect.height <= birthLine.y && bareDateYear(i) !== null,
    );
    // Which of the two: the one whose label was read with no value beside it ("Stngle Re-ennry
    // Until" set half a row under its date, measured on a webcam frame); with no label read, the
    // multiple-entry validity date, as a guess (a single-entry card prints its date there too).
    const singleLabelRead = unfilled.some((u) => u.key === 'stay_entries_permit_expiry');
    if (hits.length === 1) {
      if (singleLabelRead) fields.stay_entries_permit_expiry = take(hits[0]!);
      else fields.stay_multiple_entries_permit_expiry = { ...take(hits[0]!), labelGuessed: true };
    }
  }
}

/**
 * Two to four words of capitals that no other field prints: not a job title, a purpose of stay, a
 * company (a sponsor), a piece of an address.
 */
function isBareName(s: string): boolean {
  const words = s.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => w.replace(/[^A-Z]/g, '').length >= 2) &&
    looksLikeName(s) &&
    !isJobTitle(s) &&
    !STATUS_START.test(s) &&
    !STAY_PURPOSE_SET.has(s) &&
    !ADDRESS_WORDS.test(s) &&
    !/^(?:PT|CV)\b/.test(s)
  );
}

/** Capital letters in words (a name), and not a word with a meaning of its own on the permit. */
function looksLikeName(s: string): boolean {
  if (!/^[A-Z][A-Z.'-]*(\s+[A-Z][A-Z.'-]*)*$/.test(s) || s.replace(/[^A-Z]/g, '').length < 3) return false;
  if (GENDER_WORDS.test(s) || isKnownNationality(s) || ADDRESS_START.test(s)) return false;
  // A stay permit index in roman numerals and a series letter ("VI C").
  if (/^(?:IX|IV|V?I{1,3}|V|X)\s?[A-Z]?$/.test(s)) return false;
  // Titles and labels printed in capitals.
  return !/\b(KARTU|IZIN|TINGGAL|REPUBLIK|INDONESIA|KANTOR|IMIGRASI|NAMA|NAME)\b/.test(s);
}
