// The issuing office's header and the place of issue come from a closed list: the regional office is
// named after one of Indonesia's provinces, the immigration office (Kantor Imigrasi, "KANIM") has a
// class and the city it sits in, and the permit is issued in that city. A soft photo misreads one or
// two glyphs of these ("KANTOR WILAYAH BALL", "KANTOR IMIGRAS! KELAS I KHUSUS TPI BATAM",
// "Jakara Selatan"); a near, unambiguous match in the directory below takes the directory's spelling.
// A read that matches nothing closely is kept as read: the directory is a guide, not a whitelist.
import { levenshtein, normalizeForMatch } from '../fuzzy';

/** Provinces as regional offices print them, current and former names (38 provinces since 2022). */
export const PROVINCES: readonly string[] = [
  'ACEH',
  'NANGGROE ACEH DARUSSALAM',
  'SUMATERA UTARA',
  'SUMATERA BARAT',
  'RIAU',
  'KEPULAUAN RIAU',
  'JAMBI',
  'SUMATERA SELATAN',
  'BANGKA BELITUNG',
  'KEPULAUAN BANGKA BELITUNG',
  'BENGKULU',
  'LAMPUNG',
  'DKI JAKARTA',
  'JAWA BARAT',
  'BANTEN',
  'JAWA TENGAH',
  'DI YOGYAKARTA',
  'DAERAH ISTIMEWA YOGYAKARTA',
  'JAWA TIMUR',
  'BALI',
  'NUSA TENGGARA BARAT',
  'NUSA TENGGARA TIMUR',
  'KALIMANTAN BARAT',
  'KALIMANTAN TENGAH',
  'KALIMANTAN SELATAN',
  'KALIMANTAN TIMUR',
  'KALIMANTAN UTARA',
  'SULAWESI UTARA',
  'GORONTALO',
  'SULAWESI TENGAH',
  'SULAWESI BARAT',
  'SULAWESI SELATAN',
  'SULAWESI TENGGARA',
  'MALUKU',
  'MALUKU UTARA',
  'PAPUA',
  'PAPUA BARAT',
  'PAPUA BARAT DAYA',
  'PAPUA SELATAN',
  'PAPUA TENGAH',
  'PAPUA PEGUNUNGAN',
];

/**
 * Cities and regencies that have an immigration office or airport/seaport post issuing permits, as the
 * place of issue prints them. Both spellings where two are in use ("Tanjung Pinang", "Tanjungpinang").
 */
export const ISSUING_CITIES: readonly string[] = [
  // Sumatra
  'Banda Aceh',
  'Sabang',
  'Lhokseumawe',
  'Langsa',
  'Meulaboh',
  'Takengon',
  'Medan',
  'Polonia',
  'Belawan',
  'Pematang Siantar',
  'Sibolga',
  'Tanjung Balai Asahan',
  'Padang',
  'Agam',
  'Pekanbaru',
  'Dumai',
  'Bagansiapiapi',
  'Selatpanjang',
  'Tembilahan',
  'Siak',
  'Batam',
  'Tanjung Pinang',
  'Tanjungpinang',
  'Tanjung Uban',
  'Tanjung Balai Karimun',
  'Ranai',
  'Tarempa',
  'Dabo Singkep',
  'Belakang Padang',
  'Jambi',
  'Kerinci',
  'Palembang',
  'Muara Enim',
  'Bengkulu',
  'Bandar Lampung',
  'Kotabumi',
  'Pangkal Pinang',
  'Pangkalpinang',
  'Tanjung Pandan',
  // Java
  'Jakarta',
  'Jakarta Pusat',
  'Jakarta Utara',
  'Jakarta Barat',
  'Jakarta Selatan',
  'Jakarta Timur',
  'Soekarno-Hatta',
  'Tangerang',
  'Serang',
  'Cilegon',
  'Bogor',
  'Depok',
  'Bekasi',
  'Bandung',
  'Cirebon',
  'Tasikmalaya',
  'Sukabumi',
  'Karawang',
  'Semarang',
  'Surakarta',
  'Pati',
  'Cilacap',
  'Pemalang',
  'Wonosobo',
  'Yogyakarta',
  'Surabaya',
  'Tanjung Perak',
  'Malang',
  'Kediri',
  'Blitar',
  'Madiun',
  'Jember',
  'Banyuwangi',
  'Pamekasan',
  'Ponorogo',
  // Bali and Nusa Tenggara
  'Denpasar',
  'Badung',
  'Ngurah Rai',
  'Singaraja',
  'Mataram',
  'Sumbawa Besar',
  'Bima',
  'Kupang',
  'Atambua',
  'Maumere',
  'Labuan Bajo',
  // Kalimantan
  'Pontianak',
  'Singkawang',
  'Entikong',
  'Sambas',
  'Sanggau',
  'Putussibau',
  'Ketapang',
  'Palangka Raya',
  'Sampit',
  'Banjarmasin',
  'Batulicin',
  'Samarinda',
  'Balikpapan',
  'Tarakan',
  'Nunukan',
  'Tanjung Redeb',
  // Sulawesi
  'Makassar',
  'Parepare',
  'Palopo',
  'Manado',
  'Bitung',
  'Tahuna',
  'Gorontalo',
  'Palu',
  'Morowali',
  'Luwuk',
  'Kendari',
  'Baubau',
  'Mamuju',
  // Maluku and Papua
  'Ambon',
  'Tual',
  'Ternate',
  'Tobelo',
  'Jayapura',
  'Merauke',
  'Biak',
  'Mimika',
  'Manokwari',
  'Sorong',
];

/** Office classes in the order the header prints them after "KELAS". */
const OFFICE_CLASSES = [
  'I KHUSUS TPI',
  'I KHUSUS NON TPI',
  'I TPI',
  'I NON TPI',
  'II TPI',
  'II NON TPI',
  'III TPI',
  'III NON TPI',
];

const OFFICE_PREFIXES: readonly string[] = ['KANTOR IMIGRASI', 'KANIM'].flatMap((head) =>
  OFFICE_CLASSES.map((cls) => `${head} KELAS ${cls}`),
);

const REGION_PREFIX = 'KANTOR WILAYAH';

/** Letters and digits only, uppercase, OCR digit-for-letter slips undone: spaces and dots do not count. */
function compact(text: string): string {
  return normalizeForMatch(text).replace(/ /g, '');
}

/**
 * Edits allowed between a read and a directory entry of this many compact characters. A short read may
 * be one edit off only in a list that is complete (the provinces): a short city outside our list
 * must not turn into a listed one.
 */
function allowedEdits(length: number, complete = false): number {
  if (length < 4) return 0;
  if (length < 5) return complete ? 1 : 0;
  if (length < 8) return 1;
  if (length < 16) return 2;
  return 3;
}

interface Snap {
  entry: string;
  edits: number;
}

/**
 * The entry nearest `text` (compared in compact form), when it is within allowedEdits() and strictly
 * nearer than any entry of another compact form; null otherwise.
 */
function nearest(text: string, entries: readonly string[], complete = false): Snap | null {
  const needle = compact(text);
  if (!needle) return null;
  let best: Snap | null = null;
  let bestForm = '';
  let runnerUp = Infinity;
  for (const entry of entries) {
    const form = compact(entry);
    if (Math.abs(form.length - needle.length) > 3) continue;
    const edits = levenshtein(needle, form);
    if (best === null || edits < best.edits) {
      if (best !== null && form !== bestForm) runnerUp = best.edits;
      best = { entry, edits };
      bestForm = form;
    } else if (form !== bestForm) {
      runnerUp = Math.min(runnerUp, edits);
    }
  }
  if (best === null || best.edits > allowedEdits(needle.length, complete) || runnerUp <= best.edits)
    return null;
  return best;
}

/** Word start positions of `text`, plus its end. */
function wordCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(/\S+/g)) cuts.push(m.index + m[0].length);
  return cuts;
}

interface PrefixSnap {
  prefix: string;
  rest: string;
  edits: number;
}

/** The directory prefix the text opens with (cut at a word end), and what follows it. */
function snapPrefix(text: string, prefixes: readonly string[]): PrefixSnap | null {
  let best: PrefixSnap | null = null;
  let ambiguous = false;
  for (const cut of wordCuts(text)) {
    const head = compact(text.slice(0, cut));
    for (const prefix of prefixes) {
      const form = compact(prefix);
      if (Math.abs(form.length - head.length) > 3) continue;
      const edits = levenshtein(head, form);
      if (best === null || edits < best.edits) {
        best = { prefix, rest: text.slice(cut).trim(), edits };
        ambiguous = false;
      } else if (edits === best.edits && prefix !== best.prefix) {
        ambiguous = true;
      }
    }
  }
  if (!best || ambiguous || best.edits > allowedEdits(compact(best.prefix).length)) return null;
  return best;
}

/**
 * Whether the read is one of the entries as printed. A read that only matches an entry once OCR's
 * look-alikes and spaces are folded ("MAKAS5AR", "MATAR AM") takes the entry's spelling.
 */
function spelledAsEntry(read: string, entries: readonly string[]): boolean {
  // (Punctuation as printed varies: "D.I. YOGYAKARTA", "Bau-Bau".)
  const key = (s: string) =>
    s.toUpperCase().replace(/\./g, '').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  return entries.some((e) => key(e) === key(read));
}

/** A read in title case gets the entry in title case; any other read gets it in capitals. */
function inCaseOf(read: string, entry: string): string {
  const letters = read.replace(/[^A-Za-z]/g, '');
  const lower = letters.replace(/[^a-z]/g, '').length;
  return lower > letters.length / 3 ? entry : entry.toUpperCase();
}

export interface DirectoryRead {
  value: string;
  /** Every part of the value is a directory entry (as read, or after the near-match correction). */
  known: boolean;
}

/** "KANTOR WILAYAH <province>". */
export function snapOfficeRegion(text: string): DirectoryRead {
  const head = snapPrefix(text, [REGION_PREFIX]);
  if (!head || !head.rest) return { value: text, known: false };
  const province = nearest(head.rest, PROVINCES, true);
  if (!province) return { value: `${REGION_PREFIX} ${head.rest}`, known: false };
  const rest = spelledAsEntry(head.rest, PROVINCES) ? head.rest : province.entry;
  return { value: `${REGION_PREFIX} ${rest}`, known: true };
}

/** "KANTOR IMIGRASI KELAS <class> <city>" or its short form "KANIM KELAS <class> <city>". */
export function snapOfficeName(text: string): DirectoryRead {
  const head = snapPrefix(text, OFFICE_PREFIXES);
  if (!head || !head.rest) return { value: text, known: false };
  const city = nearest(head.rest, ISSUING_CITIES);
  if (!city) return { value: `${head.prefix} ${head.rest}`, known: false };
  const rest = spelledAsEntry(head.rest, ISSUING_CITIES) ? head.rest : city.entry.toUpperCase();
  return { value: `${head.prefix} ${rest}`, known: true };
}

/** The place of issue ("Jakarta Selatan"), in the case it was printed. */
export function snapIssuedPlace(text: string): DirectoryRead {
  const city = nearest(text, ISSUING_CITIES);
  if (!city) return { value: text, known: false };
  return { value: spelledAsEntry(text, ISSUING_CITIES) ? text : inCaseOf(text, city.entry), known: true };
}

/**
 * How far (edits per letter of the city) a place of issue and the issuing office's city may differ
 * and still be read as the same city. Far looser than a directory match, because here one city is
 * expected, not any of 150: the permit is issued where the office that issued it sits.
 */
const SAME_CITY_SHARE = 0.45;

/** The directory spellings of `city` (the same letters, spaced or not: "Pangkal Pinang"). */
function spellingsOf(city: string): string[] {
  const form = compact(city);
  return ISSUING_CITIES.filter((entry) => compact(entry) === form);
}

/** The spelling of `city` nearest the read, spaces counted ("PANGKALPINANG" keeps its one word). */
function spellingLike(read: string, city: string): string {
  const key = read.toUpperCase();
  return spellingsOf(city).reduce(
    (a, b) => (levenshtein(key, b.toUpperCase()) < levenshtein(key, a.toUpperCase()) ? b : a),
    city,
  );
}

function sameCityMisread(read: string, city: string): boolean {
  const form = compact(city);
  const needle = compact(read);
  return needle.length > 0 && levenshtein(needle, form) <= Math.floor(SAME_CITY_SHARE * form.length);
}

/** The directory city an office name ends with, when it is known. */
function officeCity(officeName: string): string | null {
  const head = snapPrefix(officeName, OFFICE_PREFIXES);
  if (!head || !head.rest) return null;
  return nearest(head.rest, ISSUING_CITIES)?.entry ?? null;
}

export interface IssuingCityFix {
  issuedPlace?: string;
  officeName?: string;
  /** Both name a known city, and the office does not issue there: one of the two is misread. */
  contradicted?: boolean;
}

/**
 * Offices named after the airport or seaport post they serve, and the cities that post lies in: the
 * place of issue may print either ("NGURAH RAI" issues in Badung).
 */
const POST_CITIES: Readonly<Record<string, readonly string[]>> = {
  'Ngurah Rai': ['Badung', 'Denpasar'],
  'Soekarno-Hatta': ['Tangerang'],
  'Tanjung Perak': ['Surabaya'],
};

function issuesIn(officeCityName: string, place: string): boolean {
  const key = compact(place);
  return [officeCityName, ...(POST_CITIES[officeCityName] ?? [])].some((c) => compact(c) === key);
}

/**
 * The place of issue and the issuing office's name (both as normalized) name one city. Where one of
 * the two is known to the directory and the other is no known city but near it (a blurred
 * "BULKPAGAN" under "KANTOR IMIGRASI KELAS I TPI BALIKPAPAN"; "KANTOR IMIGRASI ... KAKARTK BARAY"
 * above "JAKARTA BARAT"), the other takes that city. Two known cities are left as read; where the
 * office does not issue in the place's city (its own, or its post's: "NGURAH RAI" issues in Badung)
 * they contradict each other ("SAMBAS" read from "Sambaa" under a Surabaya office).
 */
export function reconcileIssuingCity(issuedPlace: string, officeName: string): IssuingCityFix {
  if (!issuedPlace || !officeName) return {};
  const snapped = snapIssuedPlace(issuedPlace);
  const placeKnown = snapped.known;
  const city = officeCity(officeName);
  if (city && !placeKnown) {
    return sameCityMisread(issuedPlace, city)
      ? { issuedPlace: inCaseOf(issuedPlace, spellingLike(issuedPlace, city)) }
      : {};
  }
  if (!city && placeKnown) {
    const head = snapPrefix(officeName, OFFICE_PREFIXES);
    const place = nearest(issuedPlace, ISSUING_CITIES)?.entry;
    if (!head || !head.rest || !place || !sameCityMisread(head.rest, place)) return {};
    return { officeName: `${head.prefix} ${spellingLike(head.rest, place).toUpperCase()}` };
  }
  if (city && placeKnown && !issuesIn(city, snapped.value)) return { contradicted: true };
  return {};
}
