import { describe, expect, it } from 'vitest';
import { isLetterShortOfKnownPlace, snapPlaceOfBirth } from './places';

describe('snapPlaceOfBirth', () => {
  it.each([
    // Unsure misreads measured on generated photos and webcam frames.
    ['BEJING', 0.59, 'BEIJING'],
    ['YKATERINBURG', 0.81, 'YEKATERINBURG'],
    ['BIL BAO', 0.14, 'BILBAO'],
    ['JANGSU', 0.16, 'JIANGSU'],
    ['SEOUK', 0.88, 'SEOUL'],
  ])('%j at %f -> %j', (read, confidence, expected) => {
    expect(snapPlaceOfBirth(read, confidence)).toBe(expected);
  });

  it('keeps a sure read: a permit may spell a place in its own language', () => {
    expect(snapPlaceOfBirth('TORINO', 0.97)).toBe('TORINO');
  });

  it('keeps what is a place already, what no place is near, and short names', () => {
    expect(snapPlaceOfBirth('WINNIPEG', 0.5)).toBe('WINNIPEG');
    expect(snapPlaceOfBirth('QXZVKWJ', 0.5)).toBe('QXZVKWJ');
    expect(snapPlaceOfBirth('ROMX', 0.3)).toBe('ROMX');
    expect(snapPlaceOfBirth('30. RT 012', 0.3)).toBe('30. RT 012');
  });
});

describe('isLetterShortOfKnownPlace', () => {
  it('finds a known place one letter longer (read at >= 0.9 on generated photos)', () => {
    expect(isLetterShortOfKnownPlace('CALGAR')).toBe(true);
    expect(isLetterShortOfKnownPlace('SANT PETERSBURG')).toBe(true);
  });
  it('is false for known places, native spellings far from any, and short reads', () => {
    expect(isLetterShortOfKnownPlace('CALGARY')).toBe(false);
    expect(isLetterShortOfKnownPlace('TORINO')).toBe(false);
    expect(isLetterShortOfKnownPlace('MUENCHEN')).toBe(false);
    expect(isLetterShortOfKnownPlace('ROMA')).toBe(false);
  });
});
