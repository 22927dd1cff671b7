import { describe, expect, it } from 'vitest';
import { reconcileIssuingCity, snapIssuedPlace, snapOfficeName, snapOfficeRegion } from './offices';

describe('snapOfficeRegion', () => {
  it('corrects a province read one or two glyphs off', () => {
    expect(snapOfficeRegion('KANTOR WILAYAH BALL')).toEqual({ value: 'KANTOR WILAYAH BALI', known: true });
    expect(snapOfficeRegion('_KANTOR WILAYAN SULAWESI TENGAN')).toEqual({
      value: 'KANTOR WILAYAH SULAWESI TENGAH',
      known: true,
    });
  });

  it('keeps an exact read as printed, punctuation included', () => {
    expect(snapOfficeRegion('KANTOR WILAYAH BANGKA BELITUNG').value).toBe('KANTOR WILAYAH BANGKA BELITUNG');
    expect(snapOfficeRegion('KANTOR WILAYAH D.I. YOGYAKARTA').value).toBe('KANTOR WILAYAH D.I. YOGYAKARTA');
  });

  it('leaves a province it cannot place as read, and an unrelated line alone', () => {
    expect(snapOfficeRegion('KANTOR WILAYAH XQZPRT')).toEqual({
      value: 'KANTOR WILAYAH XQZPRT',
      known: false,
    });
    expect(snapOfficeRegion('JL. MELATI NO. 5')).toEqual({ value: 'JL. MELATI NO. 5', known: false });
  });

  it('does not pick between two provinces equally near', () => {
    // Two edits from SUMATERA UTARA and two from SULAWESI UTARA.
    expect(snapOfficeRegion('KANTOR WILAYAH SULATESA UTARA')).toEqual({
      value: 'KANTOR WILAYAH SULATESA UTARA',
      known: false,
    });
    expect(snapOfficeRegion('KANTOR WILAYAH SULAWESA UTARA').value).toBe('KANTOR WILAYAH SULAWESI UTARA');
  });
});

describe('snapOfficeName', () => {
  it('repairs the class words and the city', () => {
    expect(snapOfficeName('KANTOR IMIGRAS KELAS I KHUSUS TPI BATAM').value).toBe(
      'KANTOR IMIGRASI KELAS I KHUSUS TPI BATAM',
    );
    expect(snapOfficeName('KANTOR IMIGRASI KELASII NON TPI MOROWALI').value).toBe(
      'KANTOR IMIGRASI KELAS II NON TPI MOROWALI',
    );
    expect(snapOfficeName('KANIM KELAS I KIHUSUS TPI JAKARTA SELATAN')).toEqual({
      value: 'KANIM KELAS I KHUSUS TPI JAKARTA SELATAN',
      known: true,
    });
    expect(snapOfficeName('KANIM KELAS I TPI DENPASAB').value).toBe('KANIM KELAS I TPI DENPASAR');
  });

  it('keeps the class as read when the city is not in the directory', () => {
    expect(snapOfficeName('KANTOR IMIGRASI KELAS II TPI KOTAXYZ')).toEqual({
      value: 'KANTOR IMIGRASI KELAS II TPI KOTAXYZ',
      known: false,
    });
  });

  it('does not turn one class into another', () => {
    expect(snapOfficeName('KANTOR IMIGRASI KELAS II TPI BATAM').value).toBe(
      'KANTOR IMIGRASI KELAS II TPI BATAM',
    );
    expect(snapOfficeName('KANTOR IMIGRASI KELAS I TPI BATAM').value).toBe(
      'KANTOR IMIGRASI KELAS I TPI BATAM',
    );
  });

  it('leaves text that is not an office header unchanged', () => {
    expect(snapOfficeName('PT MAJU JAYA')).toEqual({ value: 'PT MAJU JAYA', known: false });
  });
});

describe('snapIssuedPlace', () => {
  it('corrects a city a glyph or two off, in the case it was printed', () => {
    expect(snapIssuedPlace('Jakara Selatan').value).toBe('Jakarta Selatan');
    expect(snapIssuedPlace('BALKPAPAN').value).toBe('BALIKPAPAN');
    expect(snapIssuedPlace('Pangkalpinang').value).toBe('Pangkalpinang');
  });

  it('spells a city as listed where only folding look-alikes and spaces matches it (measured: "MAKAS5AR", "MATAR AM" at 0.998)', () => {
    expect(snapIssuedPlace('MAKAS5AR')).toEqual({ value: 'MAKASSAR', known: true });
    expect(snapIssuedPlace('MATAR AM')).toEqual({ value: 'MATARAM', known: true });
    expect(snapIssuedPlace('Matar am').value).toBe('Mataram');
    // Both spellings are listed: each stays as printed.
    expect(snapIssuedPlace('Tanjung Pinang').value).toBe('Tanjung Pinang');
    expect(snapIssuedPlace('TANJUNGPINANG').value).toBe('TANJUNGPINANG');
    expect(snapOfficeName('KANIM KELAS I TPI MAKAS5AR').value).toBe('KANIM KELAS I TPI MAKASSAR');
    expect(snapOfficeRegion('KANTOR WILAYAH 8ALI').value).toBe('KANTOR WILAYAH BALI');
  });

  it('keeps a short or unknown place as read', () => {
    // Four letters, one off a listed city: too little to go on outside a complete list.
    expect(snapIssuedPlace('Pala')).toEqual({ value: 'Pala', known: false });
    expect(snapIssuedPlace('Zurich')).toEqual({ value: 'Zurich', known: false });
  });

  it('does not choose between two cities equally near', () => {
    // "Jakarta Utara" and "Jakarta Pusat" are each far; "Jakarta" alone is exact.
    expect(snapIssuedPlace('Jakarta').value).toBe('Jakarta');
    expect(snapIssuedPlace('Jakarta Barat').value).toBe('Jakarta Barat');
  });
});

describe('reconcileIssuingCity', () => {
  it("takes the office's city for a place of issue blurred past the directory's reach (measured on photos)", () => {
    expect(reconcileIssuingCity('BULKPAGAN', 'KANTOR IMIGRASI KELAS I TPI BALIKPAPAN')).toEqual({
      issuedPlace: 'BALIKPAPAN',
    });
    expect(reconcileIssuingCity('NALARAN', 'KANTOR IMIGRASI KELAS I TPI MATARAM')).toEqual({
      issuedPlace: 'MATARAM',
    });
    expect(
      reconcileIssuingCity('JAKARTA SEANN', 'KANIM KELAS I KHUSUS TPI JAKARTA SELATAN').issuedPlace,
    ).toBe('JAKARTA SELATAN');
    // In the case the place was printed, and in the spelling nearest the read.
    expect(reconcileIssuingCity('Pamgkalpiuaq', 'KANIM KELAS I TPI PANGKAL PINANG').issuedPlace).toBe(
      'Pangkalpinang',
    );
  });

  it("takes the place's city for an office whose city is blurred past the directory's reach", () => {
    expect(reconcileIssuingCity('JAKARTA BARAT', 'KANTOR IMIGRASI KELAS I KHUSUS TPI KAKARTK BARAY')).toEqual(
      {
        officeName: 'KANTOR IMIGRASI KELAS I KHUSUS TPI JAKARTA BARAT',
      },
    );
  });

  it('leaves two known cities, a place far from the office, and a lone field as read', () => {
    // An office may issue where it is not named: Ngurah Rai's office issues in Badung.
    expect(reconcileIssuingCity('Badung', 'KANIM KELAS I KHUSUS TPI NGURAH RAI')).toEqual({});
    expect(reconcileIssuingCity('NGURAH RAI', 'KANIM KELAS I KHUSUS TPI NGURAH RAI')).toEqual({});
    expect(reconcileIssuingCity('Tangerang', 'KANIM KELAS I KHUSUS TPI SOEKARNO-HATTA')).toEqual({});
    expect(reconcileIssuingCity('JAKARTA BARAT', 'KANIM KELAS I KHUSUS TPI JAKARTA BARAT')).toEqual({});
    // Two known cities, the office not issuing in the place's: left as read, but they contradict.
    expect(reconcileIssuingCity('SERANG', 'KANIM KELAS I TPI SEMARANG')).toEqual({ contradicted: true });
    expect(reconcileIssuingCity('SAMBAS', 'KANTOR IMIGRASI KELAS I KHUSUS TPI SURABAYA')).toEqual({
      contradicted: true,
    });
    expect(reconcileIssuingCity('ZURICH', 'KANIM KELAS I TPI BATAM')).toEqual({});
    expect(reconcileIssuingCity('BATAUN', '')).toEqual({});
    expect(reconcileIssuingCity('', 'KANIM KELAS I TPI BATAM')).toEqual({});
    // Neither known: nothing to go by.
    expect(reconcileIssuingCity('BATAUN', 'KANIM KELAS I TPI BXTXUN')).toEqual({});
  });
});
