/**
 * The administrator requires a phishing-resistant sign-in of chair staff, and it holds on the next
 * request: a chair who signed in with a password reaches nothing but the passkey step. This file
 * runs after every other one (its own project in playwright.config.ts), since the policy applies
 * to the whole server; the seeded demo accounts stay exempt on a demonstration server.
 */
import { expect, test } from '@playwright/test';
import { openTestDatabase, signIn, signInApi } from './helpers';
import { addVirtualAuthenticator, adminClient, newAccount } from './passkey-helpers';

test.describe.configure({ mode: 'serial' });

test('a chair under the policy enrols a passkey after the password, and uses it from then on', async ({ page, playwright, baseURL }) => {
  const admin = await adminClient(playwright, baseURL);
  const chair = await newAccount(playwright, baseURL, admin, { email: 'policy.chair@agency.example', role: 'chair' });
  const blocked = await newAccount(playwright, baseURL, admin, { email: 'policy.blocked@agency.example', role: 'chair' });

  // Before the policy, a password is enough.
  const before = await playwright.request.newContext({ baseURL });
  await signInApi(before, chair.email, chair.password);
  expect((await before.get('/api/deliverables')).status()).toBe(200);

  // The administrator sets the policy on /admin.
  const adminPage = await page.context().browser()!.newPage();
  await signIn(adminPage, 'admin@pitf.demo');
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await adminPage.goto('/admin');
  // USWDS draws its own box over the input: click the label, as a person does.
  await adminPage.getByTestId('sign-in-policy').getByText('Chair staff', { exact: true }).click();
  await expect(adminPage.getByLabel('Chair staff')).toBeChecked();
  await adminPage.getByRole('button', { name: 'Save sign-in policy' }).click();
  await expect(adminPage.getByTestId('sign-in-policy-message')).toContainText('Saved');
  await adminPage.screenshot({ path: 'test-results/sign-in-policy-admin.png', fullPage: true });

  try {
    // The next request of the chair already signed in with a password is refused.
    const refused = await before.get('/api/deliverables');
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('passkey_required');
    await before.dispose();

    // A chair with no passkey and no enrolment window can only ask the secretariat.
    const db = openTestDatabase();
    db.prepare('UPDATE users SET passkey_enrolment_until = NULL WHERE id = ?').run(blocked.id);
    db.close();
    const blockedPage = await page.context().browser()!.newPage();
    await signIn(blockedPage, blocked.email, blocked.password);
    await expect(blockedPage).toHaveURL(/\/login\/passkey$/);
    await expect(blockedPage.getByTestId('passkey-step-blocked')).toContainText('Ask the secretariat');
    expect((await blockedPage.request.post('/api/account/passkeys/options')).status()).toBe(403);
    await blockedPage.close();

    // The chair signs in with the password: every page and API sends them to the passkey step.
    const authenticator = await addVirtualAuthenticator(page);
    await signIn(page, chair.email, chair.password);
    await expect(page).toHaveURL(/\/login\/passkey$/);
    for (const path of ['/', '/deliverables', '/meetings', '/account']) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/login\/passkey$/);
    }
    for (const path of ['/api/deliverables', '/api/meetings', '/api/agencies']) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
    expect((await page.request.post('/api/session')).status()).toBe(403);

    // New accounts may enrol for 72 hours: register the first passkey here.
    await page.getByLabel('Name for the passkey').fill('Chair laptop');
    await page.screenshot({ path: 'test-results/sign-in-policy-enrol.png', fullPage: true });
    await page.getByRole('button', { name: 'Register a passkey' }).click();
    // The chair's staff land on what awaits them.
    await expect(page.getByRole('heading', { level: 1, name: 'Awaiting me' })).toBeVisible();
    expect((await page.request.get('/api/deliverables')).status()).toBe(200);
    expect(await authenticator.credentials()).toHaveLength(1);

    // Next time: password, then the passkey.
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, chair.email, chair.password);
    await expect(page).toHaveURL(/\/login\/passkey$/);
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Awaiting me' })).toBeVisible();

    // The audit log tells how each sign-in was made.
    const trail = openTestDatabase();
    const actions = trail
      .prepare("SELECT action, after FROM audit_events WHERE actor_email = ? AND action IN ('sign_in.success', 'sign_in.passkey_step', 'passkey.register') ORDER BY id")
      .all(chair.email) as { action: string; after: string }[];
    trail.close();
    expect(actions.map((a) => [a.action, JSON.parse(a.after)])).toEqual([
      // The first sign-in with the temporary password, the API client's, the browser's.
      ['sign_in.success', { method: 'password' }],
      ['sign_in.success', { method: 'password' }],
      ['sign_in.success', { method: 'password' }],
      ['passkey.register', { name: 'Chair laptop', backedUp: expect.any(Boolean) }],
      ['sign_in.passkey_step', { passkey: 'Chair laptop' }],
      ['sign_in.success', { method: 'password' }],
      ['sign_in.passkey_step', { passkey: 'Chair laptop' }],
    ]);

    // Recovery: the administrator resets the chair's passkeys; the chair is signed out at once.
    const reset = await admin.post(`/api/admin/users/${chair.id}/passkeys-reset`);
    expect(reset.status()).toBe(200);
    expect((await reset.json()).removed).toBe(1);
    await page.goto('/deliverables');
    await expect(page).toHaveURL(/\/login\?reason=passkeys_reset/);
    await expect(page.getByTestId('session-notice')).toContainText('removed your passkeys');
    expect((await (await page.request.get('/api/auth/session')).json()) as object).toEqual({});
  } finally {
    const restore = await admin.put('/api/admin/sign-in-policy', { data: { phishingResistantRoles: [] } });
    expect(restore.status()).toBe(200);
    await admin.dispose();
    await adminPage.close();
  }
});
