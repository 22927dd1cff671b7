import { describe, expect, it } from 'vitest';
import { assignFields } from './assign';
import { FORMAT_ONLY_ASSIGNMENT } from './unlabelled';
import type { TextLine } from '../text-lines';
import { line } from './printed-line.test-helper';

/** A card photo: small labels above their values, as OCR reads them from a soft frame. */
function blurredCard(): TextLine[] {
  return [
    line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
    line('Nma Lengap', 40, 100, 14),
    line('JOSE MARIA SANTOS', 40, 118),
    line('Jenir Kelamis', 40, 150, 14),
    line('LAKI-LAKI', 40, 168),
    line('Waga Negany', 40, 200, 14),
    line('PHILIPPINES', 40, 218),
    line('Jogal Lahr', 40, 250, 14),
    line('04 SEP 1961', 40, 268),
    line('Tyt Har erta Papor', 40, 300, 14),
    line('21 SEP 2023', 40, 318),
  ];
}

describe('assignFields with blurred labels', () => {
  it('reads a card whose small labels OCR garbled', () => {
    const r = assignFields(blurredCard());
    expect(r.documentClass).toBe('KITAS');
    expect(r.fields.full_name?.text).toBe('JOSE MARIA SANTOS');
    expect(r.fields.gender?.text).toBe('LAKI-LAKI');
    expect(r.fields.nationality?.text).toBe('PHILIPPINES');
    expect(r.fields.date_of_birth?.text).toBe('04 SEP 1961');
    expect(r.fields.passport_expiry?.text).toBe('21 SEP 2023');
    expect(r.labelCount).toBe(5);
    // The values' own boxes, not the labels'.
    expect(r.fields.full_name!.rects[0]!.y).toBe(118);
    expect(r.fields.passport_expiry!.rects[0]!.y).toBe(318);
  });

  it('none of these labels passes the strict match on its own', () => {
    // Without the value lines under them the date labels have nothing to be told apart by.
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('Jogal Lahr', 40, 250, 14),
      line('PHILIPPINES', 400, 600),
    ];
    const r = assignFields(lines);
    expect(r.labelCount).toBe(0);
    expect(r.fields.date_of_birth).toBeUndefined();
  });

  it('a date under a label-ish line is a date field only through its value', () => {
    // The same garbled label over a name, not a date: no date field is made up.
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('Jogal Lahr', 40, 250, 14),
      line('JOSE MARIA SANTOS', 40, 268),
    ];
    const r = assignFields(lines);
    expect(r.fields.date_of_birth).toBeUndefined();
    expect(r.fields.passport_expiry).toBeUndefined();
    expect(r.labelCount).toBe(0);
  });

  it('never takes an all-caps value line for a blurred label', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('Pekerjaan / Occupation', 40, 100, 14),
      line('MECHANICAL ENGINEER', 40, 118),
      line('Waga Negany', 40, 150, 14),
      line('PHILIPPINES', 40, 168),
    ];
    const r = assignFields(lines);
    expect(r.fields.occupation?.text).toBe('MECHANICAL ENGINEER');
    expect(r.fields.nationality?.text).toBe('PHILIPPINES');
    expect(r.labelCount).toBe(2);
  });

  it('an all-caps value resembling a label is not one', () => {
    // 'WARGA NEGARA' in capitals is a value as printed, however close to the label it reads.
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('WAGA NEGANY', 40, 150, 14),
      line('PLUMBER', 40, 168),
    ];
    const r = assignFields(lines);
    expect(r.fields.nationality).toBeUndefined();
    expect(r.labelCount).toBe(0);
  });

  it('a country under an unreadable label is still the nationality, at the format-only layout score', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('WAGA NEGANY', 40, 150, 14),
      line('PHILIPPINES', 40, 168),
    ];
    const r = assignFields(lines);
    expect(r.labelCount).toBe(0);
    expect(r.fields.nationality?.text).toBe('PHILIPPINES');
    expect(r.fields.nationality?.assignment).toBeLessThan(0.6);
  });

  it('an all-caps line over a date is not taken as a garbled date label', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('JOGAL LAHR', 40, 250, 14),
      line('04 SEP 1961', 40, 268),
    ];
    const r = assignFields(lines);
    // The date is the birth by its year alone (before any permit in use), not by that line.
    expect(r.fields.date_of_birth?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    expect(r.labelCount).toBe(0);
  });

  it('does not claim a field a second time when it already has a clean label', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('Kewarganegaraan / Nationality', 40, 100, 14),
      line('PHILIPPINES', 40, 118),
      line('Waga Negany', 40, 150, 14),
      line('Indonesia', 40, 168),
    ];
    const r = assignFields(lines);
    expect(r.fields.nationality?.text).toBe('PHILIPPINES');
    expect(r.labelCount).toBe(1);
    expect(r.labelRects).toEqual([lines[1]!.rect]);
  });

  it('a clean date label keeps its field; a garbled birth label over another date takes nothing', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('Tanggal Lahir / Date of Birth', 40, 100, 14),
      line('04 SEP 1961', 40, 118),
      line('Jogal Lahr', 40, 150, 14),
      line('21 SEP 2023', 40, 168),
    ];
    const r = assignFields(lines);
    expect(r.fields.date_of_birth?.text).toBe('04 SEP 1961');
    // The second date must not overwrite or duplicate the birth date.
    expect(r.fields.date_of_birth!.rects[0]!.y).toBe(118);
    expect(r.fields.passport_expiry).toBeUndefined();
    expect(r.labelCount).toBe(1);
  });

  it('a garbled line with digits is not a label', () => {
    // The fuzzy match reads '4' as 'A' and would take both lines without the digit rule.
    const lines = [
      line('KARTU IZIN TINGGAL TERBATAS', 200, 40, 24),
      line('Nma Leng4p', 40, 100, 14),
      line('JOSE MARIA SANTOS', 40, 118),
      line('Jog4l Lahr', 40, 250, 14),
      line('04 SEP 1961', 40, 268),
    ];
    const r = assignFields(lines);
    // The name is placed by what it is (the one free line that can only be a name), not by the label.
    expect(r.fields.full_name?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    expect(r.fields.date_of_birth?.assignment).toBe(FORMAT_ONLY_ASSIGNMENT);
    expect(r.labelCount).toBe(0);
  });
});

describe('label text is never a value', () => {
  it('the misread English half of a bilingual label is not an inline value', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 200, 20, 24),
      line('ama Lengkap I Fu Na', 40, 100, 14),
      line('ETHAN COTE', 40, 118),
      line('No. Paspor / Pas N', 40, 150, 14),
      line('GC086094', 40, 168),
    ]);
    expect(r.fields.full_name?.text).toBe('ETHAN COTE');
    expect(r.fields.passport_number?.text).toBe('GC086094');
  });

  it('dates keep their mixed-case month names as values', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 200, 20, 24),
      line('Tanggal Lahir', 40, 100),
      line(': 17 Juni 1990', 300, 100),
    ]);
    expect(r.fields.date_of_birth?.text).toBe('17 Juni 1990');
  });

  it('a "City, date" high on the document is not where it was issued', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 200, 20, 24),
      line('WINNIPEG, 17 APR 2004', 40, 100),
      line('Nama', 40, 300),
      line('ETHAN COTE', 300, 300),
      line('Jenis Kelamin', 40, 500),
      line('MALE', 300, 500),
    ]);
    expect(r.fields.issued_place).toBeUndefined();
    expect(r.fields.issued_date).toBeUndefined();
  });

  it('an address whose Indonesian label line is garbled starts on that line, not on the English one', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 30),
      line('Paspor Berlaku s/d', 170, 1089, 30),
      line('25-04-2022', 480, 1090, 29),
      line('Passport Valid Until', 170, 1114, 26),
      line('APARTEMEN PURI MANSION BLOK A4 NO. 10, RT 013/RW 011, KEL.', 480, 1151, 36),
      line('A allele a!', 170, 1154, 30),
      line('Address', 171, 1178, 28),
      line('PONDOK PINANG, KEC. KEBAYORAN LAMA, KOTA JAKARTA', 478, 1181, 36),
      line('SELATAN', 480, 1218, 29),
      line('Pekerjaan', 169, 1261, 33),
      line('TEACHER', 480, 1262, 29),
      line('Occupation', 172, 1287, 24),
    ]);
    expect(r.fields.address?.text).toBe(
      'APARTEMEN PURI MANSION BLOK A4 NO. 10, RT 013/RW 011, KEL. PONDOK PINANG, KEC. KEBAYORAN LAMA, KOTA JAKARTA SELATAN',
    );
    expect(r.fields.address?.rects[0]?.y).toBe(1151);
    expect(r.fields.passport_expiry?.text).toBe('25-04-2022');
    expect(r.fields.occupation?.text).toBe('TEACHER');
  });

  it('the line above an address that already starts like one is not taken', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 30),
      line('JL. MAWAR NO. 5', 480, 1151, 36),
      line('Alamat / Address', 171, 1181, 28),
      line('JL. MELATI NO. 21, KEL. TANJUNG', 478, 1181, 36),
    ]);
    expect(r.fields.address?.text).toBe('JL. MELATI NO. 21, KEL. TANJUNG');
  });
});

describe('an address stops at its regency', () => {
  it('value lines under a finished address, whose labels were not read, are not swallowed', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 30),
      line('Alamat / Address', 171, 1181, 28),
      line('JL. MELATI NO. 21, RT 005/RW 001, KEL. TANJUNG UNCANG,', 478, 1181, 36),
      line('KEC. BATU AJI, KOTA BATAM', 478, 1215, 36),
      line('HEAD OF OPERATIONS', 478, 1249, 36),
      line('PT ANGKASA MAKMUR SEJAHTERA', 478, 1283, 36),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. MELATI NO. 21, RT 005/RW 001, KEL. TANJUNG UNCANG, KEC. BATU AJI, KOTA BATAM',
    );
  });

  it('a regency word inside a district name does not end the address', () => {
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 30),
      line('Alamat / Address', 171, 1181, 28),
      line('JL. SUDIRMAN NO. 3, KEL. DAMAI, KEC. BALIKPAPAN KOTA', 478, 1181, 36),
      line(', KOTA BALIKPAPAN', 478, 1215, 36),
    ]);
    expect(r.fields.address?.text).toBe(
      'JL. SUDIRMAN NO. 3, KEL. DAMAI, KEC. BALIKPAPAN KOTA , KOTA BALIKPAPAN',
    );
  });
});

describe("an address line is not another label's value", () => {
  it("a stacked date label whose row holds the next column's address takes the date below it", () => {
    // Two columns of stacked labels (value under label), as on the e-ITAS page.
    const r = assignFields([
      line('IZIN TINGGAL TERBATAS ELEKTRONIK', 300, 40, 30),
      line('Alamat / Address', 646, 806, 25),
      line('Tgl. Habis Berlaku Paspor / Passport Expiry', 115, 817, 28),
      line('JL. KENANGA NO. 144, RT 013/RW 006, KEL. KELAPA', 645, 821, 29),
      line('17/03/2025', 118, 848, 27),
      line('DUA, KEC. KELAPA DUA', 645, 852, 29),
    ]);
    expect(r.fields.passport_expiry?.text).toBe('17/03/2025');
    expect(r.fields.address?.text).toBe(
      'JL. KENANGA NO. 144, RT 013/RW 006, KEL. KELAPA DUA, KEC. KELAPA DUA',
    );
  });
});

describe('a date or number label takes a value with a digit', () => {
  it("a card date label with the next column's name on its row takes the date below it", () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 153, 122, 26),
      line('Nama / Name', 432, 194, 21),
      line('Berlaku s/d / Valid Until', 106, 198, 21),
      line('MARK ANTHONY RAMON BAUTISTA', 428, 205, 33),
      line('14/03/2020', 107, 217, 21),
    ]);
    expect(r.fields.full_name?.text).toBe('MARK ANTHONY RAMON BAUTISTA');
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('14/03/2020');
  });
});

describe('place and date of birth in one row', () => {
  it('a date misread past validity still ends the place', () => {
    const r = assignFields([
      line('KARTU IZIN TINGGAL TERBATAS', 153, 122, 26),
      line('Tempat / Tgl Lahir / Place / Date of Birth', 105, 236, 24),
      line('MANILA, 10/11/1057', 107, 255, 22),
    ]);
    expect(r.fields.place_of_birth?.text).toBe('MANILA');
    expect(r.fields.date_of_birth?.text).toBe('10/11/1057');
  });
});

describe('loosely read labels checked by their values', () => {
  it('takes a loosely read label only where the value under it fits the field', () => {
    // "Samat" is as close to "Alamat" as "Jarmat" is; only one of them heads an address.
    const lines = [
      line('KARTU IZIN TINGGAL TETAP', 200, 40, 24),
      line('Samat', 40, 100, 14),
      line('GIULIA ROSSI', 40, 118),
      line('Jarmat', 40, 150, 14),
      line('JL. DIPONEGORO NO. 142, RT 014/RW 009', 40, 168),
    ];
    const r = assignFields(lines);
    expect(r.fields.address?.text).toBe('JL. DIPONEGORO NO. 142, RT 014/RW 009');
    expect(r.fields.address!.rects[0]!.y).toBe(168);
  });

  it('judges the fit by the value, not by the rest of the label on its row', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TETAP', 200, 40, 24),
      line('Iin Masuak Kembal Bed', 40, 100, 14),
      line('Kadk sid / Mu', 260, 100, 14),
      line('26-01-2021', 40, 120),
    ];
    const r = assignFields(lines);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('26-01-2021');
  });

  it('splits a blurred label from the date the detector joined to it', () => {
    const lines = [
      line('KARTU IZIN TINGGAL TETAP', 200, 40, 24),
      line('zin Masal Kembal Beteraoa Ka sid 21.01.2025', 40, 100, 18),
    ];
    const r = assignFields(lines);
    expect(r.fields.stay_multiple_entries_permit_expiry?.text).toBe('21.01.2025');
    // The value's own box: the words after the label.
    expect(r.fields.stay_multiple_entries_permit_expiry!.rects[0]!.x).toBe(40 + 33 * 9);
    expect(r.fields.issued_date).toBeUndefined();
  });

  it('does not split a line whose words before the number are no label', () => {
    const lines = [line('KARTU IZIN TINGGAL TETAP', 200, 40, 24), line('Hotel Melati kamar 21', 40, 100, 18)];
    const r = assignFields(lines);
    expect(r.labelCount).toBe(0);
  });
});
