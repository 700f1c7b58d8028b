import { resetPasskeys } from '@/db/queries/passkeys';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { userIdParams } from '@/lib/validations/admin';

/**
 * Recovery of a lost passkey: removes all of the user's passkeys, ends their sessions and lets them
 * enrol a new one after their next password sign-in (for 72 hours).
 */
export const POST = apiRoute({ allow: canManageUsers, params: userIdParams }, ({ user, params }) => {
  const result = resetPasskeys(user, params.id);
  if (!result) throw notFound('The user');
  return result;
});
