import { expect, test } from '@playwright/test';
import { FIELD_NAMES } from '../src/core/schema';
import { engineBackend, exportJson, fixture, openApp, readFile } from './helpers';

// Values a reader must get exactly right on the clean generated fixtures.
const KEY_FIELDS = ['full_name', 'permit_number', 'date_of_birth'] as const;

test.describe('upload → result → overlay → edit → export', () => {
  test('e-ITAS page image', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const fx = fixture('page.png');
    await openApp(page);
    await engineBackend(page);

    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
    await expect(page.getByTestId('page').locator('img')).toBeVisible();

    // Key values exactly as the fixture's truth, each with a labelled box on the image.
    for (const name of KEY_FIELDS) {
      await expect(page.locator(`#field-${name}`), name).toHaveValue(fx.expected.read[name].value, {
        timeout: 5_000,
      });
      await expect(page.getByTestId(`box-${name}`)).toBeVisible();
    }
    // Every field the truth places on the document has a box.
    const expectedBoxes = FIELD_NAMES.filter((n) => fx.expected.read[n].polygon.length > 0);
    const boxes = page.locator('[data-box]');
    expect(await boxes.count()).toBeGreaterThanOrEqual(Math.min(expectedBoxes.length, 10));

    // Box → row and row → box selection.
    await page.getByTestId('box-full_name').click();
    await expect(page.getByTestId('row-full_name')).toHaveClass(/selected/);
    await page.locator('#field-permit_number').focus();
    await expect(page.getByTestId('box-permit_number')).toHaveAttribute('aria-pressed', 'true');

    // Boxes sit where the truth says (polygons scaled to the displayed size).
    const img = await page.getByTestId('page').locator('img').boundingBox();
    const box = await page.getByTestId('box-full_name').boundingBox();
    const truthPoly = fx.expected.read.full_name.polygon;
    const natural = await page
      .getByTestId('page')
      .locator('img')
      .evaluate((el: HTMLImageElement) => el.naturalWidth);
    const scale = img!.width / natural;
    expect(Math.abs(box!.x - img!.x - truthPoly[0]![0] * scale)).toBeLessThan(25);
    expect(Math.abs(box!.y - img!.y - truthPoly[0]![1] * scale)).toBeLessThan(15);

    // Edit a field; the export carries the edit and the reference shape.
    const edited = 'EDITED HOLDER NAME';
    await page.locator('#field-full_name').fill(edited);
    await expect(page.getByTestId('edit-count')).toHaveText('1 field edited');
    const { json, fileName } = await exportJson(page);
    expect(fileName).toBe('page.kitas.json');
    expect(json.status).toBe('SUCCESS');
    expect(Object.keys(json.read)).toHaveLength(24);
    expect(Object.keys(json.read).sort()).toEqual([...FIELD_NAMES].sort());
    expect(json.read.full_name.value).toBe(edited);
    expect(json.read.full_name.value_original).toBe(fx.expected.read.full_name.value_original);
    for (const name of FIELD_NAMES) {
      const f = json.read[name];
      expect(typeof f.value, name).toBe('string');
      expect(typeof f.confidence, name).toBe('number');
      expect(Array.isArray(f.polygon), name).toBe(true);
    }
    expect(json.read.permit_number.value).toBe(fx.expected.read.permit_number.value);

    // Copy puts the same object on the clipboard.
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied')).toBeVisible();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied).toEqual(json);

    // The photo crop is shown as an image.
    await expect(page.getByRole('img', { name: /Photo cropped/ })).toBeVisible();

    // Edits survive selecting other fields and switching around.
    await page.getByTestId('box-date_of_birth').click();
    await expect(page.locator('#field-full_name')).toHaveValue(edited);
  });

  test('card image', async ({ page }) => {
    const fx = fixture('card.png');
    await openApp(page);
    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
    for (const name of KEY_FIELDS) {
      await expect(page.locator(`#field-${name}`), name).toHaveValue(fx.expected.read[name].value, {
        timeout: 5_000,
      });
    }
    await expect(page.getByTestId('box-full_name')).toBeVisible();
  });

  test('PDF: page rendered at 150 DPI with boxes', async ({ page }) => {
    const fx = fixture('permit.pdf');
    await openApp(page);
    const summary = await readFile(page, fx.file);
    await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
    for (const name of KEY_FIELDS) {
      await expect(page.locator(`#field-${name}`), name).toHaveValue(fx.expected.read[name].value, {
        timeout: 5_000,
      });
    }
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
    // Clicking a row of a field shows its page and box.
    await page.locator('#field-full_name').focus();
    await expect(page.getByTestId('box-full_name')).toHaveAttribute('aria-pressed', 'true');
    const { json } = await exportJson(page);
    expect(json.read.full_name.value).toBe(fx.expected.read.full_name.value);
  });
});
