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

test('a dropped file is read like a picked one', async ({ page }) => {
  await openApp(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['%!PS-Adobe-3.0 not a permit'], 'dropped.ps', { type: 'application/postscript' }));
    return dt;
  });
  await page.getByRole('region', { name: 'Open a document' }).dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('summary')).toContainText('dropped.ps');
  await expect(page.getByTestId('status')).toHaveText('FILE_INVALID_FORMAT');
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

/** A PDF whose Standard security handler rejects the empty password: pdf.js asks for one. */
function lockedPdf(): Buffer {
  const hex = (n: number) => 'ab'.repeat(n);
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
      `4 0 obj << /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -4 >> endobj`,
      `trailer << /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16)}> <${hex(16)}>] /Size 5 >>`,
      '%%EOF',
      '',
    ].join('\n'),
    'latin1',
  );
}

test('a password-protected PDF and a broken one report FAILED with their reason', async ({ page }) => {
  await openApp(page);
  let summary = await readFile(page, {
    name: 'locked.pdf',
    mimeType: 'application/pdf',
    buffer: lockedPdf(),
  });
  await expect(summary).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('reason')).toHaveText(/password/i);

  summary = await readFile(page, {
    name: 'broken.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\nthis is not a PDF body at all\n', 'latin1'),
  });
  await expect(summary).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('reason')).toHaveText(/damaged|could not be read/i);

  // A PNG signature followed by garbage: the decoder refuses it without taking the page down.
  summary = await readFile(page, {
    name: 'broken.png',
    mimeType: 'image/png',
    buffer: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 7),
    ]),
  });
  await expect(summary).toHaveAttribute('data-status', 'FAILED');

  // A PNG that declares 60000 x 60000 pixels is refused from its header, before any decode.
  const bomb = Buffer.alloc(64);
  bomb.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  bomb.writeUInt32BE(60000, 16);
  bomb.writeUInt32BE(60000, 20);
  summary = await readFile(page, { name: 'bomb.png', mimeType: 'image/png', buffer: bomb });
  await expect(summary).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('reason')).toHaveText(/60000x60000/);
});
