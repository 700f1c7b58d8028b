/**
 * WebAuthn ceremonies with @simplewebauthn/server: options handed to the browser, each with a
 * single-use challenge stored in the database, and the browser's answer checked against it.
 *
 * The relying party is the app's public origin (NEXTAUTH_URL): its host name is the RP ID, so a
 * passkey made here works only here. User verification (a PIN or biometric on the authenticator)
 * is required in every ceremony: a passkey alone is then two factors, and phishing-resistant.
 */
import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import {
  consumeChallenge,
  findPasskey,
  listPasskeys,
  saveChallenge,
  touchPasskey,
  type ChallengePurpose,
  type NewPasskey,
} from '@/db/queries/passkeys';
import type { Passkey } from '@/db/schema';
import type { SessionUser } from '@/lib/authorization';
import { configuredOrigin } from '@/lib/env';

const RP_NAME = 'PITF Dashboard';
const TIMEOUT_MS = 5 * 60_000;

function relyingParty(): { origin: string; rpID: string } {
  const origin = configuredOrigin() ?? 'http://localhost:3000';
  return { origin, rpID: new URL(origin).hostname };
}

export type CeremonyOptions<T> = { challengeId: string; options: T };

/** Options to register a new passkey for the signed-in user (their existing ones are excluded). */
export async function registrationOptions(user: SessionUser): Promise<CeremonyOptions<PublicKeyCredentialCreationOptionsJSON>> {
  const { rpID } = relyingParty();
  const existing = listPasskeys(user.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    // A stable handle per account, not the e-mail: the authenticator stores it with the passkey.
    userID: new TextEncoder().encode(`pitf-user-${user.id}`),
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  return { challengeId: saveChallenge(options.challenge, 'register', user.id), options };
}

/** Why a ceremony failed; with the passkey's owner when the passkey is known (for the audit trail). */
export type CeremonyFailure = { ok: false; reason: string; userId?: number };

/** Checks the browser's answer to registrationOptions; the passkey to store, or why not. */
export async function verifyRegistration(
  user: SessionUser,
  challengeId: string,
  response: RegistrationResponseJSON,
  name: string,
): Promise<{ ok: true; passkey: NewPasskey } | CeremonyFailure> {
  const challenge = consumeChallenge(challengeId, 'register', user.id);
  if (!challenge) return { ok: false, reason: 'The registration took too long or was already used. Try again.' };
  const { origin, rpID } = relyingParty();
  let result;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch (error) {
    return { ok: false, reason: `The authenticator's answer could not be verified: ${(error as Error).message}` };
  }
  if (!result.verified) return { ok: false, reason: "The authenticator's answer could not be verified." };
  const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
  if (findPasskey(credential.id)) return { ok: false, reason: 'This passkey is already registered.' };
  return {
    ok: true,
    passkey: {
      id: credential.id,
      name,
      publicKey: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    },
  };
}

/**
 * Options to prove a passkey: for signing in (`authenticate`, any discoverable passkey: the
 * authenticator says whose), or as the step after a password (`step_up`, the user's own only).
 */
export async function authenticationOptions(
  purpose: Exclude<ChallengePurpose, 'register'>,
  user: SessionUser | null,
): Promise<CeremonyOptions<PublicKeyCredentialRequestOptionsJSON>> {
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID,
    timeout: TIMEOUT_MS,
    userVerification: 'required',
    allowCredentials: user ? listPasskeys(user.id).map((p) => ({ id: p.id })) : [],
  });
  return { challengeId: saveChallenge(options.challenge, purpose, user?.id ?? null), options };
}

/**
 * Checks an answer to authenticationOptions: the passkey that signed it, or why not. The
 * challenge is spent whatever the outcome; the signature counter must have grown (when the
 * authenticator keeps one), else the passkey may have been cloned.
 */
export async function verifyAuthentication(
  purpose: Exclude<ChallengePurpose, 'register'>,
  challengeId: string,
  response: AuthenticationResponseJSON,
  user: SessionUser | null,
): Promise<{ ok: true; passkey: Passkey } | CeremonyFailure> {
  const challenge = consumeChallenge(challengeId, purpose, user?.id ?? null);
  if (!challenge) return { ok: false, reason: 'expired_challenge' };
  const passkey = typeof response?.id === 'string' ? findPasskey(response.id) : null;
  if (!passkey || (user && passkey.userId !== user.id)) return { ok: false, reason: 'unknown_passkey' };
  const { origin, rpID } = relyingParty();
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: { id: passkey.id, publicKey: new Uint8Array(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
    });
  } catch (error) {
    const message = (error as Error).message;
    const reason = /counter/i.test(message) ? 'counter_regression' : /user verif/i.test(message) ? 'user_not_verified' : 'invalid_signature';
    return { ok: false, reason, userId: passkey.userId };
  }
  if (!result.verified) return { ok: false, reason: 'invalid_signature', userId: passkey.userId };
  touchPasskey(passkey.id, result.authenticationInfo.newCounter);
  return { ok: true, passkey };
}
