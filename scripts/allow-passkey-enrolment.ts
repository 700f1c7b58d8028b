/**
 * `npm run user:allow-passkey-enrolment -- EMAIL`: lets the account register a first passkey right
 * after its next password sign-in, for 72 hours. For the operator of the server when no
 * administrator can sign in yet under the sign-in policy (a new production server's first
 * administrator, before any has a passkey); afterwards administrators do this on a user's page.
 */
import { closeDb } from '@/db';
import { SYSTEM_ACTOR } from '@/db/queries/audit';
import { grantEnrolment } from '@/db/queries/passkeys';
import { findUserForSignIn } from '@/db/queries/users';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run user:allow-passkey-enrolment -- EMAIL');
  process.exit(2);
}
const user = findUserForSignIn(email);
if (!user) {
  console.error(`No account has the e-mail address ${email}.`);
  closeDb();
  process.exit(1);
}
const until = grantEnrolment(SYSTEM_ACTOR, user.id)!;
closeDb();
console.log(`${user.email} may register a passkey after signing in with their password until ${until.toISOString()}.`);
