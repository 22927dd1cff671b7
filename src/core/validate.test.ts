import { describe, expect, it } from 'vitest';
import { emptyRead } from './schema';
import type { DocumentClass, FieldIssue, KitasRead, TextFieldName } from './schema';
import { doubtedFields, fieldTitle, validateRead } from './validate';

// An invented holder; no real person's data.
const GOOD: Partial<Record<TextFieldName, string>> = {
  document_type: 'IZIN TINGGAL TERBATAS ELEKTRONIK',
  permit_number: '2C11JA1234BC',
  stay_permit_index: 'E31A',
  stay_multiple_entries_permit_expiry: '09-01-2025',
  niora: '1ABCD23456',
  full_name: 'ANDERS TESTPERSON',
  place_of_birth: 'PERTH',
  date_of_birth: '05-05-1985',
  passport_number: 'PA1234567',
  passport_expiry: '01-01-2030',
  nationality: 'AUSTRALIA',
  gender: 'M',
  issued_date: '10-01-2024',
  issued_place: 'Jakarta',
};

const TODAY = new Date(Date.UTC(2024, 5, 1, 12));

function makeRead(overrides: Partial<Record<TextFieldName, string>> = {}): KitasRead {
  const read = emptyRead();
  for (const [field, value] of Object.entries({ ...GOOD, ...overrides }) as [TextFieldName, string][]) {
    read[field] = { ...read[field], value, value_original: value };
  }
  return read;
}

function run(
  overrides: Partial<Record<TextFieldName, string>> = {},
  documentClass: DocumentClass = 'KITAS',
  today = TODAY,
) {
  return validateRead(makeRead(overrides), { today, documentClass });
}

const codes = (issues: FieldIssue[]) => issues.map((i) => `${i.field}:${i.code}`).sort();

describe('validateRead', () => {
  it('finds nothing wrong with a consistent, current KITAS read', () => {
    expect(run()).toEqual({ invalid: [], warnings: [] });
  });

  it('accepts a consistent KITAP read', () => {
    const result = run(
      { document_type: 'IZIN TINGGAL TETAP ELEKTRONIK', permit_number: '2D11JA1234BC' },
      'KITAP',
    );
    expect(result).toEqual({ invalid: [], warnings: [] });
  });

  it('gives every issue an English message', () => {
    const { invalid, warnings } = run(
      { full_name: '', date_of_birth: '31-02-1985', passport_expiry: '01-01-2020', gender: 'X' },
      'KITAS',
      new Date(Date.UTC(2031, 0, 1)),
    );
    for (const issue of [...invalid, ...warnings]) {
      expect(issue.message).toMatch(/^[A-Z][A-Za-z0-9 ,.:'/-]+\.$/);
    }
    expect(invalid.length).toBeGreaterThan(0);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it.each([
    // field, bad value, expected invalid issue
    ['date_of_birth', '31-02-1985', 'date_of_birth:format'],
    ['date_of_birth', '5-5-1985', 'date_of_birth:format'],
    ['date_of_birth', '05/05/1985', 'date_of_birth:format'],
    ['issued_date', '10-13-2024', 'issued_date:format'],
    ['passport_expiry', 'O1-01-2030', 'passport_expiry:format'],
    ['stay_multiple_entries_permit_expiry', '2025-01-09', 'stay_multiple_entries_permit_expiry:format'],
    ['stay_entries_permit_expiry', 'soon', 'stay_entries_permit_expiry:format'],
    ['niora', '1ABCD2345', 'niora:format'],
    ['niora', '1AB0D23456', 'niora:format'],
    ['permit_number', '2C11JA1234B', 'permit_number:format'],
    ['permit_number', '2C11JA12340C', 'permit_number:format'],
    ['permit_number', '2D11JA1234BC', 'permit_number:document_class'],
    ['gender', 'MALE', 'gender:format'],
    ['gender', 'X', 'gender:format'],
    ['full_name', '', 'full_name:missing'],
    ['date_of_birth', '', 'date_of_birth:missing'],
    ['nationality', '  ', 'nationality:missing'],
    ['passport_number', '', 'passport_number:missing'],
    ['document_type', '', 'document_type:missing'],
    ['document_type', 'IZIN TINGGAL TETAP ELEKTRONIK', 'document_type:document_class'],
    ['date_of_birth', '02-06-2024', 'date_of_birth:future'],
    ['date_of_birth', '11-01-2024', 'date_of_birth:date_order'],
    ['passport_expiry', '04-05-1985', 'passport_expiry:date_order'],
    ['stay_multiple_entries_permit_expiry', '09-01-2024', 'stay_multiple_entries_permit_expiry:date_order'],
    ['stay_entries_permit_expiry', '09-01-2024', 'stay_entries_permit_expiry:date_order'],
  ] as const)('%s = %j is invalid (%s)', (field, value, expected) => {
    const { invalid } = run({ [field]: value });
    expect(codes(invalid)).toContain(expected);
    for (const issue of invalid) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('checks the permit prefix against the document class', () => {
    expect(codes(run({ permit_number: '2C11JA1234BC' }, 'KITAP').invalid)).toContain(
      'permit_number:document_class',
    );
    expect(codes(run({ permit_number: '2D11JA1234BC' }, 'KITAS').invalid)).toContain(
      'permit_number:document_class',
    );
  });

  it('flags a non-KITAS/KITAP document', () => {
    const { invalid } = run({ document_type: 'KARTU TANDA PENDUDUK' }, 'OTHER');
    expect(codes(invalid)).toEqual(['document_type:document_class']);
  });

  it('needs a permit number or a NIORA, not both', () => {
    expect(run({ permit_number: '' }).invalid).toEqual([]);
    expect(run({ niora: '' }).invalid).toEqual([]);
    expect(codes(run({ permit_number: '', niora: '' }).invalid)).toEqual(['permit_number:missing']);
  });

  it('reports every missing required field of an empty read', () => {
    const { invalid } = validateRead(emptyRead(), { today: TODAY, documentClass: 'OTHER' });
    expect(codes(invalid)).toEqual(
      [
        'document_type:missing',
        'full_name:missing',
        'date_of_birth:missing',
        'nationality:missing',
        'passport_number:missing',
        'permit_number:missing',
      ].sort(),
    );
  });

  it('does not require optional fields', () => {
    const { invalid } = run({
      gender: '',
      address: '',
      occupation: '',
      guarantor_name: '',
      stay_permit_index: '',
      stay_multiple_entries_permit_expiry: '',
      issued_date: '',
      passport_expiry: '',
    });
    expect(invalid).toEqual([]);
  });

  it('skips order checks for malformed dates (reported once, as format)', () => {
    const { invalid } = run({ date_of_birth: '99-99-2099' });
    expect(codes(invalid)).toEqual(['date_of_birth:format']);
  });

  it('allows boundary equalities', () => {
    expect(run({ date_of_birth: '01-06-2024', issued_date: '01-06-2024' }).invalid).toEqual([]);
    expect(run({ stay_multiple_entries_permit_expiry: '10-01-2024' }).invalid).toEqual([]);
    expect(run({ stay_multiple_entries_permit_expiry: '01-06-2024' }).warnings).toEqual([]);
  });

  it.each([
    [{ stay_multiple_entries_permit_expiry: '31-05-2024' }, 'stay_multiple_entries_permit_expiry:expired'],
    [{ stay_entries_permit_expiry: '31-05-2024' }, 'stay_entries_permit_expiry:expired'],
    [{ passport_expiry: '31-05-2024' }, 'passport_expiry:expired'],
    [{ passport_expiry: '08-01-2025' }, 'passport_expiry:passport_before_permit'],
    [
      { stay_entries_permit_expiry: '01-03-2031', passport_expiry: '01-01-2031' },
      'passport_expiry:passport_before_permit',
    ],
    [{ issued_date: '02-06-2024', stay_multiple_entries_permit_expiry: '09-01-2026' }, 'issued_date:future'],
    [{ passport_number: 'PA12345678' }, 'passport_number:format'],
    [{ date_of_birth: '17-09-1906' }, 'date_of_birth:implausible'],
    [{ stay_permit_index: 'E3' }, 'stay_permit_index:format'],
  ] as const)('%j warns %s without making anything invalid', (overrides, expected) => {
    const { invalid, warnings } = run(overrides);
    expect(invalid).toEqual([]);
    expect(codes(warnings)).toContain(expected);
  });

  it('warns about expiry relative to the given day', () => {
    const after = run({}, 'KITAS', new Date(Date.UTC(2025, 0, 10)));
    expect(codes(after.warnings)).toEqual(['stay_multiple_entries_permit_expiry:expired']);
    const onTheDay = run({}, 'KITAS', new Date(Date.UTC(2025, 0, 9, 23, 59)));
    expect(onTheDay.warnings).toEqual([]);
  });

  it('finds a stay permit running more than ten years implausible (measured on a photo: 2073 for 2023)', () => {
    const misread = run({ issued_date: '15-09-2021', stay_multiple_entries_permit_expiry: '14-09-2073' });
    expect(codes(misread.invalid)).toEqual(['stay_multiple_entries_permit_expiry:implausible']);
    // Without an issue date, from the day of reading.
    const noIssue = run({ issued_date: '', stay_entries_permit_expiry: '01-01-2035' });
    expect(codes(noIssue.invalid)).toEqual(['stay_entries_permit_expiry:implausible']);
    // Ten years to the day is the longest a permit runs; a five-year KITAP is ordinary.
    expect(
      run({ issued_date: '10-01-2024', stay_multiple_entries_permit_expiry: '10-01-2034' }).invalid,
    ).toEqual([]);
    expect(
      run({ issued_date: '10-01-2024', stay_multiple_entries_permit_expiry: '09-01-2029' }).invalid,
    ).toEqual([]);
    expect(
      run({ issued_date: '29-02-2024', stay_multiple_entries_permit_expiry: '28-02-2034' }).invalid,
    ).toEqual([]);
  });

  it('finds a holder over a hundred at issue implausible (measured on photos: 1906 for 1986, 1902 for 1962)', () => {
    const misread = run({ issued_date: '15-09-2021', date_of_birth: '17-09-1906' });
    expect(codes(misread.warnings)).toContain('date_of_birth:implausible');
    expect(misread.invalid).toEqual([]);
    // A hundred years to the day is still plausible; without an issue date, from the day of reading.
    expect(codes(run({ issued_date: '15-09-2021', date_of_birth: '15-09-1921' }).warnings)).not.toContain(
      'date_of_birth:implausible',
    );
    const noIssue = run(
      { issued_date: '', date_of_birth: '01-01-1924' },
      'KITAS',
      new Date(Date.UTC(2025, 0, 10)),
    );
    expect(codes(noIssue.warnings)).toContain('date_of_birth:implausible');
  });

  it('does not check passport formats of an unknown nationality', () => {
    expect(run({ nationality: 'ATLANTIS', passport_number: '??' }).warnings).toEqual([]);
  });
});

describe('doubtedFields', () => {
  const issue = (field: TextFieldName, code: string): FieldIssue => ({ field, code, message: '' });

  it('every invalid field, and an issue date after the day of reading', () => {
    expect(
      doubtedFields({
        invalid: [issue('date_of_birth', 'future'), issue('niora', 'format'), issue('niora', 'required')],
        warnings: [issue('issued_date', 'future')],
      }),
    ).toEqual(['date_of_birth', 'niora', 'issued_date']);
  });

  it('a date of birth over a hundred years back', () => {
    expect(doubtedFields({ invalid: [], warnings: [issue('date_of_birth', 'implausible')] })).toEqual([
      'date_of_birth',
    ]);
  });

  it('other warnings (an expired permit or passport) doubt nothing', () => {
    expect(
      doubtedFields({
        invalid: [],
        warnings: [issue('passport_expiry', 'expired'), issue('stay_entries_permit_expiry', 'expired')],
      }),
    ).toEqual([]);
  });

  it('from a read: a misread year that puts the issue in the future', () => {
    const read = emptyRead();
    read.issued_date.value = '10-11-2027';
    const checked = validateRead(read, { today: new Date('2026-11-27T00:00:00Z'), documentClass: 'KITAS' });
    expect(doubtedFields(checked)).toContain('issued_date');
    read.issued_date.value = '10-11-2022';
    const past = validateRead(read, { today: new Date('2026-11-27T00:00:00Z'), documentClass: 'KITAS' });
    expect(doubtedFields(past)).not.toContain('issued_date');
  });
});

describe('fieldTitle', () => {
  it.each([
    ['date_of_birth', 'Date of birth'],
    ['niora', 'NIORA'],
    ['full_name', 'Full name'],
    ['stay_entries_permit_expiry', 'Single re-entry permit expiry date'],
  ] as const)('%s -> %j', (field, title) => {
    expect(fieldTitle(field)).toBe(title);
  });
});
