'use client';

/**
 * The browser's calls to the administration endpoints (accounts, member agencies, the sign-in
 * policy): one typed fetcher per endpoint and a mutation hook per write, which invalidates the
 * resource's root key before the caller's onSuccess (see lib/api/mutation.ts). The pages are
 * rendered on the server, so callers also `router.refresh()`.
 */
import type { CreatedAccount, PasskeysReset, PasswordReset } from '@/lib/contracts/admin';
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { adminKeys, agencyKeys, userKeys } from '@/lib/query-keys';
import type { CreateAgencyBody, CreateUserBody, UpdateAgencyBody, UpdateUserBody } from '@/lib/validations/admin';
import type { SignInPolicyBody } from '@/lib/validations/passkeys';

// POST /api/admin/users, PATCH /api/admin/users/:id

export function createUser(body: CreateUserBody) {
  return apiFetch<CreatedAccount>('/api/admin/users', { method: 'POST', body });
}

export function useCreateUserMutation(options?: MutationHookOptions<CreatedAccount, CreateUserBody>) {
  return useInvalidatingMutation(createUser, [userKeys.all], options);
}

export function updateUser(id: number, body: UpdateUserBody) {
  return apiFetch<unknown>(`/api/admin/users/${id}`, { method: 'PATCH', body });
}

export function useUpdateUserMutation(id: number, options?: MutationHookOptions<unknown, UpdateUserBody>) {
  return useInvalidatingMutation((body: UpdateUserBody) => updateUser(id, body), [userKeys.all], options);
}

// POST /api/admin/users/:id/password-reset, /passkeys-reset and /passkey-enrolment

export function resetPassword(id: number) {
  return apiFetch<PasswordReset>(`/api/admin/users/${id}/password-reset`, { method: 'POST' });
}

export function useResetPasswordMutation(id: number, options?: MutationHookOptions<PasswordReset, void>) {
  return useInvalidatingMutation(() => resetPassword(id), [userKeys.all], options);
}

export function resetPasskeys(id: number) {
  return apiFetch<PasskeysReset>(`/api/admin/users/${id}/passkeys-reset`, { method: 'POST' });
}

export function useResetPasskeysMutation(id: number, options?: MutationHookOptions<PasskeysReset, void>) {
  return useInvalidatingMutation(() => resetPasskeys(id), [userKeys.all], options);
}

export function allowPasskeyEnrolment(id: number) {
  return apiFetch<unknown>(`/api/admin/users/${id}/passkey-enrolment`, { method: 'POST' });
}

export function useAllowPasskeyEnrolmentMutation(id: number, options?: MutationHookOptions<unknown, void>) {
  return useInvalidatingMutation(() => allowPasskeyEnrolment(id), [userKeys.all], options);
}

// PUT /api/admin/sign-in-policy

export function saveSignInPolicy(body: SignInPolicyBody) {
  return apiFetch<unknown>('/api/admin/sign-in-policy', { method: 'PUT', body });
}

export function useSaveSignInPolicyMutation(options?: MutationHookOptions<unknown, SignInPolicyBody>) {
  return useInvalidatingMutation(saveSignInPolicy, [adminKeys.all], options);
}

// POST /api/admin/agencies, PATCH /api/admin/agencies/:slug

export function createAgency(body: CreateAgencyBody) {
  return apiFetch<unknown>('/api/admin/agencies', { method: 'POST', body });
}

export function useCreateAgencyMutation(options?: MutationHookOptions<unknown, CreateAgencyBody>) {
  return useInvalidatingMutation(createAgency, [agencyKeys.all], options);
}

export function updateAgency(slug: string, body: UpdateAgencyBody) {
  return apiFetch<unknown>(`/api/admin/agencies/${encodeURIComponent(slug)}`, { method: 'PATCH', body });
}

export function useUpdateAgencyMutation(slug: string, options?: MutationHookOptions<unknown, UpdateAgencyBody>) {
  return useInvalidatingMutation((body: UpdateAgencyBody) => updateAgency(slug, body), [agencyKeys.all], options);
}
