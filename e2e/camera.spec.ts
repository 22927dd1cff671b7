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
let cutOffVideo: string;
const browsers: Browser[] = [];

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kitas-camera-'));
  video = path.join(dir, 'card.y4m');
  await writeY4m(video, await cardComingIntoFrame(fixture('card.png').file, 1280, 720), 10);
  // The same card held with a third of it past the right edge of the frame.
  cutOffVideo = path.join(dir, 'cut-off.y4m');
  await writeY4m(cutOffVideo, await cardComingIntoFrame(fixture('card.png').file, 1280, 720, 4, 16, 0.8), 10);
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
  await expect(hint).toBeVisible({ timeout: 30_000 });
  // Auto-capture: the view closes and the capture (named camera-auto-...) is read like an upload.
  const summary = page.getByTestId('summary');
  await expect(summary).toContainText('camera-auto-', { timeout: 90_000 });
  await expect(summary).toHaveAttribute('data-status', 'SUCCESS');
  // The capture reads like an upload of the same card: its identity fields come back exactly.
  for (const name of ['full_name', 'date_of_birth', 'passport_number', 'nationality', 'niora'] as const) {
    await expect(page.locator(`#field-${name}`), name).toHaveValue(fx.expected.read[name].value, {
      timeout: 10_000,
    });
  }
});

test('camera: a card running out of frame gets "fit the whole document" and is not captured', async () => {
  const page = await launch([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${cutOffVideo}`,
  ]);
  await openApp(page);
  await page.getByTestId('camera-open').click();
  const hint = page.getByTestId('camera-hint');
  await expect(hint).toHaveAttribute('data-hint', 'in_frame', { timeout: 30_000 });
  await expect(hint).toContainText('Fit the whole document');
  // Several seconds of a cut-off card: no capture, the camera stays open.
  await page.waitForTimeout(3_000);
  await expect(page.getByTestId('camera-view')).toBeVisible();
  await expect(page.getByTestId('summary')).toHaveCount(0);
  // The manual shutter still takes the picture on request.
  await page.getByTestId('camera-shutter').click();
  await expect(page.getByTestId('camera-view')).toBeHidden({ timeout: 10_000 });
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
