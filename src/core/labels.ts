// The printed vocabulary of KITAS/KITAP documents: the bilingual field labels (Indonesian / English)
// and the document titles. The generator prints from these lists and the reader matches against
// them, so a wording missing here is a wording neither side knows.
import type { TextFieldName } from './schema';

/** Label wordings per field. Each wording is printed as-is (a single line) or split at ' / ' (stacked). */
export const FIELD_LABELS: Partial<Record<TextFieldName | 'place_date_of_birth', readonly string[]>> = {
  full_name: ['Nama / Name', 'Nama Lengkap / Full Name', 'Nama Pemegang / Holder Name'],
  place_date_of_birth: [
    'Tempat / Tgl Lahir / Place / Date of Birth',
    'Tempat dan Tanggal Lahir / Place and Date of Birth',
    'Tempat, Tgl. Lahir / Place, Date of Birth',
  ],
  place_of_birth: ['Tempat Lahir / Place of Birth'],
  date_of_birth: ['Tanggal Lahir / Date of Birth', 'Tgl. Lahir / Date of Birth'],
  passport_number: ['No. Paspor / Passport No.', 'Nomor Paspor / Passport Number', 'Paspor / Passport'],
  passport_expiry: [
    'Tgl. Habis Berlaku Paspor / Passport Expiry',
    'Masa Berlaku Paspor / Passport Expiry Date',
    'Paspor Berlaku s/d / Passport Valid Until',
  ],
  nationality: ['Kewarganegaraan / Nationality', 'Warga Negara / Citizenship'],
  gender: ['Jenis Kelamin / Sex', 'Jenis Kelamin / Gender'],
  address: [
    'Alamat / Address',
    'Alamat di Indonesia / Address in Indonesia',
    'Alamat Tinggal / Residential Address',
  ],
  occupation: ['Pekerjaan / Occupation', 'Jabatan / Position'],
  status: ['Status / Status', 'Status Izin / Permit Status', 'Keterangan / Remarks'],
  guarantor_name: ['Penjamin / Guarantor', 'Nama Penjamin / Sponsor', 'Sponsor / Sponsor'],
  niora: ['NIORA', 'No. Induk Orang Asing / NIORA', 'NIORA / Foreigner ID No.'],
  permit_number: [
    'No. Izin Tinggal / Stay Permit No.',
    'Nomor Izin Tinggal / Stay Permit Number',
    'No. Kartu / Card No.',
  ],
  stay_multiple_entries_permit_expiry: [
    'Izin Masuk Kembali Beberapa Kali s/d / Multiple Re-entry Permit Until',
    'Berlaku Hingga / Valid Until',
    'Berlaku s/d / Expiry Date',
  ],
  stay_entries_permit_expiry: [
    'Izin Masuk Kembali s/d / Single Re-entry Permit Until',
    'Izin Masuk Kembali Satu Kali / Single Re-entry Until',
  ],
  stay_permit_index: ['Indeks / Index', 'Indeks Izin Tinggal / Stay Permit Index', 'Kode / Code'],
};

/** Document titles as printed; document_type returns the printed title. */
export const DOCUMENT_TITLES = {
  KITAS: ['IZIN TINGGAL TERBATAS ELEKTRONIK', 'KARTU IZIN TINGGAL TERBATAS', 'IZIN TINGGAL TERBATAS'],
  KITAP: ['IZIN TINGGAL TETAP ELEKTRONIK', 'KARTU IZIN TINGGAL TETAP', 'IZIN TINGGAL TETAP'],
} as const;

/** Header lines printed above the title on the e-ITAS/e-ITAP page and the card. */
export const HEADER_LINES = [
  'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN',
  'REPUBLIK INDONESIA',
  'DIREKTORAT JENDERAL IMIGRASI',
] as const;

/** Words that open an office line: region office, then immigration office. */
export const OFFICE_REGION_PREFIXES = ['KANTOR WILAYAH'] as const;
export const OFFICE_NAME_PREFIXES = ['KANIM', 'KANTOR IMIGRASI'] as const;
