import { describe, expect, it } from 'vitest';
import { finalizeFields, letterGuessedFromDigit, normalizeField, ocrFormatCheck } from './assemble';
import type { FieldReading } from './layout/assign';
import { emptyRead, type KitasRead, type TextFieldName } from './schema';

describe('normalizeField', () => {
  it.each([
    ['niora', '3XYNWO00606', '3XYNW00606'],
    ['niora', 'S5DYEZ11661', '5DYEZ11661'],
    ['permit_number', '2C23AI10462FU', '2C23AI0462FU'],
    ['permit_number', '2C23YE7681D0O', '2C23YE7681DO'],
  ] as const)('repairs %s %s read with one glyph twice', (field, read, expected) => {
    expect(normalizeField(field, read, '')).toEqual({ value: expected, valid: true, repaired: true });
  });

  it('does not guess when the extra character is not a doubled look-alike', () => {
    expect(normalizeField('niora', '3XYNWK00606', '').valid).toBe(false);
  });

  it('a known country is a valid nationality, digits an invalid one, anything else unchecked', () => {
    expect(normalizeField('nationality', 'JEPANG', '')).toEqual({ value: 'JEPANG', valid: true });
    expect(normalizeField('nationality', 'JEPAN6', '')).toEqual({ value: 'JEPANG', valid: true });
    expect(normalizeField('nationality', 'PHILIPPINES', '').valid).toBe(true);
    expect(normalizeField('nationality', 'THS028177', '').valid).toBe(false);
    expect(normalizeField('nationality', 'ATLANTIS', '')).toEqual({ value: 'ATLANTIS', valid: null });
  });

  it('an address whose house number has no digit is invalid as read; free text otherwise unchecked', () => {
    expect(normalizeField('office_address', 'JL. ENGKU PUTRI NO. J BATAM CENTRE', '').valid).toBe(false);
    expect(normalizeField('address', 'JL. MELATI NO. 21, RT 005/RW 001', '').valid).toBeNull();
  });

  it('reads office classes as roman numerals', () => {
    expect(normalizeField('office_name', 'KANIM KELAS 1 TPI DENPASAR', '').value).toBe(
      'KANIM KELAS I TPI DENPASAR',
    );
    expect(normalizeField('office_name', 'KANTOR IMIGRASI KELAS Il NON TPI MOROWALI', '').value).toBe(
      'KANTOR IMIGRASI KELAS II NON TPI MOROWALI',
    );
  });

  it('splits "Place, date" and normalizes the date', () => {
    expect(normalizeField('issued_place', "'Batam, 30-10-2023 I", '').value).toBe('Batam');
    expect(normalizeField('issued_date', 'Jakarta Barat, 1 July 2024', '').value).toBe('01-07-2024');
  });

  it("drops a mark caught after a place of birth's comma, not a region's letters", () => {
    expect(normalizeField('place_of_birth', 'SYDNEY, (', '').value).toBe('SYDNEY');
    expect(normalizeField('place_of_birth', 'SYDNEY, 0', '').value).toBe('SYDNEY');
    expect(normalizeField('place_of_birth', 'SYDNEY,', '').value).toBe('SYDNEY');
    expect(normalizeField('place_of_birth', 'HOUSTON, TX', '').value).toBe('HOUSTON, TX');
    // A re-read's wider crop that took in the date, readable or not.
    expect(normalizeField('place_of_birth', 'SYDNEY, 9 April 1985', '').value).toBe('SYDNEY');
    expect(normalizeField('place_of_birth', 'HO CHI MINH, 04 DEC1961', '').value).toBe('HO CHI MINH');
    expect(normalizeField('place_of_birth', 'LONDON, 20 AGU 199', '').value).toBe('LONDON');
    expect(normalizeField('place_of_birth', '248G1, 16-17-10985', '').value).toBe('248G1, 16-17-10985');
  });

  it('a place of birth still holding a digit (its date run in without a comma) fails its format', () => {
    expect(normalizeField('place_of_birth', 'SHANGHAL 20/0771953', '').valid).toBe(false);
    expect(normalizeField('place_of_birth', 'SHANGHAI', '').valid).toBeNull();
    expect(normalizeField('place_of_birth', 'SYDNEY, 9 April 1985', '').valid).toBeNull();
  });

  // Numeric dates are printed zero-padded: "2-09-2025" for a printed "20-09-2025" lost a digit.
  it('keeps an OCR date that lost a digit, without vouching for its format', () => {
    const read = (name: TextFieldName, printed: string) =>
      ocrFormatCheck(name, printed, normalizeField(name, printed, ''));
    expect(read('issued_date', 'Yogyakarta, 2-09-2025')).toEqual({
      value: '02-09-2025',
      valid: null,
      repaired: true,
    });
    expect(read('passport_expiry', '14-3-2031').valid).toBeNull();
    expect(read('issued_date', 'Yogyakarta, 20-09-2025').valid).toBe(true);
    // A day written out with its month name may have one digit.
    expect(read('date_of_birth', '7 Mei 1957')).toEqual({ value: '07-05-1957', valid: true });
    expect(read('passport_expiry', '14/03/2031').valid).toBe(true);
    // An officer's own "1/2/1990" is a date as typed (the review form suggests 01-02-1990).
    expect(normalizeField('date_of_birth', '1/2/1990', '')).toEqual({ value: '01-02-1990', valid: true });
  });
});

// Measured on generated photos, each read at >= 0.9 before: the format made the letter.
describe('a letter the format guessed from a digit', () => {
  const read = (name: TextFieldName, printed: string, nationality = '') =>
    ocrFormatCheck(name, printed, normalizeField(name, printed, nationality));
  it.each([
    ['permit_number', '2D21MH90038G', '2D21MH9003BG', ''], // printed ...SG: 8 may be B or S
    ['passport_number', '19456678', 'I9456678', 'AUSTRALIA'], // printed J9456678: 1 may be I, J, L or T
    ['passport_number', '11.961490', 'II961490', 'KANADA'], // printed HL961490
  ] as const)('%s %j -> %j, a guess', (name, printed, value, nationality) => {
    const r = read(name, printed, nationality);
    expect(r.value).toBe(value);
    expect(r.valid).toBe(true);
    expect(r.guessed).toBe(true);
  });
  it('is no guess where the digit has one letter look-alike, or the letter was read', () => {
    expect(read('permit_number', '2C21AK56550X').guessed).toBeUndefined(); // 0 -> O
    expect(read('permit_number', '2D21MH9003SG').guessed).toBeUndefined();
    expect(read('niora', '7EUFQ88028').guessed).toBeUndefined();
  });
  it('compares position for position only when nothing was dropped', () => {
    expect(letterGuessedFromDigit('2D21MH90038G', '2D21MH9003BG')).toBe(true);
    expect(letterGuessedFromDigit('2D21MH900388G', '2D21MH9003BG')).toBe(false);
    expect(letterGuessedFromDigit('J9456678', 'J9456678')).toBe(false);
  });
});

describe("a date read after a blurred label's last words", () => {
  const read = (printed: string) =>
    ocrFormatCheck(
      'stay_entries_permit_expiry',
      printed,
      normalizeField('stay_entries_permit_expiry', printed, ''),
    );
  it('keeps the date, unsure (measured: "SNGE 11-09-2026")', () => {
    expect(read('SNGE 11-09-2026')).toEqual({
      value: '11-09-2026',
      valid: null,
      repaired: true,
      guessed: true,
    });
    expect(read('Single: 11-09-2026').value).toBe('11-09-2026');
  });
  it("leaves a place's line and longer text as they are", () => {
    expect(read('Bekasi, 11-09-2026').valid).toBe(false);
    expect(read('Izin Masuk Kembali Single 11-09-2026').valid).toBe(false);
    expect(read('11-09-2026')).toEqual({ value: '11-09-2026', valid: true });
  });
});

describe('a worded field read as one glyph', () => {
  const read = (name: TextFieldName, printed: string) =>
    ocrFormatCheck(name, printed, normalizeField(name, printed, ''));
  it('fails its format (measured: the status read "S" at 0.96)', () => {
    expect(read('status', 'S').valid).toBe(false);
    expect(read('full_name', 'J.').valid).toBe(false);
    expect(read('status', 'LANSIA').valid).toBeNull();
  });
  it("leaves the occupation's and the sponsor's printed '-'", () => {
    expect(read('occupation', '-').valid).toBeNull();
    expect(read('guarantor_name', '-').valid).toBeNull();
  });
});

describe('office names and issue places read from soft photos', () => {
  it.each([
    ['KANTOR IMIGRASI KELAS I KHUSUS TP BATAM', 'KANTOR IMIGRASI KELAS I KHUSUS TPI BATAM'],
    ['KANIM KELAS [ KHUSUS TPI JAKARTA UTARA', 'KANIM KELAS I KHUSUS TPI JAKARTA UTARA'],
    ['KANTOR IMIGRASI KELAS I KHUSUS T™ NGURAH RAI', 'KANTOR IMIGRASI KELAS I KHUSUS TPI NGURAH RAI'],
    ['KANTOR IMIGRASI KELAS I TP! BALIKPAPAN', 'KANTOR IMIGRASI KELAS I TPI BALIKPAPAN'],
    ['KANIM KELAS II NON TPI MOROWALI', 'KANIM KELAS II NON TPI MOROWALI'],
  ])('office %s', (printed, value) => {
    expect(normalizeField('office_name', printed, '').value).toBe(value);
  });

  it('the directory vouches for an office whose class cannot be another one-stroke class only', () => {
    // KELAS I and KELAS II are both real: soft print turns one into the other (measured twice).
    expect(normalizeField('office_name', 'KANTOR IMIGRASI KELAS I NON TPI MOROWALI', '').valid).toBeNull();
    expect(normalizeField('office_name', 'KANIM KELAS II TPI BEKASI', '').valid).toBeNull();
    expect(normalizeField('office_name', 'KANTOR IMIGRASI KELAS I KHUSUS TPI BATAM', '').valid).toBe(true);
  });

  it('a mark read after the place is not part of it', () => {
    expect(normalizeField('issued_place', 'BATAM., 27-01-2019', '').value).toBe('BATAM');
    expect(normalizeField('issued_place', 'Tangerang. 27-01-2019', '').value).toBe('Tangerang');
  });

  it('a place of issue is a valid read only when it is a city with an immigration office', () => {
    expect(normalizeField('issued_place', 'Bekasi, 27-01-2019', '')).toEqual({
      value: 'Bekasi',
      valid: true,
    });
    expect(normalizeField('issued_place', 'Jakara Selatan, 27-01-2019', '')).toEqual({
      value: 'Jakarta Selatan',
      valid: true,
    });
    // Cut short or garbled: no format to fail, none passed either.
    expect(normalizeField('issued_place', 'Beka, 27-01-2019', '')).toEqual({ value: 'Beka', valid: null });
    expect(normalizeField('issued_place', 'Blandarg, 27-01-2019', '').valid).toBeNull();
    expect(normalizeField('issued_place', 'Bekasi', '').valid).toBe(false);
  });

  it('a place of issue is read even when its date is not; the date keeps its own print (measured on a card photo)', () => {
    expect(normalizeField('issued_place', 'Yogyakarta, 0-09-2025', '')).toEqual({
      value: 'Yogyakarta',
      valid: true,
    });
    expect(normalizeField('issued_date', 'Yogyakarta, 0-09-2025', '')).toEqual({
      value: '0-09-2025',
      valid: false,
    });
    expect(normalizeField('issued_date', 'illegible', '')).toEqual({ value: 'illegible', valid: false });
  });

  it('the end of a label read into a value is dropped', () => {
    expect(normalizeField('passport_expiry', '/25/05/2026', '')).toEqual({
      value: '25-05-2026',
      valid: true,
    });
    expect(normalizeField('place_of_birth', '/PA / DAE: ULSAN', '').value).toBe('ULSAN');
    expect(normalizeField('occupation', 'Pekerjaan / Occupation: TEACHER', '').value).toBe('TEACHER');
    expect(normalizeField('place_of_birth', 'ULSAN', '').value).toBe('ULSAN');
    expect(normalizeField('address', 'JL. MAWAR NO. 5, RT 001/RW 002: X', '').value).toBe(
      'JL. MAWAR NO. 5, RT 001/RW 002: X',
    );
  });

  it('office header lines in the directory are valid reads', () => {
    expect(normalizeField('office_region', 'KANTOR WILAYAH BALL', '')).toEqual({
      value: 'KANTOR WILAYAH BALI',
      valid: true,
    });
    expect(normalizeField('office_region', 'KANTOR WILAYAH XYZQW', '').valid).toBeNull();
    expect(normalizeField('office_address', 'JL, TMP TARUNA NO, 10 SUKARASA', '').value).toBe(
      'JL. TMP TARUNA NO. 10 SUKARASA',
    );
    expect(normalizeField('office_address', 'JL. RAYA JUANDA NO. 1 SEDAT!', '').value).toBe(
      'JL. RAYA JUANDA NO. 1 SEDATI',
    );
  });
});

/** A field's text as the layout hands it over: one box, sure of its label unless told. */
function reading(
  text: string,
  { x = 10, y = 10, width = 200, confidence = 0.99, assignment = 1 } = {},
): FieldReading {
  return { text, confidence, rects: [{ x, y, width, height: 20 }], assignment };
}

/** The read `finalizeFields` makes of these fields on page 0, boxes kept as they are. */
function finalized(found: Partial<Record<TextFieldName, FieldReading>>): KitasRead {
  const read = emptyRead();
  finalizeFields(read, found, (p) => p, 0);
  return read;
}

describe('the place of issue and the issuing office name one city', () => {
  it("a place blurred past matching takes the office's city, held as a guess (measured: NALARAN)", () => {
    const read = finalized({
      issued_place: reading('NALARAN, 03-04-2020'),
      issued_date: reading('NALARAN, 03-04-2020'),
      office_name: reading('KANTOR IMIGRASI KELAS I TPI MATARAM'),
    });
    expect(read.issued_place.value).toBe('MATARAM');
    expect(read.issued_place.value_original).toBe('NALARAN, 03-04-2020');
    expect(read.issued_place.polygon).toHaveLength(4);
    expect(read.issued_place.confidence).toBeLessThanOrEqual(0.7);
    expect(read.issued_date.value).toBe('03-04-2020');
    expect(read.office_name.value).toBe('KANTOR IMIGRASI KELAS I TPI MATARAM');
    expect(read.office_name.confidence).toBeGreaterThan(0.7);
  });

  it('a place that is a known city keeps its read; its confidence too where the office issues there', () => {
    const read = finalized({
      issued_place: reading('SEMARANG, 03-04-2020'),
      office_name: reading('KANTOR IMIGRASI KELAS I TPI SEMARANG'),
    });
    expect(read.issued_place.value).toBe('SEMARANG');
    expect(read.issued_place.confidence).toBeGreaterThan(0.9);
  });

  it('two known cities that contradict each other are both kept as read, and both unsure', () => {
    // Measured: "Sambaa" snapped to SAMBAS at 0.99 under a Surabaya office, on a photo.
    const read = finalized({
      issued_place: reading('SERANG, 03-04-2020'),
      office_name: reading('KANTOR IMIGRASI KELAS I TPI SEMARANG'),
    });
    expect(read.issued_place.value).toBe('SERANG');
    expect(read.office_name.value).toBe('KANTOR IMIGRASI KELAS I TPI SEMARANG');
    expect(read.issued_place.confidence).toBeLessThanOrEqual(0.7);
    expect(read.office_name.confidence).toBeLessThanOrEqual(0.7);
  });
});

describe('an address read in part', () => {
  it('is held as a guess (measured: the last line lost, "JL. SUDIRMAN NO. 166, RT 015/RW 009" at 0.97)', () => {
    const partial = finalized({ address: reading('JL. SUDIRMAN NO. 166, RT 015/RW 009', { width: 400 }) });
    expect(partial.address.value).toBe('JL. SUDIRMAN NO. 166, RT 015/RW 009');
    expect(partial.address.confidence).toBeLessThanOrEqual(0.7);
    const whole = finalized({
      address: reading('JL. SUDIRMAN NO. 166, RT 015/RW 009, KEL. CAKRANEGARA BARAT, KEC. CAKRANEGARA', {
        width: 400,
      }),
    });
    expect(whole.address.confidence).toBeGreaterThan(0.7);
  });
});

describe('a passport number read as a date field', () => {
  const row = (text: string, y: number) =>
    reading(text, { x: 300, y, width: 150, confidence: 0.97, assignment: 0.9 });

  it('moves to the unread passport number with its box, held as a guess (measured on photos)', () => {
    const read = finalized({
      nationality: row('TURKEY', 100),
      passport_expiry: row('U21752234', 140),
      date_of_birth: row('07-12-1975', 60),
    });
    expect(read.passport_number.value).toBe('U21752234');
    expect(read.passport_number.polygon[0]).toEqual([300, 140]);
    expect(read.passport_number.confidence).toBeGreaterThan(0);
    expect(read.passport_number.confidence).toBeLessThanOrEqual(0.7);
    expect(read.passport_expiry.value).toBe('');
    expect(read.passport_expiry.polygon).toEqual([]);
    expect(read.date_of_birth.value).toBe('07-12-1975');
  });

  it('stays where the passport number was read, or where it is no passport number', () => {
    const both = finalized({
      nationality: row('TURKEY', 100),
      passport_number: row('U21752235', 120),
      passport_expiry: row('U21752234', 140),
    });
    expect(both.passport_number.value).toBe('U21752235');
    expect(both.passport_expiry.value).toBe('U21752234');
    const garble = finalized({
      nationality: row('TURKEY', 100),
      passport_expiry: row('19 Fcb 202S', 140),
    });
    expect(garble.passport_number.value).toBe('');
    expect(garble.passport_expiry.value_original).toBe('19 Fcb 202S');
  });
});

describe('a field whose label could name another one', () => {
  it('is held as a guess however clearly its value was read', () => {
    const sure = finalized({ stay_entries_permit_expiry: reading('27 JAN 2026') });
    const guessed = finalized({
      stay_entries_permit_expiry: { ...reading('27 JAN 2026'), labelGuessed: true },
    });
    expect(sure.stay_entries_permit_expiry.confidence).toBeGreaterThan(0.9);
    expect(guessed.stay_entries_permit_expiry.value).toBe('27-01-2026');
    expect(guessed.stay_entries_permit_expiry.confidence).toBeLessThanOrEqual(0.7);
  });
});

describe('the evidence a frame too small to read gives', () => {
  const found = {
    full_name: reading('KAVITHA GUPTA'),
    passport_number: reading('P5471203'),
    nationality: reading('INDIA'),
    date_of_birth: reading('12-03-1990'),
  };
  function finalizedOnFrame(tooSmall: boolean): {
    read: KitasRead;
    evidence: ReturnType<typeof finalizeFields>;
  } {
    const read = emptyRead();
    const evidence = finalizeFields(read, found, (p) => p, 0, 'ocr', {
      blurry: false,
      small: false,
      tooSmall,
    });
    return { read, evidence };
  }

  it('names and identifiers are not sure on it; a listed country and a date keep their confidence', () => {
    const near = finalizedOnFrame(false);
    const far = finalizedOnFrame(true);
    expect(near.read.passport_number.confidence).toBeGreaterThan(0.9);
    expect(far.read.passport_number.confidence).toBeLessThan(0.9);
    expect(far.read.full_name.confidence).toBeLessThan(0.9);
    expect(far.read.nationality.confidence).toBe(near.read.nationality.confidence);
    expect(far.read.date_of_birth.confidence).toBe(near.read.date_of_birth.confidence);
    expect(far.evidence.nationality?.listed).toBe(true);
    expect(far.evidence.passport_number).toMatchObject({ glyphsOnly: true, tooSmallFrame: true });
    expect(far.evidence.date_of_birth?.glyphsOnly).toBeUndefined();
  });
});
