import { expect, test } from '@playwright/test';
import { FIELD_NAMES, type KitasResult } from '../src/core/schema';
import { engineBackend, fixture, readFile } from './helpers';

test('kiosk: large targets, POST export then wipe (clipboard too), back stays, idle wipe', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const posted: KitasResult[] = [];
  await page.route('**/kiosk-sink', async (route) => {
    expect(route.request().method()).toBe('POST');
    expect(route.request().headers()['content-type']).toBe('application/json');
    posted.push(JSON.parse(route.request().postData() ?? 'null') as KitasResult);
    await route.fulfill({ status: 204 });
  });

  await page.goto('/');
  await page.goto('/?kiosk=1&export=post&post=/kiosk-sink&idle=10');
  await expect(page.locator('html')).toHaveClass(/\bkiosk\b/);
  await expect(page.getByTestId('settings-open')).toBeHidden();
  await expect(page.getByTestId('mode-single')).toBeHidden();
  const choose = page.getByRole('button', { name: 'Choose a file…' });
  expect((await choose.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  await engineBackend(page);

  // Full screen on the first interaction.
  await page.mouse.click(5, 5);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

  await page.evaluate(() => navigator.clipboard.writeText('{"full_name":"copied earlier"}'));
  const fx = fixture('page.png');
  await expect(await readFile(page, fx.file)).toHaveAttribute('data-status', 'SUCCESS');
  await expect(page.getByTestId('kiosk-countdown')).toHaveText(/Wiping in \d+ s/);

  await page.getByTestId('kiosk-finish').click();
  await expect(page.getByTestId('summary')).toBeHidden();
  await expect(page.getByText('The document and its data were wiped.')).toBeVisible();
  expect(posted).toHaveLength(1);
  expect(posted[0]!.status).toBe('SUCCESS');
  expect(Object.keys(posted[0]!.read).sort()).toEqual([...FIELD_NAMES].sort());
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('');
  await expect(page.locator('#field-full_name')).toHaveCount(0);

  // Back does not leave the app.
  await page.goBack().catch(() => undefined);
  await page.goBack().catch(() => undefined);
  expect(new URL(page.url()).search).toContain('kiosk=1');
  await expect(page.getByRole('heading', { name: 'KITAS / KITAP reader' })).toBeVisible();

  // Left alone with a document open: wiped when the countdown ends.
  await expect(await readFile(page, fx.file)).toHaveAttribute('data-status', 'SUCCESS');
  await expect(page.getByTestId('kiosk-countdown')).toHaveText(/Wiping in (10|9|8) s/);
  await expect(page.getByTestId('summary')).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('kiosk-bar')).toBeHidden();
  expect(posted).toHaveLength(1);
  // No history is kept in kiosk mode.
  const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(dbs).not.toContain('kitas-history');
});
