import { describe, expect, it } from 'vitest';
import type { Point } from '../../core/schema';
import { HOLD_MS, INITIAL_FEEDBACK, nextFeedback, type FrameReport } from './feedback';

const quad = (dx = 0): Point[] => [
  [100 + dx, 100],
  [500 + dx, 100],
  [500 + dx, 350],
  [100 + dx, 350],
];
const report = (over: Partial<FrameReport> = {}): FrameReport => ({
  corners: quad(),
  issues: [],
  sharpness: 0.3,
  width: 640,
  height: 480,
  ms: 20,
  ...over,
});

describe('camera feedback', () => {
  it('captures only after the document was good and steady for the hold time', () => {
    let s = INITIAL_FEEDBACK;
    let f = nextFeedback(s, report(), 0);
    expect(f.hint).toBe('hold_still'); // first sighting: steadiness unknown
    s = f.state;
    f = nextFeedback(s, report(), 100);
    expect(f.hint).toBe('ready');
    expect(f.capture).toBe(false);
    s = f.state;
    f = nextFeedback(s, report(), 100 + HOLD_MS - 1);
    expect(f.capture).toBe(false);
    s = f.state;
    f = nextFeedback(s, report(), 100 + HOLD_MS);
    expect(f.capture).toBe(true);
  });

  it('restarts the hold when the document moves or is lost', () => {
    let f = nextFeedback(INITIAL_FEEDBACK, report(), 0);
    f = nextFeedback(f.state, report(), 100);
    expect(f.hint).toBe('ready');
    f = nextFeedback(f.state, report({ corners: quad(40) }), 500);
    expect(f.hint).toBe('hold_still');
    f = nextFeedback(f.state, report({ corners: quad(40) }), 600);
    f = nextFeedback(f.state, report({ corners: quad(40) }), 600 + HOLD_MS - 50);
    expect(f.capture).toBe(false);
    f = nextFeedback(f.state, report({ corners: null }), 2000);
    expect(f.hint).toBe('find');
    expect(nextFeedback(f.state, report({ corners: null, issues: ['cut_off'] }), 2100).hint).toBe('in_frame');
    expect(f.state.goodSince).toBeNull();
  });

  it('says what to fix, most important first', () => {
    const steady = nextFeedback(INITIAL_FEEDBACK, report(), 0).state;
    expect(nextFeedback(steady, report({ issues: ['too_small', 'cut_off'] }), 1).hint).toBe('in_frame');
    expect(nextFeedback(steady, report({ issues: ['too_small', 'blurry'] }), 1).hint).toBe('closer');
    expect(nextFeedback(steady, report({ issues: ['glare'] }), 1).hint).toBe('glare');
    expect(nextFeedback(steady, report({ issues: ['blurry'] }), 1).hint).toBe('blurry');
    expect(nextFeedback(steady, report({ issues: ['blurry'] }), 1).capture).toBe(false);
  });
});
