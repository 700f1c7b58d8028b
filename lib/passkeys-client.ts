/**
 * The browser's side of passkeys: ask the server for options, let the browser and authenticator
 * do the ceremony (@simplewebauthn/browser, loaded only when used), send the answer back.
 */
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { apiFetch } from './api/client';

/** The person closed the browser's passkey prompt, or it timed out. */
export class PasskeyCancelled extends Error {}

async function ceremony<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // The browser reports a closed prompt, a time-out and a refused user verification alike.
    if (error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) throw new PasskeyCancelled(error.message);
    throw error;
  }
}

/** Creates a passkey on this device and registers it under `name`. */
export async function registerPasskey(name: string): Promise<void> {
  const { challengeId, options } = await apiFetch<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }>('/api/account/passkeys/options', {
    method: 'POST',
  });
  const { startRegistration } = await import('@simplewebauthn/browser');
  const response = await ceremony(() => startRegistration({ optionsJSON: options }));
  await apiFetch('/api/account/passkeys', { method: 'POST', body: { challengeId, name, response } });
}

/** The step after a password: proves one of the user's own passkeys. */
export async function provePasskey(): Promise<void> {
  const { challengeId, options } = await apiFetch<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }>(
    '/api/account/passkeys/verify/options',
    { method: 'POST' },
  );
  const { startAuthentication } = await import('@simplewebauthn/browser');
  const response = await ceremony(() => startAuthentication({ optionsJSON: options }));
  await apiFetch('/api/account/passkeys/verify', { method: 'POST', body: { challengeId, response } });
}

/** What to tell the person when a passkey ceremony did not complete. */
export function passkeyErrorMessage(error: unknown): string {
  if (error instanceof PasskeyCancelled) return 'The passkey prompt was closed, timed out or could not verify you. Try again when you are ready.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong with the passkey. Try again.';
}
