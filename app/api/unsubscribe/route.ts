import { unsubscribe } from '@/db/queries/notifications';
import { DomainError } from '@/lib/errors';
import { readBodyText } from '@/lib/server/body';
import { publicRoute } from '@/lib/server/handler';
import { readUnsubscribeToken } from '@/lib/notification-tokens';
import { unsubscribeQuery } from '@/lib/validations/notifications';

/**
 * One-click unsubscribe (RFC 8058): mail clients POST here from the List-Unsubscribe header, and
 * the /unsubscribe page's button does too (then the answer sends the browser back to that page).
 * The signed token names the person and the kind; nothing else is needed, or trusted.
 */
export const POST = publicRoute({ query: unsubscribeQuery }, async ({ request, query }) => {
  const form = request.headers.get('content-type')?.includes('application/x-www-form-urlencoded') ? new URLSearchParams(await readBodyText(request)) : null;
  const named = readUnsubscribeToken(query.token);
  const done = named ? unsubscribe(named.userId, named.kind) : null;
  if (!done) throw new DomainError('invalid', 'Invalid input: token.', { fields: { token: ['This unsubscribe address is not valid (or its account is no longer active).'] } });
  if (form?.get('return') === 'page') {
    // A relative address: the browser stays on whatever origin it used, proxies included.
    const page = `/unsubscribe?${new URLSearchParams({ token: query.token, done: '1' })}`;
    return new Response(null, { status: 303, headers: { Location: page } });
  }
  return { unsubscribed: done };
});

/**
 * A mail program without one-click support opens the address instead: it is sent to the page,
 * whose button does the change. Opening changes nothing (link scanners open links too).
 */
export const GET = publicRoute({ query: unsubscribeQuery }, ({ query }) => {
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe?${new URLSearchParams({ token: query.token })}` } });
});
