import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, openTestDatabase, signedInAs, signIn, signInAndWait, signInApi } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const NEW_PASSWORD = 'harbor lantern quietly 42';

function uniqueEmail(prefix: string) {
  return `${prefix}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@agency.example`;
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** The administrator's form, as they use it: returns the temporary password shown once. */
async function createOfficial(page: Page, email: string, name: string, agency: string): Promise<string> {
  await page.goto('/admin/users/new');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Role').selectOption('official');
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: agency });
  await page.getByRole('button', { name: 'Create the account' }).click();
  await expect(page.getByTestId('temporary-password')).toContainText(email);
  return (await page.getByTestId('temporary-password-value').textContent())!.trim();
}

test.describe('administering accounts', () => {
  test('an admin on-boards an official who must choose a password, then off-boards them and their open session ends', async ({ browser }) => {
    const admin = await newPage(browser);
    await signInAndWait(admin, 'admin@pitf.demo');
    await admin.getByRole('link', { name: 'Admin', exact: true }).click();
    await admin.getByRole('link', { name: 'Users', exact: true }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

    const email = uniqueEmail('new.contact');
    const temporary = await createOfficial(admin, email, 'Dana Newcontact', 'Equal Employment Opportunity Commission');
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    // The new official signs in elsewhere and is held on their account page until they choose a password.
    const official = await newPage(browser);
    await signIn(official, email, temporary);
    await expect(official).toHaveURL(/\/account$/);
    await expect(official.getByTestId('password-required')).toBeVisible();
    await official.goto('/deliverables');
    await expect(official).toHaveURL(/\/account$/);
    const refused = await official.request.get('/api/deliverables');
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('password_change_required');

    await official.getByLabel('Temporary password').fill(temporary);
    await official.getByLabel('New password', { exact: true }).fill('password1234');
    await official.getByLabel('New password again').fill('password1234');
    await official.getByRole('button', { name: 'Change password' }).click();
    await expect(official.getByTestId('new-password-error')).toContainText('commonly used passwords');
    await official.getByLabel('New password', { exact: true }).fill('short one');
    await official.getByLabel('New password again').fill('short one');
    await official.getByRole('button', { name: 'Change password' }).click();
    await expect(official.getByTestId('new-password-error')).toContainText('at least 12 characters');
    await official.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await official.getByLabel('New password again').fill(NEW_PASSWORD);
    await official.getByRole('button', { name: 'Change password' }).click();
    // With a password of their own, the official lands on their agency's page.
    await expect(official.getByRole('heading', { level: 1, name: 'My agency' })).toBeVisible();
    await expect(official.getByTestId('signed-in-user')).toContainText('Equal Employment Opportunity Commission');

    // The admin finds them in the list and deactivates them.
    await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
    await expect(admin.getByTestId('result-count')).toHaveText('1 account');
    await admin.getByRole('link', { name: 'Dana Newcontact' }).click();
    await expect(admin.getByTestId('user-status')).toHaveText('Active');
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Deactivate' }).click();
    await expect(admin.getByTestId('access-message')).toContainText('is deactivated');
    await expect(admin.getByTestId('user-status')).toHaveText('Deactivated');

    // The official's very next request ends their access.
    await official.reload();
    await expect(official).toHaveURL(/\/login\?reason=deactivated/);
    await expect(official.getByTestId('session-notice')).toContainText('deactivated');
    await signIn(official, email, NEW_PASSWORD);
    await expect(official.getByTestId('sign-in-error')).toContainText('The e-mail address or password is incorrect.');

    // The audit log holds each step, with its before and after.
    const db = openTestDatabase();
    const events = db
      .prepare(`SELECT action, before, after FROM audit_events WHERE entity = 'user' AND entity_id = (SELECT CAST(id AS TEXT) FROM users WHERE email = ?) ORDER BY id`)
      .all(email) as { action: string; before: string | null; after: string | null }[];
    db.close();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create', 'sign_in.success', 'user.password_change', 'user.deactivate']));
    const deactivation = events.find((e) => e.action === 'user.deactivate')!;
    expect(JSON.parse(deactivation.before!)).toMatchObject({ active: true, role: 'official', agency: 'eeoc' });
    expect(JSON.parse(deactivation.after!)).toMatchObject({ active: false });
  });

  test('a role change ends the session: the user signs in again and has the new role', async ({ browser, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInApi(admin, 'admin@pitf.demo');
    const email = uniqueEmail('moving');
    const created = await admin.post('/api/admin/users', { data: { email, name: 'Morgan Mover', role: 'official', agency: 'dol' } });
    expect(created.status()).toBe(201);
    const { user, temporaryPassword } = await created.json();

    const page = await newPage(browser);
    await signIn(page, email, temporaryPassword);
    // Typed before the page has hydrated, the fields can be emptied again; a refused try changes
    // nothing (the server names the empty field), so it is simply typed again.
    await expect(async () => {
      await page.getByLabel('Temporary password').fill(temporaryPassword, { timeout: 3000 });
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD, { timeout: 3000 });
      await page.getByLabel('New password again').fill(NEW_PASSWORD, { timeout: 3000 });
      await page.getByRole('button', { name: 'Change password' }).click({ timeout: 3000 });
      await expect(page.getByRole('heading', { level: 1, name: 'My agency' })).toBeVisible({ timeout: 5000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('signed-in-user')).toContainText('Department of Labor');

    const changed = await admin.patch(`/api/admin/users/${user.id}`, { data: { role: 'viewer' } });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toMatchObject({ role: 'viewer', agencySlug: null });

    const api = await page.request.get('/api/deliverables');
    expect(api.status()).toBe(401);
    expect((await api.json()).error.message).toContain('changed your role or agency');
    await page.goto('/agencies');
    await expect(page.getByTestId('session-notice')).toContainText('changed your role or agency');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText('(Viewer)');
    await admin.dispose();
  });

  test('bad account input is refused field by field and creates nothing', async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInApi(admin, 'admin@pitf.demo');
    const db = openTestDatabase();
    const before = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: uniqueEmail('x'), name: 'No Agency', role: 'official' }, 'agency', 'Choose the agency'],
      [{ email: uniqueEmail('x'), name: 'Chair With Agency', role: 'chair', agency: 'dos' }, 'agency', 'Only agency officials'],
      [{ email: 'official.dhs@pitf.demo', name: 'Duplicate', role: 'viewer' }, 'email', 'already exists'],
      [{ email: 'not-an-address', name: 'Bad', role: 'viewer' }, 'email', 'valid e-mail'],
      [{ email: uniqueEmail('x'), name: 'Bad Role', role: 'superuser' }, 'role', 'Choose a role'],
      [{ email: uniqueEmail('x'), name: 'Retired', role: 'official', agency: 'nowhere' }, 'agency', 'No agency is called'],
    ];
    for (const [data, field, message] of cases) {
      const response = await admin.post('/api/admin/users', { data });
      expect(response.status(), JSON.stringify(data)).toBe(400);
      const body = await response.json();
      expect(body.error.fields[field].join(' ')).toContain(message);
    }
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual(before);
    db.close();
    await admin.dispose();
  });

  test('a password reset shows a one-time password, ends the old one and forces a new choice', async ({ browser, playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInApi(admin, 'admin@pitf.demo');
    const email = uniqueEmail('forgetful');
    const created = await (await admin.post('/api/admin/users', { data: { email, name: 'Frankie Forgetful', role: 'viewer' } })).json();
    const page = await newPage(browser);
    await signIn(page, email, created.temporaryPassword);
    // Typed before the page has hydrated, the fields can be emptied again (see above): typed again.
    await expect(async () => {
      await page.getByLabel('Temporary password').fill(created.temporaryPassword, { timeout: 3000 });
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD, { timeout: 3000 });
      await page.getByLabel('New password again').fill(NEW_PASSWORD, { timeout: 3000 });
      await page.getByRole('button', { name: 'Change password' }).click({ timeout: 3000 });
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible({ timeout: 5000 });
    }).toPass({ timeout: 30_000 });

    const adminPage = await newPage(browser);
    await signInAndWait(adminPage, 'admin@pitf.demo');
    await adminPage.goto(`/admin/users/${created.user.id}`);
    adminPage.once('dialog', (dialog) => void dialog.accept());
    await adminPage.getByRole('button', { name: 'Reset password' }).click();
    const temporary = (await adminPage.getByTestId('temporary-password-value').textContent())!.trim();
    await expect(adminPage.getByTestId('user-status')).toContainText('must choose a new password');

    await page.reload();
    await expect(page.getByTestId('session-notice')).toContainText('reset your password');
    await signIn(page, email, NEW_PASSWORD);
    await expect(page.getByTestId('sign-in-error')).toContainText('incorrect');
    await signIn(page, email, temporary);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('password-required')).toBeVisible();
    await admin.dispose();
  });

  test('the last active administrator cannot be demoted or deactivated', async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    await signInApi(admin, 'admin@pitf.demo');
    const db = openTestDatabase();
    const others = db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND email <> 'admin@pitf.demo'").get() as { n: number };
    const id = (db.prepare("SELECT id FROM users WHERE email = 'admin@pitf.demo'").get() as { id: number }).id;
    db.close();
    // The suite never creates another administrator, so the demo admin is the only one.
    expect(others.n).toBe(0);
    for (const data of [{ role: 'viewer' }, { active: false }]) {
      const response = await admin.patch(`/api/admin/users/${id}`, { data });
      expect(response.status()).toBe(409);
      expect((await response.json()).error.message).toContain('last active administrator');
    }
    expect((await admin.get('/api/admin/users?q=admin@pitf.demo')).status()).toBe(200);
    await admin.dispose();
  });

  test('only administrators reach the admin pages; refused visits and requests are recorded', async ({ browser }) => {
    const page = await newPage(browser);
    await signInAndWait(page, 'chair@pitf.demo');
    await expect(page.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
    const db = openTestDatabase();
    const chairId = (db.prepare("SELECT id FROM users WHERE email = 'chair@pitf.demo'").get() as { id: number }).id;
    const since = (db.prepare('SELECT max(id) AS id FROM audit_events').get() as { id: number }).id;
    for (const path of ['/admin', '/admin/users', '/admin/users/new', '/admin/agencies']) {
      await page.goto(path);
      await expect(page.getByTestId('not-allowed')).toBeVisible();
    }
    await expect(page.getByTestId('users-table')).toHaveCount(0);
    expect((await page.request.get('/api/admin/users')).status()).toBe(403);
    const denied = db
      .prepare("SELECT entity_id FROM audit_events WHERE action = 'denied' AND actor_id = ? AND id > ? ORDER BY id")
      .pluck()
      .all(chairId, since) as string[];
    db.close();
    expect(denied).toEqual(expect.arrayContaining(['GET /admin', 'GET /admin/users', 'GET /admin/users/new', 'GET /admin/agencies', 'GET /api/admin/users']));
  });
});

test.describe('administering agencies', () => {
  test.use(signedInAs('admin@pitf.demo'));

  test('retiring an agency that still has officials is refused with the reason, and a bad abbreviation is named', async ({ page }) => {
    await page.goto('/admin/agencies');
    const row = page.getByTestId('admin-agencies-table').getByRole('row', { name: /Department of Homeland Security/ });
    await expect(row).toContainText('Member');
    await row.getByRole('link').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Retire' }).click();
    await expect(page.getByTestId('agency-form-message')).toContainText('still has 1 active official');
    await page.getByLabel('Abbreviation').fill('D');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('agency-abbreviation-error')).toContainText('Use 2 to 12 characters.');
    await page.goto('/agencies');
    await expect(page.getByRole('link', { name: /Department of Homeland Security/ }).first()).toBeVisible();
  });
});

test.describe('own account', () => {
  test('anyone sees their recent sign-ins, failures included, and a common password is refused', async ({ page }) => {
    await signInApi(page.request, 'official.doc@pitf.demo', 'not-my-password');
    await signInAndWait(page, 'official.doc@pitf.demo');
    await page.getByTestId('signed-in-user').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    const history = page.getByTestId('sign-in-history');
    await expect(history.locator('tbody tr').first()).toContainText('Signed in');
    await expect(history).toContainText('Failed: wrong password');

    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('passwordpassword');
    await page.getByLabel('New password again').fill('passwordpassword');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('new-password-error')).toContainText('commonly used passwords');
    await page.getByLabel('Current password').fill('wrong current password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD + 'x');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByTestId('confirm-password-error')).toContainText('not the same');
  });
});

test.describe('accessibility of the admin pages', () => {
  test.use(signedInAs('admin@pitf.demo'));

  for (const path of ['/admin', '/admin/users', '/admin/users/new', '/admin/agencies', '/admin/agencies/dhs', '/account']) {
    test(`${path} has no WCAG 2.1 AA violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      expect(results.violations).toEqual([]);
    });
  }

  test('a user page has no WCAG 2.1 AA violations', async ({ page }) => {
    await page.goto('/admin/users?q=official.hhs');
    await page.getByRole('link', { name: 'HHS Official' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Access' })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });
});
