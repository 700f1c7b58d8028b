import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against a production build (`next build` first) served on a fresh SQLite file,
 * migrated and seeded the same way as production. The browser is Debian's Chromium when present;
 * Playwright never downloads one.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
// A second server on a database with the synthetic large data set (seeds/large.ts), small scale,
// for what only shows with many rows: board columns that page, lists past their first page.
const LARGE_PORT = PORT + 1;
export const LARGE_BASE_URL = `http://localhost:${LARGE_PORT}`;
const LARGE_SCALE = '0.05';

// Set once in the runner; its worker processes inherit them, so all share the same database files.
process.env.E2E_DATABASE_URL ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-e2e-')), 'pitf.db');
process.env.E2E_LARGE_DATABASE_URL ??= path.join(path.dirname(process.env.E2E_DATABASE_URL), 'large.db');

const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Generous: two workers share two cores with the server, and axe scans are slow.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: fs.existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'bash scripts/e2e-server.sh',
      url: `${BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        PORT: String(PORT),
      },
    },
    {
      command: 'bash scripts/e2e-server.sh',
      url: `${LARGE_BASE_URL}/login`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        DATABASE_URL: process.env.E2E_LARGE_DATABASE_URL,
        PORT: String(LARGE_PORT),
        LARGE_SCALE,
      },
    },
  ],
});
