import { describe, expect, it } from 'vitest';
import { findDate, parseLines, type PeerLine } from './peer';

/** A line of words laid out left to right, 10 px per character, one line per 30 px. */
function line(text: string, row: number, confidence = 0.9): PeerLine {
  const words: PeerLine['words'] = [];
  let x = 0;
  for (const w of text.split(' ')) {
    words.push({ text: w, confidence, x0: x * 10, y0: row * 30, x1: (x + w.length) * 10, y1: row * 30 + 20 });
    x += w.length + 1;
  }
  return { text, confidence, words, x0: 0, y0: row * 30, x1: text.length * 10, y1: row * 30 + 20, page: 0 };
}

describe('peer date regex', () => {
  it('reads numeric and month-name dates as dd-mm-yyyy', () => {
    expect(findDate('lahir 3/4/1980')?.value).toBe('03-04-1980');
    expect(findDate('14 Desember 2027')?.value).toBe('14-12-2027');
    expect(findDate('05 JAN 1990 and 01-01-2000')?.value).toBe('05-01-1990');
    expect(findDate('32-13-2000')).toBeNull();
  });
});

describe('peer label parser', () => {
  const lines = [
    line('IZIN TINGGAL TERBATAS ELEKTRONIK', 0),
    line('Nama / Name : ALEX SAMPLE', 1),
    line('Tempat / Tgl Lahir / Place / Date of Birth : TORONTO, 01-02-1980', 2),
    line('Kewarganegaraan / Nationality : CANADA', 3),
    line('Jenis Kelamin / Sex : PEREMPUAN / FEMALE', 4),
    line('No. Paspor / Passport No. : X 1234567', 5),
    line('Alamat / Address :', 6),
    line('JL. MAWAR NO. 5', 7),
    line('NIORA 4BTCA11223', 8),
    line('2C21AB0012CD', 9),
  ];
  const r = parseLines(lines).read;
  it('takes the text after the colon, or the next line', () => {
    expect(r.document_type.value).toBe('IZIN TINGGAL TERBATAS ELEKTRONIK');
    expect(r.full_name.value).toBe('ALEX SAMPLE');
    expect(r.nationality.value).toBe('CANADA');
    expect(r.address.value).toBe('JL. MAWAR NO. 5');
  });
  it('splits place and date, maps gender, compacts identifiers, finds IDs by regex', () => {
    expect(r.place_of_birth.value).toBe('TORONTO');
    expect(r.date_of_birth.value).toBe('01-02-1980');
    expect(r.gender.value).toBe('F');
    expect(r.passport_number.value).toBe('X1234567');
    expect(r.niora.value).toBe('4BTCA11223');
    expect(r.permit_number.value).toBe('2C21AB0012CD');
  });
  it('boxes the value words, not the label', () => {
    // 'Nama / Name : ' is 14 characters: ALEX starts at x = 140, SAMPLE ends at x = 250.
    expect(r.full_name.polygon).toEqual([
      [140, 30],
      [250, 30],
      [250, 50],
      [140, 50],
    ]);
  });
  it('marks a page without title or permit number as not a permit', () => {
    expect(parseLines([line('GROCERY RECEIPT', 0)]).reason).toMatch(/invalid/);
  });
});
