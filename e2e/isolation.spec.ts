import { expect, test } from '@playwright/test';
import { engineBackend } from './helpers';

test('cross-origin isolated, strict CSP, multi-threaded WASM when no real GPU', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");

  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  // No GPU here: either no WebGPU at all, no adapter, or only a fallback (software) adapter.
  const gpu = await page.evaluate(async () => {
    const g = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!g) return 'none';
    const a = (await g.requestAdapter()) as {
      isFallbackAdapter?: boolean;
      info?: { isFallbackAdapter?: boolean };
    } | null;
    if (!a) return 'no-adapter';
    return a.info?.isFallbackAdapter || a.isFallbackAdapter ? 'fallback' : 'real';
  });
  expect(gpu).not.toBe('real');

  const backend = await engineBackend(page);
  const m = /^wasm-(\d+)t$/.exec(backend);
  expect(m, `backend ${backend}`).not.toBeNull();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(Number(m![1])).toBe(Math.min(4, cores));
  expect(Number(m![1])).toBeGreaterThan(1);
  expect(cspErrors).toEqual([]);
});
