import { expect, test, type Page } from '@playwright/test';
import { FIELD_NAMES, isImageField, type KitasResult } from '../src/core/schema';
import { engineBackend, exportJson, fixture, openApp, readFile, type Fixture } from './helpers';

// Values a reader must get exactly right on the clean generated fixtures.
const KEY_FIELDS = ['full_name', 'permit_number', 'date_of_birth'] as const;

async function expectKeyFields(page: Page, fx: Fixture): Promise<void> {
  for (const name of KEY_FIELDS) {
    const want = fx.expected.read[name].value;
    await expect(page.locator(`#field-${name}`), name).toHaveValue(want, { timeout: 5_000 });
    await expect(page.getByTestId(`box-${name}`), `box of ${name}`).toBeVisible();
  }
}

/** The box drawn for `name` covers the result's polygon, scaled to the image as displayed. */
async function expectBoxOnPolygon(page: Page, result: KitasResult, name: (typeof FIELD_NAMES)[number]) {
  const img = page.getByTestId('page').locator('img');
  const shown = (await img.boundingBox())!;
  const natural = await img.evaluate((el: HTMLImageElement) => el.naturalWidth);
  const scale = shown.width / natural;
  const poly = result.read[name].polygon;
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const box = (await page.getByTestId(`box-${name}`).boundingBox())!;
  expect(Math.abs(box.x - shown.x - Math.min(...xs) * scale)).toBeLessThan(1.5);
  expect(Math.abs(box.y - shown.y - Math.min(...ys) * scale)).toBeLessThan(1.5);
  expect(Math.abs(box.width - (Math.max(...xs) - Math.min(...xs)) * scale)).toBeLessThan(1.5);
  expect(Math.abs(box.height - (Math.max(...ys) - Math.min(...ys)) * scale)).toBeLessThan(1.5);
}

test.describe('upload → result → overlay → edit → export', () => {
  test('e-ITAS page image: key fields read exactly', async ({ page }) => {
    const fx = fixture('page.png');
    await openApp(page);
    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
    await expect(page.getByTestId('page').locator('img')).toBeVisible();
    await expectKeyFields(page, fx);
  });

  test('e-ITAS page image: overlay, selection, edit, Export JSON, Copy', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const fx = fixture('page.png');
    await openApp(page);
    await engineBackend(page);
    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');

    // The untouched export is the reader's result: 24 fields, the reference shape.
    const { json: original, fileName } = await exportJson(page);
    expect(fileName).toBe('page.kitas.json');
    expect(original.status).toBe('SUCCESS');
    expect(Object.keys(original.read)).toHaveLength(24);
    expect(Object.keys(original.read).sort()).toEqual([...FIELD_NAMES].sort());
    for (const name of FIELD_NAMES) {
      const f = original.read[name];
      expect(typeof f.value, name).toBe('string');
      expect(typeof f.confidence, name).toBe('number');
      expect(Array.isArray(f.polygon), name).toBe(true);
      if (!isImageField(name)) {
        // The form shows exactly what was read.
        await expect(page.locator(`#field-${name}`), name).toHaveValue(f.value, { timeout: 5_000 });
      }
    }

    // One labelled box per located field, on the polygon scaled to the displayed image.
    const located = FIELD_NAMES.filter((n) => original.read[n].polygon.length > 0);
    expect(located.length).toBeGreaterThan(8);
    await expect(page.locator('[data-box]')).toHaveCount(located.length);
    for (const name of located.slice(0, 6)) await expectBoxOnPolygon(page, original, name);

    // Box → row and row → box.
    const [first, second] = located.filter((n) => !isImageField(n));
    await page.getByTestId(`box-${first}`).click();
    await expect(page.getByTestId(`row-${first}`)).toHaveClass(/selected/);
    await expect(page.getByTestId(`row-${first}`)).toBeInViewport();
    await page.locator(`#field-${second}`).focus();
    await expect(page.getByTestId(`box-${second}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId(`row-${first}`)).not.toHaveClass(/selected/);

    // Fields under 0.9 stand out; the photo crop is shown.
    for (const name of FIELD_NAMES) {
      const f = original.read[name];
      if (isImageField(name) || !f.value) continue;
      const low = f.confidence < 0.9;
      await expect(page.getByTestId(`row-${name}`)).toHaveClass(low ? /\blow\b/ : /^(?!.*\blow\b)/);
    }
    if (original.read.photo.value)
      await expect(page.getByRole('img', { name: /Photo cropped/ })).toBeVisible();

    // Edit a field; the export carries the edit, value_original keeps what was read.
    const edited = 'EDITED HOLDER NAME';
    await page.locator('#field-full_name').fill(edited);
    await expect(page.getByTestId('edit-count')).toHaveText('1 field edited');
    const { json } = await exportJson(page);
    expect(json.read.full_name.value).toBe(edited);
    expect(json.read.full_name.value_original).toBe(original.read.full_name.value_original);
    // Besides the edit, the export carries the review audit (meta.review) and nothing else new.
    const { review, ...meta } = json.meta!;
    expect(review).toMatchObject({
      reviewed: false,
      edited_fields: [{ field: 'full_name', machine_value: original.read.full_name.value }],
    });
    expect({ ...json, meta, read: { ...json.read, full_name: original.read.full_name } }).toEqual(original);

    // Copy puts the same object on the clipboard.
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied')).toBeVisible();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied).toEqual(json);

    // Edits survive selecting around, and Revert restores the value read.
    await page.getByTestId(`box-${second}`).click();
    await expect(page.locator('#field-full_name')).toHaveValue(edited);
    await page.getByRole('button', { name: /Revert Full name/ }).click();
    await expect(page.locator('#field-full_name')).toHaveValue(original.read.full_name.value);
    await expect(page.getByTestId('edit-count')).toHaveText('No edits');
  });

  test('card image: key fields read exactly', async ({ page }) => {
    const fx = fixture('card.png');
    await openApp(page);
    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
    await expectKeyFields(page, fx);
  });

  test('PDF: page rendered at 150 DPI, opened on the permit page, with boxes', async ({ page }) => {
    const fx = fixture('permit.pdf');
    await openApp(page);
    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
    await expectKeyFields(page, fx);
    const img = page.getByTestId('page').locator('img');
    await expect(img).toBeVisible();
    // An A4 page at 150 DPI is about 1240 x 1754 pixels.
    const natural = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);
    expect(Math.abs(natural[0]! - 1240)).toBeLessThan(4);
    expect(Math.abs(natural[1]! - 1754)).toBeLessThan(4);

    // It opens on the permit's page; the other pages are a click away.
    const permitPage = fx.expected.read.permit_number.page_index;
    const pages = page.getByRole('navigation', { name: 'Pages' });
    const pageCount =
      (await pages.count()) > 0 ? Number(/of (\d+)/.exec((await pages.textContent()) ?? '')?.[1]) : 1;
    if (fx.pages !== undefined) expect(pageCount).toBe(fx.pages);
    if (pageCount > 1) {
      await expect(pages).toContainText(`Page ${permitPage + 1} of ${pageCount}`);
      const other = permitPage === 0 ? 'Next page' : 'Previous page';
      await pages.getByRole('button', { name: other }).click();
      await expect(page.getByTestId('box-permit_number')).toHaveCount(0);
      await pages
        .getByRole('button', { name: other === 'Next page' ? 'Previous page' : 'Next page' })
        .click();
    }
    await expect(page.getByTestId('box-permit_number')).toBeVisible();
    const { json } = await exportJson(page);
    await expectBoxOnPolygon(page, json, 'permit_number');
    expect(json.read.full_name.value).toBe(fx.expected.read.full_name.value);
  });
});
