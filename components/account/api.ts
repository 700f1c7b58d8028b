'use client';

/**
 * The browser's calls to the signed-in person's own account: their password, their passkeys and
 * their session's clock. Writes invalidate `accountKeys.all` before the caller's onSuccess (see
 * lib/api/mutation.ts); the account pages are rendered on the server, so callers also refresh.
 */
import type { SessionTimes } from '@/lib/contracts/admin';
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { registerPasskey } from '@/lib/passkeys-client';
import { accountKeys } from '@/lib/query-keys';
import type { ChangePasswordBody } from '@/lib/validations/admin';

// POST /api/account/password

export function changePassword(body: ChangePasswordBody) {
  return apiFetch<unknown>('/api/account/password', { method: 'POST', body });
}

export function useChangePasswordMutation(options?: MutationHookOptions<unknown, ChangePasswordBody>) {
  return useInvalidatingMutation(changePassword, [accountKeys.all], options);
}

// POST /api/account/passkeys/options then /api/account/passkeys (the WebAuthn ceremony, in
// lib/passkeys-client.ts); DELETE /api/account/passkeys/:id

export function useRegisterPasskeyMutation(options?: MutationHookOptions<void, string>) {
  return useInvalidatingMutation(registerPasskey, [accountKeys.all], options);
}

export function deletePasskey(id: string) {
  return apiFetch<unknown>(`/api/account/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeletePasskeyMutation(options?: MutationHookOptions<unknown, string>) {
  return useInvalidatingMutation(deletePasskey, [accountKeys.all], options);
}

// GET and POST /api/session

/**
 * The session's clock, as the server sees it: `null` when the server cannot be reached. Not
 * through apiFetch: asking is not activity (the idle clock must not restart for it), and a 401
 * here is an answer (the session has ended, and why), not an error.
 */
export async function fetchSessionTimes(): Promise<{ status: number; data: Partial<SessionTimes> & { reason?: string } } | null> {
  const response = await fetch('/api/session', { credentials: 'same-origin' }).catch(() => null);
  if (!response) return null;
  const data = (await response.json().catch(() => ({}))) as Partial<SessionTimes> & { reason?: string };
  return { status: response.status, data };
}

/** "Stay signed in": the server restarts the idle clock. Answers the status, or null when offline. */
export async function extendSession(): Promise<number | null> {
  const response = await fetch('/api/session', { method: 'POST', credentials: 'same-origin' }).catch(() => null);
  return response ? (response.ok ? 200 : response.status) : null;
}
