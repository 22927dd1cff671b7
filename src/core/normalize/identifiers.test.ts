import { describe, expect, it } from 'vitest';
import {
  fixToMask,
  isValidNiora,
  isValidPassportNumber,
  isValidPermitNumber,
  isValidStayPermitIndex,
  normalizeNiora,
  normalizePassportNumber,
  normalizePermitNumber,
  normalizeStayPermitIndex,
  passportFormatsFor,
} from './identifiers';

describe('look-alike fixes have a limit', () => {
  it('text that needs more than three swaps to take the shape is left as read', () => {
    expect(normalizeNiora('TAKUYASATO')).toBe('TAKUYASATO');
    expect(isValidNiora(normalizeNiora('TAKUYASATO'))).toBe(false);
    expect(normalizePermitNumber('ZCZIHBOOIGAT')).toBe('ZCZIHBOOIGAT');
  });

  it('up to three swaps are still undone', () => {
    expect(normalizeNiora('3A7AA2O5S6')).toBe('3ATAA20556');
    expect(normalizePermitNumber('2C2IHBOO16AT')).toBe('2C21HB0016AT');
  });
});

describe('normalizeNiora', () => {
  it('drops the label run into its value (measured on a card photo: "NIORA4SMXU76719")', () => {
    expect(normalizeNiora('NIORA4SMXU76719')).toBe('4SMXU76719');
    expect(normalizeNiora('NIOR44SMXU76719')).toBe('4SMXU76719');
    expect(normalizeNiora('NIORA: 4SMXU76719')).toBe('4SMXU76719');
    // Ten characters are the number itself, whatever they start with.
    expect(normalizeNiora('4NIOR76719')).toBe('4NIOR76719');
  });
});

describe('fixToMask', () => {
  it.each([
    ['3ATAA20536', 'DLLLLDDDDD', '3ATAA20536', 0],
    ['3A7AA2O536', 'DLLLLDDDDD', '3ATAA20536', 2],
    ['S0', 'DL', '5O', 2],
  ])('%j to %j -> %j (%i changes)', (s, mask, value, changes) => {
    expect(fixToMask(s, mask)).toEqual({ value, changes });
  });

  it('fails on length mismatch or unmappable characters', () => {
    expect(fixToMask('ABC', 'LL')).toBeNull();
    expect(fixToMask('X', 'D')).toBeNull();
    expect(fixToMask('9', 'L')).toBeNull();
  });
});

describe('normalizeNiora', () => {
  it.each([
    ['3ATAA20536', '3ATAA20536'],
    ['3atAa20536', '3ATAA20536'],
    ['3ATAA 20536', '3ATAA20536'],
    ['3 ATAA-20536.', '3ATAA20536'],
    [': 3ATAA20536', '3ATAA20536'],
    // letters read for digits in the digit positions
    ['3ATAA2O536', '3ATAA20536'],
    ['3ATAAZ0S36', '3ATAA20536'],
    ['3ATAA2053G', '3ATAA20536'],
    ['3ATAAI0B36', '3ATAA10836'],
    ['3ATAA2|536', '3ATAA21536'],
    ['BATAA20536', '8ATAA20536'],
    // digits read for letters in the letter positions
    ['3A7AA20536', '3ATAA20536'],
    ['30TAA20536', '3OTAA20536'],
    ['3ATA420536', '3ATAA20536'],
    ['35BAA20536', '3SBAA20536'],
  ])('%j -> %j', (input, expected) => {
    const out = normalizeNiora(input);
    expect(out).toBe(expected);
    expect(isValidNiora(out)).toBe(true);
  });

  it.each([
    ['3ATAA2053', '3ATAA2053'],
    ['3ATAA205366', '3ATAA205366'],
    ['3ATAA2X536', '3ATAA2X536'],
    ['', ''],
  ])('leaves an unfixable read %j as %j (invalid)', (input, expected) => {
    const out = normalizeNiora(input);
    expect(out).toBe(expected);
    expect(isValidNiora(out)).toBe(false);
  });

  it.each([
    ['3ATAA20536', true],
    ['3ATAA2O536', false],
    ['3atAa20536', false],
    ['33TAA20536', false],
    [' 3ATAA20536', false],
    ['3ATAA205361', false],
  ])('isValidNiora(%j) = %s', (s, ok) => {
    expect(isValidNiora(s)).toBe(ok);
  });
});

describe('normalizePermitNumber', () => {
  it.each([
    ['2C21HB0016AT', '2C21HB0016AT'],
    ['2c21hb0016at', '2C21HB0016AT'],
    ['2C21 HB0016 AT', '2C21HB0016AT'],
    ['2C21-HB-0016-AT', '2C21HB0016AT'],
    ['2D11JE1234AB', '2D11JE1234AB'],
    ['ZC21HB0016AT', '2C21HB0016AT'],
    ['2C2IHB0016AT', '2C21HB0016AT'],
    ['2C21H80016AT', '2C21HB0016AT'],
    ['2C21HBOO16AT', '2C21HB0016AT'],
    ['2C21HB00I6A7', '2C21HB0016AT'],
    ['2C21HB0016A1', '2C21HB0016AI'],
    ['2G21HB0016AT', '2C21HB0016AT'],
    ['2021HB0016AT', '2D21HB0016AT'],
    ['2O21HB0016AT', '2D21HB0016AT'],
    // The card's "No." joined to the number on a blurred row.
    ['NO2C25113013DH', '2C25II3013DH'],
    ['No. 2C25II3013DH', '2C25II3013DH'],
  ])('%j -> %j', (input, expected) => {
    const out = normalizePermitNumber(input);
    expect(out).toBe(expected);
    expect(isValidPermitNumber(out)).toBe(true);
  });

  it.each([
    ['2C21HB0016A', '2C21HB0016A'],
    ['2C21HB0016ATX', '2C21HB0016ATX'],
    ['2C21HB00X6AT', '2C21HB00X6AT'],
    ['', ''],
  ])('leaves an unfixable read %j as %j (invalid)', (input, expected) => {
    const out = normalizePermitNumber(input);
    expect(out).toBe(expected);
    expect(isValidPermitNumber(out)).toBe(false);
  });

  it.each([
    ['2C21HB0016AT', true],
    ['2D21HB0016AT', true],
    ['2C21HB0016A7', false],
    ['C221HB0016AT', false],
    ['2C21HB0016at', false],
  ])('isValidPermitNumber(%j) = %s', (s, ok) => {
    expect(isValidPermitNumber(s)).toBe(ok);
  });
});

describe('normalizeStayPermitIndex', () => {
  it.each([
    ['VI B', 'VIB'],
    ['VIB', 'VIB'],
    ['vi b', 'VIB'],
    ['E31 A', 'E31A'],
    ['E31A', 'E31A'],
    ['C312', 'C312'],
    ['C 312', 'C312'],
    // Only C, D and E indexes are printed on permits: B and F are an E, G a C.
    ['B27', 'E27'],
    ['F28A', 'E28A'],
    ['G316', 'C316'],
    ['IX', 'IX'],
    ['X', 'X'],
    ['IV A', 'IVA'],
    ['VIII', 'VIII'],
    // OCR noise
    ['V1B', 'VIB'],
    ['VlB', 'VIB'],
    ['V|B', 'VIB'],
    ['V1 B.', 'VIB'],
    ['E3lA', 'E31A'],
    ['E3IA', 'E31A'],
    ['C3I2', 'C312'],
    ['E3OA', 'E30A'],
  ])('%j -> %j', (input, expected) => {
    const out = normalizeStayPermitIndex(input);
    expect(out).toBe(expected);
    expect(isValidStayPermitIndex(out)).toBe(true);
  });

  it.each([
    ['', ''],
    ['XYZ', 'XYZ'],
    ['E3', 'E3'],
    ['E3199', 'E3199'],
    ['VVV', 'VVV'],
    ['A27', 'A27'],
    ['O312', 'O312'],
    // C and D indexes have three digits, E indexes two (measured: C12 for C312 at 0.95).
    ['D12', 'D12'],
    ['C12', 'C12'],
    ['E312', 'E312'],
    ['8312', '8312'],
  ])('leaves an unfixable read %j as %j (invalid)', (input, expected) => {
    const out = normalizeStayPermitIndex(input);
    expect(out).toBe(expected);
    expect(isValidStayPermitIndex(out)).toBe(false);
  });

  it.each([
    ['I', true],
    ['II', true],
    ['III', true],
    ['IV', true],
    ['V', true],
    ['VI', true],
    ['VII', true],
    ['VIII', true],
    ['IX', true],
    ['X', true],
    ['VIB', true],
    ['XA', true],
    ['E31A', true],
    ['C312', true],
    ['C31', false],
    ['E31', true],
    ['E33G', true],
    ['E31Z', false],
    ['C3121', false],
    ['IIII', true], // III + series letter I
    ['IIIII', false],
    ['XI', true], // X + series letter I
    ['XII', false],
    ['VI B', false],
    ['vib', false],
    ['', false],
    ['31A', false],
    ['B27', false],
    ['A312', false],
  ])('isValidStayPermitIndex(%j) = %s', (s, ok) => {
    expect(isValidStayPermitIndex(s)).toBe(ok);
  });
});

describe('passportFormatsFor', () => {
  it('finds formats by printed nationality, in either language, through OCR slips', () => {
    expect(passportFormatsFor('CHINA')).not.toBeNull();
    expect(passportFormatsFor('TIONGKOK')).toBe(passportFormatsFor('CHINA'));
    expect(passportFormatsFor(' china ')).toBe(passportFormatsFor('CHINA'));
    expect(passportFormatsFor('CH1NA')).toBe(passportFormatsFor('CHINA'));
    expect(passportFormatsFor('AMERIKA SERIKAT')).toBe(passportFormatsFor('UNITED STATES'));
  });

  it('is null for an unknown nationality', () => {
    expect(passportFormatsFor('ATLANTIS')).toBeNull();
    expect(passportFormatsFor('')).toBeNull();
  });
});

describe('normalizePassportNumber', () => {
  it.each([
    // already valid: kept
    ['G59337358', 'CHINA', 'G59337358'],
    ['g59337358', 'CHINA', 'G59337358'],
    ['G5933 7358', 'CHINA', 'G59337358'],
    ['EA1234567', 'CHINA', 'EA1234567'],
    // look-alikes fixed per the nationality's format
    ['G5933735B', 'CHINA', 'G59337358'],
    ['65933735B', 'CHINA', 'G59337358'],
    ['G5933I358', 'TIONGKOK', 'G59331358'],
    ['EA12345G7', 'CHINA', 'EA1234567'],
    ['E41234567', 'CHINA', 'E41234567'],
    ['12345678O', 'UNITED STATES', '123456780'],
    ['A1234567B', 'AMERIKA SERIKAT', 'A12345678'],
    ['M1234567B', 'KOREA SELATAN', 'M12345678'],
    ['TK12345G7', 'JEPANG', 'TK1234567'],
    ['TK1234567', 'JAPAN', 'TK1234567'],
    ['7K1234567', 'JAPAN', 'TK1234567'],
    ['N1234S67', 'AUSTRALIA', 'N1234567'],
    [': G59337358.', 'CHINA', 'G59337358'],
    ['G59337|58', 'CHINA', 'G59337158'],
  ])('%j (%s) -> %j', (input, nationality, expected) => {
    const out = normalizePassportNumber(input, nationality);
    expect(out).toBe(expected);
    expect(isValidPassportNumber(out, nationality)).toBe(true);
  });

  it.each([
    // unknown nationality: uppercase, no spaces, no fixes
    ['g5933735b', 'ATLANTIS', 'G5933735B'],
    ['AB 12 34O', '', 'AB1234O'],
    ['O12345678', 'NARNIA', 'O12345678'],
    // known format but no fix makes it match: as read
    ['G593373', 'CHINA', 'G593373'],
    ['X59337358', 'CHINA', 'X59337358'],
    // two equally good repairs: no guess
    ['IO1234567', 'INDIA', 'IO1234567'],
  ])('%j (%s) -> %j unchanged', (input, nationality, expected) => {
    expect(normalizePassportNumber(input, nationality)).toBe(expected);
  });

  it('prefers an exact match of another format over a fix', () => {
    // USA accepts both 9 digits and a letter + 8 digits: O12345678 is valid as read.
    expect(normalizePassportNumber('O12345678', 'USA')).toBe('O12345678');
  });
});

describe('isValidPassportNumber', () => {
  it.each([
    ['G59337358', 'CHINA', true],
    ['G5933735B', 'CHINA', false],
    ['123456789', 'UNITED KINGDOM', true],
    ['12345678', 'INGGRIS', false],
    ['M123A4567', 'SOUTH KOREA', true],
    ['G59337358', 'ATLANTIS', null],
    ['anything', '', null],
  ])('(%j, %j) = %s', (s, nationality, expected) => {
    expect(isValidPassportNumber(s, nationality)).toBe(expected);
  });
});
