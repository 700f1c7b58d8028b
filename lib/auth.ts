/**
 * Sign-in (next-auth Credentials, JWT session cookie) and the current user.
 *
 * The session cookie only says who signed in. Every request re-reads that user from the database
 * (getCurrentUser), so deactivating an account or changing its role takes effect on its next
 * request, whatever the cookie still says.
 */
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import {
  findUserForSignIn,
  getSessionUser,
  lockMinutesLeft,
  normaliseEmail,
  recordSignInFailure,
  recordSignInRefused,
  recordSignInSuccess,
} from '@/db/queries/users';
import type { SessionUser } from './authorization';
import { authSecret, demoAccountsAllowed } from './env';
import { dummyHash, verifyPassword } from './password';
import { signInSchema } from './validations/auth';

/** Error codes the sign-in form turns into messages (lib/validations/auth.ts). */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  locked: 'AccountLocked',
  demoDisabled: 'DemoAccountsDisabled',
} as const;

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'E-mail and password',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const email = normaliseEmail(parsed.data.email);

        if (lockMinutesLeft(email) > 0) {
          recordSignInRefused(email, 'locked', null);
          throw new Error(SIGN_IN_ERRORS.locked);
        }

        const user = findUserForSignIn(email);
        // Compare against a dummy hash for unknown e-mails so timing does not reveal accounts.
        const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? dummyHash());
        if (!user || !passwordOk || !user.active) {
          const reason = !user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'inactive';
          const locked = recordSignInFailure(email, reason, user?.id ?? null);
          if (locked > 0) throw new Error(SIGN_IN_ERRORS.locked);
          return null;
        }
        if (user.isDemo && !demoAccountsAllowed()) {
          recordSignInRefused(email, 'demo_accounts_disabled', user.id);
          throw new Error(SIGN_IN_ERRORS.demoDisabled);
        }
        recordSignInSuccess(user);
        return { id: String(user.id), email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async session({ session, token }) {
      // Only the id travels; role and agency are read fresh from the database on each request.
      return { ...session, user: { id: token.sub, email: token.email, name: token.name } };
    },
  },
};

/** The signed-in, active user for this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions).catch(() => null);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return getSessionUser(id);
});

/** For pages and server actions: the current user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = (await headers()).get('x-pitf-path');
  redirect(path && path !== '/' ? `/login?callbackUrl=${encodeURIComponent(path)}` : '/login');
}
