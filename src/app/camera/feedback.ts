// Live guidance for the camera view: from each preview frame's location and quality report to one
// instruction, and the auto-capture rule (in frame, sharp, no glare, large enough, steady ~0.7 s).
import type { QualityIssue } from '../../core/locate/quality';
import type { Point } from '../../core/schema';

/** What the frame worker reports for one preview frame. */
export interface FrameReport {
  /** Document corners in preview-frame pixels, or null when no outline was seen. */
  corners: Point[] | null;
  issues: QualityIssue[];
  sharpness: number;
  /** Preview frame size. */
  width: number;
  height: number;
  /** Worker time for the frame, ms. */
  ms: number;
}

export type Hint = 'find' | 'closer' | 'in_frame' | 'hold_still' | 'glare' | 'dark' | 'blurry' | 'ready';

export interface FeedbackState {
  /** Corners of the previous frame (for steadiness). */
  last: Point[] | null;
  /** When the current run of good, steady frames began (ms), or null. */
  goodSince: number | null;
}

export const INITIAL_FEEDBACK: FeedbackState = { last: null, goodSince: null };

/** A corner moving less than this share of the frame's width between frames counts as steady. */
export const STEADY_SHARE = 0.02;
/** Good and steady this long: capture. */
export const HOLD_MS = 700;

export interface Feedback {
  hint: Hint;
  /** True once the document has been good and steady for HOLD_MS: capture now. */
  capture: boolean;
  state: FeedbackState;
}

export function nextFeedback(state: FeedbackState, report: FrameReport, now: number): Feedback {
  const corners = report.corners;
  if (!corners) {
    // No whole outline: part of it may still be seen running out of frame.
    const hint: Hint = report.issues.includes('cut_off')
      ? 'in_frame'
      : report.issues.includes('too_dark')
        ? 'dark'
        : 'find';
    return { hint, capture: false, state: { last: null, goodSince: null } };
  }
  const moved = state.last
    ? Math.max(...corners.map((c, i) => Math.hypot(c[0] - state.last![i]![0], c[1] - state.last![i]![1])))
    : Infinity;
  const steady = moved < STEADY_SHARE * report.width;
  const issues = new Set(report.issues);
  let hint: Hint;
  if (issues.has('cut_off')) hint = 'in_frame';
  else if (issues.has('too_small')) hint = 'closer';
  else if (issues.has('too_dark')) hint = 'dark';
  else if (issues.has('glare')) hint = 'glare';
  else if (!steady) hint = 'hold_still';
  else if (issues.has('blurry')) hint = 'blurry';
  else hint = 'ready';
  const goodSince = hint === 'ready' ? (state.goodSince ?? now) : null;
  const capture = goodSince !== null && now - goodSince >= HOLD_MS;
  return { hint, capture, state: { last: corners, goodSince } };
}
