// The live camera end to end with Chromium's fake camera, fed a Y4M clip this test generates of the
// card fixture sliding into frame and then held still: the view guides, auto-captures by itself,
// and the capture is read like an upload (fields come back). Also: no camera -> a clear message.
// Its own browser launch, because the fake-camera flags must name the generated file.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import config from '../playwright.config';
import { engineBackend, fixture, openApp } from './helpers';
import { cardComingIntoFrame, writeY4m } from './y4m';

const BASE_ARGS = config.use?.launchOptions?.args ?? [];
const EXECUTABLE = config.use?.launchOptions?.executablePath;
const BASE_URL = config.use?.baseURL;

let dir: string;
let video: string;
const browsers: Browser[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kitas-camera-'));
  video = path.join(dir, 'card.y4m');
  await writeY4m(video, await cardComingIntoFrame(fixture('card.png').file), 10);
});

test.afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function launch(extra: string[]) {
  const browser = await chromium.launch({
    headless: true,
    ...(EXECUTABLE ? { executablePath: EXECUTABLE } : {}),
    args: [...BASE_ARGS, ...extra],
  });
  browsers.push(browser);
  const context = await browser.newContext({
    ...(BASE_URL ? { baseURL: BASE_URL } : {}),
    serviceWorkers: 'block',
    permissions: ['camera'],
  });
  return context.newPage();
}

test('camera: a card brought into frame is captured automatically and read', async () => {
  const fx = fixture('card.png');
  const page = await launch([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  await openApp(page);
  await engineBackend(page);
  await page.getByTestId('camera-open').click();
  await expect(page.getByTestId('camera-view')).toBeVisible();
  const hint = page.getByTestId('camera-hint');
  // While the card slides in it is cut off; the guide says so before it is ready.
  await expect(hint).toHaveAttribute('data-hint', /in_frame|hold_still|ready|find/, { timeout: 30_000 });
  // Auto-capture: the view closes and the capture (named camera-auto-...) is read like an upload.
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText('camera-auto-', { timeout: 90_000 });
  await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
  for (const name of ['permit_number', 'full_name', 'date_of_birth'] as const) {
    await expect(page.locator(`#field-${name}`), name).toHaveValue(fx.expected.read[name].value, {
      timeout: 10_000,
    });
  }
});

test('camera: no camera -> a clear message, and upload still works', async () => {
  const page = await launch([]);
  await page.addInitScript(() => {
    // A machine without a camera: getUserMedia finds no device.
    Object.defineProperty(navigator, 'mediaDevices', {
      value: {
        getUserMedia: () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError')),
        enumerateDevices: () => Promise.resolve([]),
      },
    });
  });
  await openApp(page);
  await page.getByTestId('camera-open').click();
  const error = page.getByTestId('camera-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('data-reason', 'absent');
  await expect(error).toContainText(/No camera/);
  await page.getByTestId('camera-close').click();
  await expect(page.getByTestId('file-input')).toBeAttached();
});
