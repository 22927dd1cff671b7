// Timing samples and their per-tier summaries.

import { percentile } from '../eval/metrics';

/** The pipeline's stages as the report lists them (result.meta.timings_ms keys). */
export const STAGES = ['decode', 'locate', 'detect', 'recognize', 'assemble'] as const;

export interface Sample {
  id: string;
  tier: string;
  /** End-to-end milliseconds of this sample (what the row measures). */
  wall_ms: number;
  /** result.meta.timings_ms (or the peer's own stage timings). */
  stages: Record<string, number>;
}

export interface TimingSummary {
  n: number;
  p50: number | null;
  p95: number | null;
  /** p50 per stage over the samples that report the stage (absent stages are left out). */
  stage_p50: Record<string, number | null>;
}

export function summarize(samples: Sample[]): TimingSummary {
  const stageNames = new Set<string>(STAGES);
  for (const s of samples) for (const k of Object.keys(s.stages)) stageNames.add(k);
  const stage_p50: Record<string, number | null> = {};
  for (const name of stageNames) {
    const values = samples.map((s) => s.stages[name]).filter((v): v is number => typeof v === 'number');
    stage_p50[name] = round1(percentile(values, 50));
  }
  const wall = samples.map((s) => s.wall_ms);
  return {
    n: samples.length,
    p50: round1(percentile(wall, 50)),
    p95: round1(percentile(wall, 95)),
    stage_p50,
  };
}

/** Summary per tier plus 'ALL'. */
export function summarizeByTier(samples: Sample[], tiers: string[]): Record<string, TimingSummary> {
  const out: Record<string, TimingSummary> = {};
  for (const t of tiers) out[t] = summarize(samples.filter((s) => s.tier === t));
  out.ALL = summarize(samples);
  return out;
}

export function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}
