import { getSignInPolicy, setSignInPolicy, type SignInPolicy } from '@/db/queries/sign-in-policy';
import { apiRoute } from '@/lib/server/handler';
import { canManageUsers } from '@/lib/authorization';
import { signInPolicySchema } from '@/lib/validations/passkeys';

/** Which roles must sign in with a phishing-resistant method. */
export const GET = apiRoute({ allow: canManageUsers }, () => wire(getSignInPolicy()));

/** Takes effect on the next request of every affected user. */
export const PUT = apiRoute({ allow: canManageUsers, body: signInPolicySchema }, ({ user, body }) => wire(setSignInPolicy(user, body.phishingResistantRoles)));

/** The policy as the API answers it: its instant in epoch milliseconds. */
function wire(policy: SignInPolicy) {
  return { ...policy, setAt: policy.setAt?.getTime() ?? null };
}
