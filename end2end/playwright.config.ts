import { defineConfig } from '@playwright/test';

// The test command builds and starts the server, then points us at it
// (`cargo leptos end-to-end` sets LEPTOS_SITE_ADDR instead).
const baseURL =
  process.env.ARCHIPEL_E2E_BASE_URL ??
  (process.env.LEPTOS_SITE_ADDR ? `http://${process.env.LEPTOS_SITE_ADDR}` : undefined);
if (!baseURL) {
  throw new Error('ARCHIPEL_E2E_BASE_URL is not set: run the suite through scripts/test.sh');
}

export default defineConfig({
  testDir: 'tests',
  timeout: 30_000,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['./summary-reporter.ts']],
  use: {
    baseURL,
    launchOptions: {
      // Debian's Chromium; browser downloads are not possible here.
      executablePath: process.env.ARCHIPEL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
});
