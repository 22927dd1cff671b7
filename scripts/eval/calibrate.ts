// Fits the confidence model (src/core/confidence.ts) on generated sets: runs the real pipeline,
// records each non-empty field's evidence (result.meta.field_evidence) and whether the value is
// exactly right, and fits a logistic regression with a small L2 penalty.
//   npx tsx scripts/eval/calibrate.ts --set DIR [--set DIR2 ...] [--samples OUT.json] [--from OUT.json]
//                                     [--fit-last N]
// --fit-last N fits only the last N weights, the bias and the other weights held as in
// CONFIDENCE_MODEL: a new feature added to a model whose top end (reads at >= 0.9) was tuned.
import { readFileSync, writeFileSync } from 'node:fs';
import { readDocument } from '../../src/core/read-document';
import { CONFIDENCE_MODEL, features, type FieldEvidence } from '../../src/core/confidence';
import { TEXT_FIELDS, type TextFieldName } from '../../src/core/schema';
import { createNodeEngines } from '../../src/engine/node/engines';
import { solveAugmented } from '../../src/core/locate/homography';
import { loadSet } from './dataset';
import { normalizeValue } from './metrics';

interface Sample {
  x: number[];
  y: 0 | 1;
  /** Kept for analysis (which field, which document, the evidence itself): not used by the fit. */
  field?: TextFieldName;
  doc?: string;
  evidence?: FieldEvidence;
}

function arg(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    if (a === `--${name}` && process.argv[i + 1]) out.push(process.argv[i + 1]!);
  });
  return out;
}

async function collect(sets: string[]): Promise<Sample[]> {
  const engines = await createNodeEngines();
  const samples: Sample[] = [];
  try {
    for (const dir of sets) {
      for (const doc of loadSet(dir)) {
        if (doc.truth.layout === 'negative') continue;
        const result = await readDocument(new Uint8Array(readFileSync(doc.file)), engines, {
          today: new Date('2026-01-01T00:00:00Z'),
        });
        const evidence = (result.meta?.field_evidence ?? {}) as Partial<Record<TextFieldName, FieldEvidence>>;
        for (const name of TEXT_FIELDS) {
          const e = evidence[name];
          const value = result.read[name].value;
          if (!e || !value) continue;
          const right = normalizeValue(value) === normalizeValue(doc.truth.expected.read[name].value);
          samples.push({ x: features(e), y: right ? 1 : 0, field: name, doc: doc.id, evidence: e });
        }
        process.stderr.write('.');
      }
    }
  } finally {
    await engines.close();
  }
  process.stderr.write('\n');
  return samples;
}

export function fitLogistic(samples: Sample[], l2 = 0.0001, iterations = 20000, rate = 1) {
  const d = samples[0]?.x.length ?? 0;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const s of samples) {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i]! * s.x[i]!;
      const err = 1 / (1 + Math.exp(-z)) - s.y;
      for (let i = 0; i < d; i++) gw[i]! += err * s.x[i]!;
      gb += err;
    }
    for (let i = 0; i < d; i++) w[i] = w[i]! - rate * (gw[i]! / samples.length + l2 * w[i]!);
    b -= (rate * gb) / samples.length;
  }
  return { bias: b, weights: w };
}

/** Newton steps on the last `n` weights only; `model`'s bias and other weights are held. */
export function fitLastWeights(
  samples: Sample[],
  model: { bias: number; weights: number[] },
  n: number,
  l2 = 0.0001,
) {
  const d = samples[0]?.x.length ?? 0;
  const held = d - n;
  const w = Array.from({ length: d }, (_, i) => (i < held ? (model.weights[i] ?? 0) : 0));
  for (let it = 0; it < 100; it++) {
    const g = new Array<number>(n).fill(0);
    const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const s of samples) {
      let z = model.bias;
      for (let i = 0; i < d; i++) z += w[i]! * s.x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      for (let a = 0; a < n; a++) {
        g[a]! += (p - s.y) * s.x[held + a]!;
        for (let b = 0; b < n; b++) h[a]![b]! += p * (1 - p) * s.x[held + a]! * s.x[held + b]!;
      }
    }
    for (let a = 0; a < n; a++) {
      g[a]! += l2 * samples.length * w[held + a]!;
      h[a]![a]! += l2 * samples.length;
    }
    // The penalty keeps the Hessian positive definite, so the system always has a solution.
    const step = solveAugmented(
      h.map((row, a) => [...row, g[a]!]),
      n,
    )!;
    for (let a = 0; a < n; a++) w[held + a] = w[held + a]! - step[a]!;
  }
  return { bias: model.bias, weights: w };
}

async function main() {
  const from = arg('from')[0];
  // Saved samples keep their evidence: features are recomputed, so a new feature needs no new run.
  const samples: Sample[] = from
    ? (JSON.parse(readFileSync(from, 'utf8')) as Sample[]).map((s) =>
        s.evidence ? { ...s, x: features(s.evidence) } : s,
      )
    : await collect(arg('set'));
  const out = arg('samples')[0];
  if (out) writeFileSync(out, JSON.stringify(samples));
  const fitLast = Number(arg('fit-last')[0] ?? 0);
  const model = fitLast > 0 ? fitLastWeights(samples, CONFIDENCE_MODEL, fitLast) : fitLogistic(samples);
  const round = (v: number) => Math.round(v * 100) / 100;
  console.log(`samples ${samples.length}, right ${samples.filter((s) => s.y).length}`);
  console.log(
    `CONFIDENCE_MODEL = { bias: ${round(model.bias)}, weights: [${model.weights.map(round).join(', ')}] }`,
  );
  for (const t of [0.8, 0.9, 0.95]) {
    const above = samples.filter((s) => {
      let z = model.bias;
      s.x.forEach((v, i) => (z += model.weights[i]! * v));
      return 1 / (1 + Math.exp(-z)) >= t;
    });
    const right = above.filter((s) => s.y).length;
    console.log(
      `p >= ${t}: ${above.length}/${samples.length} reads (${((100 * above.length) / samples.length).toFixed(1)}%), ` +
        `right ${((100 * right) / Math.max(1, above.length)).toFixed(2)}%`,
    );
  }
}

if (process.argv[1]?.endsWith('calibrate.ts'))
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
