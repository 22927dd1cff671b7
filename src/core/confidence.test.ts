import { describe, expect, it } from 'vitest';
import { confidenceFromEvidence, type FieldEvidence } from './confidence';

const base: FieldEvidence = {
  text: 0.9,
  format: 'valid',
  reread: 'none',
  assignment: 1,
  source: 'ocr',
  repaired: false,
  freeText: false,
  length: 10,
};

describe('confidenceFromEvidence', () => {
  it('rises with the recognizer score', () => {
    const low = confidenceFromEvidence({ ...base, text: 0.5 });
    const high = confidenceFromEvidence({ ...base, text: 0.95 });
    expect(high).toBeGreaterThan(low);
  });
  it('a value failing its format check is never trusted', () => {
    expect(confidenceFromEvidence({ ...base, format: 'invalid', text: 0.95 })).toBeLessThan(0.9);
  });
  it('a disagreeing second read lowers confidence', () => {
    expect(confidenceFromEvidence({ ...base, reread: 'disagree' })).toBeLessThan(
      confidenceFromEvidence(base),
    );
  });
  it('a PDF text layer with a valid format is trusted', () => {
    expect(confidenceFromEvidence({ ...base, text: 1, source: 'text_layer' })).toBeGreaterThanOrEqual(0.95);
  });
  it('a value one glyph of which is a guess between look-alikes is never sure', () => {
    expect(confidenceFromEvidence({ ...base, text: 0.99 })).toBeGreaterThan(0.9);
    expect(confidenceFromEvidence({ ...base, text: 0.99, guessed: true })).toBeLessThanOrEqual(0.7);
  });
  it('a value a lone re-read put in place of the first read is not sure, however valid its format', () => {
    expect(confidenceFromEvidence({ ...base, text: 0.9, reread: 'replaced' })).toBeLessThan(0.9);
    // Two reads that agree make it sure.
    expect(confidenceFromEvidence({ ...base, text: 0.9, reread: 'agree' })).toBeGreaterThan(0.9);
  });
  it('a value its field list holds is surer than the recognizer score alone says', () => {
    const soft = { ...base, text: 0.45, smallFrame: true };
    expect(confidenceFromEvidence(soft)).toBeLessThan(0.9);
    expect(confidenceFromEvidence({ ...soft, listed: true })).toBeGreaterThanOrEqual(0.9);
  });
  it('on a frame too small to read, a value only its glyphs vouch for is never sure', () => {
    const sure = { ...base, text: 0.99, reread: 'agree' as const, glyphsOnly: true };
    expect(confidenceFromEvidence(sure)).toBeGreaterThan(0.9);
    expect(confidenceFromEvidence({ ...sure, tooSmallFrame: true })).toBeLessThan(0.9);
    // A date or a listed value keeps what its evidence says.
    const date = { ...sure, glyphsOnly: false, tooSmallFrame: true };
    expect(confidenceFromEvidence(date)).toBe(confidenceFromEvidence({ ...date, tooSmallFrame: false }));
  });
  it('stays a probability', () => {
    for (const text of [0, 0.3, 0.7, 1]) {
      const p = confidenceFromEvidence({ ...base, text });
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(1);
    }
  });
});
