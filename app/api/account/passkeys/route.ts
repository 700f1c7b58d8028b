import { addPasskey, completePasskeyStep, listPasskeys } from '@/db/queries/passkeys';
import { conflict, forbidden } from '@/lib/errors';
import { apiRoute, json } from '@/lib/server/handler';
import { getRequestSession } from '@/lib/server/auth';
import { verifyRegistration } from '@/lib/server/passkeys';
import { registerPasskeySchema } from '@/lib/validations/passkeys';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';

/** The signed-in user's own passkeys. */
export const GET = apiRoute({}, ({ user }) => ({ items: listPasskeys(user.id) }));

/**
 * Registers a passkey: the answer to POST /api/account/passkeys/options. Open during the sign-in
 * step only to a user an administrator allowed to enrol.
 */
export const POST = apiRoute({ body: registerPasskeySchema, allowSignInStep: true }, async ({ user, body }) => {
  if (user.signInStep && user.signInStep !== 'enrol') throw forbidden(ENROL_REFUSED[user.signInStep]);
  const result = await verifyRegistration(user, body.challengeId, body.response as unknown as RegistrationResponseJSON, body.name);
  if (!result.ok) throw conflict(result.reason);
  const added = addPasskey(user, result.passkey);
  // Enrolling proved the new passkey, with user verification: the sign-in step is done.
  if (user.signInStep === 'enrol') {
    const session = await getRequestSession();
    if (session.user) completePasskeyStep(user, session.sessionId, added.name);
  }
  return json(added, 201);
});

export const ENROL_REFUSED = {
  passkey: 'Sign in with one of your passkeys first; then add another on your account page.',
  no_method: 'Your role must sign in with a passkey and you have none. Ask the secretariat to let you enrol one.',
} as const;
