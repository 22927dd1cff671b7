import { describe, expect, it } from 'vitest';
import { assignFields } from './assign';
import { continuesAddress, FORMAT_ONLY_ASSIGNMENT } from './unlabelled';
import { line } from './printed-line.test-helper';

const TITLE = line('KARTU IZIN TINGGAL TETAP', 200, 40, 24);

describe('values placed by their own format when their labels are unreadable', () => {
  it('a webcam card whose labels are noise: gender, nationality, birth, address, passport', () => {
    const r = assignFields([
      TITLE,
      line('2D25YE2135HQ', 40, 100),
      line('iyin oirg ny', 40, 130, 12),
      line('FRIEDRICH SCHMIDT', 40, 150),
      line('n M K B e p d', 460, 130, 12),
      line('HAMBURG, 13 MEI 1980', 460, 150),
      line('Ng Fer', 460, 180, 12),
      line('GERMANY', 460, 200),
      line('ss ln', 40, 180, 12),
      line('MALE', 40, 200),
      line('C7HXHJ91V', 460, 250),
      line('JL. PERMATA HIJAU NO. 48, RT 014/RW', 460, 300),
      line('012, KEL. PETISAH TENGAH, KEC. MEDAN', 460, 322),
      line('PETISAH, KOTA MEDAN', 460, 344),
      line('MECHANICAL ENGINEER', 40, 400),
      line('Medan, 29 MEI 2025', 900, 600),
    ]);
    const f = r.fields;
    expect(f.gender?.text).toBe('MALE');
    expect(f.nationality?.text).toBe('GERMANY');
    expect(f.place_of_birth?.text).toBe('HAMBURG');
    expect(f.date_of_birth?.text).toBe('13 MEI 1980');
    expect(f.address?.text).toBe(
      'JL. PERMATA HIJAU NO. 48, RT 014/RW 012, KEL. PETISAH TENGAH, KEC. MEDAN PETISAH, KOTA MEDAN',
    );
    expect(f.passport_number?.text).toBe('C7HXHJ91V');
    // The issue line stays the issue line.
    expect(f.issued_place?.text).toBe('Medan, 29 MEI 2025');
    for (const k of ['gender', 'nationality', 'place_of_birth', 'address', 'passport_number'] as const)
      expect(f[k]?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    // The name is the capitals just before the birth value (left of it, in the same row)...
    expect(f.full_name?.text).toBe('FRIEDRICH SCHMIDT');
    expect(f.full_name?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    // ...and capitals holding a job title's word are the occupation.
    expect(f.occupation?.text).toBe('MECHANICAL ENGINEER');
    expect(f.occupation?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
  });

  it('places a company sponsor by its legal form, and nothing else as the sponsor', () => {
    const at = (text: string) =>
      assignFields([TITLE, line('Spemmaae / npr', 40, 400, 12), line(text, 40, 420)]);
    expect(at('PT SEJAHTERA INDONESIA').fields.guarantor_name?.text).toBe('PT SEJAHTERA INDONESIA');
    expect(at('CV. MAJU JAYA').fields.guarantor_name?.text).toBe('CV. MAJU JAYA');
    expect(at('AGUS SETIAWAN').fields.guarantor_name).toBeUndefined();
    expect(at('PTOLEMY 12').fields.guarantor_name).toBeUndefined();
  });

  it('places a job title by its words, and no other capitals', () => {
    const at = (text: string) =>
      assignFields([TITLE, line('Jaetnbam / Pasiram', 40, 400, 12), line(text, 40, 420)]);
    expect(at('PEMEGANG SAHAM').fields.occupation?.text).toBe('PEMEGANG SAHAM');
    expect(at('IBU RUMAH TANGGA').fields.occupation?.text).toBe('IBU RUMAH TANGGA');
    expect(at('DIREKTUR UTAMA').fields.occupation?.text).toBe('DIREKTUR UTAMA');
    expect(at('HEAD OF OPERATIONS').fields.occupation?.text).toBe('HEAD OF OPERATIONS');
    // A purpose of stay, a sponsor, a name: not a job title.
    for (const other of ['PENELITI', 'PT ENGINEER INDONESIA', 'AGUS SETIAWAN', 'ENGINEER 2'])
      expect(at(other).fields.occupation).toBeUndefined();
  });

  it('a stay purpose no other field prints is the status; a bare BEKERJA is not guessed', () => {
    const worker = assignFields([TITLE, line('Kx tx', 40, 400, 12), line('TKA BID. PERDAGANGAN', 40, 420)]);
    expect(worker.fields.status?.text).toBe('TKA BID. PERDAGANGAN');
    expect(worker.fields.status?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    const family = assignFields([TITLE, line('Szbea Irtn', 40, 400, 12), line('IKUT ORANG TUA', 40, 420)]);
    expect(family.fields.status?.text).toBe('IKUT ORANG TUA');
    const bare = assignFields([TITLE, line('Szbea Irtn', 40, 400, 12), line('BEKERJA', 40, 420)]);
    expect(bare.fields.status).toBeUndefined();
    // ...unless the occupation holds a job title: then the bare purpose left is the status
    // (measured on a card photo: "DIREKTUR" over "INVESTOR", both labels blurred).
    const withJob = assignFields([
      TITLE,
      line('Patkogaa', 40, 380, 12),
      line('DIREKTUR', 200, 380),
      line('Keareggar', 40, 420, 12),
      line('INVESTOR', 200, 420),
    ]);
    expect(withJob.fields.occupation?.text).toBe('DIREKTUR');
    expect(withJob.fields.status?.text).toBe('INVESTOR');
    // Retirement, former citizens, second home: purposes that are no occupation, whole on their line.
    for (const purpose of ['LANSIA', 'EKS WNI', 'RUMAH KEDUA'])
      expect(
        assignFields([TITLE, line('Keleto', 40, 400, 12), line(purpose, 40, 420)]).fields.status?.text,
      ).toBe(purpose);
    expect(assignFields([TITLE, line('LANSIANA PUTRI', 40, 420)]).fields.status).toBeUndefined();
  });

  it('a KITAP card photo whose small labels were not read (measured): gender split, code index, status', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TETAP', 148, 73, 37, 0.79, 458),
      line('2D24JC8165CE', 52, 146, 40, 0.97, 282),
      line('Sade', 686, 198, 23, 0.29, 93),
      line('D312', 684, 225, 33, 0.99, 70),
      line('YANG MEIHUA', 686, 289, 32, 0.8, 175),
      line('HL.0E, 24.02. 1909', 52, 358, 28, 0.29, 214),
      line('TIONGKOK', 686, 359, 28, 0.68, 135),
      line('PERE MPUAN', 52, 421, 28, 0.72, 159),
      line('ALIM STATUS ITAS', 686, 486, 32, 0.56, 223),
      line('ELECTRICAL TECHNICAN', 50, 487, 29, 0.93, 315),
    ]);
    const f = r.fields;
    expect(f.gender?.text).toBe('PERE MPUAN');
    expect(f.stay_permit_index?.text).toBe('D312');
    expect(f.status?.text).toBe('ALIM STATUS ITAS');
    // The only "City, date" line is dated before any permit in use was issued: it is the birth.
    expect(f.date_of_birth?.text).toBe('24.02. 1909');
    expect(f.issued_date).toBeUndefined();
  });

  it('a lone recent "City, date" at the foot stays the issue line; a slurred gender word still counts', () => {
    const r = assignFields([
      TITLE,
      line('lx Inn', 40, 130, 12),
      line('PEREMPLAN', 40, 150),
      line('Jakarta, 12-03-2024', 400, 600),
    ]);
    expect(r.fields.gender?.text).toBe('PEREMPLAN');
    expect(r.fields.issued_date?.text).toBe('Jakarta, 12-03-2024');
    expect(r.fields.date_of_birth).toBeUndefined();
  });

  it('the only "City, date" line, above where the issue line is printed, is the birth', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 731, 109, 41, 1, 736),
      line('TAKUYA SATO', 842, 275, 40, 1, 241),
      line('HYOGO, 25 APR 1999', 842, 350, 40, 0.74, 333),
      line('JAPAN', 839, 420, 46, 0.91, 118),
      line('14 MEI 2023', 837, 806, 44, 0.46, 199),
      line('WOR Wi BB RE GR TER', 113, 1234, 30, 0.1, 353),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('HYOGO');
    expect(r.fields.date_of_birth?.text).toBe('25 APR 1999');
    expect(r.fields.full_name?.text).toBe('TAKUYA SATO');
    expect(r.fields.issued_date).toBeUndefined();
  });

  it("a value whose ':' the detector joined to it is still placed by its format", () => {
    const r = assignFields([TITLE, line('Kx qwa /', 85, 1251, 48), line(': JERANG', 391, 1254, 40)]);
    expect(r.fields.nationality?.text).toMatch(/JERANG$/);
  });

  it('a roman stay permit index above the birth value is no name (measured on a card photo)', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TETAP', 123, 60, 28, 0.82, 375),
      line('B. Bada Daaag Pitrt', 41, 152, 22, 0.2, 171),
      line('JVTRV14684', 41, 168, 21, 0.89, 125),
      line('VI C', 518, 168, 22, 0.91, 44),
      line('GIULIA ROSSI', 42, 214, 25, 0.98, 141),
      line('FIRENZL, 17/09/1975', 516, 216, 22, 0.87, 204),
      line('Beka, 31/01/2022', 1048, 676, 19, 0.69, 163),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('FIRENZL');
    expect(r.fields.full_name?.text).toBe('GIULIA ROSSI');
    expect(r.fields.stay_permit_index?.text).toBe('VI C');
  });

  it('the name stacked above the birth value, with an unreadable label in between', () => {
    const r = assignFields([
      TITLE,
      line('2D22TP7745OS', 40, 100),
      line('oy Bet Ahe', 40, 130, 12),
      line('GIULIA ROSSI', 40, 150),
      line('Mn ey Lah', 40, 180, 12),
      line('FIRENZE, 17/09/1975', 40, 200),
      line('Medan, 29 MEI 2025', 900, 600),
    ]);
    expect(r.fields.full_name?.text).toBe('GIULIA ROSSI');
    expect(r.fields.place_of_birth?.text).toBe('FIRENZE');
  });

  it('no name from a country, a gender word or a line far above the birth value', () => {
    const r = assignFields([
      TITLE,
      line('ITALY', 40, 150),
      line('FIRENZE, 17/09/1975', 460, 150),
      line('GIULIA ROSSI', 460, 40),
      line('Medan, 29 MEI 2025', 900, 600),
    ]);
    expect(r.fields.full_name).toBeUndefined();
    expect(r.fields.nationality?.text).toBe('ITALY');
  });

  it('two passport-like numbers: the one that fits the nationality’s passport format', () => {
    const r = assignFields([
      TITLE,
      line('JVTRV14684', 40, 100),
      line('ITALY', 40, 150),
      line('GF7212173', 460, 150),
      line('Medan, 29 MEI 2025', 900, 600),
    ]);
    expect(r.fields.passport_number?.text).toBe('GF7212173');
  });

  it('two candidates of one kind are ambiguous: neither is taken', () => {
    const r = assignFields([
      TITLE,
      line('MALE', 40, 100),
      line('FEMALE', 40, 140),
      line('A1234567', 40, 180),
      line('B7654321', 40, 220),
    ]);
    expect(r.fields.gender).toBeUndefined();
    expect(r.fields.passport_number).toBeUndefined();
  });

  it('a lone "City, date" is the issue line, not the birth', () => {
    const r = assignFields([TITLE, line('MALE', 40, 100), line('Medan, 29 MEI 2025', 600, 400)]);
    expect(r.fields.place_of_birth).toBeUndefined();
    expect(r.fields.issued_place?.text).toBe('Medan, 29 MEI 2025');
  });

  it('the header above the title and Indonesia itself are never the holder’s data', () => {
    const r = assignFields([
      line('REPUBLIK INDONESIA', 200, 10, 16),
      line('JL. TRANS SULAWESI NO. 3, KEL. BAHODOPI', 200, 28, 16),
      TITLE,
      line('INDONESIA', 40, 120),
    ]);
    expect(r.fields.nationality).toBeUndefined();
    expect(r.fields.address).toBeUndefined();
  });

  it('a bare date right under the place of birth is the date of birth (measured on a card photo, its label read "mi")', () => {
    const rows = [
      line('KARTU IZIN TINGGAL TERBATAS', 1052, 642, 39),
      line('ALEKSANDR KUZNETSOV', 1115, 737, 42),
      line('Nama', 889, 753, 39),
      line('NOVOSIBIRSK', 1110, 784, 36),
      line('Tempat Ihir', 882, 787, 53),
      line('mi', 875, 829, 53),
      line('Koargangaran', 872, 867, 55),
      line('RUSIA', 1106, 873, 29),
    ];
    const r = assignFields([...rows, line('27.05.2009', 1110, 830, 30)]);
    expect(r.fields.place_of_birth?.text).toBe('NOVOSIBIRSK');
    expect(r.fields.date_of_birth?.text).toBe('27.05.2009');
    expect(r.fields.date_of_birth?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    // A date further down (the passport's expiry, rows below) is not taken for it.
    expect(assignFields([...rows, line('27.05.2029', 1110, 960, 30)]).fields.date_of_birth).toBeUndefined();
  });

  it('a bare date from before 2000 is the date of birth (measured on a card photo, its label read "Tal Vek")', () => {
    const rows = [
      line('KARTU IZIN TINGGAL TERBATAS', 98, 51, 24),
      line('Berlatui Hanga', 460, 125, 25),
      line('30-05-2024', 462, 146, 21),
      line('Tenpat Lnmir', 459, 171, 20),
      line('PIMCHANOK RATTANAKOSIN SRISUK', 33, 188, 21),
      line('KHON KAFN', 462, 189, 21),
      line('Tal Vek', 33, 211, 20),
      line('Pnspor Beslatu s/il', 33, 294, 23),
      line('27-05-2025', 35, 313, 21),
    ];
    const r = assignFields([...rows, line('05-02-1974', 33, 230, 21)]);
    expect(r.fields.date_of_birth?.text).toBe('05-02-1974');
    expect(r.fields.date_of_birth?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    // A recent bare date, or two old ones, says nothing of a birth.
    expect(assignFields([...rows, line('05-02-2014', 33, 230, 21)]).fields.date_of_birth).toBeUndefined();
    const two = assignFields([...rows, line('05-02-1974', 33, 230, 21), line('01-01-1990', 600, 400, 21)]);
    expect(two.fields.date_of_birth).toBeUndefined();
  });

  it('a roman index read in lowercase, alone on its line, is the index ("vic")', () => {
    const r = assignFields([TITLE, line('Ibe oy Tove', 40, 400, 12), line('vic', 200, 400)]);
    expect(r.fields.stay_permit_index?.text).toBe('vic');
  });

  it('a labelled value keeps its label; the format pass only fills what is missing', () => {
    const r = assignFields([
      TITLE,
      line('Warga Negara', 40, 100, 14),
      line('JAPAN', 40, 118),
      line('GERMANY', 400, 300),
    ]);
    expect(r.fields.nationality?.text).toBe('JAPAN');
    expect(r.fields.nationality?.assignment).toBeGreaterThan(FORMAT_ONLY_ASSIGNMENT);
  });
});

describe('a name whose label blurred away, on a two-column card', () => {
  // Measured on a card photo: "Nama Lengkap / Full Name" read as "Nanu I engkap / Fal Nanr" (0.41);
  // the name sits in the right column under the index, the birth line in the left column.
  const rows = [
    line('REPUBLIK INDONESIA', 100, 30, 17, 0.89, 196),
    line('KARTU IZIN TINGGAL TETAP', 100, 48, 19, 0.82, 318),
    line('2D19YV7746SB', 37, 91, 22, 0.85, 188),
    line('Jndeks Izin Tingal / Siay Pemil Tades', 459, 119, 19, 0.26, 206),
    line('NIORA / Forelgner ID No.', 35, 119, 19, 0.49, 141),
    line('D312', 461, 140, 17, 0.87, 42),
    line('8KQWW44779', 36, 140, 16, 1, 112),
    line('Herlaku Hingga / Valid Uatir', 35, 156, 19, 0.45, 154),
    line('Nanu I engkap / Fal Nanr', 460, 156, 19, 0.41, 148),
    line('CHIARA FRANCESCA RUSSO', 461, 176, 19, 0.89, 231),
    line('01-01-2024', 35, 177, 19, 0.86, 82),
    line('Nn. Piaspa / Paspor No.', 459, 196, 22, 0.37, 139),
    line('Teonspa / Tgi Lahir / Pluoe / Dase of Birth', 34, 197, 19, 0.31, 217),
    line('NAPOLI, 22-06-1986', 36, 216, 16, 0.99, 154),
    line('DW6370385', 461, 216, 16, 0.99, 91),
    line('Jenit Kolamin / Ses', 458, 233, 21, 0.53, 110),
    line('Kewargategarwo / Natiosliy', 35, 235, 19, 0.27, 163),
    line('FEMALE', 458, 253, 21, 0.91, 79),
    line('ITALY', 35, 254, 18, 0.89, 54),
    line('Alamu / Addre', 34, 273, 19, 0.41, 95),
    line('KOMP. BUMI ASRI BLOK H5 NO. 19, RI 002/RW 010,', 35, 292, 19, 0.55, 397),
    line('KEL. PAGO, KEC. COBLONG, KOTA BANDUNG', 35, 311, 19, 0.23, 370),
  ];
  it('is the one free line above the issue zone that can only be a name', () => {
    const f = assignFields(rows).fields;
    expect(f.full_name?.text).toBe('CHIARA FRANCESCA RUSSO');
    expect(f.full_name?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    expect(f.passport_number?.text).toBe('DW6370385');
  });
  it('is nothing when two free lines could be the name (a sponsor whose label blurred too)', () => {
    const f = assignFields([...rows, line('WAYAN LESTARI', 461, 100, 19, 0.9, 140)]).fields;
    expect(f.full_name).toBeUndefined();
  });
  it('is not a job title, a purpose of stay or a sponsor company', () => {
    for (const other of ['IBU RUMAH TANGGA', 'PENYATUAN KELUARGA', 'PT MAJU JAYA']) {
      const withOther = rows.map((l) =>
        l.text === 'CHIARA FRANCESCA RUSSO' ? line(other, 461, 176, 19, 0.9, 231) : l,
      );
      expect(assignFields(withOther).fields.full_name?.text).not.toBe(other);
    }
  });
});

describe('continuesAddress', () => {
  it.each([
    ['JL. MELATI NO. 21, KEL. TANJUNG', 'UNCANG, KEC. BATU AJI', true],
    ['JL. MELATI NO. 21, KEL. X, KEC. Y, KOTA BATAM', 'HEAD OF OPERATIONS', false],
    ['JL. MELATI NO. 21, KEL. X, KEC. Y, KAB. BADUNG', 'WIRA SWASTA', false],
    ['JL. MELATI NO. 21, KEL. X, KEC. Y. KAB BADUNG', 'PENYATUAN KELUARGA', false],
    ['JL. MELATI NO. 21, KEL. X, KEC. BALIKPAPAN KOTA', ', KOTA BALIKPAPAN', true],
    ['JL. MELATI NO. 21, KEL. X, KEC. TAMALANREA', 'PT NUSANTARA CAHAYA', false],
    ['JL. MELATI NO. 21, KEL. X,', 'KEC. Y, KOTA MATARAM', true],
    ['JL. MELATI NO. 21, KEL. X, KEC. Y, KOTA JAKARTA', 'SELATAN', true],
    ['JL. MELATI NO. 21, KEL. X, KEC. Y, KOTA JAKARTA SELATAN', 'UTARA', false],
    // The regency's keyword one glyph off still closes the address (measured on a photo).
    ['JL. KENANGA NO. 65, KEL. X, KEC. BAHODOP, KAR. MOROWALI', 'TKA BID. PERTAMBANGAN', false],
  ])('%j then %j: %s', (address, next, expected) => {
    expect(continuesAddress(address, next)).toBe(expected);
  });
});

describe('an unlabelled address whose parts come on its wrapped line', () => {
  it('is found from its first line and taken whole', () => {
    const r = assignFields([
      TITLE,
      line('Hmat / Adurs', 109, 313, 12),
      line('PERUM TAMAN ANGGREK BLOK H7', 109, 329, 27),
      line('NO. 19, RT 009/RW 007, KEL. KELAPA', 110, 356, 27),
      line('GADING BARAT, KEC. KELAPA GADING,', 108, 383, 27),
      line('KOTA JAKARTA UTARA', 113, 410, 27),
      line('Medan, 29 MEI 2025', 900, 600),
    ]);
    expect(r.fields.address?.text).toBe(
      'PERUM TAMAN ANGGREK BLOK H7 NO. 19, RT 009/RW 007, KEL. KELAPA GADING BARAT, KEC. KELAPA GADING, KOTA JAKARTA UTARA',
    );
    expect(r.fields.address?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
  });
});

describe("a card's validity date with its label unread", () => {
  const card = (extra: ReturnType<typeof line>[]) =>
    assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 166, 132, 19),
      line('2C21OC82210C', 118, 167, 19),
      line('3+ Math Kae te nbs FA', 424, 192, 12),
      line('FRIEDRICH SCHWARZENBERGER', 121, 242, 16),
      line('KOELN, 10 JUN 1979', 426, 242, 16),
      ...extra,
      line('Medan, 29 MEI 2025', 900, 600),
    ]);

  it('is the one bare date above the birth line', () => {
    const r = card([line('08 MAR 2022', 425, 209, 16), line('14.09.2029', 426, 330, 16)]);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('08 MAR 2022');
    expect(r.fields.stay_multiple_entries_permit_expiry?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    // A single-entry card prints its date in the same place: which field it is, is a guess.
    expect(r.fields.stay_multiple_entries_permit_expiry?.labelGuessed).toBe(true);
  });

  it('is the single-entry date where that label was read with no value of its own (measured on a webcam frame)', () => {
    const r = card([line('08 MAR 2022', 425, 209, 16), line('Stngle Re-ennry Until', 200, 226, 16)]);
    expect(r.fields.stay_entries_permit_expiry?.text).toBe('08 MAR 2022');
    expect(r.fields.stay_entries_permit_expiry?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    expect(r.fields.stay_entries_permit_expiry?.labelGuessed).toBeUndefined();
    expect(r.fields.stay_multiple_entries_permit_expiry).toBeUndefined();
  });

  it('a bare date only below the birth line (the passport expiry) is not taken for it', () => {
    const r = card([line('14.09.2029', 426, 330, 16)]);
    expect(r.fields.stay_multiple_entries_permit_expiry).toBeUndefined();
  });

  it('two bare dates above the birth line: no guess', () => {
    const r = card([line('08 MAR 2022', 425, 209, 16), line('09 MAR 2022', 118, 209, 16)]);
    expect(r.fields.stay_multiple_entries_permit_expiry).toBeUndefined();
  });
});
