import { changeOwnPassword } from '@/db/queries/admin-users';
import type { SessionUser } from '@/lib/authorization';
import { QueueFull } from '@/lib/bounded-queue';
import { DomainError, rateLimited } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { getRequestSession } from '@/lib/server/auth';
import { passwordChecks, returnSignInToken, takeSignInToken } from '@/lib/server/rate-limit';
import { clientAddress } from '@/lib/server/request';
import { changePasswordSchema } from '@/lib/validations/admin';

/**
 * Any signed-in user changes their own password (and must, after a reset). Their other sessions
 * end. Checking the current password costs a hash like signing in, and counts against the same
 * allowance of the client's address.
 */
export const POST = apiRoute({ body: changePasswordSchema, allowPendingPasswordChange: true }, async ({ request, user, body }) => {
  const address = clientAddress(request.headers);
  // In the same line as sign-ins' password checks (lib/server/rate-limit.ts): refused at once when it is full.
  return passwordChecks()
    .run(() => changePassword(user, address, body.currentPassword, body.newPassword))
    .catch((error: unknown) => {
      throw error instanceof QueueFull ? rateLimited('Too many password checks at once. Try again shortly.', 1) : error;
    });
});

async function changePassword(user: SessionUser, address: string, currentPassword: string, newPassword: string) {
  const token = takeSignInToken(address);
  if (!token.ok) throw rateLimited(`Too many wrong passwords from this network. Try again in ${token.retryAfterSeconds} seconds.`, token.retryAfterSeconds);
  const session = await getRequestSession();
  try {
    await changeOwnPassword(user, session.user ? session.sessionId : '', currentPassword, newPassword);
  } catch (error) {
    // Only a wrong current password uses up the allowance; a weak new one does not.
    if (!(error instanceof DomainError && error.fields && Object.hasOwn(error.fields, 'currentPassword'))) returnSignInToken(address);
    throw error;
  }
  returnSignInToken(address);
  return { changed: true };
}
