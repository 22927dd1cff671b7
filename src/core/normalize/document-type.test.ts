import { describe, expect, it } from 'vitest';
import { DOCUMENT_TITLES } from '../labels';
import { classifyTitle } from './document-type';

describe('classifyTitle', () => {
  it('maps every listed title to itself and its class', () => {
    for (const documentClass of ['KITAS', 'KITAP'] as const) {
      for (const title of DOCUMENT_TITLES[documentClass]) {
        expect(classifyTitle(title)).toEqual({ documentClass, title });
      }
    }
  });

  it.each([
    ['izin tinggal terbatas elektronik', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['  IZIN  TINGGAL TERBATAS ELEKTRONIK.', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['1ZIN TINGGAL TERBATAS ELEKTRONIK', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['IZIN TlNGGAL TERBATAS ELEKTR0NIK', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['IZINTINGGALTERBATASELEKTRONIK', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['IZIN TINGGAL TERBATAS ELEKTRONIK (KITAS)', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    [
      'IZIN TINGGAL TERBATAS ELEKTRONIK / ELECTRONIC LIMITED STAY PERMIT',
      'KITAS',
      'IZIN TINGGAL TERBATAS ELEKTRONIK',
    ],
    ['IZIN TINGGAL TERBATAS ELEKTRONK', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    // Its last letters lost on a small webcam frame: the electronic title, not the plain one.
    ['IZIN TINGGAL TERBATAS ELEKTRON', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['IZIN TINGGAL TETAP ELEKT', 'KITAP', 'IZIN TINGGAL TETAP ELEKTRONIK'],
    // The card's K lost at the crop's edge (measured on two webcam frames): the card's title.
    ['ARTU IZIN TINGGAL TETAP', 'KITAP', 'KARTU IZIN TINGGAL TETAP'],
    ['RTU IZIN TINGGAL TERBATAS', 'KITAS', 'KARTU IZIN TINGGAL TERBATAS'],
    ['IZN TINGAL TERBATAS ELEKTRONIK', 'KITAS', 'IZIN TINGGAL TERBATAS ELEKTRONIK'],
    ['KARTU IZIN TINGGAL TERBATAS', 'KITAS', 'KARTU IZIN TINGGAL TERBATAS'],
    ['KARTU IZIN TINGGAL TERBATA5', 'KITAS', 'KARTU IZIN TINGGAL TERBATAS'],
    ['IZIN TINGGAL TERBATA', 'KITAS', 'IZIN TINGGAL TERBATAS'],
    ['IZIN TINGGAL TETAP ELEKTRONIK', 'KITAP', 'IZIN TINGGAL TETAP ELEKTRONIK'],
    ['IZIN TINGGAL TETAF ELEKTRONIK', 'KITAP', 'IZIN TINGGAL TETAP ELEKTRONIK'],
    ['IZIN TINGGAL TFTAP', 'KITAP', 'IZIN TINGGAL TETAP'],
    ['KARTU IZIN T1NGGAL TETAP', 'KITAP', 'KARTU IZIN TINGGAL TETAP'],
    ['IZIN TINGGAL TETAP (KITAP)', 'KITAP', 'IZIN TINGGAL TETAP'],
    ['E-IZIN TINGGAL TETAP ELEKTRONIK', 'KITAP', 'IZIN TINGGAL TETAP ELEKTRONIK'],
  ] as const)('%j -> %s %j', (input, documentClass, title) => {
    expect(classifyTitle(input)).toEqual({ documentClass, title });
  });

  it.each([
    '',
    '   ',
    'KANTOR WILAYAH BANGKA BELITUNG',
    'REPUBLIK INDONESIA',
    'DIREKTORAT JENDERAL IMIGRASI',
    'IZIN TINGGAL',
    'IZIN TINGGAL KUNJUNGAN',
    'VISA TINGGAL TERBATAS',
    'KARTU TANDA PENDUDUK',
    'PASSPORT',
  ])('%j -> null', (input) => {
    expect(classifyTitle(input)).toBeNull();
  });
});
