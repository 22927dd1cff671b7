import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { engineBackend, fixture, openApp, readFile } from './helpers';

/** Fails on serious or critical axe violations, listing them. */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // axe really ran on this screen (a broken injection would report nothing at all).
  expect(results.passes.length, screen).toBeGreaterThan(10);
  if (results.violations.length > 0)
    console.log(
      `${screen}: minor a11y findings: ${results.violations.map((v) => `${v.id}/${v.impact}`).join(', ')}`,
    );
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `${screen}: ${summary.join('\n')}`).toEqual([]);
}

test('axe: start, result/review, settings/history, kiosk; keyboard-only use', async ({ page }) => {
  test.setTimeout(150_000);
  await openApp(page);
  await expectNoSeriousViolations(page, 'start');

  // Keyboard only: Tab reaches "Choose a file…", Enter opens the file chooser.
  let reached = false;
  for (let i = 0; i < 25 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent === 'Choose a file…');
  }
  expect(reached, 'Tab never reached the file button').toBe(true);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await engineBackend(page);
  await chooser.setFiles(fixture('page.png').file);
  await expect(page.getByTestId('progress')).toBeHidden({ timeout: 90_000 });
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'SUCCESS');
  await expectNoSeriousViolations(page, 'result/review');

  // The settings dialog by keyboard: opens on Enter, Escape closes and gives focus back.
  await page.getByTestId('settings-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settings')).toBeVisible();
  await page.getByTestId('setting-history').check();
  await expectNoSeriousViolations(page, 'settings/history');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings')).toBeHidden();
  await expect(page.getByTestId('settings-open')).toBeFocused();

  // Kiosk: the start screen and an open document with its countdown bar.
  await page.goto('/?kiosk=1');
  await expect(page.locator('html')).toHaveClass(/\bkiosk\b/);
  await expectNoSeriousViolations(page, 'kiosk start');
  await engineBackend(page);
  await readFile(page, fixture('page.png').file);
  await expect(page.getByTestId('kiosk-bar')).toBeVisible();
  await expectNoSeriousViolations(page, 'kiosk document');
});
