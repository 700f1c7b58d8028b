import { execFileSync } from 'node:child_process';
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

// Single sign-on against a real OpenID provider (e2e/services/oidc-provider.mjs, started by
// e2e/sso.spec.ts on SSO_PORT): the app's signing key is made once per run, here in the runner.
const SSO_PORT = PORT + 2;
export const SSO_ISSUER = `http://localhost:${SSO_PORT}`;
process.env.E2E_SSO_DIR ??= path.join(path.dirname(process.env.E2E_DATABASE_URL), 'sso');
if (!fs.existsSync(path.join(process.env.E2E_SSO_DIR, 'private-jwk.json'))) {
  execFileSync(process.execPath, ['scripts/sso-keygen.mjs', '--out', process.env.E2E_SSO_DIR], { stdio: 'ignore' });
}

// A real SMTP server (e2e/services/smtp-capture.mjs) receives the main server's e-mail; tests read
// what arrived, and can make it refuse, through its control port.
const SMTP_PORT = PORT + 3;
const SMTP_CONTROL_PORT = PORT + 4;
export const SMTP_CONTROL_URL = `http://127.0.0.1:${SMTP_CONTROL_PORT}`;

// The validation proxy (Prism, error mode) in front of the main server: the API tests send their
// requests through it (e2e/helpers.ts, apiSession), and it answers 500 instead of the app's answer
// when the request or the response differs from the OpenAPI document the server publishes. Every
// difference is also written to reports/prism.log.
const PRISM_PORT = PORT + 6;
export const API_BASE_URL = `http://localhost:${PRISM_PORT}`;

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
  projects: [
    // Signs the shared accounts in once (e2e/auth.setup.ts) before the specs that reuse them.
    { name: 'setup', use: { ...devices['Desktop Chrome'] }, testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /sign-in-policy\.spec\.ts/, dependencies: ['setup'] },
    // The sign-in policy applies to the whole server: changed only once everything else has run.
    { name: 'policy', use: { ...devices['Desktop Chrome'] }, testMatch: /sign-in-policy\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: [
    {
      command: `node e2e/services/smtp-capture.mjs --smtp-port ${SMTP_PORT} --control-port ${SMTP_CONTROL_PORT}`,
      url: `${SMTP_CONTROL_URL}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
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
        // Two server processes, as production runs one per core: every spec is served by both, and
        // e2e/processes.spec.ts checks that they share the work and that one runs the schedule.
        PITF_PROCESSES: '2',
        // Every spec's requests come from this machine's one address, and the authorization
        // matrix alone is refused about 170 times in two minutes while other specs are refused
        // too: twice the production allowance of refusals per address, so that only a caller that
        // keeps being refused (e2e/hardening, from an address of its own) meets the limit.
        PITF_LIMIT_REFUSALS: '240/120',
        PITF_SSO_ISSUER: SSO_ISSUER,
        PITF_SSO_CLIENT_ID: 'pitf-e2e',
        PITF_SSO_PRIVATE_JWK_FILE: path.join(process.env.E2E_SSO_DIR, 'private-jwk.json'),
        PITF_SSO_NAME: 'the test identity provider',
        PITF_SMTP_HOST: '127.0.0.1',
        PITF_SMTP_PORT: String(SMTP_PORT),
        PITF_SMTP_SECURITY: 'none',
        PITF_MAIL_FROM: 'PITF Dashboard <pitf@e2e.test>',
        PITF_NOTIFY_INTERVAL_SECONDS: '5',
      },
    },
    {
      // After the main server (web servers start in this order): Prism reads the document from it.
      command: `mkdir -p reports && exec npx prism proxy --errors --host 127.0.0.1 --port ${PRISM_PORT} ${BASE_URL}/api/openapi.json ${BASE_URL} > reports/prism.log 2>&1`,
      url: `${API_BASE_URL}/api/openapi.json`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
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
        // One process is enough for what this server is for (many rows), and starts sooner.
        PITF_PROCESSES: '1',
        LARGE_SCALE,
      },
    },
  ],
});
