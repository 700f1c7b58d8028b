/**
 * Passkeys through the browser, with Chromium's virtual authenticator: registering one on the
 * account page, signing in with it alone, and the refusals (user not verified, a signature counter
 * that went backwards, a removed passkey).
 */
import { expect, test, type Page } from '@playwright/test';
import { openTestDatabase, signIn } from './helpers';
import { addVirtualAuthenticator, adminClient, newAccount } from './passkey-helpers';

function lastSignIn(email: string): { action: string; after: Record<string, unknown> } {
  const db = openTestDatabase();
  const row = db
    .prepare("SELECT action, after FROM audit_events WHERE actor_email = ? AND action LIKE 'sign_in.%' ORDER BY id DESC LIMIT 1")
    .get(email) as { action: string; after: string };
  db.close();
  return { action: row.action, after: JSON.parse(row.after) };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

async function signInWithPasskey(page: Page) {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
}

test.describe('passkeys', () => {
  test('a user registers a passkey, signs out, and signs in with it alone', async ({ page, playwright, baseURL }) => {
    const admin = await adminClient(playwright, baseURL);
    const account = await newAccount(playwright, baseURL, admin, { email: 'passkey.user@agency.example' });
    await admin.dispose();
    const authenticator = await addVirtualAuthenticator(page);

    await signIn(page, account.email, account.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page.goto('/account');
    await page.getByLabel('Name for a new passkey').fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByTestId('passkey-message')).toContainText('Added “Work laptop”');
    const table = page.getByTestId('passkeys').getByRole('table');
    await expect(table.getByRole('rowheader', { name: 'Work laptop' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2);
    expect(await authenticator.credentials()).toHaveLength(1);
    await page.screenshot({ path: 'test-results/passkeys-account.png', fullPage: true });

    await signOut(page);
    await signInWithPasskey(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toContainText(account.name);
    expect(lastSignIn(account.email)).toEqual({ action: 'sign_in.success', after: { method: 'passkey', passkey: 'Work laptop' } });
    await page.goto('/account');
    await expect(table.getByRole('row').nth(1)).not.toContainText('Not yet');

    // The authenticator cannot verify the person (no PIN, no fingerprint): refused.
    await signOut(page);
    await authenticator.setUserVerified(false);
    await signInWithPasskey(page);
    await expect(page.getByTestId('sign-in-error')).not.toBeEmpty();
    await expect(page).toHaveURL(/\/login/);
    expect((await (await page.request.get('/api/auth/session')).json()) as object).toEqual({});
    await authenticator.setUserVerified(true);

    // A signature counter lower than the one stored: the passkey may have been copied. Refused.
    const db = openTestDatabase();
    db.prepare('UPDATE passkeys SET counter = 1000000 WHERE user_id = ?').run(account.id);
    db.close();
    await signInWithPasskey(page);
    await expect(page.getByTestId('sign-in-error')).toContainText('could not be used to sign in');
    expect(lastSignIn(account.email)).toMatchObject({ action: 'sign_in.refused', after: { reason: 'counter_regression', method: 'passkey' } });
  });

  test('a removed passkey no longer signs in, and one user cannot remove another’s', async ({ page, playwright, baseURL }) => {
    const admin = await adminClient(playwright, baseURL);
    const account = await newAccount(playwright, baseURL, admin, { email: 'passkey.remover@agency.example' });
    const other = await newAccount(playwright, baseURL, admin, { email: 'passkey.other@agency.example' });
    await admin.dispose();
    await addVirtualAuthenticator(page);
    await signIn(page, account.email, account.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await page.goto('/account');
    await page.getByLabel('Name for a new passkey').fill('Security key');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect(page.getByTestId('passkey-message')).toContainText('Added');
    const { items } = (await (await page.request.get('/api/account/passkeys')).json()) as { items: { id: string }[] };
    expect(items).toHaveLength(1);

    const otherApi = await playwright.request.newContext({ baseURL });
    await otherApi.post('/api/auth/callback/credentials', {
      form: { csrfToken: ((await (await otherApi.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken, email: other.email, password: other.password, json: 'true' },
    });
    expect((await otherApi.delete(`/api/account/passkeys/${items[0]!.id}`)).status()).toBe(404);
    await otherApi.dispose();

    await page.getByRole('button', { name: 'Remove Security key' }).click();
    await expect(page.getByTestId('passkey-message')).toContainText('Removed “Security key”');
    await signOut(page);
    await signInWithPasskey(page);
    await expect(page.getByTestId('sign-in-error')).toContainText('could not be used to sign in');
    expect(lastSignIn(account.email)).toEqual(expect.objectContaining({ action: 'sign_in.success' }));
  });
});
