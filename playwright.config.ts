import { defineConfig } from '@playwright/test';

/** The port the e2e preview server uses (not npm start's 4173, so both can run at once). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The machine has 2 cores shared with others: one browser at a time, and the first read also
  // starts the engines (several seconds).
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  retries: 0,
  reporter: process.env.CI ? 'line' : [['list']],
  use: {
    baseURL,
    headless: true,
    browserName: 'chromium',
    acceptDownloads: true,
    // The app's service worker would answer from its cache and hide requests from page.route;
    // e2e/offline-pwa.spec.ts turns it back on.
    serviceWorkers: 'block',
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${E2E_PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
