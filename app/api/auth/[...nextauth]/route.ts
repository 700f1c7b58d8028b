import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { recordRefusal } from '@/db/queries/refusals';
import { QueueFull } from '@/lib/bounded-queue';
import { AFTER_SIGN_IN_PATH } from '@/lib/landing';
import { authOptions, destinationAfterSignIn } from '@/lib/server/auth';
import { clientAddress, publicOrigin } from '@/lib/server/request';
import { passwordChecks, returnSignInToken, takeSignInToken } from '@/lib/server/rate-limit';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

const SIGN_IN_PATH = '/api/auth/callback/credentials';

/**
 * Every password check costs the server a hash. Two limits stand before next-auth sees the attempt:
 * - the server's line of password checks (passwordChecks: a few at once, a few dozen waiting): when
 *   it is full, the attempt is refused at once, before anything is counted;
 * - a client address's budget of failed sign-ins (lib/env.ts, signInFailureLimit). A sign-in that
 *   succeeds gives its token back.
 * Either refusal is answered 429 with Retry-After, and no password is checked. The body keeps
 * next-auth's JSON shape (`url` with an error code) so the sign-in form reads it.
 */
/** A refused sign-in: one counted event per address, reason and window, whatever e-mail addresses it tries. */
function recordSignInRefusal(reason: 'busy' | 'rate_limited', address: string): void {
  recordRefusal(`sign_in.${reason}:${address}`, {
    actor: { id: null, email: null },
    action: 'sign_in.refused',
    entity: 'request',
    entityId: `POST ${SIGN_IN_PATH}`,
    agencyId: null,
    after: { reason, address },
  });
}

async function signIn(request: NextRequest, context: Context): Promise<Response> {
  const address = clientAddress(request.headers);
  try {
    return await passwordChecks().run(() => checkPassword(request, context, address));
  } catch (error) {
    if (!(error instanceof QueueFull)) throw error;
    recordSignInRefusal('busy', address);
    return overLimit(request, 'Too many sign-in attempts at once. Try again shortly.', 1);
  }
}

async function checkPassword(request: NextRequest, context: Context, address: string): Promise<Response> {
  const taken = takeSignInToken(address);
  if (!taken.ok) {
    recordSignInRefusal('rate_limited', address);
    return overLimit(request, `Too many failed sign-ins from this address. Try again in ${taken.retryAfterSeconds} seconds.`, taken.retryAfterSeconds);
  }
  const response = (await handler(request, context)) as Response;
  const cookies = response.headers.getSetCookie();
  if (!cookies.some((cookie) => /next-auth\.session-token=[^;]+/.test(cookie))) return response;
  returnSignInToken(address);
  return withDestination(response, cookies);
}

/**
 * When the form asked for /start (no page was asked for), the answer names the user's own landing
 * page instead, so the browser goes straight there rather than through /start's redirect.
 */
async function withDestination(response: Response, cookies: string[]): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
  if (typeof body?.url !== 'string') return response;
  const url = new URL(body.url);
  if (url.pathname !== AFTER_SIGN_IN_PATH || url.search) return response;
  const destination = await destinationAfterSignIn(cookies);
  if (!destination) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify({ ...body, url: new URL(destination, url).href }), { status: response.status, headers });
}

function overLimit(request: NextRequest, message: string, retryAfterSeconds: number): Response {
  const origin = publicOrigin(request.headers) ?? request.nextUrl.origin;
  return Response.json(
    { url: `${origin}/login?error=RateLimited`, error: { code: 'rate_limited', message } },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  if (request.nextUrl.pathname === SIGN_IN_PATH) return signIn(request, context);
  return handler(request, context) as Promise<Response>;
}

export { handler as GET };
