import { describe, expect, it } from 'vitest';
import {
  hasLostDateDigit,
  compareDates,
  dateFromDmy,
  dmyFromDate,
  isStrictDmy,
  isValidDayMonthYear,
  normalizeDate,
  parseDate,
  parseMonthName,
} from './dates';

describe('normalizeDate: accepted formats', () => {
  it.each([
    ['16-07-2019', '16-07-2019'],
    ['16/07/2019', '16-07-2019'],
    ['16.07.2019', '16-07-2019'],
    ['04:06-2022', '04-06-2022'],
    ['17071999', '17-07-1999'],
    ['1-7-2019', '01-07-2019'],
    ['16 07 2019', '16-07-2019'],
    ['2019-07-16', '16-07-2019'],
    ['3 Maret 2024', '03-03-2024'],
    ['03 MAR 2024', '03-03-2024'],
    ['03-Mar-2024', '03-03-2024'],
    ['3 March 2024', '03-03-2024'],
    ['12 Mei 2023', '12-05-2023'],
    ['12 May 2023', '12-05-2023'],
    ['1 Januari 2000', '01-01-2000'],
    ['28 Februari 2021', '28-02-2021'],
    ['29 FEB 2024', '29-02-2024'],
    ['5 April 1990', '05-04-1990'],
    ['30 Juni 1985', '30-06-1985'],
    ['30 Jun 1985', '30-06-1985'],
    ['31 Juli 1999', '31-07-1999'],
    ['17 Agustus 1945', '17-08-1945'],
    ['17 Agu 1945', '17-08-1945'],
    ['17 Agt 1945', '17-08-1945'],
    ['17 Aug 1945', '17-08-1945'],
    ['9 Sep 2010', '09-09-2010'],
    ['9 September 2010', '09-09-2010'],
    ['10 Okt 2010', '10-10-2010'],
    ['10 Oct 2010', '10-10-2010'],
    ['10 Oktober 2010', '10-10-2010'],
    ['11 Nov 2011', '11-11-2011'],
    ['25 Des 2012', '25-12-2012'],
    ['25 Dec 2012', '25-12-2012'],
    ['25 Desember 2012', '25-12-2012'],
    ['25 December 2012', '25-12-2012'],
    ['25 des. 2012', '25-12-2012'],
    ['March 3, 2024', '03-03-2024'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('normalizeDate: OCR noise', () => {
  it.each([
    // One separator lost on soft print, day first as the permit prints it.
    ['1606/2021', '16-06-2021'],
    ['16/062021', '16-06-2021'],
    // One separator blurred into a letter (measured: "OREGON, 28M11/1982" on a photo).
    ['28M11/1982', '28-11-1982'],
    ['28-11I1982', '28-11-1982'],
    ['16 - 07 - 2019', '16-07-2019'],
    ['16 /07/ 2019', '16-07-2019'],
    ['16-O7-2O19', '16-07-2019'],
    ['I6-07-20l9', '16-07-2019'],
    ['|6-07-2019', '16-07-2019'],
    ['1S-07-2019', '15-07-2019'],
    ['18-0B-2019', '18-08-2019'],
    ['Z0-01-1979', '20-01-1979'],
    ['16|07|2019', '16-07-2019'],
    ['16-07-2019.', '16-07-2019'],
    ['16-07-2019,', '16-07-2019'],
    [': 16-07-2019', '16-07-2019'],
    ['  16-07-2019  ', '16-07-2019'],
    ['16-07/2019', '16-07-2019'],
    ['3 Marct 2024', '03-03-2024'],
    ['3 MARFT 2024', '03-03-2024'],
    ['3 Septembcr 2024', '03-09-2024'],
    ['3 Agu5tus 2024', '03-08-2024'],
    ['3 0KT 2024', '03-10-2024'],
    ['3Maret2024', '03-03-2024'],
    ['3 Maret, 2024', '03-03-2024'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('normalizeDate: rejections', () => {
  it.each([
    // A month with its day lost: the month's first letter is no day.
    'Agustus 1965',
    'SEPTEMBER 2020',
    '',
    '   ',
    '31-02-2020',
    '29-02-2023',
    '31-04-2021',
    '00-01-2020',
    '01-13-2020',
    '01-00-2020',
    '32-01-2020',
    '16-07-19',
    '19990717',
    '1707199',
    '16-07-20199',
    '123-07-2019',
    '01-01-1800',
    '01-01-2200',
    'JAKARTA',
    '3 Foo 2024',
    '3 Xyz 2024',
    '3 Ma 2024',
    '3 Juny 2024',
    '16-07',
    'Pangkalpinang, 16-07-2019',
  ])('%j -> null', (input) => {
    expect(normalizeDate(input)).toBeNull();
    expect(parseDate(input)).toBeNull();
  });
});

describe('parseDate', () => {
  it('returns numeric parts', () => {
    expect(parseDate('29-02-2024')).toEqual({ day: 29, month: 2, year: 2024 });
    expect(parseDate('1 Desember 1999')).toEqual({ day: 1, month: 12, year: 1999 });
  });
});

describe('parseMonthName', () => {
  it.each([
    ['Maret', 3],
    ['MEI', 5],
    ['nopember', 11],
    ['Fcbruari', 2],
    ['Januarl', 1],
    ['Jun', 6],
    ['Jul', 7],
    ['Jux', null],
    ['Juny', null],
    ['', null],
    ['Monday', null],
  ] as const)('%j -> %j', (input, expected) => {
    expect(parseMonthName(input)).toBe(expected);
  });
});

describe('validity helpers', () => {
  it.each([
    [29, 2, 2000, true],
    [29, 2, 1900, false],
    [29, 2, 2024, true],
    [29, 2, 2023, false],
    [31, 12, 2100, true],
    [30, 9, 2020, true],
    [31, 9, 2020, false],
    [1.5, 1, 2020, false],
  ])('isValidDayMonthYear(%i, %i, %i) = %s', (d, m, y, ok) => {
    expect(isValidDayMonthYear(d, m, y)).toBe(ok);
  });

  it.each([
    ['16-07-2019', true],
    ['1-07-2019', false],
    ['16/07/2019', false],
    ['31-02-2020', false],
    [' 16-07-2019', false],
    ['', false],
  ])('isStrictDmy(%j) = %s', (s, ok) => {
    expect(isStrictDmy(s)).toBe(ok);
  });
});

describe('compareDates', () => {
  it.each([
    ['16-07-2019', '16-07-2019', 0],
    ['15-07-2019', '16-07-2019', -1],
    ['16-07-2019', '15-07-2019', 1],
    ['31-12-2018', '01-01-2019', -1],
    ['01-02-2019', '31-01-2019', 1],
    ['01-01-2020', '31-12-2019', 1],
  ])('%j vs %j has sign %i', (a, b, sign) => {
    expect(Math.sign(compareDates(a, b))).toBe(sign);
  });

  it('is NaN when either side is not a date', () => {
    expect(compareDates('31-02-2020', '01-01-2020')).toBeNaN();
    expect(compareDates('01-01-2020', '')).toBeNaN();
  });

  it('sorts a list chronologically', () => {
    const dates = ['01-01-2021', '15-06-1990', '31-12-2020', '02-01-2021'];
    expect([...dates].sort(compareDates)).toEqual(['15-06-1990', '31-12-2020', '01-01-2021', '02-01-2021']);
  });
});

describe('dateFromDmy / dmyFromDate', () => {
  it('gives midnight UTC', () => {
    expect(dateFromDmy('16-07-2019')?.toISOString()).toBe('2019-07-16T00:00:00.000Z');
    expect(dateFromDmy('29-02-2024')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('rejects invalid dates', () => {
    expect(dateFromDmy('31-02-2020')).toBeNull();
    expect(dateFromDmy('nonsense')).toBeNull();
  });

  it('round-trips through the UTC calendar day', () => {
    expect(dmyFromDate(new Date(Date.UTC(2024, 2, 3, 23, 59)))).toBe('03-03-2024');
    for (const s of ['01-01-1970', '29-02-2024', '31-12-2099']) {
      expect(dmyFromDate(dateFromDmy(s)!)).toBe(s);
    }
  });
});

describe('hasLostDateDigit', () => {
  it('finds a numeric day or month printed with one digit', () => {
    expect(hasLostDateDigit('2-09-2025')).toBe(true);
    expect(hasLostDateDigit('Bekasi, 21-7-2021')).toBe(true);
    expect(hasLostDateDigit('2 / 09 / 2025')).toBe(true);
  });
  it('leaves zero-padded and written-out dates alone', () => {
    expect(hasLostDateDigit('20-09-2025')).toBe(false);
    expect(hasLostDateDigit('7 Mei 1957')).toBe(false);
    expect(hasLostDateDigit('2C25113013DH')).toBe(false);
    expect(hasLostDateDigit('120-09-2025')).toBe(false);
  });
});
