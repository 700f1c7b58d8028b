/**
 * Sign-in (next-auth Credentials, JWT session cookie) and the current user.
 *
 * The session cookie only says which sign-in this is (a row in `sessions`). Every request re-reads
 * that row and the user from the database (getRequestSession), so an idle or expired session,
 * signing out, deactivation, a role change or a password reset take effect on the next request,
 * whatever the cookie still says.
 */
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { NextAuthOptions } from 'next-auth';
import { decode } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import {
  checkSession,
  endSession,
  startSession,
  type SessionProblem,
  type SessionTimes,
} from '@/db/queries/sessions';
import {
  claimPasswordCheck,
  findUserForSignIn,
  getSessionUser,
  normaliseEmail,
  recordSignInFailure,
  recordSignInRefused,
  recordSignInSuccess,
  releasePasswordCheck,
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

const SESSION_ENDED = 'SessionEnded';

// The cookie may live as long as the longest session; the server ends sessions sooner (db/queries/sessions.ts).
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

        // Counted before the hash, atomically with the lock check: see claimPasswordCheck.
        if (!claimPasswordCheck(email).ok) {
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
        releasePasswordCheck(email);
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
    async jwt({ token, user }) {
      // `user` is present only at sign-in: that is when the server-side session starts.
      if (user) {
        token.sid = startSession(Number(user.id));
        return token;
      }
      // Otherwise next-auth's own session endpoint is reading the cookie: it must say signed out
      // exactly when the app does. Throwing makes next-auth answer `{}` and clear the cookie.
      const standing = standingSession(token.sid, Number(token.sub), false);
      if (!standing.ok) throw new Error(SESSION_ENDED);
      return token;
    },
    async session({ session, token }) {
      // Only ids travel; role and agency are read fresh from the database on each request.
      return { ...session, sid: token.sid, user: { id: token.sub, email: token.email, name: token.name } };
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session read at /api/auth/session is expected, not an error of the server.
      if (code === 'JWT_SESSION_ERROR' && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === 'string') endSession(token.sid, 'signed_out');
    },
  },
};

export type RequestSession =
  | { user: SessionUser; sessionId: string; times: SessionTimes }
  | { user: null; problem: SessionProblem | 'none' };

/**
 * The one cookie name next-auth sets: with the __Secure- prefix when the site is served over
 * HTTPS, so that only a secure response can have set it. The plain name is never read then.
 */
function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

type SessionToken = { sid: string | null; userId: number; expiresAt: number };

// A cookie's value always decrypts to the same claims: remember them rather than deriving the key
// and decrypting on every request. Whether the session still stands is read fresh each time below.
const decodedTokens = new Map<string, SessionToken>();
const DECODED_TOKENS_KEPT = 1_000;

async function readSessionCookie(): Promise<SessionToken | null> {
  const jar = await cookies();
  const value = jar.get(sessionCookieName())?.value;
  if (!value) return null;
  let token = decodedTokens.get(value);
  if (!token) {
    const claims = await decode({ token: value, secret: authSecret() }).catch(() => null);
    if (!claims) return null;
    token = {
      sid: typeof claims.sid === 'string' ? claims.sid : null,
      userId: Number(claims.sub),
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : 0,
    };
    if (decodedTokens.size >= DECODED_TOKENS_KEPT) decodedTokens.delete(decodedTokens.keys().next().value as string);
    decodedTokens.set(value, token);
  }
  return token.expiresAt > Date.now() ? token : null;
}

type Standing = { ok: true; user: SessionUser; sessionId: string; times: SessionTimes } | { ok: false; problem: SessionProblem };

/** Whether the sign-in `sid` of user `id` still stands, by the sessions table and the user's row. */
function standingSession(sid: unknown, id: number, touch: boolean): Standing {
  if (typeof sid !== 'string' || !sid || !Number.isInteger(id) || id <= 0) return { ok: false, problem: 'unknown' };
  const check = checkSession(sid, Date.now(), { touch });
  if (!check.ok) return { ok: false, problem: check.problem };
  if (check.userId !== id) return { ok: false, problem: 'unknown' };
  const user = getSessionUser(id);
  if (!user) return { ok: false, problem: 'deactivated' };
  return { ok: true, user, sessionId: sid, times: check.times };
}

async function resolveSession(touch: boolean): Promise<RequestSession> {
  const token = await readSessionCookie();
  if (!token) return { user: null, problem: 'none' };
  const standing = standingSession(token.sid, token.userId, touch);
  if (!standing.ok) return { user: null, problem: standing.problem };
  return { user: standing.user, sessionId: standing.sessionId, times: standing.times };
}

/**
 * The session of this request (read once per request): the signed-in, active user and when the
 * session will end, or why there is none. Counts the request as activity.
 */
export const getRequestSession = cache(() => resolveSession(true));

/** The same, without counting as activity: the idle warning asks how long is left. */
export const peekRequestSession = () => resolveSession(false);

/** The signed-in, active user for this request, or null. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getRequestSession()).user;
}

/**
 * For pages: the current user, or a redirect to the sign-in page (saying why the session ended).
 * A user who must choose a new password is kept on /account until they have.
 */
export async function requireUser(): Promise<SessionUser> {
  const session = await getRequestSession();
  const path = (await headers()).get('x-pitf-path') ?? '/';
  if (!session.user) {
    const query = new URLSearchParams();
    if (session.problem !== 'none') query.set('reason', session.problem);
    if (path !== '/') query.set('callbackUrl', path);
    const search = query.toString();
    redirect(search ? `/login?${search}` : '/login');
  }
  if (session.user.mustChangePassword && !path.startsWith('/account')) redirect('/account');
  return session.user;
}
