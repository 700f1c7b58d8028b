import { grantEnrolment } from '@/db/queries/passkeys';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { userIdParams } from '@/lib/validations/admin';

/** Lets the user enrol a first passkey right after their next password sign-in, for 72 hours. */
export const POST = apiRoute({ allow: canManageUsers, params: userIdParams }, ({ user, params }) => {
  const until = grantEnrolment(user, params.id);
  if (!until) throw notFound('The user');
  return { enrolmentUntil: until };
});
