import { forbidden } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { authenticationOptions } from '@/lib/server/passkeys';

/** Options for the step after a password: prove one of your own passkeys (navigator.credentials.get). */
export const POST = apiRoute({ allowSignInStep: true }, ({ user }) => {
  if (user.signInStep !== 'passkey') throw forbidden('There is no passkey step to complete in this session.');
  return authenticationOptions('step_up', user);
});
