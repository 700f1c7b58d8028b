import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { signInApi } from './helpers';

export const TEST_PASSWORD = 'harbor lantern quietly 42';

/**
 * Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain): a platform
 * authenticator with resident keys and user verification, answering without a prompt, as a
 * laptop's fingerprint reader would. Returns a switch for whether it verifies the user.
 */
export async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    setUserVerified: (isUserVerified: boolean) => cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified }),
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
  };
}

/** The administrator's API client, signed in. */
export async function adminClient(playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL?: string) {
  const api = await playwright.request.newContext({ baseURL });
  expect((await signInApi(api, 'admin@pitf.demo')).ok()).toBe(true);
  return api;
}

/** A new account as the secretariat makes one; its one-time password already replaced by `password`. */
export async function newAccount(
  playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  admin: APIRequestContext,
  { email, role = 'viewer', agency, password = TEST_PASSWORD, keepTemporary = false }: { email: string; role?: string; agency?: string; password?: string; keepTemporary?: boolean },
) {
  const created = await admin.post('/api/admin/users', { data: { email, name: `Test ${email.split('@')[0]}`, role, ...(agency ? { agency } : {}) } });
  expect(created.status(), await created.text()).toBe(201);
  const { user, temporaryPassword } = (await created.json()) as { user: { id: number; name: string }; temporaryPassword: string };
  if (keepTemporary) return { id: user.id, name: user.name, email, password: temporaryPassword };
  const self = await playwright.request.newContext({ baseURL });
  expect((await signInApi(self, email, temporaryPassword)).ok()).toBe(true);
  const changed = await self.post('/api/account/password', { data: { currentPassword: temporaryPassword, newPassword: password } });
  expect(changed.status(), await changed.text()).toBe(200);
  await self.dispose();
  return { id: user.id, name: user.name, email, password };
}
