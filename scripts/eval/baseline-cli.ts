// npm run eval:baseline -- [--set DIR] [--from REPORT.json]
// Re-measures the regression set and rewrites scripts/eval/baseline.json. With --from, takes the figures
// of an existing eval report instead (e.g. reports/regression-eval.json that `npm test` just wrote),
// after checking that the report was measured on the same set bytes.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFlags, strFlag } from './args';
import { baselineFromReport, setHash } from './baseline';
import { loadSet } from './dataset';
import { runEval, type EvalReport } from './evaluate';
import { formatReport } from './format';
import { BASELINE_PATH, DEFAULT_SET } from './paths';

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), { set: 'value', out: 'value', from: 'value' });
  const set = path.resolve(strFlag(flags, 'set') ?? DEFAULT_SET);
  const out = path.resolve(strFlag(flags, 'out') ?? BASELINE_PATH);
  const hash = setHash(loadSet(set));
  const from = strFlag(flags, 'from');
  let report: EvalReport;
  if (from) {
    report = JSON.parse(await readFile(from, 'utf8')) as EvalReport;
    if (report.set_hash !== hash) {
      throw new Error(
        `${from} was measured on other set bytes (${report.set_hash ?? 'no hash'}), not ${set} (${hash})`,
      );
    }
  } else {
    report = (
      await runEval({ set, onDoc: (doc, _s, i, n) => process.stderr.write(`[${i + 1}/${n}] ${doc.id}\n`) })
    ).report;
  }
  console.log(formatReport(report));
  const baseline = baselineFromReport(report, hash);
  await writeFile(out, JSON.stringify(baseline, null, 2) + '\n');
  console.log(
    `\nWrote ${path.relative(process.cwd(), out)}: overall exact match ${(baseline.overall_exact_match * 100).toFixed(2)}%`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
