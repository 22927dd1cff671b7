import { describe, expect, it } from 'vitest';
import { failureResult, REASONS } from '../schema';
import { CSV_BOM, CSV_FIELDS, csvColumn, defaultSeparator, neutralise, parseCsv, quote, toCsv } from './csv';
import { fakeResult } from './test-fixtures';

describe('CSV export', () => {
  const good = fakeResult({
    full_name: 'ARIN SOLVEIG MARTELL',
    date_of_birth: '03-04-1990',
    address: 'JL. KENANGA NO. 7; RT 01/RW 02, "BLOK C"\nDENPASAR',
    occupation: '=HYPERLINK("http://x","y")',
    nationality: '+62',
    status: '-FAMILY',
    office_name: '@SUM(A1)',
    place_of_birth: '\tTAB',
  });
  const bad = failureResult('FILE_INVALID_FORMAT', REASONS.invalidFormat);

  it('starts with a UTF-8 BOM, uses CRLF rows and the chosen separator', () => {
    const csv = toCsv(
      [
        { file: 'a.png', result: good },
        { file: 'b.txt', result: bad },
      ],
      { separator: ';' },
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv, ';');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['file', 'status', 'reason', ...CSV_FIELDS.map(csvColumn)]);
    expect(new Set(rows[0]).size).toBe(rows[0]!.length);
    for (const r of rows) expect(r).toHaveLength(3 + CSV_FIELDS.length);
    expect(rows[2]!.slice(0, 3)).toEqual(['b.txt', 'FILE_INVALID_FORMAT', REASONS.invalidFormat]);
    const col = (name: string) => rows[0]!.indexOf(name);
    // Quoting round-trips a value holding the separator, quotes and a newline.
    expect(rows[1]![col('address')]).toBe('JL. KENANGA NO. 7; RT 01/RW 02, "BLOK C"\nDENPASAR');
    expect(rows[1]![col('full_name')]).toBe('ARIN SOLVEIG MARTELL');
    expect(rows[1]![col('date_of_birth')]).toBe('03-04-1990');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = toCsv([{ file: '=cmd.png', result: good }], { separator: ',' });
    const rows = parseCsv(csv, ',');
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![0]).toBe("'=cmd.png");
    expect(rows[1]![col('occupation')]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(rows[1]![col('nationality')]).toBe("'+62");
    expect(rows[1]![col('permit_status')]).toBe("'-FAMILY");
    expect(rows[1]![col('status')]).toBe('SUCCESS');
    expect(rows[1]![col('office_name')]).toBe("'@SUM(A1)");
    expect(rows[1]![col('place_of_birth')]).toBe("'\tTAB");
    // No cell of the raw text starts with a formula character.
    for (const line of csv.slice(1).split('\r\n')) {
      for (const c of line.split(',')) expect(c).not.toMatch(/^[=+\-@]/);
    }
    expect(neutralise('\rX')).toBe("'\rX");
    expect(neutralise('12-01-2030')).toBe('12-01-2030');
  });

  it('quotes per RFC 4180 only when needed', () => {
    expect(quote('plain', ';')).toBe('plain');
    expect(quote('a;b', ';')).toBe('"a;b"');
    expect(quote('a,b', ';')).toBe('a,b');
    expect(quote('a,b', ',')).toBe('"a,b"');
    expect(quote('say "hi"', ',')).toBe('"say ""hi"""');
    expect(quote('two\nlines', ',')).toBe('"two\nlines"');
  });

  it('adds confidence columns in the locale notation when asked', () => {
    const semi = parseCsv(
      toCsv([{ file: 'a.png', result: fakeResult({ full_name: 'X' }, 0.9312) }], {
        separator: ';',
        confidence: true,
      }),
      ';',
    );
    const i = semi[0]!.indexOf('full_name_confidence');
    expect(i).toBe(semi[0]!.indexOf('full_name') + 1);
    expect(semi[1]![i]).toBe('0,9312');
    // An empty field has no confidence to show.
    expect(semi[1]![semi[0]!.indexOf('niora_confidence')]).toBe('');
    const comma = parseCsv(
      toCsv([{ file: 'a.png', result: fakeResult({ full_name: 'X' }, 0.9312) }], {
        separator: ',',
        confidence: true,
      }),
      ',',
    );
    expect(comma[1]![comma[0]!.indexOf('full_name_confidence')]).toBe('0.9312');
  });

  it('can leave the BOM out', () => {
    expect(toCsv([], { separator: ',', bom: false }).startsWith('file,')).toBe(true);
  });

  it("defaults to ';' for Indonesian and other comma-decimal locales", () => {
    expect(defaultSeparator('id')).toBe(';');
    expect(defaultSeparator('id-ID')).toBe(';');
    expect(defaultSeparator('de_DE')).toBe(';');
    expect(defaultSeparator('en-US')).toBe(',');
    expect(defaultSeparator('')).toBe(',');
  });
});
