import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { recordRefusal } from '@/db/queries/refusals';
import { authOptions } from '@/lib/server/auth';
import { clientAddress, publicOrigin } from '@/lib/server/request';
import { returnSignInToken, takeSignInToken } from '@/lib/server/rate-limit';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

const SIGN_IN_PATH = '/api/auth/callback/credentials';

/**
 * Every password check costs the server a hash: a client address has a budget of failed sign-ins
 * (lib/env.ts, signInFailureLimit). Past it, the attempt is answered 429 with Retry-After before
 * next-auth sees it, and no password is checked. A sign-in that succeeds gives its token back.
 * The body keeps next-auth's JSON shape (`url` with an error code) so the sign-in form reads it.
 */
async function signIn(request: NextRequest, context: Context): Promise<Response> {
  const address = clientAddress(request.headers);
  const taken = takeSignInToken(address);
  if (!taken.ok) {
    // One counted event per address and window, whatever e-mail addresses it tries.
    recordRefusal(`sign_in.rate_limited:${address}`, {
      actor: { id: null, email: null },
      action: 'sign_in.refused',
      entity: 'request',
      entityId: `POST ${SIGN_IN_PATH}`,
      agencyId: null,
      after: { reason: 'rate_limited', address },
    });
    const origin = publicOrigin(request.headers) ?? request.nextUrl.origin;
    return Response.json(
      {
        url: `${origin}/login?error=RateLimited`,
        error: { code: 'rate_limited', message: `Too many failed sign-ins from this address. Try again in ${taken.retryAfterSeconds} seconds.` },
      },
      { status: 429, headers: { 'Retry-After': String(taken.retryAfterSeconds), 'Cache-Control': 'no-store' } },
    );
  }
  const response = (await handler(request, context)) as Response;
  const signedIn = response.headers.getSetCookie().some((cookie) => /next-auth\.session-token=[^;]+/.test(cookie));
  if (signedIn) returnSignInToken(address);
  return response;
}

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  if (request.nextUrl.pathname === SIGN_IN_PATH) return signIn(request, context);
  return handler(request, context) as Promise<Response>;
}

export { handler as GET };
