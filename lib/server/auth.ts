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
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { countPasskeys, enrolmentOpen } from '@/db/queries/passkeys';
import {
  checkSession,
  endSession,
  startSession,
  type SessionTimes,
  type SignInMethod,
} from '@/db/queries/sessions';
import type { SessionProblem } from '@/lib/domain';
import { requiresPhishingResistant } from '@/db/queries/sign-in-policy';
import {
  claimPasswordCheck,
  findUserById,
  findUserForSignIn,
  getSessionUser,
  normaliseEmail,
  recordSignInFailure,
  recordSignInRefused,
  recordSignInSuccess,
  releasePasswordCheck,
  upgradePasswordHash,
} from '@/db/queries/users';
import type { SessionUser, SignInStep } from '@/lib/authorization';
import { authSecret, demoAccountsAllowed, env, ssoConfig } from '@/lib/env';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '@/lib/password';
import { landingPath } from '@/lib/landing';
import { passkeySignInSchema, signInSchema } from '@/lib/validations/auth';
import { verifyAuthentication } from './passkeys';
import { ssoProvider, type SsoProfile } from './sso';
import { findUserBySsoSubject, resolveSsoSignIn } from '@/db/queries/sso';

/** Error codes the sign-in form turns into messages (lib/validations/auth.ts). */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  passkey: 'PasskeyRefused',
  sso: {
    weak_acr: 'SsoWeakAcr',
    no_account: 'SsoNoAccount',
    inactive: 'SsoNoAccount',
    linked_elsewhere: 'SsoLinkedElsewhere',
    demo_accounts_disabled: 'DemoAccountsDisabled',
  },
  locked: 'AccountLocked',
  demoDisabled: 'DemoAccountsDisabled',
} as const;

const SESSION_ENDED = 'SessionEnded';

// The cookie may live as long as the longest session; the server ends sessions sooner (db/queries/sessions.ts).
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

// Made now, off the event loop, so that the first sign-in with an unknown e-mail does not wait for it.
void dummyHash();

/**
 * The e-mail and password of the sign-in form: the user next-auth starts a session for, null for a
 * wrong pair, or an error whose message is one of SIGN_IN_ERRORS. A right password stored in an
 * older scheme or at weaker parameters is hashed again at the current ones (lib/password.ts).
 */
export async function authorizePassword(credentials: Record<string, string> | undefined) {
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
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await dummyHash()));
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
  if (needsRehash(user.passwordHash)) upgradePasswordHash(user, user.passwordHash, await hashPassword(parsed.data.password));
  recordSignInSuccess(user, { method: 'password' });
  return { id: String(user.id), email: user.email, name: user.name, method: 'password' };
}

const credentialProviders = [
  CredentialsProvider({
    name: 'E-mail and password',
    credentials: {
      email: { label: 'E-mail', type: 'email' },
      password: { label: 'Password', type: 'password' },
    },
    authorize: authorizePassword,
  }),
  CredentialsProvider({
    id: 'passkey',
    name: 'Passkey',
    credentials: { challengeId: { type: 'text' }, response: { type: 'text' } },
    async authorize(credentials) {
      const parsed = passkeySignInSchema.safeParse(credentials ?? {});
      if (!parsed.success) throw new Error(SIGN_IN_ERRORS.passkey);
      let response: AuthenticationResponseJSON;
      try {
        response = JSON.parse(parsed.data.response) as AuthenticationResponseJSON;
      } catch {
        throw new Error(SIGN_IN_ERRORS.passkey);
      }
      const result = await verifyAuthentication('authenticate', parsed.data.challengeId, response, null);
      const ownerId = result.ok ? result.passkey.userId : result.userId;
      const user = ownerId === undefined ? null : findUserById(ownerId);
      if (!result.ok || !user || !user.active) {
        const reason = result.ok ? 'inactive' : result.reason;
        recordSignInRefused(user?.email ?? '(passkey)', reason, user?.id ?? null, { method: 'passkey' });
        throw new Error(SIGN_IN_ERRORS.passkey);
      }
      if (user.isDemo && !demoAccountsAllowed()) {
        recordSignInRefused(user.email, 'demo_accounts_disabled', user.id);
        throw new Error(SIGN_IN_ERRORS.demoDisabled);
      }
      recordSignInSuccess(user, { method: 'passkey', passkey: result.passkey.name });
      return { id: String(user.id), email: user.email, name: user.name, method: 'passkey' };
    },
  }),
];

export const authOptions: NextAuthOptions = {
  get secret() {
    return authSecret();
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  // Read when next-auth handles a request, so that the single sign-on settings are the server's at run time.
  get providers() {
    const sso = ssoConfig();
    return [...credentialProviders, ...(sso ? [ssoProvider(sso)] : [])];
  },
  callbacks: {
    /** Single sign-on: the provider's identity must be an account here, at the required assurance. */
    async signIn({ account, profile }) {
      if (account?.provider !== 'sso') return true;
      const sso = ssoConfig();
      const identity = profile as SsoProfile | undefined;
      if (!sso || !identity?.sub) return `/login?error=${SIGN_IN_ERRORS.sso.no_account}`;
      const outcome = resolveSsoSignIn(
        { issuer: sso.issuer, subject: identity.sub, email: identity.email ?? null, emailVerified: identity.email_verified === true, acr: identity.acr ?? null },
        sso.requiredAcr,
        { demoAllowed: demoAccountsAllowed() },
      );
      return outcome.ok ? true : `/login?error=${SIGN_IN_ERRORS.sso[outcome.reason]}`;
    },
    async jwt({ token, user, account, profile }) {
      // `user` is present only at sign-in: that is when the server-side session starts.
      if (user && account?.provider === 'sso') {
        const sso = ssoConfig();
        // Linked by the signIn callback just before; gone only if an administrator acted in between.
        const found = sso ? findUserBySsoSubject(sso.issuer, account.providerAccountId) : undefined;
        if (!found) throw new Error(SIGN_IN_ERRORS.sso.no_account);
        const acr = (profile as SsoProfile | undefined)?.acr ?? null;
        token.sub = String(found.id);
        token.email = found.email;
        token.name = found.name;
        token.sid = startSession(found.id, { method: 'sso', acr, phishingResistant: true });
        return token;
      }
      if (user) {
        // credentialProviders above say how: a password, or a passkey, which is phishing-resistant.
        const method = (user as { method?: SignInMethod }).method ?? 'password';
        token.sid = startSession(Number(user.id), { method, phishingResistant: method === 'passkey' });
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
  | { user: SessionUser; sessionId: string; times: SessionTimes; method: SignInMethod }
  | { user: null; problem: SessionProblem | 'none' };

/**
 * The one cookie name next-auth sets: with the __Secure- prefix when the site is served over
 * HTTPS, so that only a secure response can have set it. The plain name is never read then.
 */
function sessionCookieName(): string {
  return env().NEXTAUTH_URL?.startsWith('https://') ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

type SessionToken = { sid: string | null; userId: number; expiresAt: number };

// A cookie's value always decrypts to the same claims: remember them rather than deriving the key
// and decrypting on every request. Whether the session still stands is read fresh each time below.
const decodedTokens = new Map<string, SessionToken>();
const DECODED_TOKENS_KEPT = 1_000;

async function readSessionCookie(): Promise<SessionToken | null> {
  const jar = await cookies();
  const value = jar.get(sessionCookieName())?.value;
  return value ? decodeSessionCookie(value) : null;
}

async function decodeSessionCookie(value: string): Promise<SessionToken | null> {
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

type Standing = { ok: true; user: SessionUser; sessionId: string; times: SessionTimes; method: SignInMethod } | { ok: false; problem: SessionProblem };

/** Whether the sign-in `sid` of user `id` still stands, by the sessions table and the user's row. */
function standingSession(sid: unknown, id: number, touch: boolean): Standing {
  if (typeof sid !== 'string' || !sid || !Number.isInteger(id) || id <= 0) return { ok: false, problem: 'unknown' };
  const check = checkSession(sid, Date.now(), { touch });
  if (!check.ok) return { ok: false, problem: check.problem };
  if (check.userId !== id) return { ok: false, problem: 'unknown' };
  const account = getSessionUser(id);
  if (!account) return { ok: false, problem: 'deactivated' };
  const user = { ...account, signInStep: check.phishingResistant ? null : pendingSignInStep(account) };
  return { ok: true, user, sessionId: sid, times: check.times, method: check.method };
}

/**
 * Where a sign-in that has just set these cookies leads when no page was asked for: what /start
 * would redirect to, told to the browser at once so that it goes there without the extra hop.
 * Null when the cookies hold no session that stands.
 */
export async function destinationAfterSignIn(setCookies: string[]): Promise<string | null> {
  const prefix = `${sessionCookieName()}=`;
  const cookie = setCookies.find((c) => c.startsWith(prefix));
  const value = cookie?.slice(prefix.length).split(';')[0];
  const token = value ? await decodeSessionCookie(value) : null;
  if (!token) return null;
  const standing = standingSession(token.sid, token.userId, false);
  if (!standing.ok) return null;
  if (standing.user.signInStep) return '/login/passkey';
  if (standing.user.mustChangePassword) return '/account';
  return landingPath(standing.user);
}

/**
 * What a user who signed in with a password must still do when the sign-in policy requires a
 * phishing-resistant method of their role: prove a passkey, enrol a first one (when an
 * administrator opened a window for it), or nothing they can do alone (`no_method`).
 */
function pendingSignInStep(user: SessionUser): SignInStep | null {
  if (!requiresPhishingResistant(user)) return null;
  if (countPasskeys(user.id) > 0) return 'passkey';
  return enrolmentOpen(user.id) ? 'enrol' : 'no_method';
}

async function resolveSession(touch: boolean): Promise<RequestSession> {
  const token = await readSessionCookie();
  if (!token) return { user: null, problem: 'none' };
  const standing = standingSession(token.sid, token.userId, touch);
  if (!standing.ok) return { user: null, problem: standing.problem };
  return { user: standing.user, sessionId: standing.sessionId, times: standing.times, method: standing.method };
}

/**
 * The session of this request (read once per request): the signed-in, active user and when the
 * session will end, or why there is none. Counts the request as activity, unless the router is
 * only prefetching a link the user has not followed: that is not the user being there.
 */
export const getRequestSession = cache(async () => resolveSession(!(await headers()).has('next-router-prefetch')));

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
  if (session.user.signInStep) redirect('/login/passkey');
  if (session.user.mustChangePassword && !path.startsWith('/account')) redirect('/account');
  return session.user;
}
