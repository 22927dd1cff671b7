import { expect, test, type Page } from '@playwright/test';
import { FIELD_NAMES } from '../src/core/schema';
import { engineBackend, exportJson, fixture, openApp, readFile } from './helpers';

// Other specs block service workers (playwright.config.ts); this one is about them.
test.use({ serviceWorkers: 'allow' });

interface SwStatus {
  controlled: boolean;
  version: string;
  cached: number;
  total: number;
}

/** Waits for the worker to be active (its install = the whole precache succeeded) and in control. */
async function swStatus(page: Page): Promise<SwStatus> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++)
      await new Promise((r) => setTimeout(r, 100));
    const answer = new Promise<{ version: string; cached: number; total: number }>((resolve) => {
      navigator.serviceWorker.addEventListener('message', (e) => {
        if (e.data?.type === 'status') resolve(e.data);
      });
    });
    navigator.serviceWorker.startMessages();
    reg.active!.postMessage({ type: 'status' });
    return { controlled: navigator.serviceWorker.controller !== null, ...(await answer) };
  });
}

test('after one visit: starts offline, cross-origin isolated, multi-threaded, reads and exports', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await openApp(page);
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  const online = await swStatus(page);
  expect(online.controlled).toBe(true);
  expect(online.total).toBeGreaterThan(100); // the build, the model, wasm, tesseract, pdf.js files
  expect(online.cached).toBe(online.total);

  await context.setOffline(true);
  // Nothing may reach the network from here on (the page, its workers and the service worker).
  const onNetwork: string[] = [];
  context.on('request', (r) => {
    if (!r.serviceWorker() && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
      void r.response().then((res) => {
        if (res && !res.fromServiceWorker()) onNetwork.push(r.url());
      });
    }
  });

  const nav = await page.reload();
  expect(nav?.fromServiceWorker()).toBe(true);
  expect(nav?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  await expect(page.getByRole('heading', { name: 'KITAS / KITAP reader' })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  const backend = await engineBackend(page);
  const threads = /^wasm-(\d+)t$/.exec(backend);
  expect(threads, `backend ${backend}`).not.toBeNull();
  expect(Number(threads![1])).toBeGreaterThan(1);

  const fx = fixture('page.png');
  const summary = await readFile(page, fx.file);
  await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
  // Accuracy is read-flow.spec.ts's business; here: a real read happened offline and was exported.
  await expect(page.locator('#field-full_name')).not.toHaveValue('');
  const shownPermit = await page.locator('#field-permit_number').inputValue();
  expect(shownPermit).toMatch(/^[0-9A-Z]{8,}$/);

  const { json } = await exportJson(page);
  expect(json.status).toBe('SUCCESS');
  expect(Object.keys(json.read).sort()).toEqual([...FIELD_NAMES].sort());
  expect(json.read.permit_number.value).toBe(shownPermit);
  expect(json.read.full_name.value).toBe(await page.locator('#field-full_name').inputValue());
  expect(onNetwork, `went to the network while offline: ${onNetwork.join(', ')}`).toEqual([]);
});
