import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { FIELD_NAMES, type KitasResult } from '../src/core/schema';
import { exportJson, fixture, openApp, readFile } from './helpers';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));

/** The same file through `kitas-ocr read` (Node adapters) and the browser app: same values. */
test('browser export equals `kitas-ocr read` for the same page image', async ({ page }) => {
  test.setTimeout(240_000);
  const fx = fixture('page.png');
  const today = '2025-01-15';

  // Start the CLI first: it runs while the browser reads (Node and the browser share the 2 cores,
  // so this costs some speed, not correctness).
  const cli = run(process.execPath, ['bin/kitas-ocr.mjs', 'read', fx.file, '--today', today], {
    cwd: repo,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 200_000,
  });

  await openApp(page);
  const summary = await readFile(page, fx.file);
  await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
  const { json: browser } = await exportJson(page);

  const { stdout } = await cli;
  const node = JSON.parse(stdout) as KitasResult;

  expect(browser.status).toBe(node.status);
  const mismatches: string[] = [];
  for (const name of FIELD_NAMES) {
    const a = browser.read[name];
    const b = node.read[name];
    if (name === 'photo' || name === 'sign') {
      // Crops are PNG re-encodes of (almost) the same pixels: compare presence, not bytes.
      if (Boolean(a.value) !== Boolean(b.value))
        mismatches.push(`${name}: present ${!!a.value} vs ${!!b.value}`);
      continue;
    }
    if (a.value !== b.value)
      mismatches.push(`${name}: browser ${JSON.stringify(a.value)} vs cli ${JSON.stringify(b.value)}`);
  }
  expect(mismatches, mismatches.join('\n')).toEqual([]);
});
