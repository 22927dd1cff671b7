// npm run eval -- [--set DIR] [--json OUT] [--limit N] [--today yyyy-mm-dd] [--recognizer hybrid|tesseract|ppocr]
// Reads every document of a generated set with the real pipeline (readDocument + createNodeEngines)
// and prints accuracy, CER, polygon, photo, negative and confidence-trust figures per tier.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { intFlag, parseFlags, strFlag } from './args';
import { runEval } from './evaluate';
import type { RecognizerChoice } from '../../src/engine/node/engines';
import { formatReport } from './format';
import { DEFAULT_SET, REPO_ROOT } from './paths';

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    set: 'value',
    json: 'value',
    limit: 'value',
    today: 'value',
    quiet: 'bool',
    recognizer: 'value',
  });
  const set = path.resolve(strFlag(flags, 'set') ?? DEFAULT_SET);
  const jsonOut = path.resolve(strFlag(flags, 'json') ?? path.join(REPO_ROOT, 'reports/eval.json'));
  const today = strFlag(flags, 'today');
  const recognizer = strFlag(flags, 'recognizer');
  if (recognizer && !['hybrid', 'tesseract', 'ppocr'].includes(recognizer))
    throw new Error(`--recognizer must be hybrid, tesseract or ppocr, got ${recognizer}`);
  const started = performance.now();
  const { report } = await runEval({
    set,
    ...(recognizer ? { recognizer: recognizer as RecognizerChoice } : {}),
    limit: intFlag(flags, 'limit'),
    readOptions: today ? { today: new Date(`${today}T00:00:00Z`) } : {},
    onDoc: (doc, s, i, n) => {
      if (flags.quiet) return;
      const withTruth = s.fields.filter((f) => f.exact !== null);
      const ok = withTruth.filter((f) => f.exact).length;
      const fp = s.fields.filter((f) => f.false_positive).length;
      process.stderr.write(
        `[${i + 1}/${n}] ${doc.id} ${s.tier}/${s.layout}: ${s.status} exact ${ok}/${withTruth.length} fp ${fp}` +
          ` photo ${s.photo.truth ? (s.photo.hit ? 'ok' : 'miss') : '-'} ${s.wall_ms} ms${s.error ? ` ERROR ${s.error}` : ''}\n`,
      );
    },
  });
  console.log(formatReport(report));
  console.log(`\n${report.overall.docs} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await mkdir(path.dirname(jsonOut), { recursive: true });
  await writeFile(jsonOut, JSON.stringify(report, null, 2) + '\n');
  console.log(`Wrote ${path.relative(process.cwd(), jsonOut) || jsonOut}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
