/**
 * Options for signing in with a passkey (navigator.credentials.get), for a signed-out browser: no
 * account is named, the authenticator offers the passkeys it holds for this site. The answer goes
 * to next-auth's `passkey` provider with the challenge's id.
 */
import type { NextRequest } from 'next/server';
import { json } from '@/lib/server/handler';
import { authenticationOptions } from '@/lib/server/passkeys';
import { takeChallengeToken } from '@/lib/server/rate-limit';
import { clientAddress, isSameOriginWrite } from '@/lib/server/request';

export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOriginWrite(request.headers)) {
    return json({ error: { code: 'forbidden', message: 'Requests from another origin are refused.' } }, 403);
  }
  const token = takeChallengeToken(clientAddress(request.headers));
  if (!token.ok) {
    const response = json({ error: { code: 'rate_limited', message: `Too many requests. Try again in ${token.retryAfterSeconds} seconds.` } }, 429);
    response.headers.set('Retry-After', String(token.retryAfterSeconds));
    return response;
  }
  return json(await authenticationOptions('authenticate', null));
}
