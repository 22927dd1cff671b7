// One synthetic permit holder: values as the reader must return them and as they are printed.
import {
  COUNTRIES,
  INDONESIAN_NAMES,
  COMPANY_WORDS,
  HOUSING,
  MONTHS_EN,
  MONTHS_EN_SHORT,
  MONTHS_ID,
  MONTHS_ID_SHORT,
  OFFICES,
  STATUSES,
  STREETS,
} from './data';
import type { Country, Office, StatusDef } from './data';
import type { Rng } from './rng';

export interface SDate {
  y: number;
  m: number;
  d: number;
}

export type DateStyle = 'dash' | 'slash' | 'dot' | 'long-en' | 'long-id' | 'short-en' | 'short-id';
export const DATE_STYLES: readonly DateStyle[] = [
  'dash',
  'slash',
  'dot',
  'long-en',
  'long-id',
  'short-en',
  'short-id',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The truth form of every date: dd-mm-yyyy. */
export function isoDmy(d: SDate): string {
  return `${pad(d.d)}-${pad(d.m)}-${d.y}`;
}

export function formatDate(d: SDate, style: DateStyle): string {
  switch (style) {
    case 'dash':
      return isoDmy(d);
    case 'slash':
      return `${pad(d.d)}/${pad(d.m)}/${d.y}`;
    case 'dot':
      return `${pad(d.d)}.${pad(d.m)}.${d.y}`;
    case 'long-en':
      return `${d.d} ${MONTHS_EN[d.m - 1]} ${d.y}`;
    case 'long-id':
      return `${d.d} ${MONTHS_ID[d.m - 1]} ${d.y}`;
    case 'short-en':
      return `${pad(d.d)} ${MONTHS_EN_SHORT[d.m - 1]} ${d.y}`;
    case 'short-id':
      return `${pad(d.d)} ${MONTHS_ID_SHORT[d.m - 1]} ${d.y}`;
  }
}

export function dateToDays(d: SDate): number {
  return Math.floor(Date.UTC(d.y, d.m - 1, d.d) / 86400000);
}

export function daysToDate(days: number): SDate {
  const t = new Date(days * 86400000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function randomDate(r: Rng, from: SDate, to: SDate): SDate {
  return daysToDate(r.int(dateToDays(from), dateToDays(to)));
}

function addYears(d: SDate, years: number, minusDays = 0): SDate {
  const base = { y: d.y + years, m: d.m, d: d.m === 2 && d.d === 29 ? 28 : d.d };
  return daysToDate(dateToDays(base) - minusDays);
}

export interface Identity {
  kind: 'KITAS' | 'KITAP';
  country: Country;
  nationality: string;
  fullName: string;
  gender: 'M' | 'F';
  genderPrinted: string;
  placeOfBirth: string;
  dob: SDate;
  passportNumber: string;
  passportExpiry: SDate;
  niora: string;
  permitNumber: string;
  /** As printed ("VI B"); truth strips spaces. Null when the document omits it. */
  stayPermitIndex: string | null;
  multipleExpiry: SDate | null;
  singleExpiry: SDate | null;
  /** Validity of the permit itself (the card's "Berlaku s/d"). */
  permitExpiry: SDate;
  address: string;
  occupation: string;
  status: string;
  guarantor: string | null;
  office: Office;
  officeName: string;
  issuedPlace: string;
  issuedDate: SDate;
  officialName: string;
  officialNip: string;
  dateStyle: DateStyle;
  /** Dates of birth are sometimes printed in a different style than the rest. */
  dobStyle: DateStyle;
}

export function niora(r: Rng): string {
  return String(r.int(1, 9)) + r.letters(4) + r.digits(5);
}

export function permitNumber(r: Rng, kind: 'KITAS' | 'KITAP', issued: SDate): string {
  return (kind === 'KITAS' ? '2C' : '2D') + pad(issued.y % 100) + r.letters(2) + r.digits(4) + r.letters(2);
}

export function personName(r: Rng, c: Country, gender: 'M' | 'F'): string {
  const given = r.pick(c.given[gender]);
  const family = r.pick(c.family);
  let name = c.familyFirst ? `${family} ${given}` : `${given} ${family}`;
  // Some long names: a second given name or a double family name.
  if (!c.familyFirst && r.bool(0.3)) name = `${given} ${r.pick(c.given[gender])} ${family}`;
  if (r.bool(0.08)) name = `${name} ${r.pick(c.family)}`;
  return name.replace(/\b(\w+) \1\b/, '$1');
}

export function indonesianName(r: Rng): string {
  return `${r.pick(INDONESIAN_NAMES.given)} ${r.pick(INDONESIAN_NAMES.family)}`;
}

export function companyName(r: Rng): string {
  const words = r.shuffle(COMPANY_WORDS).slice(0, r.int(1, 3));
  return `PT ${words.join(' ')}${r.bool(0.6) ? ' INDONESIA' : ''}`;
}

export function residentialAddress(r: Rng, office: Office): string {
  const [kel, kec, kota] = r.pick(office.areas);
  const parts: string[] = [];
  if (r.bool(0.25))
    parts.push(`${r.pick(HOUSING)} BLOK ${r.letters(1, 'ABCDEFGH')}${r.int(1, 12)} NO. ${r.int(1, 40)}`);
  else parts.push(`${r.pick(STREETS)} NO. ${r.int(1, 250)}${r.bool(0.15) ? r.letters(1, 'ABC') : ''}`);
  if (r.bool(0.8))
    parts.push(`RT ${String(r.int(1, 15)).padStart(3, '0')}/RW ${String(r.int(1, 12)).padStart(3, '0')}`);
  parts.push(`KEL. ${kel}`, `KEC. ${kec}`);
  if (r.bool(0.85)) parts.push(kota);
  return parts.join(', ');
}

function pickStatus(r: Rng, kind: 'KITAS' | 'KITAP'): StatusDef {
  return r.pick(STATUSES.filter((s) => s.kind === kind || s.kind === 'BOTH'));
}

export function makeIdentity(r: Rng, forced?: { kind?: 'KITAS' | 'KITAP' }): Identity {
  const kind = forced?.kind ?? (r.bool(0.7) ? 'KITAS' : 'KITAP');
  const country = r.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  const statusDef = pickStatus(r, kind);
  let gender: 'M' | 'F' = r.bool(statusDef.work ? 0.8 : 0.4) ? 'M' : 'F';
  if (statusDef.status === 'IKUT SUAMI') gender = 'F';
  const issuedDate = randomDate(r, { y: 2019, m: 1, d: 1 }, { y: 2025, m: 9, d: 30 });
  const [minAge, maxAge] =
    statusDef.status === 'IKUT ORANG TUA'
      ? [4, 17]
      : statusDef.status === 'LANSIA'
        ? [60, 82]
        : statusDef.status === 'PELAJAR'
          ? [18, 30]
          : [22, 66];
  const dob = randomDate(
    r,
    { y: issuedDate.y - maxAge, m: 1, d: 1 },
    { y: issuedDate.y - minAge, m: issuedDate.m, d: Math.min(issuedDate.d, 28) },
  );
  const permitYears = kind === 'KITAP' ? 5 : r.pick([1, 1, 2]);
  const permitExpiry = addYears(issuedDate, permitYears, 1);
  const reentry = r.weighted([
    ['multiple', 7],
    ['single', 2],
    ['none', 1],
  ] as const);
  const passportExpiry = r.bool(0.85)
    ? daysToDate(dateToDays(permitExpiry) + r.int(30, 365 * 6))
    : daysToDate(dateToDays(issuedDate) + r.int(120, 360));
  const office = r.pick(OFFICES);
  const guarantor = r.bool(0.55) ? (statusDef.work ? companyName(r) : indonesianName(r)) : null;
  const dateStyle = r.weighted<DateStyle>([
    ['dash', 6],
    ['slash', 2],
    ['dot', 1],
    ['long-en', 1],
    ['long-id', 1],
    ['short-en', 1],
    ['short-id', 1],
  ]);
  return {
    kind,
    country,
    nationality: r.pick(country.printed.slice(0, 2)),
    fullName: personName(r, country, gender),
    gender,
    genderPrinted: r.bool(0.6)
      ? gender === 'M'
        ? 'MALE'
        : 'FEMALE'
      : gender === 'M'
        ? 'LAKI-LAKI'
        : 'PEREMPUAN',
    placeOfBirth: r.pick(country.cities),
    dob,
    passportNumber: country.passport(r),
    passportExpiry,
    niora: niora(r),
    permitNumber: permitNumber(r, kind, issuedDate),
    stayPermitIndex: r.bool(0.8) ? r.pick(statusDef.indexes) : null,
    multipleExpiry: reentry === 'multiple' ? permitExpiry : null,
    singleExpiry: reentry === 'single' ? permitExpiry : null,
    permitExpiry,
    address: residentialAddress(r, office),
    occupation: r.pick(statusDef.occupations),
    status: statusDef.status,
    guarantor,
    office,
    officeName: r.bool(0.5) ? office.short : office.long,
    issuedPlace: office.city,
    issuedDate,
    officialName:
      indonesianName(r) + (r.bool(0.5) ? `, ${r.pick(['S.H.', 'S.Sos.', 'M.Si.', 'S.H., M.H.'])}` : ''),
    officialNip: `NIP. ${r.digits(8)} ${r.digits(6)} ${r.int(1, 2)} ${r.digits(3)}`,
    dateStyle,
    dobStyle: r.bool(0.8) ? dateStyle : r.pick(DATE_STYLES),
  };
}
