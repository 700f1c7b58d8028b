/**
 * Signing in and out from the browser through next-auth's own endpoints (`/api/auth/*`), the way
 * next-auth/react's signIn and signOut do, without shipping that library to every page. Each POST
 * carries the CSRF token next-auth hands out at `/api/auth/csrf`; `json=true` makes next-auth
 * answer `{ url }` instead of redirecting. If lib/auth.ts ever moves next-auth off `/api/auth`,
 * change AUTH_PATH too.
 */
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
 * `error` is next-auth's code (`CredentialsSignin`, or the one lib/auth.ts throws, e.g. `AccountLocked`).
 */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const { response, url } = await post('callback/credentials', { email, password, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.href).searchParams.get('error') : null;
  return { ok: response.ok, status: response.status, error };
}

/** Ends the session on the server, then goes to `callbackUrl` (a path in this app). */
export async function signOut(callbackUrl: string): Promise<void> {
  const { url = callbackUrl } = await post('signout', { callbackUrl });
  window.location.href = url;
  if (url.includes('#')) window.location.reload();
}
