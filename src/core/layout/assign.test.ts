import { describe, expect, it } from 'vitest';
import { assignFields } from './assign';
import { matchLabel } from './labels-match';
import { line } from './printed-line.test-helper';

/** A line as measured on a photo: position, width and height in pixels. */
const at = (text: string, x: number, y: number, w: number, h: number) => line(text, x, y, h, 0.95, w);

describe('matchLabel', () => {
  it("stops a label at the label column's ':', whose opening words may stand for it all", () => {
    // "of Birth" wrapped onto the next line: the words after ':' are the value, not "of Birth".
    const words = 'Tempal, Tgl. Lahir / Place, Date : EDINBURGH, 09 MAR 1989'.split(' ');
    expect(matchLabel(words)).toMatchObject({ key: 'place_date_of_birth', wordCount: 7 });
    expect(matchLabel('Nama / Name : JOHN DOE'.split(' '))).toMatchObject({ key: 'full_name', wordCount: 4 });
    // A ':' joined to a label word with the label going on in mixed case does not end it.
    const stacked = 'Izin Masuk Kembali s/d / Single: Re-entry Permit Until'.split(' ');
    expect(matchLabel(stacked)).toMatchObject({ key: 'stay_entries_permit_expiry', wordCount: 9 });
  });

  it('a name in capitals is no label it is a letter off (measured on a card photo: "BENJAMIN ANDERSON")', () => {
    expect(matchLabel('BENJAMIN ANDERSON'.split(' '))).toBeNull();
    expect(matchLabel('Penjamin / Guarantor'.split(' '))).toMatchObject({ key: 'guarantor_name' });
    // Labels printed in capitals, and exact reads in capitals, still match.
    expect(matchLabel(['NIORA'])).toMatchObject({ key: 'niora' });
    expect(matchLabel(['PENJAMIN'])).toMatchObject({ key: 'guarantor_name' });
    expect(matchLabel('Penjamln'.split(' '))).toMatchObject({ key: 'guarantor_name' });
  });

  it('one garbled word before a colon names no label by its opening (measured on a photo)', () => {
    expect(matchLabel('Tangal Lair / Daeof : 7-07-211'.split(' '))).toBeNull();
    const r = assignFields([
      at('IZIN TINGGAL TETAP ELEKTRONIK', 300, 300, 600, 40),
      at(': PHUKET', 479, 902, 156, 35),
      at('Tempat Lahir / Place', 196, 903, 251, 36),
      at('of Birth', 197, 938, 97, 34),
      at('Tangal Lair / Daeof : 7-07-211', 192, 992, 472, 58),
      at('Birth', 198, 1040, 68, 33),
    ]);
    expect(r.fields.date_of_birth?.text).toBe('7-07-211');
  });

  it('a wrapped label whose first line ends in "Single:" and the date keeps the date alone', () => {
    const r = assignFields([
      at('IZIN TINGGAL TETAP ELEKTRONIK', 283, 220, 338, 22),
      at(': 5DYEZ11661', 450, 300, 119, 18),
      at('NIORA', 247, 300, 49, 17),
      at('Izin Masuk Kembali s/d / Single: 30-06-2029', 246, 326, 308, 22),
      at('Re-entry Permit Until', 246, 346, 136, 18),
      at('No. Kartu / Card No.', 245, 374, 131, 18),
    ]);
    expect(r.fields.stay_entries_permit_expiry?.text).toBe('30-06-2029');
  });
  it('recognises a bilingual label and leaves the inline value', () => {
    const hit = matchLabel('Nama / Name : JOHN DOE'.split(' '));
    expect(hit?.key).toBe('full_name');
    expect(hit?.wordCount).toBe(4);
  });
  it('recognises the place/date-of-birth label with its slashes', () => {
    const words = 'Tempat / Tgl Lahir / Place / Date of Birth'.split(' ');
    const hit = matchLabel(words);
    expect(hit?.key).toBe('place_date_of_birth');
    expect(hit?.wordCount).toBe(words.length);
  });
  it('tolerates OCR noise in a label', () => {
    expect(matchLabel('Kewarganegaraan / Natlonality'.split(' '))?.key).toBe('nationality');
  });
  it('recognises each half of a stacked label', () => {
    expect(matchLabel(['Kewarganegaraan'])).toMatchObject({ key: 'nationality', part: 'id' });
    expect(matchLabel(['Nationality'])).toMatchObject({ key: 'nationality', part: 'en' });
  });
  it('does not take an ordinary value for a label', () => {
    expect(matchLabel('JL. RAYA DARMO NO. 12'.split(' '))).toBeNull();
    expect(matchLabel(['MARTIN', 'SANTOS'])).toBeNull();
  });
});

describe('assignFields', () => {
  it('labels left of values (the e-ITAS page)', () => {
    const lines = [
      line('KANTOR WILAYAH JAWA TIMUR', 320, 120),
      line('KANIM KELAS I TPI SURABAYA', 323, 140),
      line('JL. JEND. S. PARMAN NO. 58A', 295, 160),
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 218, 224, 24),
      line('NIORA', 300, 318),
      line('4BXQT81273', 560, 318),
      line('Nama / Name', 60, 500),
      line('MARTIN OLIVEIRA SANTOS', 480, 500),
      line('Tempat / Tgl Lahir / Place / Date of Birth', 60, 528),
      line('LISBOA, 03-11-1985', 480, 528),
      line('Alamat / Address', 60, 560),
      line('JL. RAYA DARMO NO. 12, KEL.', 480, 560),
      line('DARMO, KOTA SURABAYA', 480, 584),
      line('Pekerjaan / Occupation', 60, 612),
      line('ENGINEER', 480, 612),
      line('Surabaya, 16-07-2025', 620, 958),
    ];
    const r = assignFields(lines);
    expect(r.documentClass).toBe('KITAS');
    expect(r.fields.office_region?.text).toBe('KANTOR WILAYAH JAWA TIMUR');
    expect(r.fields.office_name?.text).toBe('KANIM KELAS I TPI SURABAYA');
    expect(r.fields.office_address?.text).toBe('JL. JEND. S. PARMAN NO. 58A');
    expect(r.fields.niora?.text).toBe('4BXQT81273');
    expect(r.fields.full_name?.text).toBe('MARTIN OLIVEIRA SANTOS');
    expect(r.fields.place_of_birth?.text).toBe('LISBOA');
    expect(r.fields.date_of_birth?.text).toBe('03-11-1985');
    // place and date get separate boxes on the one printed row
    expect(r.fields.date_of_birth!.rects[0]!.x).toBeGreaterThan(r.fields.place_of_birth!.rects[0]!.x + 50);
    expect(r.fields.address?.text).toBe('JL. RAYA DARMO NO. 12, KEL. DARMO, KOTA SURABAYA');
    expect(r.fields.occupation?.text).toBe('ENGINEER');
    expect(r.fields.issued_place?.text).toBe('Surabaya, 16-07-2025');
    expect(r.fields.issued_date?.rects).toEqual(r.fields.issued_place?.rects);
  });

  it('labels above values, in two columns', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TETAP', 200, 40, 24),
      line('Nama / Name', 40, 100, 14),
      line('Kewarganegaraan / Nationality', 400, 100, 14),
      line('AIKO TANAKA', 40, 118),
      line('JEPANG', 400, 118),
      line('No. Paspor / Passport No.', 40, 150, 14),
      line('Jenis Kelamin / Sex', 400, 150, 14),
      line('TZ1234567', 40, 168),
      line('PEREMPUAN', 400, 168),
    ];
    const r = assignFields(lines);
    expect(r.documentClass).toBe('KITAP');
    expect(r.fields.full_name?.text).toBe('AIKO TANAKA');
    expect(r.fields.nationality?.text).toBe('JEPANG');
    expect(r.fields.passport_number?.text).toBe('TZ1234567');
    expect(r.fields.gender?.text).toBe('PEREMPUAN');
  });

  it('stacked bilingual labels and inline values', () => {
    const lines = [
      line('IZIN TINGGAL TETAP ELEKTRONIK', 200, 40, 24),
      line('Nama', 40, 100),
      line('Name', 40, 121, 16),
      line(': HANS MUELLER', 300, 108),
      line('Kewarganegaraan / Nationality : JERMAN', 40, 150),
    ];
    const r = assignFields(lines);
    expect(r.fields.full_name?.text).toBe('HANS MUELLER');
    expect(r.fields.nationality?.text).toBe('JERMAN');
    expect(r.labelCount).toBe(2);
  });

  it('a one-line label does not open the two-line label under it', () => {
    // NIORA sits right above "Izin Masuk Kembali s/d" + "Single Re-entry Permit Until": read
    // together, the three lines still resemble the re-entry label (similarity ~0.89).
    const lines = [
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 265, 237, 22),
      line('NIORA', 257, 354, 20),
      line('TVXCV04430', 560, 354, 18),
      line('Izin Masuk Kembali s/d', 258, 380, 18),
      line('11-11-2025', 560, 381, 18),
      line('Single Re-entry Permit Until', 257, 395, 21),
      line('Indeks Izin Tinggal', 258, 419, 21),
      line('C312', 558, 418, 22),
      line('Stay Permit Index', 257, 438, 18),
    ];
    const r = assignFields(lines);
    expect(r.fields.niora?.text).toBe('TVXCV04430');
    expect(r.fields.stay_entries_permit_expiry?.text).toBe('11-11-2025');
    expect(r.fields.stay_permit_index?.text).toBe('C312');
  });

  it('a page without a permit title or permit labels has no document class', () => {
    const lines = [
      line('PROVINSI JAWA BARAT', 200, 20),
      line('NIK', 20, 80),
      line('3201234567890001', 200, 80),
      line('Nama', 20, 110),
      line('SITI RAHAYU', 200, 110),
    ];
    const r = assignFields(lines);
    expect(r.documentClass).toBeNull();
    expect(r.permitLabelCount).toBe(0);
  });
});

describe('the two re-entry labels', () => {
  it('"Izin Masuk Kembali" with a word like Beberapa after it is the multiple-entry label', () => {
    expect(matchLabel('Izin Masuk Kembali Beberapa'.split(' '))?.key).toBe(
      'stay_multiple_entries_permit_expiry',
    );
    expect(matchLabel('Izin Masuk Kembali s/d /'.split(' '))?.key).toBe('stay_entries_permit_expiry');
    expect(matchLabel('Izin Masuk Kembali Satu Kali'.split(' '))?.key).toBe('stay_entries_permit_expiry');
  });

  it('a blurred multiple-entry label over a date gives the date to the multiple-entry field', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 712, 453, 55),
      line('NIORA', 343, 589, 37),
      line('8SQNJ54847', 338, 625, 40),
      line('Iin Masuak Kembal Bed', 343, 769, 33),
      line('26-01-2021', 340, 801, 46),
    ]);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('26-01-2021');
    expect(r.fields.stay_entries_permit_expiry).toBeUndefined();
  });
});

describe('a re-entry label cut short', () => {
  // Measured on a held-out webcam frame of a card: the detector cut the label's row where
  // "Beberapa" blurred, leaving a fragment of it between the two halves.
  const card = (rest: string | null) =>
    assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 102, 56, 299, 24),
      at('NIORA', 34, 134, 42, 22),
      at('Izin Masuk Kemie', 459, 137, 78, 18),
      ...(rest === null ? [] : [at(rest, 596, 138, 190, 16)]),
      at('Beb', 555, 141, 19, 7),
      at('5BAWU96219', 35, 157, 93, 20),
      at('27 JAN 2026', 458, 157, 86, 20),
      at('Nama / Name', 36, 181, 71, 22),
      at('HARUKA TANAKA', 35, 201, 124, 21),
    ]).fields;

  it('is the multiple-entry label when the rest of its row, beside it, says "Multiple"', () => {
    const fields = card('J. Kali s/d / Multiple Re-entry Pesmil Untl');
    expect(fields.stay_multiple_entries_permit_expiry?.text).toBe('27 JAN 2026');
    expect(fields.stay_entries_permit_expiry).toBeUndefined();
    expect(fields.stay_multiple_entries_permit_expiry?.labelGuessed).toBeUndefined();
  });

  it('names the single-entry field only as a guess when nothing of its row after "Kembali" was read', () => {
    const fields = card(null);
    expect(fields.stay_entries_permit_expiry?.text).toBe('27 JAN 2026');
    expect(fields.stay_entries_permit_expiry?.labelGuessed).toBe(true);
    expect(fields.niora?.labelGuessed).toBeUndefined();
  });

  it('is no guess when the single-entry words were read', () => {
    const fields = card('Satu Kali / Single Re-entry Until');
    expect(fields.stay_entries_permit_expiry?.text).toBe('27 JAN 2026');
    expect(fields.stay_entries_permit_expiry?.labelGuessed).toBeUndefined();
  });
});

describe('a stacked label whose Indonesian half blurred', () => {
  // Measured on a webcam frame of a bilingual-stack card: "Tgl. Habis Berlaku Paspor" over
  // "Passport Expiry", the date level with the first half.
  const card = (upper: string) =>
    assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 407, 50, 354, 27),
      at('E78029360', 435, 331, 87, 23),
      at('No. Paspor', 227, 334, 75, 20),
      at('Passpot Nao.', 229, 348, 72, 18),
      at('16-02-2031', 434, 366, 91, 27),
      at(upper, 225, 368, 145, 26),
      at('Pasiport Eapr', 231, 391, 72, 13),
      at('JL. TERUSAN BUAH BATU NO. 4, RT 001/RW 008, KEL. SUNGAI PANAS, KEC.', 438, 408, 598, 22),
      at('Alamar', 230, 413, 45, 17),
    ]).fields;

  it('joins the English half read as the label, so the value level with it is found', () => {
    const fields = card('Tgl. Habi Bermsu Palr');
    expect(fields.passport_expiry?.text).toBe('16-02-2031');
    expect(fields.passport_number?.text).toBe('E78029360');
  });

  it('not where the line above reads as nothing like that half', () => {
    expect(card('Pekerjaan / Occupation').passport_expiry?.text).not.toBe('16-02-2031');
  });
});

describe("the permit's expiry belongs to the top block", () => {
  const top = [
    line('IZIN TINGGAL TERBATAS ELEKTRONIK', 673, 521, 48),
    line('NIORA', 490, 698, 31),
    line('8SQCK71877', 479, 718, 44),
  ];
  const holder = [line('Tempat / Tgl Lahir', 1118, 1011, 25), line('ZHEJIANG, 25-10-2003', 1112, 1037, 48)];

  it('a bare "Berlaku s/d" below the holder\'s rows is the passport\'s, its first word lost (measured on a photo)', () => {
    const r = assignFields([
      ...top,
      ...holder,
      line('Berlaku s/d', 1177, 1199, 33),
      line('11-04-2024', 1101, 1230, 46),
    ]);
    expect(r.fields.passport_expiry?.text).toBe('11-04-2024');
    expect(r.fields.stay_multiple_entries_permit_expiry).toBeUndefined();
  });

  it("in the top block it stays the permit's expiry", () => {
    const r = assignFields([
      ...top,
      line('Berlaku s/d', 490, 780, 31),
      line('02-04-2021', 479, 810, 44),
      ...holder,
    ]);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('02-04-2021');
    expect(r.fields.passport_expiry).toBeUndefined();
  });

  it("a card prints its expiry under the holder: it stays the permit's", () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 673, 521, 48),
      ...holder,
      line('Berlaku s/d', 1177, 1199, 33),
      line('31-01-2022', 1101, 1230, 46),
    ]);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('31-01-2022');
    expect(r.fields.passport_expiry).toBeUndefined();
    // A bare "Berlaku s/d" may be a stacked "Paspor Berlaku s/d" that lost its first word (measured
    // on a webcam frame of a card): which date it is stays a guess, unless the label says more.
    expect(r.fields.stay_multiple_entries_permit_expiry?.labelGuessed).toBe(true);
    const named = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 673, 521, 48),
      ...holder,
      line('Berlaku s/d / Expiry Date', 1177, 1199, 33),
      line('31-01-2022', 1101, 1230, 46),
    ]);
    expect(named.fields.stay_multiple_entries_permit_expiry?.text).toBe('31-01-2022');
    expect(named.fields.stay_multiple_entries_permit_expiry?.labelGuessed).toBeUndefined();
  });

  it("where the passport's expiry was read too, nothing moves", () => {
    const r = assignFields([
      ...top,
      ...holder,
      line('Paspor Berlaku s/d', 1177, 1100, 33),
      line('11-04-2024', 1101, 1130, 46),
      line('Berlaku s/d', 1177, 1199, 33),
      line('12-05-2025', 1101, 1230, 46),
    ]);
    expect(r.fields.passport_expiry?.text).toBe('11-04-2024');
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('12-05-2025');
  });
});

describe('wrapped values', () => {
  it('a value does not continue past the next field value set tight under it (measured on a photo)', () => {
    // Two columns, rows 20 px apart with 23 px boxes: the occupation's next line down the column
    // is the address's first line; the address's wrapped lines are the address's, not the occupation's.
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 271, 476, 27),
      line('Nama', 129, 693, 20),
      line('YULIYA VASILYEV IVANOV', 240, 688, 23),
      line('Pekerjaan', 452, 709, 24),
      line(': RESEARCHER', 563, 709, 23),
      line('Alamat', 452, 729, 23),
      line('RUKO MEGA LEGENDA BLOK D8', 582, 728, 23),
      line('NO. 1, RT 007/RW 005, KEL.', 582, 745, 23),
      line('LENGKONG GUDANG, KEC.', 579, 759, 27),
      line('SERPONG, KOTA TANGERANG', 579, 776, 27),
      line('SELATAN', 580, 793, 25),
    ]);
    expect(r.fields.occupation?.text).toBe('RESEARCHER');
    expect(r.fields.address?.text).toBe(
      'RUKO MEGA LEGENDA BLOK D8 NO. 1, RT 007/RW 005, KEL. LENGKONG GUDANG, KEC. SERPONG, KOTA TANGERANG SELATAN',
    );
    // Each printed line keeps its own box (a second engine reads them one by one); a one-line value
    // has none.
    expect(r.fields.address?.lineRects?.map((b) => b.y)).toEqual([728, 745, 759, 776, 793]);
    expect(r.fields.occupation?.lineRects).toBeUndefined();
  });
});

describe('an address wrapped on a tilted card photo', () => {
  // Measured on a card photo a few degrees tilted: the address's first line boxed 70 px tall for
  // 36-40 px print, its wrap 51 px, the next row's label 36 px.
  it("wraps onto the line under it, which the next row's label does not claim", () => {
    const r = assignFields([
      at('Jenis Kelamin', 264, 738, 166, 36),
      at('FEMALE', 657, 740, 126, 35),
      at('No. Paspor', 270, 782, 138, 36),
      at('G46835096', 664, 784, 166, 36),
      at('JL. ANGREK NELY MURNI NO. 3, KEL. SEI SIKAMBING B, KEC.', 658, 815, 1031, 70),
      at('Alamat Tinggal', 279, 820, 184, 39),
      at('MEDAN SUNGGAL, KOTA MEDAN', 672, 859, 502, 51),
      at('Jabatan', 296, 897, 98, 36),
      at('PENSIUNAN', 681, 905, 186, 39),
      at('Nama Penjamin', 301, 936, 196, 37),
      at('WAYAN LESTARI', 683, 945, 243, 40),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. ANGREK NELY MURNI NO. 3, KEL. SEI SIKAMBING B, KEC. MEDAN SUNGGAL, KOTA MEDAN',
    );
    expect(r.fields.occupation?.text).toBe('PENSIUNAN');
    expect(r.fields.guarantor_name?.text).toBe('WAYAN LESTARI');
  });
});

describe('an address stopped midway on a page photo, rows set tighter than their boxes', () => {
  // Measured on a page photo: rows 40 px apart in 50 px boxes, the address's wrap level with the
  // next row's label ("Jabatan") as much as that label's own value is.
  it('keeps its wrapped tail, and the next label takes its own value', () => {
    const r = assignFields([
      at('Kewarganegaraan', 437, 1785, 244, 47),
      at('THAILAND', 822, 1796, 173, 51),
      at('Nationality', 446, 1816, 126, 32),
      at('Alamat di Indonesia', 443, 1858, 265, 50),
      at('Addressin Indonesia', 449, 1890, 235, 42),
      at('JL. TELUK BETUNG NO. 116, RT 008/RW 012, KEL. TIBUBENENG, KEC.', 827, 1898, 1103, 54),
      at('KUTA UTARA, KAB. BADUNG', 834, 1920, 433, 53),
      at('Jabatan', 459, 1944, 103, 46),
      at('PENELITI', 838, 1964, 151, 52),
      at('Position', 467, 1981, 83, 26),
      at('Status Izin', 463, 2017, 153, 50),
      at('PENELITI', 845, 2042, 149, 50),
      at('Permit Status', 472, 2051, 151, 40),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. TELUK BETUNG NO. 116, RT 008/RW 012, KEL. TIBUBENENG, KEC. KUTA UTARA, KAB. BADUNG',
    );
    expect(r.fields.occupation?.text).toBe('PENELITI');
    expect(r.fields.occupation?.rects[0]?.y).toBe(1964);
    expect(r.fields.status?.rects[0]?.y).toBe(2042);
  });
});

describe('wrapped values whose next labels were not read', () => {
  // Measured on a blurred page photo: the labels of the address, status and sponsor rows came out
  // as noise, rows 40 px apart with 47 px boxes.
  const rows = [
    line('Pekerjaan', 380, 1194, 33),
    line(': TEACHER', 768, 1186, 47),
    line('Nlan', 374, 1239, 22),
    line('JL. KENANGA NO. 65, KEL. FATUFIA, KEC. BAHODOPI, KAB. MOROWALI', 763, 1227, 51),
    line('TKA BID. PERTAMBANGAN', 763, 1270, 50),
    line(': PT ANGKASA MAKMUR SEJAHTERA INDONESIA', 729, 1315, 42),
  ];
  it('an occupation does not wrap into the address line under it', () => {
    expect(assignFields(rows).fields.occupation?.text).toBe('TEACHER');
  });
  it('nor, past that address line, into the status under it', () => {
    const r = assignFields(rows);
    expect(r.fields.occupation?.text).toBe('TEACHER');
    expect(r.fields.address?.text).toBe('JL. KENANGA NO. 65, KEL. FATUFIA, KEC. BAHODOPI, KAB. MOROWALI');
  });
});

describe('a short value line', () => {
  it('is not wrapped: the line under it is the next value, its label unread (measured on a photo)', () => {
    const r = assignFields([
      line('Alamat', 100, 400),
      line('JL. BANGKA RAYA NO. 192, RT 006/RW 001, KEL. PELA MAMPANG,', 300, 400),
      line('KEC. MAMPANG PRAPATAN, KOTA JAKARTA SELATAN', 300, 422),
      line('Keterangan', 100, 450),
      line('IKUT SUAMI', 300, 450),
      line('Nxmv Pxnjxmxn', 100, 472),
      line('ANDI HARTONO', 300, 472),
    ]);
    expect(r.fields.status?.text).toBe('IKUT SUAMI');
    expect(r.fields.address?.text).toBe(
      'JL. BANGKA RAYA NO. 192, RT 006/RW 001, KEL. PELA MAMPANG, KEC. MAMPANG PRAPATAN, KOTA JAKARTA SELATAN',
    );
  });
});

describe("a blurred label under a job title (measured on a page photo: 'Status' read 'Ct')", () => {
  it('is no wrapped line of the job title: the value under it is the status', () => {
    const r = assignFields([
      line('Tg. Lahir', 45, 436, 17, 0.92, 44),
      line('Womoa Paspre', 349, 437, 17, 0.66, 68),
      line('10.05.1974', 46, 451, 17, 0.98, 66),
      line('M01715036', 349, 452, 17, 1, 71),
      line('Varga Negara', 46, 517, 17, 0.66, 67),
      line('Jeatan', 350, 519, 14, 0.62, 41),
      line('KOREA SELATAN', 45, 532, 18, 0.86, 100),
      line('PROJECT MANAGER', 349, 533, 18, 0.86, 118),
      line('Alamat Tinggal', 47, 559, 15, 0.91, 68),
      line('Ct', 351, 559, 15, 0.27, 54),
      line('JL. IMAM BONJOL NO. 9, RT 001/RW 010, KEL.', 45, 573, 18, 0.81, 265),
      line('BEKERJA', 349, 573, 19, 0.98, 56),
      line('TANJUNG DUREN SELATAN, KEC. GROGOL', 46, 590, 18, 0.79, 245),
    ]);
    expect(r.fields.occupation?.text).toBe('PROJECT MANAGER');
    expect(r.fields.status?.text).toBe('BEKERJA');
  });
});

describe('place and date of birth on one row', () => {
  it('splits them where the space after the comma was lost', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 24),
      line('Tempat / Tgl Lahir', 40, 100),
      line('GUANGDONG,22 Agustus 1965', 300, 100),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('GUANGDONG');
    expect(r.fields.date_of_birth?.text).toBe('22 Agustus 1965');
    expect(r.fields.date_of_birth!.rects[0]!.x).toBeGreaterThan(r.fields.place_of_birth!.rects[0]!.x + 50);
  });

  it('keeps the place and its own box when the date blurred past reading (measured on a page photo)', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 24),
      line('Tempat / Tgl Lahir', 40, 100),
      line('BRISBANE, 1770G 1996', 300, 100),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('BRISBANE');
    expect(r.fields.date_of_birth?.text).toBe('1770G 1996');
    expect(r.fields.date_of_birth!.rects[0]!.x).toBeGreaterThan(r.fields.place_of_birth!.rects[0]!.x + 50);
  });

  it('leaves a line with no date tail whole', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 24),
      line('Tempat / Tgl Lahir', 40, 100),
      line('HOUSTON, TX', 300, 100),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('HOUSTON, TX');
    expect(r.fields.date_of_birth).toBeUndefined();
  });
});

describe('what a value is weighs in pairing', () => {
  it('a nationality label does not take the passport number the row above left to it (measured on a card photo)', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TETAP', 300, 60, 30),
      line('Jenis Kelamin / Sex', 183, 316, 22),
      line('Na. Paspor / Pasport No.', 636, 324, 24),
      line('LAKI-LAKI', 183, 332, 23),
      line('TH5028177', 638, 341, 22),
      line('Warga Negara / izenstip', 179, 352, 31),
      line('JEPANG', 179, 373, 26),
    ]);
    expect(r.fields.nationality?.text).toBe('JEPANG');
    expect(r.fields.passport_number?.text).toBe('TH5028177');
  });

  it('a "Place and Date of Birth" label takes the line with its date below, not the next column\'s value on its row (measured on a card photo)', () => {
    // Two columns of labels over values, the right one half a row higher: the right column's
    // nationality sits level with the left column's birth label.
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 163, 70, 532, 43),
      at('Nama Pemegang', 660, 181, 151, 28),
      at('PARK EUNJI', 658, 203, 141, 34),
      at('Warga Negara', 659, 241, 130, 31),
      at('Tempat dan Tanggal Lahir', 53, 258, 259, 30),
      at('SOUTH KOREA', 659, 263, 168, 31),
      at('SEOUL, 07.08.1969', 54, 284, 245, 31),
      at('Nomor Paspor', 658, 300, 133, 29),
      at('M60260861', 660, 323, 133, 29),
    ]);
    expect(r.fields.nationality?.text).toBe('SOUTH KOREA');
    expect(r.fields.place_of_birth?.text).toBe('SEOUL');
    expect(r.fields.date_of_birth?.text).toBe('07.08.1969');
  });

  it('a date label does not take a small line without a year level with it (measured on a page photo)', () => {
    const r = assignFields([
      at('IZIN TINGGAL TERBATAS ELEKTRONIK', 316, 369, 655, 31),
      at('Tgl. Hales Berlaku Pagpor / h', 661, 961, 260, 30),
      at('Papor / Pmrgpat', 161, 961, 153, 30),
      at('1 Eageny', 966, 969, 66, 17),
      at('4 Nosember 2027', 659, 987, 222, 35),
      at('758532337', 160, 988, 145, 34),
    ]);
    expect(r.fields.passport_expiry?.text).toBe('4 Nosember 2027');
  });

  it("a card whose values sit half a row above their labels: the address's first line is level with the passport label, which has its value (measured on a scanned PDF)", () => {
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 589, 166, 488, 36),
      at('TIONGKOK', 641, 400, 128, 32),
      at('Kewarganegaraan', 362, 416, 179, 30),
      at('G21679632', 643, 433, 124, 30),
      at('Nomor Paspor', 363, 447, 141, 30),
      at('APARTEMEN PURI MANSION BLOK H12 NO. 18, RT 012/RW 010, KEL.', 644, 453, 743, 32),
      at('Alamat di Indonesia', 365, 480, 188, 30),
      at('KOTABARU, KEC. GONDOKUSUMAN, KOTA YOGYAKARTA', 644, 484, 640, 30),
      at('LANSIA', 645, 532, 93, 30),
      at('Keterangan', 369, 548, 113, 26),
    ]);
    expect(r.fields.passport_number?.text).toBe('G21679632');
    expect(r.fields.address?.text).toBe(
      'APARTEMEN PURI MANSION BLOK H12 NO. 18, RT 012/RW 010, KEL. KOTABARU, KEC. GONDOKUSUMAN, KOTA YOGYAKARTA',
    );
  });

  it('a label cut by its colon, its last words wrapped under it, leaves the whole value (measured on a scanned PDF)', () => {
    const r = assignFields([
      at('IZIN TINGGAL TERBATAS ELEKTRONIK', 436, 395, 696, 42),
      at('Tempal, Tgl. Lahir / Place, Date : EDINBURGH, 09 MAR 1989', 158, 849, 781, 61),
      at('of Birth', 161, 886, 101, 38),
      at('Warga Negara / itizenship', 155, 923, 331, 58),
      at(': UNITED KINGDOM', 544, 939, 297, 42),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('EDINBURGH');
    expect(r.fields.date_of_birth?.text).toBe('09 MAR 1989');
    expect(r.fields.nationality?.text).toBe('UNITED KINGDOM');
  });

  it('a colon\'s box reaching into the value\'s (": h") is no value (measured on a page photo)', () => {
    const r = assignFields([
      at('IZIN TINGGAL TETAP ELEKTRONIK', 442, 218, 498, 54),
      at('Jenis Kelamin', 712, 547, 114, 22),
      at(': FEMALE', 938, 550, 124, 26),
      at('JL. MERDEKA BARAT NO.', 965, 583, 260, 35),
      at('Alamat di Indonesia', 713, 585, 159, 23),
      at(': h', 940, 590, 34, 16),
      at('171, RT 004/RW 007, KEL.', 970, 610, 244, 31),
      at('TEMBALANG, KEC.', 969, 633, 197, 35),
      at('TEMBALANG, KOTA', 967, 658, 209, 35),
      at('SEMARANG', 969, 687, 129, 29),
      at('Status Izin', 709, 719, 92, 26),
      at(': PENYATUAN KELUARGA', 939, 719, 284, 35),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. MERDEKA BARAT NO. 171, RT 004/RW 007, KEL. TEMBALANG, KEC. TEMBALANG, KOTA SEMARANG',
    );
  });

  it("a label column's ':' read as '-' is no value when the value follows it (measured on a photo)", () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 60, 30),
      line('Pekerjaan', 414, 420, 20),
      line(': RESEARCHER', 525, 419, 20),
      line('Alamat', 414, 441, 20),
      line('-', 526, 446, 9),
      line('RUKO MEGA LEGENDA BLOK D8', 542, 441, 18),
      line('NO. 1, RT 007/RW 005, KEL.', 541, 457, 21),
    ]);
    expect(r.fields.address?.text).toBe('RUKO MEGA LEGENDA BLOK D8 NO. 1, RT 007/RW 005, KEL.');
  });

  it('a colon detected by itself and misread ("7:", "/3") is no value (measured on a card photo)', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 788, 104, 45, 0.95, 580),
      line('Nama Lenglap', 447, 375, 43, 0.3, 173),
      line('7:', 841, 387, 16, 0.05, 22),
      line('WU JUNJE', 870, 374, 38, 0.33, 158),
      line('Tempat Lahir', 448, 424, 43, 0.6, 149),
      line('/3', 840, 436, 19, 0.3, 23),
      line('SMANDONG', 869, 422, 43, 0.56, 169),
    ]);
    expect(r.fields.full_name?.text).toBe('WU JUNJE');
    expect(r.fields.place_of_birth?.text).toBe('SMANDONG');
  });

  it('a blurred re-entry label wrapped over "Beberapa Kali s/d" is the multiple-entry one (measured on a photo)', () => {
    const rows = (second: string) =>
      assignFields([
        line('IZIN TINGGAL TERBATAS ELEKTRONIK', 747, 293, 46, 1, 893),
        line('NIORA', 539, 446, 41, 0.94, 103),
        line(': 2BKCF08520', 928, 445, 44, 0.67, 238),
        line('Idake', 538, 544, 42, 0.24, 104),
        line(': VIB', 927, 542, 45, 0.49, 123),
        line('Iain Mamk Kambuli', 539, 595, 37, 0.24, 274),
        line(': 14-05-2024', 922, 593, 44, 0.75, 219),
        line(second, 537, 625, 44, 0.29, 248),
        line('Tempat Lahir', 188, 815, 44, 0.31, 193),
        line(': JIANGSU', 610, 810, 50, 0.48, 199),
      ]).fields;
    const wrapped = rows('Belaerapa Kali s/d');
    expect(wrapped.stay_multiple_entries_permit_expiry?.text).toBe('14-05-2024');
    expect(wrapped.stay_entries_permit_expiry).toBeUndefined();
    // Anything else under it leaves the single-entry reading alone.
    const other = rows('Tempat Tinggal');
    expect(other.stay_entries_permit_expiry?.text).toBe('14-05-2024');
  });

  it('a place of issue whose date blurred past reading is still the line of issue (measured on a card photo)', () => {
    const card = (issued: string) =>
      assignFields([
        line('KARTU IZIN TINGGAL TERBATAS', 771, 95, 49, 1, 658),
        line('Nama / Name', 431, 255, 39, 0.9, 160),
        line('HIROSHI SHOTA TAKAHASHI', 834, 251, 38, 0.9, 420),
        line('Pekerjaan / Occupation', 431, 700, 38, 0.9, 240),
        line('BIARAWATI', 834, 700, 38, 0.9, 150),
        line(issued, 80, 1100, 46, 0.94, 221),
      ]).fields;
    const read = card('Yogyakarta, 0-09-2025');
    expect(read.issued_place?.text).toBe('Yogyakarta, 0-09-2025');
    expect(read.issued_date?.rects).toEqual(read.issued_place?.rects);
    // Only a city with an immigration office vouches for a line whose date is no date.
    expect(card('Blandarg, 0-09-2025').issued_place).toBeUndefined();
  });

  it('a blurred label with its date at the foot of a card is no place of issue (measured on a photo)', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 771, 95, 49, 1, 658),
      line('Nama', 431, 255, 39, 0.74, 98),
      line('MUHAMMAD HAFIZ TAN', 834, 251, 38, 0.53, 378),
      line('Izin asuk Bembali Bedegpa 1 August 2027', 440, 896, 38, 0.21, 638),
      line('Kali sdl', 441, 925, 36, 0.37, 112),
      line('KANTOR IMIGRASI KELAS I TPI BALIKPAPAN', 71, 1245, 33, 0.28, 501),
    ]);
    expect(r.fields.issued_place).toBeUndefined();
    expect(r.fields.issued_date).toBeUndefined();
    // It is the multiple re-entry label, wrapped onto "Kali sdl", with its date inline.
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('1 August 2027');
  });

  it('a garbled date label takes the closest wording, not the longest (measured on a card photo)', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 231, 50, 25, 1, 388),
      line('2C19HQ6628YN', 163, 92, 27, 0.98, 178),
      line('Berlau ad / Paary Tate', 159, 125, 21, 0.32, 155),
      line('Narma / Name', 531, 127, 18, 0.33, 87),
      line('MARK ANTHONY RAMON BAUTISTA', 528, 143, 25, 0.89, 320),
      line('14/03/2020', 155, 144, 23, 0.91, 101),
      line('Tempar/ Tgl Ialir/ Place / Vatuol Bith', 151, 169, 22, 0.33, 252),
      line('MANILA, 10/11/1957', 150, 190, 22, 0.99, 183),
    ]);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('14/03/2020');
    expect(r.fields.passport_expiry).toBeUndefined();
  });

  it("a lone '-' with nothing after it on its row is the printed value", () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 60, 30),
      line('Pekerjaan', 414, 420, 20),
      line('-', 526, 424, 9),
      line('Alamat', 414, 460, 20),
      line('RUKO MEGA LEGENDA BLOK D8', 542, 460, 18),
    ]);
    expect(r.fields.occupation?.text).toBe('-');
    expect(r.fields.address?.text).toBe('RUKO MEGA LEGENDA BLOK D8');
  });

  it('a blurred "Paspor Berlaku s/d" is the expiry label, not "Paspor" with words after it (measured on a photo)', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 60, 30),
      line('Na', 227, 1280, 21),
      line('G88880977', 221, 1311, 39),
      line('Paspor Perlsba sid', 1122, 1271, 39),
      line('11-04-2024', 1124, 1306, 45),
    ]);
    expect(r.fields.passport_expiry?.text).toBe('11-04-2024');
    expect(r.fields.passport_number?.text).not.toBe('11-04-2024');
  });

  it('an address line ending in a comma goes on under it, though its next word would have fit (measured on a photo)', () => {
    // The next column starts at 1002; "RT" after "21," would end at about 950.
    const r = assignFields([
      at('IZIN TINGGAL TERBATAS ELEKTRONIK', 600, 300, 800, 40),
      at('Alamat Tinggal / Residential Address', 193, 1065, 449, 37),
      at('Jabatan / Position', 1004, 1065, 221, 36),
      at('APARTEMEN PURI MANSION BLOK A2 NO. 21,', 191, 1097, 709, 43),
      at('QUALITY CONTROL SUPERVISOR', 1002, 1097, 514, 43),
      at('RT 013/RW 012, KEL. SEI SIKAMBING B, KEC.', 188, 1139, 688, 43),
      at('MEDAN SUNGGAL, KOTA MEDAN', 190, 1180, 515, 37),
      at('A LONG LINE FURTHER DOWN IN THIS COLUMN', 190, 1600, 830, 37),
    ]);
    expect(r.fields.address?.text).toBe(
      'APARTEMEN PURI MANSION BLOK A2 NO. 21, RT 013/RW 012, KEL. SEI SIKAMBING B, KEC. MEDAN SUNGGAL, KOTA MEDAN',
    );
  });

  it("an address read into its stacked label's second line opens on the label's first row, and no left label takes its last line (measured on a page photo)", () => {
    const r = assignFields([
      at('IZIN TINGGAL TERBATAS ELEKTRONIK', 245, 216, 384, 19),
      at('Tgl. Habis Berlaku', 448, 441, 116, 16),
      at('03-02-2026', 584, 440, 75, 16),
      at('Paspor { Passport', 449, 455, 110, 18),
      at('Expiry', 448, 470, 48, 19),
      at('Alamat Tinggal /', 448, 490, 107, 21),
      at('JL. CPMPARA PUTIH NO, 223,', 584, 493, 194, 16),
      at('Residential Address KEL. LENGKONG GUDANG, KEC.', 448, 507, 350, 19),
      at('Kewarganegaraan /AUSIRALIA', 69, 522, 220, 21),
      at('SERPONG, KOTA TANGERANG', 583, 525, 203, 16),
      at('Nationaliry', 71, 539, 74, 18),
      at('SELATAN', 583, 541, 68, 16),
      at('Status Izin / Permit', 450, 563, 121, 16),
      at('BEKERJA', 582, 563, 67, 15),
      at('Status', 449, 578, 44, 16),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. CPMPARA PUTIH NO, 223, KEL. LENGKONG GUDANG, KEC. SERPONG, KOTA TANGERANG SELATAN',
    );
    // One box per printed row, the label's words left out.
    expect(r.fields.address?.lineRects?.map((q) => Math.round(q.y))).toEqual([493, 507, 525, 541]);
    expect(r.fields.address?.lineRects?.[1]!.x).toBeGreaterThan(560);
    expect(r.fields.nationality?.text).not.toBe('SELATAN');
    expect(r.fields.status?.text).toBe('BEKERJA');
  });

  it("a page's top block of labels, set further right, is no column between the holder's labels and values", () => {
    const r = assignFields([
      at('IZIN TINGGAL TERBATAS ELEKTRONIK', 228, 138, 448, 22),
      at('E31A', 473, 335, 51, 22),
      at('Indeks Izin Tinggal', 255, 335, 141, 24),
      at('Stay Permit Index', 257, 353, 108, 18),
      at('Nama Lengkap', 72, 400, 114, 24),
      at('LUCY SMITH', 315, 402, 107, 18),
      at('Full Name', 74, 417, 65, 18),
      at('LIVERPOOL', 315, 439, 99, 18),
      at('Tempat Lahir', 74, 440, 100, 18),
      at('Place of Birth', 74, 455, 86, 18),
    ]);
    expect(r.fields.full_name?.text).toBe('LUCY SMITH');
    expect(r.fields.place_of_birth?.text).toBe('LIVERPOOL');
  });

  it("an address line ending in a comma goes on under it, though the long line's box is taller than its type (measured on a tilted card photo)", () => {
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 714, 104, 901, 49),
      at('No. Paspor / Passport', 475, 944, 355, 53),
      at('M2093405', 895, 949, 216, 42),
      at('No.', 481, 987, 56, 36),
      at('JL. BUKIT GOLF NO. 7, KEL. LONTAR, KEC. SAMBIKEREP,', 891, 1033, 1165, 55),
      at('Alamat / Address', 478, 1037, 278, 43),
      at('KOTA SURABAYA', 899, 1080, 344, 38),
      at('Pekerjaan / Occupation : PEMEGANG SAHAM', 476, 1126, 825, 49),
    ]);
    expect(r.fields.address?.text).toBe('JL. BUKIT GOLF NO. 7, KEL. LONTAR, KEC. SAMBIKEREP, KOTA SURABAYA');
    expect(r.fields.occupation?.text).toBe('PEMEGANG SAHAM');
  });

  it('an address line ending on "KEL." goes on under it, though the long line\'s box is taller than its type (measured on a tilted card photo)', () => {
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 578, 342, 625, 55),
      at('KOREA SELATAN', 624, 700, 252, 47),
      at('Alamat', 319, 760, 96, 60),
      at('JL. TERUSAN BUAH BATU NO. 192, RT 011/RW 008, KEL.', 606, 761, 917, 49),
      at('CIPETE SELATAN, KEC. CILANDAK, KOTA JAKARTA SELATAN', 602, 787, 990, 64),
      at('Aabatan', 305, 828, 99, 61),
      at('DIREKTUR', 601, 834, 171, 46),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. TERUSAN BUAH BATU NO. 192, RT 011/RW 008, KEL. CIPETE SELATAN, KEC. CILANDAK, KOTA JAKARTA SELATAN',
    );
  });

  it('a lowercase word after a short label is the rest of a longer label, whatever follows it (measured on a page photo)', () => {
    // "Nama Pemegang" blurred to "Nama Pemeg 9": its tail is no holder's name.
    const r = assignFields([
      at('IZIN TINGGAL TETAP ELEKTRONIK', 269, 151, 426, 25),
      at('Berlaku Hingga', 265, 326, 116, 24),
      at('27/05/2027', 489, 325, 93, 24),
      at('Valid Until', 266, 346, 67, 20),
      at('vic', 488, 370, 42, 25),
      at('Kode', 266, 371, 45, 24),
      at('Code', 267, 391, 38, 19),
      at('SCOTT MACDONALD', 312, 455, 183, 21),
      at('Nama Pemeg 9', 64, 456, 133, 25),
      at('Pre rpaiimiet. LPR ont;', 63, 473, 90, 24),
      at('PERTH, 16/04/1964', 313, 500, 161, 21),
      at('Tempat / Tgl Lahir', 64, 501, 134, 25),
      at('Place / Date of Birth', 66, 521, 126, 18),
    ]);
    expect(r.fields.full_name?.text).toBe('SCOTT MACDONALD');
    // The roman index in small capitals read lowercase is still the index's value.
    expect(r.fields.stay_permit_index?.text).toBe('vic');
  });

  it('a value after the label column\'s colon is no label, though a name reads like one (measured on a card photo: ": BENJAMIN JONES")', () => {
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 692, 124, 816, 53),
      at(': 23/10/2023', 851, 392, 258, 51),
      at('Berlaku s/d', 445, 394, 176, 50),
      at('Nama Pemegang', 452, 448, 267, 56),
      at(': BENJAMIN JONES', 865, 451, 352, 47),
      at(':', 898, 463, 13, 22),
      at(': FLORIDA, 24-11-1986', 875, 505, 429, 47),
      at('Tempat / Tgl Lahir', 463, 507, 275, 46),
    ]);
    expect(r.fields.full_name?.text).toBe('BENJAMIN JONES');
    expect(r.fields.guarantor_name).toBeUndefined();
  });

  it('a name wraps onto no line with a number in it (measured on a card photo whose labels blurred away)', () => {
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 762, 90, 535, 38),
      at('MA JIANGUO', 806, 237, 163, 32),
      at('Nama Pemegarg', 420, 241, 177, 32),
      at('lar Nlr', 426, 269, 72, 18),
      at('BELJING, 23-07-1906', 805, 298, 246, 37),
      at('ITg LI', 473, 306, 111, 23),
      at('MALE', 806, 364, 76, 34),
      at('TIONGKOK', 807, 427, 141, 36),
      at('E67350842', 805, 490, 134, 36),
      at('05-06-2025', 805, 556, 134, 36),
      at('TEACHER', 807, 619, 126, 36),
    ]);
    expect(r.fields.full_name?.text).toBe('MA JIANGUO');
    expect(r.fields.nationality?.text).toBe('TIONGKOK');
    expect(r.fields.gender?.text).toBe('MALE');
  });

  it('a colon boxed small reaching into the value\'s box is no value (measured on a card photo: ": a" before UNITED STATES)', () => {
    const r = assignFields([
      at('KARTU IZIN TINGGAL TERBATAS', 844, 350, 842, 69),
      at('FLORIDA, 14 MEI 1991', 1015, 779, 435, 55),
      at('Tempat, Tgl. Lahir /', 611, 789, 313, 54),
      at('Place, Date of Birth', 614, 824, 313, 54),
      at('UNITED STATES', 1017, 864, 303, 48),
      at('Kewarganegaraan /', 614, 872, 316, 54),
      at(': a', 999, 882, 33, 18),
      at('Nationality', 620, 913, 192, 47),
      at(': LAKI-LAKI', 991, 942, 230, 47),
      at('Jenis Kelamin / Sex', 616, 953, 300, 48),
    ]);
    expect(r.fields.nationality?.text).toBe('UNITED STATES');
    expect(r.fields.gender?.text).toBe('LAKI-LAKI');
  });
});
