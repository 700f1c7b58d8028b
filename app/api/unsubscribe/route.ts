import { NextResponse } from 'next/server';
import { unsubscribe } from '@/db/queries/notifications';
import { DomainError } from '@/lib/errors';
import { publicRoute } from '@/lib/api/handler';
import { readUnsubscribeToken } from '@/lib/notification-tokens';
import { unsubscribeQuery } from '@/lib/validations/notifications';

/**
 * One-click unsubscribe (RFC 8058): mail clients POST here from the List-Unsubscribe header, and
 * the /unsubscribe page's button does too (then the answer sends the browser back to that page).
 * The signed token names the person and the kind; nothing else is needed, or trusted.
 */
export const POST = publicRoute({ query: unsubscribeQuery }, async ({ request, query }) => {
  const named = readUnsubscribeToken(query.token);
  const done = named ? unsubscribe(named.userId, named.kind) : null;
  if (!done) throw new DomainError('invalid', 'Invalid input: token.', { fields: { token: ['This unsubscribe address is not valid (or its account is no longer active).'] } });
  const form = request.headers.get('content-type')?.includes('application/x-www-form-urlencoded') ? new URLSearchParams(await request.text()) : null;
  if (form?.get('return') === 'page') {
    const page = new URL('/unsubscribe', request.nextUrl.origin);
    page.searchParams.set('token', query.token);
    page.searchParams.set('done', '1');
    return NextResponse.redirect(page, 303);
  }
  return { unsubscribed: done };
});
