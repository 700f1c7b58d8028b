/**
 * Single sign-on through a real OpenID provider (oidc-provider, started here once for the run on
 * the port playwright.config.ts gives the app as PITF_SSO_ISSUER), with private_key_jwt client
 * authentication, select_account and acr_values as Login.gov asks for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { RunningProvider } from './services/oidc-provider.mjs';
import { openTestDatabase } from './helpers';
import { SSO_ISSUER } from '../playwright.config';

const PHISHING_RESISTANT = 'http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true';
const WEAKER = 'http://idmanagement.gov/ns/assurance/aal/1';

const DHS = { sub: 'e2e-sub-dhs-official', email: 'official.dhs@pitf.demo', name: 'DHS Official' };
const STRANGER = { sub: 'e2e-sub-stranger', email: 'stranger@example.gov', name: 'Sam Stranger' };
const OTHER = { sub: 'e2e-sub-other-person', email: 'someone.else@example.gov', name: 'Someone Else' };

let provider: RunningProvider;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  // Loaded when needed: the module is ESM with top-level await (its command-line entry), which the test runner cannot require.
  const { startOidcProvider } = await import('./services/oidc-provider.mjs');
  const publicJwks = JSON.parse(fs.readFileSync(path.join(process.env.E2E_SSO_DIR!, 'public-jwks.json'), 'utf8'));
  provider = await startOidcProvider({
    port: Number(new URL(SSO_ISSUER).port),
    clients: [
      {
        clientId: 'pitf-e2e',
        jwks: publicJwks,
        redirectUris: [`${baseURL}/api/auth/callback/sso`],
        postLogoutRedirectUris: [`${baseURL}/login`],
      },
    ],
    accounts: [DHS, STRANGER, OTHER],
  });
});

test.afterAll(async () => {
  await provider?.stop();
});

/** From the app's sign-in page through the provider's, choosing who and at what level. */
async function signInThroughProvider(page: Page, email: string, acr: string) {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in with the test identity provider' }).click();
  await expect(page).toHaveURL(new RegExp(`^${SSO_ISSUER}/interaction/`));
  await page.getByLabel('E-mail address').selectOption(email);
  await page.getByLabel('Authentication level (acr)').selectOption(acr);
  await page.getByRole('button', { name: 'Continue' }).click();
}

function signInEvents(email: string) {
  const db = openTestDatabase();
  const rows = db
    .prepare("SELECT action, after FROM audit_events WHERE actor_email = ? AND action IN ('sign_in.success', 'sign_in.refused', 'user.sso_linked') ORDER BY id")
    .all(email) as { action: string; after: string }[];
  db.close();
  return rows.map((r) => ({ action: r.action, after: JSON.parse(r.after) }));
}

test('an official signs in through the provider at the required level and is linked to their account', async ({ page }) => {
  const before = signInEvents(DHS.email).length;
  await signInThroughProvider(page, DHS.email, PHISHING_RESISTANT);
  // An official lands on their agency's page.
  await expect(page.getByRole('heading', { level: 1, name: 'My agency' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('DHS Official');
  expect((await page.request.get('/api/deliverables?agency=dhs')).status()).toBe(200);
  expect(signInEvents(DHS.email).slice(before)).toEqual([
    { action: 'user.sso_linked', after: { issuer: SSO_ISSUER, subject: DHS.sub } },
    { action: 'sign_in.success', after: { method: 'sso', acr: PHISHING_RESISTANT } },
  ]);
  const db = openTestDatabase();
  const session = db.prepare("SELECT method, acr FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? ORDER BY s.created_at DESC LIMIT 1").get(DHS.email);
  db.close();
  expect(session).toEqual({ method: 'sso', acr: PHISHING_RESISTANT });

  // Signing out ends the provider's session too (RP-initiated logout), then comes back here.
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${SSO_ISSUER}/`));
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider sends the browser back with the state the app gave it.
  await expect(page).toHaveURL(/\/login\?state=\w+$/);
  expect((await (await page.request.get('/api/auth/session')).json()) as object).toEqual({});
});

test('a weaker authentication level is refused, says why, and is audited', async ({ page }) => {
  await signInThroughProvider(page, DHS.email, WEAKER);
  await expect(page).toHaveURL(/\/login\?error=SsoWeakAcr/);
  await expect(page.getByTestId('sign-in-error')).toContainText('did not confirm a phishing-resistant method');
  expect((await (await page.request.get('/api/auth/session')).json()) as object).toEqual({});
  expect(signInEvents(DHS.email).at(-1)).toEqual({ action: 'sign_in.refused', after: { reason: 'weak_acr', method: 'sso', acr: WEAKER } });
});

test('someone without an account here is refused: no account is made', async ({ page }) => {
  await signInThroughProvider(page, STRANGER.email, PHISHING_RESISTANT);
  await expect(page.getByTestId('sign-in-error')).toContainText('Ask your secretariat for an account');
  const db = openTestDatabase();
  expect(db.prepare('SELECT count(*) FROM users WHERE email = ?').pluck().get(STRANGER.email)).toBe(0);
  db.close();
  expect(signInEvents(STRANGER.email).at(-1)).toEqual({ action: 'sign_in.refused', after: { reason: 'no_account', method: 'sso', acr: PHISHING_RESISTANT } });
});

test('the link holds when the e-mail changes at the provider, and another identity cannot take the account by its e-mail', async ({ page, browser }) => {
  // The official's e-mail changes at the provider: the subject still signs in to the same account.
  provider.setAccountEmail(DHS.sub, 'dhs.official.renamed@example.gov');
  await signInThroughProvider(page, 'dhs.official.renamed@example.gov', PHISHING_RESISTANT);
  await expect(page.getByTestId('signed-in-user')).toContainText('DHS Official');

  // Another person at the provider now has the official's old e-mail: refused, the account stays linked to its subject.
  provider.setAccountEmail(OTHER.sub, DHS.email);
  const other = await browser.newPage();
  await signInThroughProvider(other, DHS.email, PHISHING_RESISTANT);
  await expect(other.getByTestId('sign-in-error')).toContainText('already linked to another identity');
  expect(signInEvents(DHS.email).at(-1)).toEqual({ action: 'sign_in.refused', after: { reason: 'linked_elsewhere', method: 'sso', acr: PHISHING_RESISTANT } });
  await other.close();
});
