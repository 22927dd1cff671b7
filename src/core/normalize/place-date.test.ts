import { describe, expect, it } from 'vitest';
import { splitPlaceAndDate, splitPlaceAndUnreadDate } from './place-date';

describe('splitPlaceAndDate', () => {
  it.each([
    ['Pangkalpinang, 16-07-2019', 'Pangkalpinang', '16-07-2019'],
    ['JAKARTA, 3 Maret 2024', 'JAKARTA', '03-03-2024'],
    ['Denpasar 12/05/2023', 'Denpasar', '12-05-2023'],
    ['Pangkalpinang,16-07-2019', 'Pangkalpinang', '16-07-2019'],
    ['FUJIAN, 20-01-1979', 'FUJIAN', '20-01-1979'],
    ['FUJIAN / 20-01-1979', 'FUJIAN', '20-01-1979'],
    ['TANJUNG PINANG, 1 Desember 2022', 'TANJUNG PINANG', '01-12-2022'],
    ['Tanjung Pinang 01 DES 2022', 'Tanjung Pinang', '01-12-2022'],
    ['New York, March 3, 2024', 'New York', '03-03-2024'],
    ['  : Jakarta ,  16 - 07 - 2019 . ', 'Jakarta', '16-07-2019'],
    ['Jakarta, I6-O7-2Ol9', 'Jakarta', '16-07-2019'],
    ['Jakarta, 3 Marct 2024', 'Jakarta', '03-03-2024'],
    ['Jakarta; 16.07.2019', 'Jakarta', '16-07-2019'],
    ['Bekasi, 23-07-2021 A', 'Bekasi', '23-07-2021'],
    // Measured on a card photo turned 180°: the card's corner read as a digit after the year.
    ['Bekasi, 23-07-2021 3', 'Bekasi', '23-07-2021'],
    ["Cote d'Ivoire, 16-07-2019", "Cote d'Ivoire", '16-07-2019'],
    ['16-07-2019', '', '16-07-2019'],
    ['3 Maret 2024', '', '03-03-2024'],
  ])('%j -> %j, %j', (input, place, date) => {
    expect(splitPlaceAndDate(input)).toEqual({ place, date });
  });

  it.each([
    '',
    '   ',
    'Pangkalpinang',
    'Pangkalpinang, 31-02-2019',
    'Jakarta, 16-07',
    'Jakarta 2019',
    '16-07-2019 Jakarta',
    'Jakarta, 16-07-2019 ABC',
    'Jakarta, 16-07-2019 12',
  ])('%j -> null', (input) => {
    expect(splitPlaceAndDate(input)).toBeNull();
  });
});

describe('splitPlaceAndUnreadDate', () => {
  it.each([
    // Measured on a card photo: the day's 2 blurred away.
    ['Yogyakarta, 0-09-2025', 'Yogyakarta', '0-09-2025'],
    ['Tanjung Balai Karimun , 3I-O2-2O19', 'Tanjung Balai Karimun', '3I-O2-2O19'],
    ['JAKARTA SELATAN,1609-2025', 'JAKARTA SELATAN', '1609-2025'],
  ])('%j -> %j, %j', (input, place, dateText) => {
    expect(splitPlaceAndUnreadDate(input)).toEqual({ place, dateText });
  });

  it.each([
    'Yogyakarta 0-09-2025', // no comma: nothing says where the place ends
    'Yogyakarta, 9-2', // too few digits to be a date's print
    'Izin Masuk Kembali Beberapa, 1 August 2027', // four words: a label, not a place
    'JL, 12-3456', // a place has three letters at least
    ', 16-07-2019',
  ])('%j -> null', (input) => {
    expect(splitPlaceAndUnreadDate(input)).toBeNull();
  });
});
