import { expect, test, type Page } from '@playwright/test';
import { FIELD_NAMES } from '../src/core/schema';
import { engineBackend, exportJson, fixture, openApp, readFile } from './helpers';

async function storage(page: Page) {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage),
    dbs: (await indexedDB.databases()).map((d) => d.name),
  }));
}

test('privacy by default; opt-in history: notice, search, re-export, purge; photo/sign left out', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const fx = fixture('page.png');
  await openApp(page);
  await engineBackend(page);

  // Default: nothing personal is stored and nothing survives a reload.
  await expect(await readFile(page, fx.file)).toHaveAttribute('data-status', 'SUCCESS');
  const before = await storage(page);
  expect(before.dbs).not.toContain('kitas-history');
  expect(before.session).toEqual([]);
  for (const key of before.local) expect(key).toMatch(/^kitas\.(lang|settings)$/);
  const shownName = await page.locator('#field-full_name').inputValue();
  expect(shownName).not.toBe('');
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toContain(shownName);
  await page.reload();
  await expect(page.getByTestId('summary')).toBeHidden();

  // Turn history on and leave photo/sign out of exports, from the settings dialog (keyboard).
  await page.getByTestId('settings-open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('settings');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('privacy-notice')).toContainText('UU 27/2022');
  await expect(page.getByTestId('history-notice')).toContainText('nothing is kept');
  await page.getByTestId('setting-history').check();
  await page.getByTestId('setting-omit-images').check();
  await expect(page.getByTestId('history-notice')).toContainText('IndexedDB');
  await expect(page.getByTestId('history-notice')).toContainText('7 days');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await engineBackend(page);
  await expect(await readFile(page, fx.file)).toHaveAttribute('data-status', 'SUCCESS');
  const permit = await page.locator('#field-permit_number').inputValue();
  const { json } = await exportJson(page);
  expect(Object.keys(json.read).sort()).toEqual([...FIELD_NAMES].sort());
  expect(json.read.photo.value).toBe('');
  expect(json.read.sign.value).toBe('');
  expect(json.read.photo.polygon.length).toBeGreaterThan(0);

  // Kept across a reload, searchable, re-exportable.
  await page.reload();
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.getByTestId('history-search').fill(permit.slice(0, 6).toLowerCase());
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.getByTestId('history-search').fill('no such person');
  await expect(page.getByTestId('history-row')).toHaveCount(0);
  await page.getByTestId('history-search').fill(shownName.split(' ')[0]!);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Export .* as JSON$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('page.kitas.json');

  // Purge: gone, database deleted.
  await page.getByTestId('history-purge').click();
  await expect(page.getByTestId('history-table')).toBeHidden();
  await expect.poll(async () => (await storage(page)).dbs).not.toContain('kitas-history');
});
