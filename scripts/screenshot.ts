// Screenshot of the review screen for the README: serves a build (run `npx vite build --outDir
// .cache/shot-dist` first) with `vite preview`, reads e2e/fixtures/page.png in headless Chromium.
//   npx tsx scripts/screenshot.ts [OUT.png]
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'docs/review-screen.png';
const port = 4399;
const server = spawn(
  'npx',
  [
    'vite',
    'preview',
    '--outDir',
    '.cache/shot-dist',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  await new Promise((r) => setTimeout(r, 3000));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByTestId('file-input').setInputFiles('e2e/fixtures/page.png');
  await page.getByTestId('summary').waitFor({ timeout: 120_000 });
  await page.getByTestId('progress').waitFor({ state: 'hidden', timeout: 120_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  process.kill(-server.pid!);
}
