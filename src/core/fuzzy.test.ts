import { describe, expect, it } from 'vitest';
import { bestMatch, levenshtein, normalizeForMatch, similarity } from './fuzzy';

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'ABC', 3],
    ['ABC', '', 3],
    ['KITAS', 'KITAS', 0],
    ['KITAS', 'KITAP', 1],
    ['MALF', 'MALE', 1],
    ['FEMALE', 'MALE', 2],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['TETAP', 'TERBATAS', 4],
  ])('%j vs %j = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
    expect(levenshtein(b, a)).toBe(d);
  });
});

describe('similarity', () => {
  it.each([
    ['', '', 1],
    ['ABCD', 'ABCD', 1],
    ['ABCD', 'ABCE', 0.75],
    ['ABC', 'XYZ', 0],
    ['', 'XY', 0],
  ])('%j vs %j = %d', (a, b, s) => {
    expect(similarity(a, b)).toBeCloseTo(s, 10);
  });
});

describe('normalizeForMatch', () => {
  it.each([
    ['Nama / Name', 'NAMA NAME'],
    ['  jenis   kelamin:  ', 'JENIS KELAMIN'],
    ['Tgl. Lahir', 'TGL LAHIR'],
    ['1ZIN T1NGGAL', 'IZIN TINGGAL'],
    ['KEWARGANEGARAAN', 'KEWARGANEGARAAN'],
    ['Kewarganegaraan / Nationa|ity', 'KEWARGANEGARAAN NATIONAIITY'],
    ['|NDIA', 'INDIA'],
    ['No. Paspor | Passport No.', 'NO PASPOR PASSPORT NO'],
    ['KM. 10', 'KM 10'],
    ['Berlaku s/d', 'BERLAKU S D'],
    ['JOSÉ', 'JOSE'],
    ['0KT0BER', 'OKTOBER'],
    ['2019', '2019'],
    ['', ''],
    ['...', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
});

describe('bestMatch', () => {
  const labels = ['Nama / Name', 'Kewarganegaraan / Nationality', 'Jenis Kelamin / Sex', 'Alamat / Address'];

  it('finds the exact candidate with similarity 1', () => {
    expect(bestMatch('Alamat / Address', labels, 0.8)).toEqual({
      candidate: 'Alamat / Address',
      index: 3,
      similarity: 1,
    });
  });

  it('tolerates OCR noise and punctuation', () => {
    expect(bestMatch('Kewarganegaraan | Nati0nality:', labels, 0.8)).toMatchObject({
      index: 1,
      similarity: 1,
    });
    const m = bestMatch('Kewarganegaraan | Natlonallty', labels, 0.8);
    expect(m?.index).toBe(1);
    expect(m?.similarity).toBeGreaterThan(0.9);
    expect(m?.similarity).toBeLessThan(1);
  });

  it('returns null below the threshold', () => {
    expect(bestMatch('KANTOR WILAYAH BANGKA', labels, 0.7)).toBeNull();
    expect(bestMatch('Alamat', [], 0)).toBeNull();
  });

  it('prefers the earlier candidate on a tie', () => {
    expect(bestMatch('AB', ['AC', 'AD'], 0.5)?.index).toBe(0);
  });
});
