import { describe, expect, it } from 'vitest';
import { splitCaseJoined } from './text-lines';

const word = (text: string) => ({ text, confidence: 0.9, bbox: { x: 100, y: 0, width: 130, height: 20 } });

describe('splitCaseJoined', () => {
  it('splits a mixed-case label word from the capitals of its value', () => {
    const parts = splitCaseJoined(word('TanggalCHIANG'));
    expect(parts.map((p) => p.text)).toEqual(['Tanggal', 'CHIANG']);
    expect(parts[0]!.bbox.x).toBe(100);
    expect(parts[0]!.bbox.width).toBeCloseTo(70);
    expect(parts[1]!.bbox.x).toBeCloseTo(170);
    expect(parts[0]!.bbox.width + parts[1]!.bbox.width).toBeCloseTo(130);
  });

  it('keeps the label colon with the label', () => {
    expect(splitCaseJoined(word('Kelamin:LAKI-LAKI')).map((p) => p.text)).toEqual(['Kelamin:', 'LAKI-LAKI']);
  });

  it('splits a label abbreviation and its period from an identifier run into it', () => {
    expect(splitCaseJoined(word('No.7IOEE54803')).map((p) => p.text)).toEqual(['No.', '7IOEE54803']);
    expect(splitCaseJoined(word('Tgl.16-09-1975')).map((p) => p.text)).toEqual(['Tgl.', '16-09-1975']);
  });

  it('splits a short label word from a long value in capitals (measured: "Jenis Kelamin / SexPEREMPUAN")', () => {
    expect(splitCaseJoined(word('SexPEREMPUAN')).map((p) => p.text)).toEqual(['Sex', 'PEREMPUAN']);
  });

  it('leaves words that are one word alone', () => {
    for (const t of [
      'McDONALD',
      'MacDONALD',
      'MacGREGOR',
      'CHIANG',
      'Tanggal',
      'Lahir:',
      'NO.12',
      'TanggalX',
      'mD',
      'No.12',
      'St.JOHN',
    ])
      expect(splitCaseJoined(word(t)).map((p) => p.text)).toEqual([t]);
  });
});
