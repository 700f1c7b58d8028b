/**
 * Runs before every page and API request:
 * - a Content-Security-Policy with a fresh nonce per request, so only Next's own scripts run
 *   (no inline script without the nonce, nothing from another origin);
 * - `Cache-Control: no-store` on signed-in pages and API answers;
 * - signed-out visitors are sent to the sign-in page, and signed-out API calls get 401.
 *
 * The session check here only looks for the cookie: it is a convenience, not the authorization
 * check. Every page, route handler and server action re-reads the user from the database itself.
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
const PUBLIC_PATHS = [/^\/login(\/|$)/, /^\/api\/auth\//];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Charts and progress bars set style attributes; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!isPublic && !hasSession) {
    if (isApi) {
      return NextResponse.json(
        { error: { code: 'unauthenticated', message: 'Sign in to use this endpoint.' } },
        { status: 401, headers: { 'Cache-Control': 'no-store' } },
      );
    }
    const login = new URL('/login', request.url);
    if (pathname + search !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('Content-Security-Policy', csp);
  // Lets server components send a user whose session has ended back to where they were.
  forwarded.set('x-pitf-path', pathname + search);
  const response = NextResponse.next({ request: { headers: forwarded } });
  if (!isApi) response.headers.set('Content-Security-Policy', csp);
  if (hasSession || isApi) response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
