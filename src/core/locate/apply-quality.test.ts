import { describe, expect, it } from 'vitest';
import { confidenceFactor, frameEvidence } from './apply-quality';
import { QUALITY_MESSAGES, withIssue, type QualityReport } from './quality';

function report(issues: QualityReport['issues'], soft = false, small = false): QualityReport {
  return {
    ok: issues.length === 0,
    issues,
    messages: issues.map((i) => QUALITY_MESSAGES[i]),
    sharpness: 0.5,
    soft,
    small,
    glare: 0,
    documentArea: 0.6,
    textHeight: 20,
    luminance: 180,
    cutOff: false,
  };
}

describe('withIssue', () => {
  it('adds the issue and its message, and the frame is no longer ok', () => {
    const q = withIssue(report([]), 'edges_unclear');
    expect(q.ok).toBe(false);
    expect(q.issues).toEqual(['edges_unclear']);
    expect(q.messages[0]).toMatch(/edges were unclear/);
  });

  it('keeps the issues already found, in order, and does not add one twice', () => {
    const q = withIssue(withIssue(report(['blurry']), 'edges_unclear'), 'edges_unclear');
    expect(q.issues).toEqual(['blurry', 'edges_unclear']);
    expect(q.messages).toHaveLength(2);
  });
});

describe('confidenceFactor', () => {
  it('a page whose outline was wrong reads with lower confidence, like glare', () => {
    expect(confidenceFactor(report([]))).toBe(1);
    expect(confidenceFactor(report(['edges_unclear']))).toBeCloseTo(0.85, 6);
    expect(confidenceFactor(report(['edges_unclear', 'glare']))).toBeCloseTo(0.7225, 6);
    // Blur and size are evidence of the confidence model instead.
    expect(confidenceFactor(report(['blurry', 'too_small']))).toBe(1);
  });
});

describe('frameEvidence', () => {
  it('gives the confidence model soft print as its blur feature, whether or not the frame is called blurry', () => {
    const none = { blurryFrame: false, smallFrame: false, tooSmallFrame: false };
    expect(frameEvidence(report([]))).toEqual(none);
    expect(frameEvidence(report([], true))).toEqual({ ...none, blurryFrame: true });
    expect(frameEvidence(report(['blurry', 'too_small'], true, true))).toEqual({
      blurryFrame: true,
      smallFrame: true,
      tooSmallFrame: true,
    });
    // Thresholds set above the fitted level still count a blurry frame as soft.
    expect(frameEvidence(report(['blurry']))).toEqual({ ...none, blurryFrame: true });
  });

  it('gives it small print at its fitted level: a frame asked to come closer may not be small to it', () => {
    // ('too_small' itself is passed on: it caps values only their glyphs vouch for.)
    expect(frameEvidence(report(['too_small']))).toEqual({
      blurryFrame: false,
      smallFrame: false,
      tooSmallFrame: true,
    });
    expect(frameEvidence(report(['too_small'], false, true))).toEqual({
      blurryFrame: false,
      smallFrame: true,
      tooSmallFrame: true,
    });
  });
});
