import { changeOwnPassword } from '@/db/queries/admin-users';
import { apiRoute } from '@/lib/api/handler';
import { getRequestSession } from '@/lib/auth';
import { changePasswordSchema } from '@/lib/validations/admin';

/** Any signed-in user changes their own password (and must, after a reset). Their other sessions end. */
export const POST = apiRoute({ body: changePasswordSchema, allowPendingPasswordChange: true }, async ({ user, body }) => {
  const session = await getRequestSession();
  await changeOwnPassword(user, session.user ? session.sessionId : '', body.currentPassword, body.newPassword);
  return { changed: true };
});
