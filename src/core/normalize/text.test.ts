import { describe, expect, it } from 'vitest';
import { PASSPORT_FORMATS } from '../passport-formats';
import {
  cleanText,
  NATIONALITIES,
  normalizeAddress,
  hasUnreadHouseNumber,
  addressStopsMidway,
  normalizeGuarantorName,
  normalizeName,
  normalizeNationality,
  normalizePermitStatus,
} from './text';

describe('cleanText', () => {
  it.each([
    ['  JL. RAYA   SUNGAILIAT  ', 'JL. RAYA SUNGAILIAT'],
    ['a\tb\nc', 'a b c'],
    ['a\u00A0b', 'a b'],
    [': YOUXING CHEN', 'YOUXING CHEN'],
    [':YOUXING CHEN', 'YOUXING CHEN'],
    ['© FUJIAN', 'FUJIAN'],
    ['. CHINA', 'CHINA'],
    ['.: CHINA', 'CHINA'],
    ['| JAKARTA', 'JAKARTA'],
    ['- JAKARTA', 'JAKARTA'],
    ['JAKARTA |', 'JAKARTA'],
    ['JAKARTA ||', 'JAKARTA'],
    ['JAKARTA_', 'JAKARTA'],
    ['JAKARTA ~', 'JAKARTA'],
    ['JAKARTA,', 'JAKARTA'],
    ['JAKARTA :', 'JAKARTA'],
    ['O\u2019BRIEN', "O'BRIEN"],
    ['O`BRIEN', "O'BRIEN"],
    ['\u201CQUOTED\u201D', '"QUOTED"'],
    ['LAKI\u2013LAKI', 'LAKI-LAKI'],
    ['LAKI\u2014LAKI', 'LAKI-LAKI'],
    ['KM.10', 'KM.10'],
    ['JR.', 'JR.'],
    ['TKA BID. PERINDUSTRIAN', 'TKA BID. PERINDUSTRIAN'],
    ['A | B', 'A | B'],
    ['', ''],
    ['   ', ''],
    [' : ', ''],
  ])('%j -> %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('normalizeName', () => {
  it.each([
    ['Youxing Chen', 'YOUXING CHEN'],
    [': YOUXING  CHEN ', 'YOUXING CHEN'],
    ['J0HN SMITH', 'JOHN SMITH'],
    ['MAR1A', 'MARIA'],
    ['J|LL', 'JILL'],
    ["O'BRIEN", "O'BRIEN"],
    ['O\u2019BRIEN', "O'BRIEN"],
    ['ANNE-MARIE DUPONT', 'ANNE-MARIE DUPONT'],
    ['JOHN A. SMITH JR.', 'JOHN A. SMITH JR.'],
    ['José Müller', 'JOSE MULLER'],
    ['CHEN, YOUXING', 'CHEN YOUXING'],
    ['SMITH 12', 'SMITH'],
    ['SMITH (JOHN)', 'SMITH JOHN'],
    ['-SMITH-', 'SMITH'],
    // A relation marker keeps (or gets back) its slash, between the name's words only.
    ['NURUL IZZAH A/L SUBRAMANIAM', 'NURUL IZZAH A/L SUBRAMANIAM'],
    ['NURUL IZZAH A L SUBRAMANIAM', 'NURUL IZZAH A/L SUBRAMANIAM'],
    ['PRIYA A/P RAMASAMY', 'PRIYA A/P RAMASAMY'],
    ['KUMAR S/O RAJAN', 'KUMAR S/O RAJAN'],
    ['A L SMITH', 'A L SMITH'],
    ['JOHN B L SMITH', 'JOHN B L SMITH'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('keeps only the allowed characters', () => {
    for (const input of ['A@B#C', 'X_Y*Z!', 'Ä Ö Ü ß', 'N4ME 42']) {
      expect(normalizeName(input)).toMatch(/^[A-Z '\-.]*$/);
    }
  });
});

describe('normalizeNationality', () => {
  it.each([
    ['CHINA', 'CHINA'],
    ['china', 'CHINA'],
    [' : CHINA ', 'CHINA'],
    ['CH1NA', 'CHINA'],
    ['CHlNA', 'CHINA'],
    ['CHNA', 'CHINA'],
    ['TIONGKOK', 'TIONGKOK'],
    ['TIONKOK', 'TIONGKOK'],
    ['TI0NGK0K', 'TIONGKOK'],
    ['AMERIKA SERLKAT', 'AMERIKA SERIKAT'],
    ['AMERIKASERIKAT', 'AMERIKA SERIKAT'],
    ['UNITED KINGD0M', 'UNITED KINGDOM'],
    ['UNlTED STATES', 'UNITED STATES'],
    ['AUSTRALlA', 'AUSTRALIA'],
    ['JEPAMG', 'JEPANG'],
    ['KOREA SELATAM', 'KOREA SELATAN'],
    ['SINGAPURA', 'SINGAPURA'],
    ['PHILIPINES', 'PHILIPPINES'],
    ['IRAN', 'IRAN'],
    ['IRAK', 'IRAK'],
    ['NEDERLAND', 'NEDERLAND'],
    ['ATLANTIS', 'ATLANTIS'],
    ['IRAX', 'IRAX'],
    ['CHXXA', 'CHXXA'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeNationality(input)).toBe(expected);
  });

  it('lists every nationality of the passport format table, uppercase and without duplicates', () => {
    for (const key of Object.keys(PASSPORT_FORMATS)) expect(NATIONALITIES).toContain(key);
    expect(new Set(NATIONALITIES).size).toBe(NATIONALITIES.length);
    for (const n of NATIONALITIES) expect(n).toBe(n.toUpperCase());
  });

  it('maps every known nationality to itself', () => {
    for (const n of NATIONALITIES) expect(normalizeNationality(n)).toBe(n);
  });
});

describe('company prefixes and status words with a dropped word space', () => {
  it.each([
    ['PTSENTOSA PERKASA JAYA', 'PT SENTOSA PERKASA JAYA'],
    ['PT.MAKMUR ABADI', 'PT. MAKMUR ABADI'],
    ['PT SENTOSA PERKASA JAYA', 'PT SENTOSA PERKASA JAYA'],
    ['CVMAJU BERSAMA', 'CV MAJU BERSAMA'],
    ['RINA HALIM', 'RINA HALIM'],
    ['PTA', 'PTA'],
  ])('guarantor %j -> %j', (input, expected) => {
    expect(normalizeGuarantorName(input)).toBe(expected);
  });

  it.each([
    ['TKABID. PERINDUSTRIAN', 'TKA BID. PERINDUSTRIAN'],
    ['TKA BID. PERINDUSTRIAN', 'TKA BID. PERINDUSTRIAN'],
    ['TKABIDANG', 'TKABIDANG'],
    ['TRA BID, PERDAGANGAN', 'TKA BID. PERDAGANGAN'],
    ['TKA BID PERTAMBANGAN', 'TKA BID. PERTAMBANGAN'],
    ['TKA BIO. PERDAGANGAN', 'TKA BID. PERDAGANGAN'],
    ['TKA BI0 PERDAGANGAN', 'TKA BID. PERDAGANGAN'],
    ['TKA BIOLOGI', 'TKA BIOLOGI'],
    ['INVESTOR', 'INVESTOR'],
  ])('status %j -> %j', (input, expected) => {
    expect(normalizePermitStatus(input)).toBe(expected);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['JT. MERDEKA BARAT NO. 25', 'JL. MERDEKA BARAT NO. 25'],
    ['JI. RAYA UBUD NO. 3', 'JL. RAYA UBUD NO. 3'],
    ['H JL. SUDIRMAN NO. 6, RT 015/RW 003', 'JL. SUDIRMAN NO. 6, RT 015/RW 003'],
    ['JL.SUDIRMAN NO. 6', 'JL. SUDIRMAN NO. 6'],
    ['JL. SUDIRMAN NO. 6', 'JL. SUDIRMAN NO. 6'],
    ['PERUM. TAMAN ANGGREK BLOK A9', 'PERUM. TAMAN ANGGREK BLOK A9'],
    ['JALAN MERDEKA 5', 'JALAN MERDEKA 5'],
    ['A JALAN MERDEKA', 'A JALAN MERDEKA'],
    ['J. TRANS SULAWESI BAHODOPI', 'JL. TRANS SULAWESI BAHODOPI'],
    ['JL RAYA TAMAN JIMBARAN NO. 1 JIMBARAN', 'JL. RAYA TAMAN JIMBARAN NO. 1 JIMBARAN'],
    ['JL, TMP TARUNA NO, 10 SUKARASA', 'JL. TMP TARUNA NO. 10 SUKARASA'],
    [
      'JL. DIPONEGORO NO. 142. RT 014/RW 009. KEL. PASIRSARI, KEC. CIKARANG SELATAN, KAB. BEKASI',
      'JL. DIPONEGORO NO. 142, RT 014/RW 009, KEL. PASIRSARI, KEC. CIKARANG SELATAN, KAB. BEKASI',
    ],
    [
      'PERUM, TAMAN ANGGREK BLOK A9 NO. 20, RT 008/RW 012, KEL, PAKUALAM KEC, SERPONG UTARA. KOTA TANGERANG',
      'PERUM. TAMAN ANGGREK BLOK A9 NO. 20, RT 008/RW 012, KEL. PAKUALAM, KEC. SERPONG UTARA, KOTA TANGERANG',
    ],
    ['JL. GATOT SUBROTO NO.105, KEL. PEMECUTAN', 'JL. GATOT SUBROTO NO. 105, KEL. PEMECUTAN'],
    ['JL. MELATI NO. 21, RT 00S/RW 001, KEL. X', 'JL. MELATI NO. 21, RT 005/RW 001, KEL. X'],
    ['JL. MELATI NO. 27, RT 004IRW 009, KEL. X', 'JL. MELATI NO. 27, RT 004/RW 009, KEL. X'],
    ['JL. MELATI NO. 19, RT 014/9W 011, KEL. X', 'JL. MELATI NO. 19, RT 014/RW 011, KEL. X'],
    ['JL. PULAU BIAK NO. 213, KT 003/RW 008, KEL. X', 'JL. PULAU BIAK NO. 213, RT 003/RW 008, KEL. X'],
    ['JL. KAMBOJA NO. 2, RT O12/RW 007', 'JL. KAMBOJA NO. 2, RT 012/RW 007'],
    // A regency named "... KOTA" keeps its word; only a mark before KOTA becomes a comma.
    [
      'KEL. DAMAI, KEC. BALIKPAPAN KOTA, KOTA BALIKPAPAN',
      'KEL. DAMAI, KEC. BALIKPAPAN KOTA, KOTA BALIKPAPAN',
    ],
    ['KEC. CAKRANEGARA. KOTA MATARAM', 'KEC. CAKRANEGARA, KOTA MATARAM'],
    // The district's comma lost before the closing regency (measured on a photo); districts named
    // "... KOTA" keep their word.
    [
      'KEL. PEMECUTAN KELOD, KEC. DENPASAR BARAT KOTA DENPASAR',
      'KEL. PEMECUTAN KELOD, KEC. DENPASAR BARAT, KOTA DENPASAR',
    ],
    ['KEL. SUNGAI PANAS, KEC. BATAM KOTA', 'KEL. SUNGAI PANAS, KEC. BATAM KOTA'],
    ['KEC. BALIKPAPAN KOTA KOTA BALIKPAPAN', 'KEC. BALIKPAPAN KOTA, KOTA BALIKPAPAN'],
    ['KEL. KOTA BARU, KEC. X', 'KEL. KOTA BARU, KEC. X'],
    ['KEC. BATAM KOTA, KOTA BATAM', 'KEC. BATAM KOTA, KOTA BATAM'],
    // House numbers keep their letters; words are not spell-checked.
    ['JL. HAYAM WURUK NO. 238C, RT 006/RW 003', 'JL. HAYAM WURUK NO. 238C, RT 006/RW 003'],
    ['KOMP BUMI ASRI BLOK G1 NO 19', 'KOMP. BUMI ASRI BLOK G1 NO. 19'],
    ['APARTEMEN PURI MANSION BLOK ALL NO. 30', 'APARTEMEN PURI MANSION BLOK A11 NO. 30'],
    ['KOMP. BUMI ASRI BLOK GI NO. 19', 'KOMP. BUMI ASRI BLOK G1 NO. 19'],
    ['RUKO MEGA LEGENDA BLOK G12 NO. 38', 'RUKO MEGA LEGENDA BLOK G12 NO. 38'],
    ['PERUM. GRIYA BLOK C NO. 5', 'PERUM. GRIYA BLOK C NO. 5'],
    ['PERUM. GRIYA BLOK AB NO. 5', 'PERUM. GRIYA BLOK AB NO. 5'],
    ['JL. RAYA TAMAN JIMBARAN NO. 1 JIMBARAN.', 'JL. RAYA TAMAN JIMBARAN NO. 1 JIMBARAN'],
    ['JL. MAWAR NO. 5, KAB. BADUNG,', 'JL. MAWAR NO. 5, KAB. BADUNG'],
    // RT/RW run together or with the W of RW lost after its slash.
    ['BLOK F12 NO. 27, RT004/R 009, KEL. PLUIT', 'BLOK F12 NO. 27, RT 004/RW 009, KEL. PLUIT'],
    ['NO. 27, RT004/RW009, KEL. PLUIT', 'NO. 27, RT 004/RW 009, KEL. PLUIT'],
    // Grammar words one glyph off in their place: KOTA after the district's comma, BLOK before a code.
    ['KEC. PENJARINGAN, KTA JAKARTA UTARA', 'KEC. PENJARINGAN, KOTA JAKARTA UTARA'],
    ['KEC. SERPONG UTARA, ROTA TANGERANG SELATAN', 'KEC. SERPONG UTARA, KOTA TANGERANG SELATAN'],
    ['APARTEMEN PURI MANSION BILOK F12 NO. 27', 'APARTEMEN PURI MANSION BLOK F12 NO. 27'],
    ['PERUM. GRIYA BL0K A9 NO. 5', 'PERUM. GRIYA BLOK A9 NO. 5'],
    ['BLOK C9 NO. 32, RT 011/RV 003, KEL. X', 'BLOK C9 NO. 32, RT 011/RW 003, KEL. X'],
    ['JL. SUDIRMAN NO. 9, 3T 003/RW 009, KEL. X', 'JL. SUDIRMAN NO. 9, RT 003/RW 009, KEL. X'],
    // The part keywords one glyph off where a part opens (measured on photos).
    [
      'KEL. PAKUALAM, REC. SERPONG UTARA, KOTA TANGERANG SELATAN',
      'KEL. PAKUALAM, KEC. SERPONG UTARA, KOTA TANGERANG SELATAN',
    ],
    [
      'RT 009/RW 007, KEL. KELAPA GADING BARAT KIC, KELAPA GADING',
      'RT 009/RW 007, KEL. KELAPA GADING BARAT, KEC. KELAPA GADING',
    ],
    ['RT 009/RW 007, KFL. DAGO, KEC. COBLONG', 'RT 009/RW 007, KEL. DAGO, KEC. COBLONG'],
    // Words that only look like them stay: a street named BLOK-like, a district KOTA-like in its place.
    ['JL. BLORA A1 NO. 5', 'JL. BLORA A1 NO. 5'],
    ['KEL. ROTAN, KEC. X', 'KEL. ROTAN, KEC. X'],
    ['JL. KEX RAYA, KEL. X', 'JL. KEX RAYA, KEL. X'],
    ['KEL. SEI SIKAMBING B, KEC. MEDAN SUNGGAL', 'KEL. SEI SIKAMBING B, KEC. MEDAN SUNGGAL'],
    ['JL. MELATI NO. 2, GAB. BADUNG', 'JL. MELATI NO. 2, KAB. BADUNG'],
    ['KEL. KEM, KEC. X', 'KEL. KEM, KEC. X'],
    // A one-glyph house number read as its look-alike letter.
    ['JL. MELATI NO. S, RT 002/RW 004', 'JL. MELATI NO. 5, RT 002/RW 004'],
    ['JL. ENGKU PUTRI NO. B BATAM CENTRE', 'JL. ENGKU PUTRI NO. 8 BATAM CENTRE'],
    ['JL. JENO. SUDIRMAN NO. 23', 'JL. JEND. SUDIRMAN NO. 23'],
    ['JL. JEN0, SUDIRMAN NO. 23', 'JL. JEND. SUDIRMAN NO. 23'],
    ['JL. JENO RAYA NO. 2', 'JL. JENO RAYA NO. 2'],
    ['NO. 223, KE.L. LENGKONG GUDANG, K.EC. SERPONG', 'NO. 223, KEL. LENGKONG GUDANG, KEC. SERPONG'],
    // An initial's dot read as a comma; a real comma after a one-letter block keeps.
    ['JL. D.I, PANJAITAN NO. 3 RENON', 'JL. D.I. PANJAITAN NO. 3 RENON'],
    ['KEL. SEI SIKAMBING B, KEC. MEDAN', 'KEL. SEI SIKAMBING B, KEC. MEDAN'],
    // RW's R lost after the slash (a webcam frame).
    ['JL. PULAU BIAK NO. 15, RT 015/W 003, KEL. X', 'JL. PULAU BIAK NO. 15, RT 015/RW 003, KEL. X'],
    // A speck read as a dot before a part's comma.
    ['KEL. SEI SIKAMBING B., KEC. MEDAN SUNGGAL', 'KEL. SEI SIKAMBING B, KEC. MEDAN SUNGGAL'],
    // RT's T read as 7 or I, its slash lost; a comma read twice (measured on photos).
    [
      'JL. TELUK BETUNG NO. 3A, R7 012 RW 003, KEL. DAMAI',
      'JL. TELUK BETUNG NO. 3A, RT 012/RW 003, KEL. DAMAI',
    ],
    [
      'KOMP. BUMI ASRI BLOK H5 NO. 19, RI 002/RW 010, KEL. DAGO',
      'KOMP. BUMI ASRI BLOK H5 NO. 19, RT 002/RW 010, KEL. DAGO',
    ],
    [
      'JL. PANTAI BERAWA NO. 76, KEL. LABOTA,, KEC. BAHODOPI',
      'JL. PANTAI BERAWA NO. 76, KEL. LABOTA, KEC. BAHODOPI',
    ],
    ['Ji. POS KOTA NO, 4 KOTA TUA', 'JL. POS KOTA NO. 4 KOTA TUA'],
    [
      'JL. PAHLAWAN NO. 84, RT 009/RW 01 2, KEL. SENGGIGI, KEC. BATU LAYAR',
      'JL. PAHLAWAN NO. 84, RT 009/RW 012, KEL. SENGGIGI, KEC. BATU LAYAR',
    ],
    [
      'JL. ANGGREK NELLY MURNI NO. 170, RT 008/RW 007, KEL., JABABEKA, KEC. CIKARANG UTARA, KAB, BEKASI',
      'JL. ANGGREK NELLY MURNI NO. 170, RT 008/RW 007, KEL. JABABEKA, KEC. CIKARANG UTARA, KAB. BEKASI',
    ],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeAddress(input)).toBe(expected);
  });

  it('flags a house number read without a digit (measured: "NO. J" for "NO. 3")', () => {
    expect(hasUnreadHouseNumber(normalizeAddress('JL. ENGKU PUTRI NO. J BATAM CENTRE'))).toBe(true);
    expect(hasUnreadHouseNumber(normalizeAddress('JL. ENGKU PUTRI NO. 3 BATAM CENTRE'))).toBe(false);
    expect(hasUnreadHouseNumber('JL. HAYAM WURUK NO. 238C, RT 006/RW 003')).toBe(false);
    expect(hasUnreadHouseNumber('PERUM. GRIYA BLOK C NO. 5')).toBe(false);
  });

  it('flags an address whose last line was not read (measured: "..., RT 011/RW 008, KEL" at 0.95)', () => {
    expect(addressStopsMidway(normalizeAddress('JL. TERUSAN BUAH BATU NO. 192, RT 011/RW 008, KEL.'))).toBe(
      true,
    );
    expect(addressStopsMidway('JL. MAWAR NO. 3, RT 001/RW 002,')).toBe(true);
    expect(addressStopsMidway('PERUM. TAMAN ANGGREK BLOK')).toBe(true);
    expect(addressStopsMidway('012, KEL. KEDOYA UTARA, KEC. KEBON JERUK, KOTA')).toBe(true);
    expect(addressStopsMidway('JL. MAWAR NO. 3, KEC. BALIKPAPAN KOTA, KOTA BALIKPAPAN')).toBe(false);
    expect(addressStopsMidway('JL. TELUK BETUNG NO. 3A, KEC. BALIKPAPAN KOTA')).toBe(false);
    expect(addressStopsMidway('JL. GATOT SUBROTO KM. 6,2 NO. 268 A')).toBe(false);
  });
});
