import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import {
  FIELD_NAMES,
  isImageField,
  type FieldName,
  type KitasResult,
  type Polygon,
} from '../src/core/schema';
import { parseCsv } from '../src/core/export/csv';
import { FIXTURES, exportJson, fixture, openApp, readFile } from './helpers';

/** The fields the review screen must list first: invalid, or read with confidence under 0.9. */
function flaggedOf(r: KitasResult): FieldName[] {
  const invalid = new Set(r.meta?.invalid_fields.map((i) => i.field));
  return FIELD_NAMES.filter((n) => invalid.has(n) || (!!r.read[n].value && r.read[n].confidence < 0.9));
}

async function activeId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Drags a box over `polygon` (page pixels, padded) on the page image shown. */
async function dragBox(page: Page, polygon: Polygon, pad = 3): Promise<void> {
  const img = page.getByTestId('page').locator('img');
  const shown = (await img.boundingBox())!;
  const natural = await img.evaluate((el: HTMLImageElement) => el.naturalWidth);
  const k = shown.width / natural;
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  const layer = page.getByTestId('redraw-layer');
  await expect(layer).toBeVisible();
  await layer.scrollIntoViewIfNeeded();
  const box = (await img.boundingBox())!;
  const x0 = box.x + (Math.min(...xs) - pad) * k;
  const y0 = box.y + (Math.min(...ys) - pad) * k;
  const x1 = box.x + (Math.max(...xs) + pad) * k;
  const y1 = box.y + (Math.max(...ys) + pad) * k;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 3 });
  await page.mouse.move(x1, y1, { steps: 3 });
  await page.mouse.up();
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; d: Download }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { bytes: readFileSync((await d.path())!), d };
}

test('review: needs-review first, keyboard walk, live validation, undo/redo, redraw, confirm → audit', async ({
  page,
}) => {
  const fx = fixture('page.png');
  await openApp(page);
  const summary = await readFile(page, fx.file);
  await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
  const { json: original } = await exportJson(page);
  expect(original.meta?.review).toBeUndefined();

  // Flagged fields come first, in their usual order, and are marked.
  const flagged = flaggedOf(original);
  expect(flagged.length, 'the page fixture reads some fields below 0.9').toBeGreaterThan(0);
  const group = page.getByTestId('group-needs-review');
  const groupRows = group.locator('tr.field-row');
  await expect(groupRows).toHaveCount(flagged.length);
  expect(await groupRows.evaluateAll((rows) => rows.map((r) => r.id.replace('row-', '')))).toEqual(flagged);
  for (const name of flagged) await expect(page.getByTestId(`row-${name}`)).toContainText('Needs review');
  const allRows = await page
    .locator('tr.field-row')
    .evaluateAll((rows) => rows.map((r) => r.id.replace('row-', '')));
  expect(allRows.slice(0, flagged.length)).toEqual(flagged);
  expect(allRows).toHaveLength(24);
  // Each located text field shows the crop it was read from.
  const located = FIELD_NAMES.filter((n) => !isImageField(n) && original.read[n].polygon.length === 4);
  for (const name of located.slice(0, 3)) {
    const crop = page.getByTestId(`crop-${name}`);
    await expect(crop).toBeVisible();
    expect(await crop.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(10);
  }

  // Enter and Shift+Enter walk the text fields in the order shown.
  const editable = allRows.filter((n) => !isImageField(n as FieldName));
  await page.locator(`#field-${editable[0]}`).focus();
  await page.keyboard.press('Enter');
  expect(await activeId(page)).toBe(`field-${editable[1]}`);
  await page.keyboard.press('Enter');
  expect(await activeId(page)).toBe(`field-${editable[2]}`);
  await page.keyboard.press('Shift+Enter');
  expect(await activeId(page)).toBe(`field-${editable[1]}`);

  // Validation explains itself as the officer types.
  const dob = page.locator('#field-date_of_birth');
  const dobNotes = page.getByTestId('notes-date_of_birth');
  await dob.fill('31-02-1990');
  await expect(dobNotes).toContainText('not a valid dd-mm-yyyy date');
  await expect(dob).toHaveAttribute('aria-invalid', 'true');
  await dob.fill('1/2/1990');
  await page.getByRole('button', { name: 'Use 01-02-1990' }).click();
  await expect(dob).toHaveValue('01-02-1990');
  await expect(dobNotes).toHaveCount(0);
  const expiry = page.locator('#field-passport_expiry');
  await expiry.fill('01-01-2001');
  await expect(page.getByTestId('notes-passport_expiry')).toContainText('The passport has expired.');

  // Undo / redo, by keyboard and by button.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+z');
  await expect(expiry).toHaveValue(original.read.passport_expiry.value);
  await page.keyboard.press('Control+z');
  await expect(dob).toHaveValue('1/2/1990');
  await page.keyboard.press('Control+Shift+z');
  await expect(dob).toHaveValue('01-02-1990');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(dob).toHaveValue('1/2/1990');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(dob).toHaveValue('01-02-1990');
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await redo.click();
  await expect(expiry).toHaveValue('01-01-2001');
  await expect(redo).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(expiry).toHaveValue(original.read.passport_expiry.value);
  await expect(redo).toBeEnabled();

  // Redraw: the guarantor's box drawn over the holder's name is read again from those pixels.
  expect(original.read.guarantor_name.value).toBe('');
  await page.getByTestId('redraw-guarantor_name').click();
  await expect(page.getByTestId('redraw-hint')).toContainText('Guarantor name');
  await dragBox(page, original.read.full_name.polygon);
  const guarantor = page.locator('#field-guarantor_name');
  await expect(guarantor).toHaveValue(fx.expected.read.full_name.value, { timeout: 60_000 });
  await expect(page.getByTestId('box-guarantor_name')).toBeVisible();

  // Confirm, then the export: officer values, untouched value_original, the audit.
  await page.getByRole('button', { name: 'Confirm review' }).click();
  await expect(page.getByTestId('review-state')).toContainText('Reviewed at');
  const { json } = await exportJson(page);
  expect(json.read.date_of_birth.value).toBe('01-02-1990');
  expect(json.read.date_of_birth.value_original).toBe(original.read.date_of_birth.value_original);
  expect(json.read.guarantor_name.value).toBe(fx.expected.read.full_name.value);
  const gp = json.read.guarantor_name.polygon;
  const fp = original.read.full_name.polygon;
  expect(gp).toHaveLength(4);
  expect(Math.abs(gp[0]![0] - fp[0]![0])).toBeLessThan(8);
  expect(Math.abs(gp[2]![1] - fp[2]![1])).toBeLessThan(8);
  const review = json.meta?.review as {
    reviewed: boolean;
    reviewed_at: string;
    edited_fields: { field: string; machine_value: string; machine_confidence: number; redrawn: boolean }[];
  };
  expect(review.reviewed).toBe(true);
  expect(Date.now() - Date.parse(review.reviewed_at)).toBeLessThan(120_000);
  const byField = Object.fromEntries(review.edited_fields.map((f) => [f.field, f]));
  expect(Object.keys(byField).sort()).toEqual(['date_of_birth', 'guarantor_name']);
  expect(byField.date_of_birth).toMatchObject({
    machine_value: original.read.date_of_birth.value,
    machine_confidence: original.read.date_of_birth.confidence,
    redrawn: false,
  });
  expect(byField.guarantor_name).toMatchObject({ machine_value: '', redrawn: true });
  // The reference shape is untouched.
  expect(Object.keys(json.read)).toEqual(Object.keys(original.read));

  // An edit after confirming withdraws the confirmation.
  await page.locator('#field-occupation').fill('TESTER');
  await expect(page.getByTestId('review-state')).toContainText('Not reviewed');
});

async function familyPdf(): Promise<Buffer> {
  const out = await PDFDocument.create();
  const parts: [string, number[]][] = [
    [path.join(FIXTURES, 'permit.pdf'), [0, 1]],
    [path.resolve(FIXTURES, '../../scripts/eval/fixtures/regression/page-0014-pdf.pdf'), [0]],
  ];
  for (const [file, pages] of parts) {
    const src = await PDFDocument.load(readFileSync(file));
    for (const p of await out.copyPages(src, pages)) out.addPage(p);
  }
  return Buffer.from(await out.save());
}

test('batch: queue of 3 files incl. a bad one and a family PDF → statuses, review a record, CSV and JSONL', async ({
  page,
}) => {
  const fx = fixture('page.png');
  await openApp(page);
  await page.getByTestId('mode-batch').click();
  await page.getByTestId('batch-input').setInputFiles([
    { name: 'page.png', mimeType: 'image/png', buffer: readFileSync(fx.file) },
    { name: 'family.pdf', mimeType: 'application/pdf', buffer: await familyPdf() },
    { name: '=bad.txt', mimeType: 'text/plain', buffer: Buffer.from('not a permit') },
  ]);
  // Each file shows its own status while the queue runs; the UI stays usable.
  await expect(page.getByTestId('batch-row').first()).toBeVisible();
  await expect(page.getByTestId('batch-count')).toHaveText('3 of 3 files read', { timeout: 120_000 });

  const rows = page.getByTestId('batch-row');
  await expect(rows).toHaveCount(4);
  const statusOf = async (file: string) =>
    page.locator(`[data-testid="batch-row"][data-file="${file}"]`).getAttribute('data-status');
  expect(await statusOf('page.png')).toBe('SUCCESS');
  expect(await statusOf('family.pdf#1')).toBe('SUCCESS');
  expect(await statusOf('family.pdf#2')).toBe('SUCCESS');
  expect(await statusOf('=bad.txt')).toBe('FILE_INVALID_FORMAT');

  // Open a record from the list, correct it, confirm, come back.
  await page.locator('[data-testid="batch-row"][data-file="family.pdf#2"]').click();
  await expect(page.getByTestId('summary')).toContainText('family.pdf#2');
  await expect(page.getByTestId('box-permit_number')).toBeVisible();
  await page.locator('#field-occupation').fill('REVIEWED OCCUPATION');
  await page.getByRole('button', { name: 'Confirm review' }).click();
  await page.getByTestId('batch-back').click();
  await expect(page.locator('[data-file="family.pdf#2"]')).toContainText('Reviewed');
  // Reopening keeps the officer's work.
  await page.getByRole('button', { name: 'Review family.pdf#2' }).click();
  await expect(page.locator('#field-occupation')).toHaveValue('REVIEWED OCCUPATION');
  await page.getByTestId('batch-back').click();

  // CSV for an Indonesian spreadsheet: BOM, ';', neutralised formula cells.
  await page.getByTestId('csv-separator').selectOption(';');
  const { bytes: csvBytes, d: csvDownload } = await downloaded(page, () =>
    page.getByRole('button', { name: 'Export CSV' }).click(),
  );
  expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = csvBytes.toString('utf8');
  const table = parseCsv(csv, ';');
  expect(table).toHaveLength(5);
  const head = table[0]!;
  expect(head.slice(0, 3)).toEqual(['file', 'status', 'reason']);
  const col = (name: string) => head.indexOf(name);
  const byFile = Object.fromEntries(table.slice(1).map((r) => [r[0], r]));
  expect(Object.keys(byFile).sort()).toEqual(
    ["'=bad.txt", 'family.pdf#1', 'family.pdf#2', 'page.png'].sort(),
  );
  expect(byFile["'=bad.txt"]![col('status')]).toBe('FILE_INVALID_FORMAT');
  expect(byFile['page.png']![col('full_name')]).toBe(fx.expected.read.full_name.value);
  expect(byFile['family.pdf#2']![col('occupation')]).toBe('REVIEWED OCCUPATION');
  for (const line of csv.slice(1).split('\r\n')) {
    for (const cell of line.split(';')) expect(cell).not.toMatch(/^[=+\-@]/);
  }

  // JSON lines: one reference object per line, the review audit on the reviewed one.
  const { bytes: jsonl } = await downloaded(page, () =>
    page.getByRole('button', { name: 'Export JSON lines' }).click(),
  );
  const lines = jsonl.toString('utf8').split('\n').filter(Boolean);
  expect(lines).toHaveLength(4);
  const objects = lines.map((l) => JSON.parse(l) as KitasResult);
  for (const o of objects) expect(Object.keys(o.read)).toHaveLength(24);
  const reviewed = objects.find((o) => o.meta?.file === 'family.pdf#2')!;
  expect(reviewed.read.occupation.value).toBe('REVIEWED OCCUPATION');
  expect(reviewed.meta?.review).toMatchObject({ reviewed: true, edited_fields: [{ field: 'occupation' }] });
  expect(objects.find((o) => o.meta?.file === '=bad.txt')?.status).toBe('FILE_INVALID_FORMAT');
});
