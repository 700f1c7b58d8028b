/**
 * Signing in and out from the browser through next-auth's own endpoints (`/api/auth/*`), the way
 * next-auth/react's signIn and signOut do, without shipping that library to every page. Each POST
 * carries the CSRF token next-auth hands out at `/api/auth/csrf`; `json=true` makes next-auth
 * answer `{ url }` instead of redirecting. If lib/server/auth.ts ever moves next-auth off `/api/auth`,
 * change AUTH_PATH too.
 */
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';

const AUTH_PATH = '/api/auth';

let pendingCsrf: Promise<string> | null = null;

/**
 * Fetches the CSRF token ahead of time (the sign-in form does when it appears), so that pressing
 * "Sign in" costs one round trip rather than two. Each token fetched is used once.
 */
export function prefetchCsrfToken(): void {
  if (pendingCsrf) return;
  const fetched = fetch(`${AUTH_PATH}/csrf`, { credentials: 'same-origin' })
    .then((r) => r.json() as Promise<{ csrfToken: string }>)
    .then((body) => body.csrfToken);
  pendingCsrf = fetched;
  // A failed prefetch is not kept: the next use fetches again, and reports its own failure.
  fetched.catch(() => {
    if (pendingCsrf === fetched) pendingCsrf = null;
  });
}

function csrfToken(): Promise<string> {
  prefetchCsrfToken();
  const token = pendingCsrf!;
  pendingCsrf = null;
  return token;
}

async function post(action: string, fields: Record<string, string>): Promise<{ response: Response; url?: string }> {
  const response = await fetch(`${AUTH_PATH}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: 'true' }),
    credentials: 'same-origin',
  });
  const data = (await response.json()) as { url?: string };
  return { response, url: data.url };
}

export type SignInResult = { ok: boolean; status: number; error: string | null };

/**
 * Checks an e-mail and password; on success the session cookie is set and nothing navigates.
 * `error` is next-auth's code (`CredentialsSignin`, or the one lib/server/auth.ts throws, e.g. `AccountLocked`).
 * `destination`: where to go now, `callbackPath` or, for /start, the user's own landing page as
 * the server answered it (a path of this site).
 */
export async function signInWithPassword(
  email: string,
  password: string,
  callbackPath: string,
): Promise<SignInResult & { destination: string }> {
  const { response, url } = await post('callback/credentials', { email, password, callbackUrl: new URL(callbackPath, window.location.href).href });
  const answered = url ? new URL(url, window.location.href) : null;
  const error = answered?.searchParams.get('error') ?? null;
  const sameSite = answered && answered.origin === window.location.origin && !answered.pathname.startsWith('/login');
  const destination = sameSite ? answered.pathname + answered.search + answered.hash : callbackPath;
  return { ok: response.ok, status: response.status, error, destination };
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
