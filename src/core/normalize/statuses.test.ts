import { describe, expect, it } from 'vitest';
import { snapStayPurpose } from './statuses';

describe('snapStayPurpose', () => {
  it.each([
    // Misreads measured on photos.
    ['WVESTOR', 'INVESTOR'],
    ['PELAIAR', 'PELAJAR'],
    ['TKA BID. PEKTAMBANGAN', 'TKA BID. PERTAMBANGAN'],
    ['PENYATUAN KELUAGA', 'PENYATUAN KELUARGA'],
    // Exact reads and what is near nothing, or near two, stay as read.
    ['INVESTOR', 'INVESTOR'],
    ['TKA BID. PERDAGANGAN', 'TKA BID. PERDAGANGAN'],
    ['TKA BID. ASTRONOMI', 'TKA BID. ASTRONOMI'],
    ['DIPLOMAT', 'DIPLOMAT'],
    ['ALIH STATUS ITAP', 'ALIH STATUS ITAP'],
    ['ALIH STATUS ITAX', 'ALIH STATUS ITAX'],
    ['BENAN KEIARGA', 'BENAN KEIARGA'],
  ])('%j -> %j', (read, expected) => {
    expect(snapStayPurpose(read)).toBe(expected);
  });
});
