import { describe, expect, it } from 'vitest';
import { splitPlaceAndDate } from './place-date';

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
