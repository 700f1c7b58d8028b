import { completePasskeyStep } from '@/db/queries/passkeys';
import { recordSignInRefused } from '@/db/queries/users';
import { forbidden } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { getRequestSession } from '@/lib/server/auth';
import { verifyAuthentication } from '@/lib/server/passkeys';
import { verifyPasskeySchema } from '@/lib/validations/passkeys';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';

/** The step after a password: the answer to the options above. The session is then complete. */
export const POST = apiRoute({ body: verifyPasskeySchema, allowSignInStep: true }, async ({ user, body }) => {
  if (user.signInStep !== 'passkey') throw forbidden('There is no passkey step to complete in this session.');
  const result = await verifyAuthentication('step_up', body.challengeId, body.response as unknown as AuthenticationResponseJSON, user);
  if (!result.ok) {
    recordSignInRefused(user.email, result.reason, user.id, { method: 'passkey', step: true });
    throw forbidden(PASSKEY_REFUSED[result.reason] ?? PASSKEY_REFUSED.invalid_signature);
  }
  const session = await getRequestSession();
  if (session.user) completePasskeyStep(user, session.sessionId, result.passkey.name);
  return { verified: true };
});

const PASSKEY_REFUSED: Record<string, string> = {
  expired_challenge: 'That took too long. Try again.',
  unknown_passkey: 'That passkey is not one of yours here.',
  counter_regression: 'That passkey answered with an old signature counter; it may have been copied. Use another, or ask the secretariat.',
  user_not_verified: 'Your authenticator did not verify you (PIN or biometric). Try again.',
  invalid_signature: 'The passkey could not be verified. Try again.',
};
