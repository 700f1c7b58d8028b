import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-pass-2026';

/** The same database file the server under test uses, for checks a user cannot make from the UI. */
export function openTestDatabase(): Database.Database {
  const file = process.env.E2E_DATABASE_URL;
  if (!file) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it).');
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * The accounts e2e/auth.setup.ts signs in once per run, through the form, for the specs that only
 * need "a signed-in X". Their sessions are shared by every spec that uses them: a spec that signs
 * out, revokes sessions or changes the account must sign in on its own (and specs of sign-in,
 * sessions, passkeys, single sign-on, lockout and the sign-in policy always do).
 */
export const SHARED_ACCOUNTS = ['admin@pitf.demo', 'chair@pitf.demo', 'viewer@pitf.demo', 'official.dhs@pitf.demo', 'official.doi@pitf.demo'] as const;
export type SharedAccount = (typeof SHARED_ACCOUNTS)[number];

/** Where the setup keeps a shared account's signed-in browser state: beside this run's database. */
export function storageStateFile(email: SharedAccount): string {
  const database = process.env.E2E_DATABASE_URL;
  if (!database) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it).');
  return path.join(path.dirname(database), 'signed-in', `${email}.json`);
}

/** For `test.use(signedInAs('viewer@pitf.demo'))`: every page of the spec (or describe) starts signed in. */
export function signedInAs(email: SharedAccount) {
  return { storageState: storageStateFile(email) };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * The heading of the page a demo account lands on after signing in: an official's My agency, the
 * chair's staff's Awaiting me, the overview for everyone else.
 */
export function landingHeading(email: string): string {
  if (email.startsWith('official.')) return 'My agency';
  if (email === 'chair@pitf.demo') return 'Awaiting me';
  return 'Overview';
}

/** Signs in through the form and waits for the account's landing page. */
export async function signInAndWait(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1, name: landingHeading(email) })).toBeVisible();
}

/** Signs in, then opens the overview (which every role reaches from the main navigation). */
export async function signInToOverview(page: Page, email: string) {
  await signInAndWait(page, email);
  if (landingHeading(email) !== 'Overview') {
    await page.getByRole('navigation').getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  }
}

/** Signs an API client in through next-auth's own endpoints, as a browser's form would. */
export async function signInApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  });
  return response;
}

/** The id of a seeded deliverable, by its seed key. */
export function deliverableIdByKey(key: string): number {
  const db = openTestDatabase();
  try {
    const row = db.prepare('SELECT id FROM deliverables WHERE key = ?').get(key) as { id: number } | undefined;
    if (!row) throw new Error(`No seeded deliverable has the key ${key}`);
    return row.id;
  } finally {
    db.close();
  }
}

/** The stored row as it is now, for checking that a refused request changed nothing. */
export function deliverableRow(id: number): Record<string, unknown> {
  const db = openTestDatabase();
  try {
    return db.prepare('SELECT * FROM deliverables WHERE id = ?').get(id) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

/** The seeded upcoming cabinet meeting (other tests plan meetings of their own). */
export function seededPlannedMeetingId(): number {
  const db = openTestDatabase();
  try {
    return (db.prepare("SELECT id FROM meetings WHERE key = 'demo-upcoming-cabinet'").get() as { id: number }).id;
  } finally {
    db.close();
  }
}
