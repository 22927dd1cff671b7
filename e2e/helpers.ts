import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { KitasResult } from '../src/core/schema';

/** The generated fixtures (e2e/fixtures), or another folder of the same shape via E2E_FIXTURES. */
export const FIXTURES = process.env.E2E_FIXTURES ?? fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface Fixture {
  file: string;
  name: string;
  expected: KitasResult;
  /** Page count of the fixture, where its truth says. */
  pages?: number;
}

export function fixture(name: string): Fixture {
  const file = path.join(FIXTURES, name);
  const truthFile = file.replace(/\.[^.]+$/, '.truth.json');
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { expected: KitasResult; pages?: number };
  return { file, name, expected: truth.expected, pages: truth.pages };
}

/** Loads the app and waits for its engines (a failed start fails the test with its message). */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'KITAS / KITAP reader' })).toBeVisible();
}

export async function engineBackend(page: Page): Promise<string> {
  const engine = page.getByTestId('engine');
  await expect(engine).not.toHaveText(/starting/i, { timeout: 60_000 });
  await expect(engine, 'engines failed to start').not.toHaveText(/failed/i);
  return (await page.getByTestId('backend').textContent()) ?? '';
}

/** Picks a file through the file input and waits until its result is on screen. */
export async function readFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
) {
  await page.getByTestId('file-input').setInputFiles(file);
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  await expect(page.getByTestId('progress')).toBeHidden({ timeout: 90_000 });
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText(name);
  return summary;
}

/** Export JSON through the UI and parse what was downloaded. */
export async function exportJson(page: Page): Promise<{ json: KitasResult; fileName: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = await download.path();
  return {
    json: JSON.parse(readFileSync(file, 'utf8')) as KitasResult,
    fileName: download.suggestedFilename(),
  };
}
