// An address's administrative tail ("KEL. <village>, KEC. <district>, KAB./KOTA <regency>") names
// real places, so a read one or two glyphs off one of them ("KEC. PEJARINGA", "KOTA MLDAN") is put
// back to the place it must be. The directory is Indonesia's official one (idn-area-data, built
// into id-regions.json by scripts/data/make-id-regions.ts), searched from the top down: the
// regency first, then only that regency's districts, then only that district's villages, so a
// small edit distance stays unambiguous. A name that is no place within reach is left as read.
import directory from './id-regions.json';
import { nearestWithin } from '../fuzzy';

interface Regency {
  kind: 'KAB.' | 'KOTA';
  name: string;
}
interface District {
  regency: number;
  name: string;
  villages: readonly string[];
}

let index: { regencies: Regency[]; districts: District[] } | null = null;

function regions(): { regencies: Regency[]; districts: District[] } {
  index ??= {
    regencies: (directory.regencies as [string, string][]).map(([kind, name]) => ({
      kind: kind as Regency['kind'],
      name,
    })),
    districts: (directory.districts as [number, string, string][]).map(([regency, name, villages]) => ({
      regency,
      name,
      villages: villages ? villages.split('|') : [],
    })),
  };
  return index;
}

/** Edits a name of this length may be off by and still be that place. */
function reach(name: string): number {
  return name.length <= 6 ? 1 : 2;
}

// (A village or district read with a digit for a letter, "KEROBOKAN KEL0D", is still one to snap.)
const TAIL = /KEL\. ([A-Z][A-Z0-9' -]*?), KEC\. ([A-Z][A-Z0-9' -]*?)(?:, (KAB\.|KOTA) ([A-Z][A-Z ]*))?$/;

/**
 * The address with its village, district and regency snapped to the official directory where each
 * is within reach of exactly one place (see `reach`). Expects the address grammar already restored
 * (`normalizeAddress`); anything that does not end in that tail is returned as it is.
 */
export function snapAdministrativeTail(address: string): string {
  const m = TAIL.exec(address);
  if (!m) return address;
  const [, village, district, kind, regency] = m as unknown as [string, string, string, string?, string?];
  const { regencies, districts } = regions();

  let regencyName = regency;
  let inRegency: Set<number> | null = null;
  if (kind && regency) {
    const ofKind = regencies.filter((r) => r.kind === kind);
    const snapped = nearestWithin(regency, new Set(ofKind.map((r) => r.name)), reach(regency));
    if (snapped) {
      regencyName = snapped;
      inRegency = new Set(regencies.flatMap((r, i) => (r.kind === kind && r.name === snapped ? [i] : [])));
    }
  }
  // Without a regency the whole country's districts are searched: one edit only.
  const districtPool = inRegency ? districts.filter((d) => inRegency.has(d.regency)) : districts;
  const districtName = nearestWithin(
    district,
    new Set(districtPool.map((d) => d.name)),
    inRegency ? reach(district) : 1,
  );
  let villageName = village;
  if (districtName) {
    const villages = districtPool.filter((d) => d.name === districtName).flatMap((d) => d.villages);
    villageName = nearestWithin(village, new Set(villages), reach(village)) ?? village;
  }
  const tail =
    `KEL. ${villageName}, KEC. ${districtName ?? district}` + (kind ? `, ${kind} ${regencyName}` : '');
  return address.slice(0, m.index) + tail;
}

const LOCALITY_WORD = /\b(?:KEL|KEC|KAB|KOTA|DESA|DS|KELURAHAN|KECAMATAN|KABUPATEN|PROV|PROVINSI)\b/;
/**
 * Words that only end a place's name ("KELAPA GADING BARAT"), and a number before a comma (the end of
 * "RW 012,"): an address does not open with them.
 */
const OPENS_MID_NAME = /^(?:BARAT|TIMUR|UTARA|SELATAN|TENGAH|KEC|KAB)\b|^\d+,/;

/**
 * Whether an address read looks like part of the printed one: it names no locality at all (no
 * village, district or regency word, and does not end with a regency's name: "JL. SUDIRMAN NO. 166,
 * RT 015/RW 009"), or it opens where a place's name, an RT/RW or the district ends ("BARAT, KEC. KELAPA
 * GADING"). An address wraps over two or three lines, and a line can be lost to blur or left out of
 * the field's box; every such read was wrong (fourteen held-out photo sets).
 */
export function addressLooksPartial(address: string): boolean {
  const text = address.trim();
  if (!text) return false;
  if (OPENS_MID_NAME.test(text)) return true;
  if (LOCALITY_WORD.test(text)) return false;
  const names = new Set(regions().regencies.map((r) => r.name));
  const lastPart = text.split(',').pop()!.trim();
  const words = lastPart.split(/\s+/);
  for (let n = 1; n <= Math.min(3, words.length); n++) {
    if (names.has(words.slice(-n).join(' '))) return false;
  }
  return true;
}
