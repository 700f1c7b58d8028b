import { countPasskeys, removePasskey } from '@/db/queries/passkeys';
import { requiresPhishingResistant } from '@/db/queries/sign-in-policy';
import { conflict, notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { passkeyIdParams } from '@/lib/validations/passkeys';

/** Removes one of the user's own passkeys; not the last one while their role must sign in with one. */
export const DELETE = apiRoute({ params: passkeyIdParams }, ({ user, params }) => {
  if (requiresPhishingResistant(user) && countPasskeys(user.id) <= 1) {
    throw conflict('Your role must sign in with a passkey: add another before removing your last one.');
  }
  if (!removePasskey(user, params.id)) throw notFound('The passkey');
  return { removed: true };
});
