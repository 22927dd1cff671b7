import { describe, expect, it } from 'vitest';
import { addressLooksPartial, snapAdministrativeTail } from './regions';

describe('snapAdministrativeTail', () => {
  it.each([
    // Misreads measured on generated photos, webcam frames and scans.
    [
      'JL. MELATI NO. 27, RT 004/RW 009, KEL. PLUIT, KEC. PEJARINGA, KOTA JAKARTA UTARA',
      'JL. MELATI NO. 27, RT 004/RW 009, KEL. PLUIT, KEC. PENJARINGAN, KOTA JAKARTA UTARA',
    ],
    [
      'JL. PULAU BIAK NO. 213, KEL. PETISAH TENGAH, KEC. MEDAN PETISAH, KOTA MLDAN',
      'JL. PULAU BIAK NO. 213, KEL. PETISAH TENGAH, KEC. MEDAN PETISAH, KOTA MEDAN',
    ],
    [
      'CLUSTER BOUGENVILLE BLOK B2 NO. 33, KEL. CIUMBALEUKT, KEC. CIDADAP, KOTA BANDUNG',
      'CLUSTER BOUGENVILLE BLOK B2 NO. 33, KEL. CIUMBULEUIT, KEC. CIDADAP, KOTA BANDUNG',
    ],
    [
      'JL. MAWAR NO. 3, KEL. TANJUNG UNCANG, KEC. BATU AJL, KOTA BATAM',
      'JL. MAWAR NO. 3, KEL. TANJUNG UNCANG, KEC. BATU AJI, KOTA BATAM',
    ],
    // A village read with digits for letters (measured on a photo: KELOD read KEL00).
    [
      'PERUM. TAMAN ANGGREK BLOK B4 NO. 34, RT 001/RW 004, KEL. KEROBOKAN KEL00, KEC. KUTA UTARA, KAB. BADUNG',
      'PERUM. TAMAN ANGGREK BLOK B4 NO. 34, RT 001/RW 004, KEL. KEROBOKAN KELOD, KEC. KUTA UTARA, KAB. BADUNG',
    ],
    // No regency printed: the district is looked up across the country, one edit away at most.
    [
      'JL. KENANGA NO. 144, KEL. KELAPA DUA, KEC. KELAPADUA',
      'JL. KENANGA NO. 144, KEL. KELAPA DUA, KEC. KELAPA DUA',
    ],
    // Jakarta's "Kota Administrasi" prints as KOTA.
    [
      'JL. X NO. 1, KEL. KUNINGAN TIMUR, KEC. SETIABUDI, KOTA JAKARTA SELATAN',
      'JL. X NO. 1, KEL. KUNINGAN TIMUR, KEC. SETIABUDI, KOTA JAKARTA SELATAN',
    ],
  ])('%j -> %j', (read, expected) => {
    expect(snapAdministrativeTail(read)).toBe(expected);
  });

  it('leaves a name no place is within reach of as it was read', () => {
    const read = 'JL. X NO. 1, KEL. QWERTYUIOP, KEC. DENPASAR BARAT, KOTA DENPASAR';
    expect(snapAdministrativeTail(read)).toBe(read);
  });

  it('a village is only looked for in its own district', () => {
    // CIUMBULEUIT is Cidadap's (Bandung); under another district it is not snapped to.
    const read = 'JL. X NO. 1, KEL. CIUMBULEUTT, KEC. COBLONG, KOTA BANDUNG';
    expect(snapAdministrativeTail(read)).toBe(read);
  });

  it('an address without its administrative tail is left alone', () => {
    expect(snapAdministrativeTail('JL. TRANS SULAWESI BAHODOPI')).toBe('JL. TRANS SULAWESI BAHODOPI');
  });
});

describe('addressLooksPartial', () => {
  it('an address naming no locality, or opening where a name ends, is part of one (measured on photos)', () => {
    expect(addressLooksPartial('JL. SUDIRMAN NO. 166, RT 015/RW 009')).toBe(true);
    expect(addressLooksPartial('JL. BUKIT GOLF NO. 184')).toBe(true);
    expect(addressLooksPartial('BARAT, KEC. KELAPA GADING')).toBe(true);
    expect(addressLooksPartial('KEC. COBLONG, KOTA BANDUNG')).toBe(true);
    expect(addressLooksPartial('012, KEL. KEDOYA UTARA, KEC. KEBON JERUK, KOTA JAKARTA BARAT')).toBe(true);
  });

  it('an address with its village, district or regency is whole', () => {
    expect(
      addressLooksPartial('JL. KENANGA NO. 12, RT 001/RW 009, KEL. CATURTUNGGAL, KEC. DEPOK, KAB. SLEMAN'),
    ).toBe(false);
    expect(addressLooksPartial('JL. GATOT SUBROTO NO. 62A, KEL. FATUFIA, KEC. BAHODOPI')).toBe(false);
    // No locality word, but it ends with a regency's name.
    expect(addressLooksPartial('JL. KEMANG RAYA NO. 5, JAKARTA SELATAN')).toBe(false);
    expect(addressLooksPartial('JL. RAYA UBUD NO. 8 GIANYAR')).toBe(false);
    // A housing estate named "Kota ...".
    expect(addressLooksPartial('KOTA WISATA BLOK A1 NO. 2, KEL. CIANGSANA, KEC. GUNUNG PUTRI')).toBe(false);
    expect(addressLooksPartial('')).toBe(false);
  });
});
