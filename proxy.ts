/**
 * Sends signed-out visitors to the sign-in page and answers signed-out API calls with 401.
 *
 * This only looks for the session cookie: it is a convenience, not the authorization check.
 * Every page, route handler and server action re-reads the user from the database itself.
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!hasSession) {
    if (pathname.startsWith('/api/')) {
      return NextResponse.json(
        { error: { code: 'unauthenticated', message: 'Sign in to use this endpoint.' } },
        { status: 401, headers: { 'Cache-Control': 'no-store' } },
      );
    }
    const login = new URL('/login', request.url);
    if (pathname + search !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }

  // Lets server components send a user whose session has ended back to where they were.
  const forwarded = new Headers(request.headers);
  forwarded.set('x-pitf-path', pathname + search);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ['/((?!login|api/auth|_next/static|_next/image|favicon.ico|uswds/).*)'],
};
