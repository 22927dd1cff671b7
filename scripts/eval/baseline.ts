// The committed regression baseline: what `npm run eval:baseline` measures on the fixed set and what
// scripts/eval/regression.test.ts compares against.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalDoc } from './dataset';
import type { EvalReport } from './evaluate';

export interface Baseline {
  /** Exact-match accuracy (0..1) of normalized values over every non-empty truth field. */
  overall_exact_match: number;
  per_tier: Record<string, number>;
  docs: number;
  /** Fields with non-empty truth the figure was measured on. */
  fields: number;
  /** sha256 over the set's truth files and document bytes: a changed set needs a new baseline. */
  set_hash: string;
  measured_at: string;
  versions: Record<string, string> | null;
}

/** Allowed drop below the baseline: one percentage point. */
export const REGRESSION_TOLERANCE = 0.01;

export function setHash(docs: EvalDoc[]): string {
  const h = createHash('sha256');
  for (const d of [...docs].sort((a, b) => a.id.localeCompare(b.id))) {
    h.update(d.id);
    h.update(readFileSync(d.file));
    h.update(JSON.stringify(d.truth.expected));
  }
  return h.digest('hex');
}

export function baselineFromReport(report: EvalReport, hash: string): Baseline {
  const perTier: Record<string, number> = {};
  for (const [tier, g] of Object.entries(report.per_tier)) {
    if (g.exact_match.rate !== null) perTier[tier] = round6(g.exact_match.rate);
  }
  return {
    overall_exact_match: round6(report.overall.exact_match.rate ?? 0),
    per_tier: perTier,
    docs: report.overall.docs,
    fields: report.overall.exact_match.n,
    set_hash: hash,
    measured_at: report.created_at,
    versions: report.versions,
  };
}

export function readBaseline(file: string): Baseline {
  if (!existsSync(file)) {
    throw new Error(`baseline missing: ${path.relative(process.cwd(), file)} (run npm run eval:baseline)`);
  }
  const b = JSON.parse(readFileSync(file, 'utf8')) as Baseline;
  if (typeof b.overall_exact_match !== 'number')
    throw new Error(`baseline ${file} has no overall_exact_match`);
  return b;
}

/** Null when within tolerance, else a message with the per-tier comparison. */
export function regressionMessage(baseline: Baseline, report: EvalReport): string | null {
  const now = report.overall.exact_match.rate ?? 0;
  const lines = Object.entries(report.per_tier).map(([t, g]) => {
    const was = baseline.per_tier[t];
    const cur = g.exact_match.rate;
    return `  ${t}: ${fmt(cur)} (baseline ${fmt(was ?? null)})`;
  });
  if (now + 1e-9 >= baseline.overall_exact_match - REGRESSION_TOLERANCE) return null;
  return [
    `exact-match accuracy ${fmt(now)} is more than ${REGRESSION_TOLERANCE * 100} point below the baseline ` +
      `${fmt(baseline.overall_exact_match)} (scripts/eval/baseline.json)`,
    ...lines,
  ].join('\n');
}

function fmt(x: number | null): string {
  return x === null ? '-' : `${(x * 100).toFixed(2)}%`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
