// A plain, clean e-ITAS-like page drawn as SVG and rasterized by sharp, for the API tests, the fuzz
// corpus (as the base of the EXIF/CMYK/16-bit variants) and the load test. Identities are invented
// here; nothing comes from a real document or from the seed sample.
import sharp from 'sharp';
import { DOCUMENT_TITLES, HEADER_LINES } from '../../src/core/labels';

export interface PermitIdentity {
  full_name: string;
  permit_number: string;
  niora: string;
  place_of_birth: string;
  date_of_birth: string;
  passport_number: string;
  passport_expiry: string;
  nationality: string;
  gender: 'MALE' | 'FEMALE';
  address: string;
  occupation: string;
  status: string;
  guarantor_name: string;
  stay_permit_index: string;
  stay_multiple_entries_permit_expiry: string;
  office_region: string;
  office_name: string;
  office_address: string;
  issued_place: string;
  issued_date: string;
}

/** Invented holders (names built from common given/family names; numbers random-looking). */
export const IDENTITIES: readonly PermitIdentity[] = [
  {
    full_name: 'MARTIN ALVAREZ KOVAC',
    permit_number: '2C11HD2231AB',
    niora: '4BTCD81273',
    place_of_birth: 'LISBON',
    date_of_birth: '02-11-1984',
    passport_number: 'P8811203',
    passport_expiry: '09-08-2031',
    nationality: 'PORTUGAL',
    gender: 'MALE',
    address: 'JL. MELATI NO. 12 DENPASAR BALI',
    occupation: 'ENGINEER',
    status: 'WORK PERMIT',
    guarantor_name: 'PT SINAR TEKNIK',
    stay_permit_index: 'E28',
    stay_multiple_entries_permit_expiry: '14-03-2027',
    office_region: 'KANTOR WILAYAH BALI',
    office_name: 'KANTOR IMIGRASI KELAS I DENPASAR',
    office_address: 'JL. DI PANJAITAN NO. 3 DENPASAR',
    issued_place: 'Denpasar',
    issued_date: '15-03-2025',
  },
  {
    full_name: 'HANNA LINDQVIST BERG',
    permit_number: '2C21KA0457RT',
    niora: '7QWXZ30918',
    place_of_birth: 'UPPSALA',
    date_of_birth: '21-06-1990',
    passport_number: 'B4402917',
    passport_expiry: '30-01-2030',
    nationality: 'SWEDEN',
    gender: 'FEMALE',
    address: 'JL. KENANGA NO. 8 SLEMAN YOGYAKARTA',
    occupation: 'TEACHER',
    status: 'FAMILY UNION',
    guarantor_name: 'YAYASAN CAHAYA ILMU',
    stay_permit_index: 'C312',
    stay_multiple_entries_permit_expiry: '02-09-2026',
    office_region: 'KANTOR WILAYAH DI YOGYAKARTA',
    office_name: 'KANTOR IMIGRASI KELAS I YOGYAKARTA',
    office_address: 'JL. LAKSDA ADISUCIPTO KM. 10',
    issued_place: 'Yogyakarta',
    issued_date: '03-09-2024',
  },
  {
    full_name: 'KENJI WATANABE',
    permit_number: '2D31MB8820KC',
    niora: '9PLMN40276',
    place_of_birth: 'OSAKA',
    date_of_birth: '11-12-1976',
    passport_number: 'TK5530881',
    passport_expiry: '18-04-2029',
    nationality: 'JAPAN',
    gender: 'MALE',
    address: 'APARTEMEN PURI MANSION TOWER B JAKARTA',
    occupation: 'DIRECTOR',
    status: 'PERMANENT STAY',
    guarantor_name: 'PT NUSANTARA MESIN',
    stay_permit_index: 'E33',
    stay_multiple_entries_permit_expiry: '20-05-2030',
    office_region: 'KANTOR WILAYAH DKI JAKARTA',
    office_name: 'KANTOR IMIGRASI KELAS I JAKARTA SELATAN',
    office_address: 'JL. WARUNG BUNCIT RAYA NO. 207',
    issued_place: 'Jakarta',
    issued_date: '21-05-2025',
  },
  {
    full_name: 'OLIVIA MARCHETTI',
    permit_number: '2C41LC1196PN',
    niora: '3DFGH77120',
    place_of_birth: 'TURIN',
    date_of_birth: '05-03-1988',
    passport_number: 'YB7716234',
    passport_expiry: '12-10-2032',
    nationality: 'ITALY',
    gender: 'FEMALE',
    address: 'JL. RAYA UBUD NO. 45 GIANYAR BALI',
    occupation: 'CHEF',
    status: 'WORK PERMIT',
    guarantor_name: 'PT RASA NUSA',
    stay_permit_index: 'E28',
    stay_multiple_entries_permit_expiry: '07-07-2026',
    office_region: 'KANTOR WILAYAH BALI',
    office_name: 'KANTOR IMIGRASI KELAS II NGURAH RAI',
    office_address: 'JL. RAYA TUBAN BADUNG',
    issued_place: 'Badung',
    issued_date: '08-07-2025',
  },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page as SVG (900 px wide, about 1000 tall). */
export function permitSvg(id: PermitIdentity): string {
  const isKitap = id.permit_number.startsWith('2D');
  const title = isKitap ? DOCUMENT_TITLES.KITAP[0] : DOCUMENT_TITLES.KITAS[0];
  const parts: string[] = [];
  const text = (x: number, y: number, s: string, size = 17, weight = 'normal') =>
    parts.push(
      `<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" fill="#111">${esc(s)}</text>`,
    );
  let y = 60;
  for (const h of [...HEADER_LINES, id.office_region, id.office_name, id.office_address]) {
    text(200, y, h, 16, 'bold');
    y += 27;
  }
  y += 20;
  text(200, y, title, 21, 'bold');
  y += 50;
  // A flat grey box where a photo sits: no face, nothing personal.
  parts.push(`<rect x="60" y="${y}" width="140" height="180" fill="#8a8f99"/>`);
  const top: [string, string][] = [
    ['NIORA', id.niora],
    ['No. Izin Tinggal / Stay Permit No.', id.permit_number],
    ['Berlaku s/d / Expiry Date', id.stay_multiple_entries_permit_expiry],
    ['Indeks / Index', id.stay_permit_index],
  ];
  for (const [label, value] of top) {
    text(240, y + 18, label);
    text(600, y + 18, value);
    y += 34;
  }
  y += 80;
  const rows: [string, string][] = [
    ['Nama / Name', id.full_name],
    ['Tempat Lahir / Place of Birth', id.place_of_birth],
    ['Tanggal Lahir / Date of Birth', id.date_of_birth],
    ['No. Paspor / Passport No.', id.passport_number],
    ['Masa Berlaku Paspor / Passport Expiry Date', id.passport_expiry],
    ['Kewarganegaraan / Nationality', id.nationality],
    ['Jenis Kelamin / Sex', id.gender],
    ['Alamat / Address', id.address],
    ['Pekerjaan / Occupation', id.occupation],
    ['Status / Status', id.status],
    ['Penjamin / Guarantor', id.guarantor_name],
  ];
  for (const [label, value] of rows) {
    text(60, y, label);
    text(470, y, value);
    y += 36;
  }
  y += 40;
  text(520, y, `${id.issued_place}, ${id.issued_date}`);
  const height = y + 80;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

/** The page as a PNG (or JPEG) buffer. */
export async function permitImage(id: PermitIdentity, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const img = sharp(Buffer.from(permitSvg(id))).flatten({ background: '#ffffff' });
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}
