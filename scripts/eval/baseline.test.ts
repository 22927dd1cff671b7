import { describe, expect, it } from 'vitest';
import type { Baseline } from './baseline';
import { regressionMessage } from './baseline';
import type { EvalReport, GroupStats } from './evaluate';

function report(overall: number, perTier: Record<string, number>): EvalReport {
  const g = (rate: number) =>
    ({ exact_match: { n: 100, ok: Math.round(rate * 100), rate } }) as unknown as GroupStats;
  return {
    set: 's',
    created_at: '',
    backend: null,
    versions: null,
    overall: g(overall),
    per_tier: Object.fromEntries(Object.entries(perTier).map(([t, r]) => [t, g(r)])),
    docs: [],
  };
}

const baseline: Baseline = {
  overall_exact_match: 0.8,
  per_tier: { digital: 0.9, photo: 0.7 },
  docs: 40,
  fields: 600,
  set_hash: 'x',
  measured_at: '',
  versions: null,
};

describe('regressionMessage', () => {
  it('passes at the baseline, above it, and exactly one point below', () => {
    expect(regressionMessage(baseline, report(0.8, {}))).toBeNull();
    expect(regressionMessage(baseline, report(0.95, {}))).toBeNull();
    expect(regressionMessage(baseline, report(0.79, {}))).toBeNull();
  });
  it('fails more than one point below, naming every tier', () => {
    const m = regressionMessage(baseline, report(0.789, { digital: 0.9, photo: 0.6 }));
    expect(m).toMatch(/78\.90% is more than 1 point below the baseline 80\.00%/);
    expect(m).toMatch(/photo: 60\.00% \(baseline 70\.00%\)/);
  });
});
