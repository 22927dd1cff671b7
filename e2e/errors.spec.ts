import { expect, test } from '@playwright/test';
import { fixture, openApp, readFile } from './helpers';

test('a file that is not an image or PDF reports FILE_INVALID_FORMAT', async ({ page }) => {
  await openApp(page);
  const summary = await readFile(page, {
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('This is not a residence permit.\n'),
  });
  await expect(summary).toHaveAttribute('data-status', 'FILE_INVALID_FORMAT');
  await expect(page.getByTestId('status')).toHaveText('FILE_INVALID_FORMAT');
  await expect(page.getByTestId('reason')).toHaveText(/invalid file format/i);
  await expect(page.getByTestId('page')).toHaveCount(0);
});

test('an empty file reports NO_FILE', async ({ page }) => {
  await openApp(page);
  const summary = await readFile(page, { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) });
  await expect(summary).toHaveAttribute('data-status', 'NO_FILE');
});

test('Cancel stops a read for real, and the next read works', async ({ page }) => {
  const fx = fixture('page.png');
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(fx.file);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Reading cancelled.')).toBeVisible();
  await expect(page.getByTestId('progress')).toBeHidden();
  await expect(page.getByTestId('summary')).toHaveCount(0);
  // A fresh worker starts its engines and reads the same file.
  const summary = await readFile(page, fx.file);
  await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
});
