// Regenerates the committed fixtures with fixed seeds:
//   scripts/eval/fixtures/regression/  ~40 documents across tiers + manifest.json (the eval gate)
//   e2e/fixtures/                      page.png, card.png, permit.pdf with their truth files
// Usage: npx tsx scripts/synth/fixtures.ts [--only regression|e2e]
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSet } from './index';
import type { PlanItem, Truth } from './index';
import { launchBrowser } from './render';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const root = new URL('../../', import.meta.url).pathname;

export const REGRESSION_PLAN: readonly PlanItem[] = [
  { layout: 'page', tier: 'digital', count: 8 },
  { layout: 'card', tier: 'digital', count: 6 },
  { layout: 'page', tier: 'pdf', count: 3, pdf: 'text' },
  { layout: 'page', tier: 'pdf', count: 2, pdf: 'image' },
  { layout: 'card', tier: 'pdf', count: 1 },
  { layout: 'page', tier: 'scan', count: 5 },
  { layout: 'card', tier: 'scan', count: 3 },
  { layout: 'page', tier: 'photo', count: 3 },
  { layout: 'card', tier: 'photo', count: 3 },
  { layout: 'page', tier: 'webcam', count: 1 },
  { layout: 'card', tier: 'webcam', count: 1 },
  { layout: 'negative', tier: 'digital', count: 6 },
];

const browser = await launchBrowser();
try {
  if (!values.only || values.only === 'regression') {
    const out = join(root, 'scripts/eval/fixtures/regression');
    rmSync(out, { recursive: true, force: true });
    const m = await generateSet({
      out,
      plan: REGRESSION_PLAN,
      seed: 'regression-v1',
      pageWidth: 900,
      browser,
      log: (s) => console.log(s),
    });
    console.log(`regression: ${m.count} documents in ${out}`);
  }
  if (!values.only || values.only === 'e2e') {
    const out = join(root, 'e2e/fixtures');
    const tmp = mkdtempSync(join(tmpdir(), 'synth-e2e-'));
    const picks: [PlanItem, string, string][] = [
      [{ layout: 'page', tier: 'digital', count: 1 }, 'e2e-page', 'page'],
      [{ layout: 'card', tier: 'digital', count: 1 }, 'e2e-card', 'card'],
      [{ layout: 'page', tier: 'pdf', count: 1, pdf: 'text' }, 'e2e-pdf', 'permit'],
    ];
    for (const [item, seed, name] of picks) {
      const dir = join(tmp, name);
      const m = await generateSet({ out: dir, plan: [item], seed, pageWidth: 900, browser });
      const doc = m.documents[0]!;
      const ext = doc.file.split('.').pop()!;
      copyFileSync(join(dir, doc.file), join(out, `${name}.${ext}`));
      const truth = JSON.parse(readFileSync(join(dir, doc.truth), 'utf8')) as Truth;
      truth.id = name;
      truth.file = `${name}.${ext}`;
      writeFileSync(join(out, `${name}.truth.json`), JSON.stringify(truth, null, 1) + '\n');
      console.log(`e2e: ${name}.${ext} (${doc.variant}, ${doc.width}x${doc.height})`);
    }
    rmSync(tmp, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
