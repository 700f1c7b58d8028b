import { getSignInPolicy, setSignInPolicy } from '@/db/queries/sign-in-policy';
import { apiRoute } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { signInPolicySchema } from '@/lib/validations/passkeys';

/** Which roles must sign in with a phishing-resistant method. */
export const GET = apiRoute({ allow: canManageUsers }, () => getSignInPolicy());

/** Takes effect on the next request of every affected user. */
export const PUT = apiRoute({ allow: canManageUsers, body: signInPolicySchema }, ({ user, body }) => setSignInPolicy(user, body.phishingResistantRoles));
