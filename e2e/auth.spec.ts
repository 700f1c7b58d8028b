import { randomBytes, scryptSync } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openTestDatabase, signIn, signInAndWait, signInApi } from './helpers';

const ROLES = [
  { email: 'admin@pitf.demo', name: 'Avery Admin', role: 'Administrator' },
  { email: 'chair@pitf.demo', name: 'Casey Chair', role: 'Chair staff' },
  { email: 'viewer@pitf.demo', name: 'Vic Viewer', role: 'Viewer' },
  { email: 'official.dhs@pitf.demo', name: 'DHS Official', role: 'Agency official, Department of Homeland Security' },
];

test.describe('signing in', () => {
  for (const account of ROLES) {
    test(`${account.email} signs in and sees their name and role`, async ({ page }) => {
      await signInAndWait(page, account.email);
      const user = page.getByTestId('signed-in-user');
      await expect(user).toContainText(account.name);
      await expect(user).toContainText(`(${account.role})`);
    });
  }

  test('every demo account in the README can sign in', async ({ playwright, baseURL }) => {
    const db = openTestDatabase();
    const emails = db.prepare('SELECT email FROM users WHERE is_demo = 1 ORDER BY email').pluck().all() as string[];
    db.close();
    expect(emails).toHaveLength(23);
    for (const email of emails) {
      const request = await playwright.request.newContext({ baseURL });
      const response = await signInApi(request, email);
      expect(response.ok(), email).toBe(true);
      const session = await (await request.get('/api/auth/session')).json();
      expect(session.user?.email, email).toBe(email);
      await request.dispose();
    }
  });

  test('a wrong password shows one generic error and stays on the sign-in page', async ({ page }) => {
    await signIn(page, 'viewer@pitf.demo', 'not-the-password');
    await expect(page.getByTestId('sign-in-error')).toContainText('The e-mail address or password is incorrect.');
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, 'nobody@pitf.demo', 'not-the-password');
    await expect(page.getByTestId('sign-in-error')).toContainText('The e-mail address or password is incorrect.');
  });

  test('repeated failures on one account are throttled with a clear message', async ({ page }) => {
    for (let i = 0; i < 5; i++) await signInApi(page.request, 'official.usda@pitf.demo', 'wrong-password');
    // Even the right password is refused while the account is locked.
    await signIn(page, 'official.usda@pitf.demo', DEMO_PASSWORD);
    await expect(page.getByTestId('sign-in-error')).toContainText('Too many failed sign-in attempts for this account');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the sign-in answer names the landing page, so the browser goes there without a detour', async ({ page }) => {
    const pages: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') pages.push(new URL(r.url()).pathname);
    });
    await signInAndWait(page, 'chair@pitf.demo');
    expect(pages).toEqual(['/login', '/awaiting-me']);
  });

  test('a password stored in the older scrypt form still signs in, and is then stored as Argon2id', async ({ page }) => {
    // This account is used by no other spec.
    const email = 'official.dpc@pitf.demo';
    const salt = randomBytes(16);
    const key = scryptSync(DEMO_PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = `scrypt$${2 ** 15}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    const db = openTestDatabase();
    try {
      db.prepare('UPDATE users SET password_hash = ? WHERE email = ?').run(old, email);
      await signInAndWait(page, email);
      const stored = db.prepare('SELECT password_hash FROM users WHERE email = ?').pluck().get(email) as string;
      expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      const audited = db.prepare("SELECT after FROM audit_events WHERE action = 'user.password_upgrade' AND actor_email = ?").pluck().all(email);
      expect(audited.map((a) => JSON.parse(a as string))).toEqual([{ scheme: 'argon2id' }]);
    } finally {
      db.close();
    }
  });

  test('a callbackUrl pointing at another site is ignored', async ({ page }) => {
    await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2F');
    await page.getByLabel('E-mail address').fill('viewer@pitf.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    expect(page.url()).toMatch(/^http:\/\/localhost:\d+\/$/);
  });
});

test.describe('signed out', () => {
  test('a visit to a page redirects to the sign-in page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'PITF Dashboard' })).toBeVisible();
  });

  test('a deep link comes back to where it pointed after signing in', async ({ page }) => {
    await page.goto('/?from=bookmark');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F%3Ffrom%3Dbookmark$/);
    await page.getByLabel('E-mail address').fill('chair@pitf.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/\?from=bookmark$/);
  });

  test('the API answers 401 JSON', async ({ request }) => {
    for (const path of ['/api/agencies', '/api/deliverables', '/api/meetings', '/api/statistics']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in to use this endpoint.' } });
    }
  });

  test('signing out ends the session for pages and the API', async ({ page }) => {
    await signInAndWait(page, 'viewer@pitf.demo');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.request.get('/api/agencies')).status()).toBe(401);
  });
});

test.describe('the database decides, on every request', () => {
  test('a deactivated user loses access on their next request', async ({ page }) => {
    await signInAndWait(page, 'official.ed@pitf.demo');
    expect((await page.request.get('/api/agencies')).status()).toBe(200);
    const db = openTestDatabase();
    db.prepare("UPDATE users SET active = 0 WHERE email = 'official.ed@pitf.demo'").run();
    try {
      expect((await page.request.get('/api/agencies')).status()).toBe(401);
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
    } finally {
      db.prepare("UPDATE users SET active = 1 WHERE email = 'official.ed@pitf.demo'").run();
      db.close();
    }
  });

  test('a role change shows on the next request', async ({ page }) => {
    await signInAndWait(page, 'official.dot@pitf.demo');
    await expect(page.getByTestId('signed-in-user')).toContainText('Agency official, Department of Transportation');
    const db = openTestDatabase();
    const { agency_id } = db.prepare("SELECT agency_id FROM users WHERE email = 'official.dot@pitf.demo'").get() as { agency_id: number };
    db.prepare("UPDATE users SET role = 'viewer', agency_id = NULL WHERE email = 'official.dot@pitf.demo'").run();
    try {
      await page.reload();
      await expect(page.getByTestId('signed-in-user')).toContainText('(Viewer)');
    } finally {
      db.prepare("UPDATE users SET role = 'official', agency_id = ? WHERE email = 'official.dot@pitf.demo'").run(agency_id);
      db.close();
    }
  });
});
