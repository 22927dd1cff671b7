import { describe, expect, it } from 'vitest';
import { isJobTitle, snapJobWords } from './occupations';

describe('snapJobWords', () => {
  it.each([
    // Measured on a webcam frame (0.95) and a photo with glare (0.63).
    ['ENGINLER', 'ENGINEER'],
    ['KONSUITAN', 'KONSULTAN'],
    ['SENIOR ENGINLER', 'SENIOR ENGINEER'],
    // Measured on a photo (0.96): a letter gap read as a space.
    ['MAHA SISWA', 'MAHASISWA'],
    ['SENIOR ENGI NEER', 'SENIOR ENGINEER'],
  ])('%j -> %j', (read, expected) => {
    expect(snapJobWords(read)).toBe(expected);
  });
  it('keeps job words, words near none, short words and words near two', () => {
    expect(snapJobWords('MECHANICAL ENGINEER')).toBe('MECHANICAL ENGINEER');
    expect(snapJobWords('IBU RUMAH TANGGA')).toBe('IBU RUMAH TANGGA');
    expect(snapJobWords('CREV')).toBe('CREV');
    expect(snapJobWords('QUALITY CONTROL')).toBe('QUALITY CONTROL');
    // Two words that are words alone stay two.
    expect(snapJobWords('STAF PENELITI')).toBe('STAF PENELITI');
  });
});

describe('isJobTitle', () => {
  it('knows job titles by their words and phrases, not a company', () => {
    expect(isJobTitle('SMELTER PROCESS SPECIALIST')).toBe(true);
    expect(isJobTitle('IBU RUMAH TANGGA')).toBe(true);
    expect(isJobTitle('PT MAJU ENGINEER')).toBe(false);
    expect(isJobTitle('CHIARA FRANCESCA RUSSO')).toBe(false);
  });
});
