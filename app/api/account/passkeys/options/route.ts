import { forbidden } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { registrationOptions } from '@/lib/server/passkeys';
import { ENROL_REFUSED } from '../route';

/** Options for the browser to create a passkey (navigator.credentials.create), with the challenge's id. */
export const POST = apiRoute({ allowSignInStep: true }, ({ user }) => {
  if (user.signInStep && user.signInStep !== 'enrol') throw forbidden(ENROL_REFUSED[user.signInStep]);
  return registrationOptions(user);
});
