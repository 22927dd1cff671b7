// Regression gate: the real pipeline over the committed fixed set must stay within one point of the
// committed exact-match baseline. A missing set or baseline fails; nothing is skipped.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline, regressionMessage, setHash } from './baseline';
import { loadSet } from './dataset';
import { runEval } from './evaluate';
import { formatReport } from './format';
import { BASELINE_PATH, DEFAULT_SET, REPO_ROOT } from './paths';

// Real OCR over ~40 documents on 2 shared cores: minutes, not seconds.
const TIMEOUT_MS = 20 * 60_000;

describe('eval regression gate', () => {
  it(
    'keeps exact-match accuracy within one point of scripts/eval/baseline.json',
    async () => {
      const docs = loadSet(DEFAULT_SET); // throws 'fixture set missing: ...'
      const baseline = readBaseline(BASELINE_PATH); // throws 'baseline missing: ...'
      const hash = setHash(docs);
      if (hash !== baseline.set_hash) {
        throw new Error(
          `baseline was measured on a different set (${baseline.docs} docs, hash ${baseline.set_hash.slice(0, 12)}; ` +
            `now ${docs.length} docs, ${hash.slice(0, 12)}): run npm run eval:baseline and commit baseline.json`,
        );
      }
      const { report } = await runEval({ set: DEFAULT_SET });
      const out = path.join(REPO_ROOT, 'reports/regression-eval.json');
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
      const message = regressionMessage(baseline, report);
      if (message) console.error(`${message}\n\n${formatReport(report)}`);
      expect(report.overall.errors, 'readDocument threw on some documents').toBe(0);
      expect(message).toBeNull();
    },
    TIMEOUT_MS,
  );
});
