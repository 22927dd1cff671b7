import { expect, test } from '@playwright/test';
import { engineBackend, fixture, openApp, readFile } from './helpers';

test('every request stays on the app origin (page, worker, wasm, models, pdf.js)', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const seen: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (new URL(url).origin !== origin) {
      foreign.push(url);
      return route.abort('blockedbyclient');
    }
    seen.push(new URL(url).pathname);
    return route.continue();
  });

  await openApp(page);
  await engineBackend(page);
  await expect(await readFile(page, fixture('page.png').file)).toHaveAttribute('data-status', 'SUCCESS');
  await expect(await readFile(page, fixture('permit.pdf').file)).toHaveAttribute('data-status', 'SUCCESS');

  expect(foreign, `requests off the origin: ${foreign.join(', ')}`).toEqual([]);
  // The heavy assets were in fact requested (and from here): the check above saw real traffic,
  // including requests made inside nested workers (tesseract's core). The main scripts of nested
  // workers (pdf.js, tesseract, ort threads) are not routed by Playwright; the CSP's 'self'-only
  // script-src/worker-src covers those, and isolation.spec.ts checks that policy is served.
  for (const needed of [
    /\.onnx$/,
    /ort-wasm-simd-threaded.*\.wasm$/,
    /eng\.traineddata\.gz$/,
    /tesseract-core.*\.wasm\.js$/,
  ]) {
    expect(
      seen.some((p) => needed.test(p)),
      `no request matched ${needed}`,
    ).toBe(true);
  }
});
