import { describe, expect, it } from 'vitest';
import { normalizeGender } from './gender';

describe('normalizeGender', () => {
  it.each([
    // printed words and letters
    ['MALE', 'M'],
    ['FEMALE', 'F'],
    ['LAKI-LAKI', 'M'],
    ['PEREMPUAN', 'F'],
    ['PRIA', 'M'],
    ['WANITA', 'F'],
    ['M', 'M'],
    ['F', 'F'],
    ['L', 'M'],
    ['P', 'F'],
    ['male', 'M'],
    ['Female', 'F'],
    ['Laki-laki', 'M'],
    // label separators and bilingual values
    [': MALE', 'M'],
    ['MALE.', 'M'],
    ['LAKI-LAKI / MALE', 'M'],
    ['PEREMPUAN / FEMALE', 'F'],
    ['L / M', 'M'],
    // OCR noise
    ['MALF', 'M'],
    ['MA1E', 'M'],
    ['MAIE', 'M'],
    ['NALE', 'M'],
    ['FEMAIE', 'F'],
    ['FEMA1E', 'F'],
    ['FEMALF', 'F'],
    ['FE MALE', 'F'],
    ['LAKI LAKI', 'M'],
    ['LAKILAKI', 'M'],
    ['LAKl-LAKl', 'M'],
    ['LAK1-LAK1', 'M'],
    ['PEREMPUAM', 'F'],
    ['PEREMPVAN', 'F'],
    ['PRlA', 'M'],
    ['WAN1TA', 'F'],
    ['WANlTA', 'F'],
  ] as const)('%j -> %j', (input, expected) => {
    expect(normalizeGender(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    '|',
    'X',
    'MF',
    '1',
    'EMALE',
    'UNKNOWN',
    'JAKARTA',
    'MALE / FEMALE',
    'LAKI-LAKI / PEREMPUAN',
    'MALE / XYZ',
  ])('%j -> null', (input) => {
    expect(normalizeGender(input)).toBeNull();
  });
});
