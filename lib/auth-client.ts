/**
 * Signing in and out from the browser through next-auth's own endpoints (`/api/auth/*`), the way
 * next-auth/react's signIn and signOut do, without shipping that library to every page. Each POST
 * carries the CSRF token next-auth hands out at `/api/auth/csrf`; `json=true` makes next-auth
 * answer `{ url }` instead of redirecting. If lib/server/auth.ts ever moves next-auth off `/api/auth`,
 * change AUTH_PATH too.
 */
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';

const AUTH_PATH = '/api/auth';

async function post(action: string, fields: Record<string, string>): Promise<{ response: Response; url?: string }> {
  const csrf = (await (await fetch(`${AUTH_PATH}/csrf`, { credentials: 'same-origin' })).json()) as { csrfToken: string };
  const response = await fetch(`${AUTH_PATH}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: 'true' }),
    credentials: 'same-origin',
  });
  const data = (await response.json()) as { url?: string };
  return { response, url: data.url };
}

export type SignInResult = { ok: boolean; status: number; error: string | null };

/**
 * Checks an e-mail and password; on success the session cookie is set and nothing navigates.
 * `error` is next-auth's code (`CredentialsSignin`, or the one lib/server/auth.ts throws, e.g. `AccountLocked`).
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const { response, url } = await post('callback/credentials', { email, password, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.href).searchParams.get('error') : null;
  return { ok: response.ok, status: response.status, error };
}

/**
 * Signs in with a passkey: the server's options, the browser's passkey prompt (the authenticator
 * asks for its PIN or biometric), and the answer checked by next-auth's `passkey` provider.
 * `error` is `PasskeyCancelled` when the person closed the prompt or it timed out.
 */
export async function signInWithPasskey(): Promise<SignInResult> {
  const optionsResponse = await fetch(`${AUTH_PATH}/passkey-options`, { method: 'POST', credentials: 'same-origin' });
  if (!optionsResponse.ok) return { ok: false, status: optionsResponse.status, error: optionsResponse.status === 429 ? 'RateLimited' : 'PasskeyRefused' };
  const { challengeId, options } = (await optionsResponse.json()) as { challengeId: string; options: PublicKeyCredentialRequestOptionsJSON };
  const { startAuthentication } = await import('@simplewebauthn/browser');
  let answer;
  try {
    answer = await startAuthentication({ optionsJSON: options });
  } catch {
    return { ok: false, status: 0, error: 'PasskeyCancelled' };
  }
  const { response, url } = await post('callback/passkey', { challengeId, response: JSON.stringify(answer), callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.href).searchParams.get('error') : null;
  return { ok: response.ok, status: response.status, error };
}

/**
 * Starts single sign-on: next-auth answers with the identity provider's authorization URL, and the
 * browser goes there; the provider sends it back to `callbackUrl` (a path in this app).
 */
export async function signInWithSso(callbackUrl: string): Promise<void> {
  const { url } = await post('signin/sso', { callbackUrl });
  if (url) window.location.href = url;
}

/**
 * Ends the session on the server, then goes to `callbackUrl` (a path in this app), by way of the
 * identity provider's sign-out when the session came from single sign-on.
 */
export async function signOut(callbackUrl: string): Promise<void> {
  const provider = await fetch('/api/session/provider-logout', { credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<{ url: string | null }>) : null))
    .catch(() => null);
  const { url = callbackUrl } = await post('signout', { callbackUrl });
  window.location.href = provider?.url ?? url;
  if (url.includes('#')) window.location.reload();
}
