/**
 * Runs before every page and API request:
 * - a Content-Security-Policy with a fresh nonce per request, so only Next's own scripts run
 *   (no inline script without the nonce, nothing from another origin);
 * - `Cache-Control: no-store` on signed-in pages and API answers;
 * - signed-out visitors of a page are sent to the sign-in page;
 * - the public record (/public) passes untouched: its route sets its own policy (no script at
 *   all, so no nonce) and its own caching, and reads no session;
 * - `x-pitf-path`, the path server components send an ended session back to, is always set here,
 *   over whatever the client sent (prefetches included);
 * - a signed-out sign-in page rendered to be kept (`x-pitf-keep: 1`, which only scripts/server.mjs
 *   can set: it removes every `x-pitf-*` header a client sends) gets no nonce, so the page is the
 *   same for everyone, and `script-src 'self'` without 'strict-dynamic': scripts/kept-pages.mjs
 *   adds the hashes of the kept page's inline scripts to that policy and answers later visitors
 *   from memory.
 *
 * The session check here only looks for the cookie: it is a convenience, not the authorization
 * check. Every page and route handler re-reads the user from the database itself;
 * an API call without a session is answered 401 by its handler, which also audits the refusal.
 */
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];
// The unsubscribe page works without signing in: its address carries a signed token. Only the
// sign-in pages that exist: any other address under /login is sent to sign in here, as every
// unknown address is, rather than rendered only to be redirected.
const PUBLIC_PATHS = [/^\/login(\/passkey)?$/, /^\/api\/auth\//, /^\/unsubscribe$/];

// The pages that may be rendered once and kept (scripts/kept-pages.mjs says which requests).
const KEPT_PAGES = ['/login'];

/**
 * With a nonce: Next's own scripts carry it, and the scripts they load are trusted through
 * 'strict-dynamic'. Without (a kept page): only same-origin scripts, and the inline ones whose
 * hashes scripts/kept-pages.mjs appends to `script-src` (it must stay the second directive).
 */
function contentSecurityPolicy(nonce: string | null): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}' 'strict-dynamic'` : ''}${dev ? " 'unsafe-eval'" : ''}`,
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

// The public record: no sign-in, and its own policy and caching (app/public/[[...path]]/route.ts).
const PUBLIC_RECORD = /^\/public(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_RECORD.test(pathname)) return NextResponse.next();
  const isApi = pathname.startsWith('/api/');
  const isPublic = PUBLIC_PATHS.some((p) => p.test(pathname));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (!isPublic && !isApi && !hasSession) {
    const login = new URL('/login', request.url);
    if (pathname + search !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }

  const keep = !hasSession && request.headers.get('x-pitf-keep') === '1' && KEPT_PAGES.includes(pathname);
  const nonce = keep ? null : Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const forwarded = new Headers(request.headers);
  // Next reads the nonce for its scripts from this request header.
  if (nonce) {
    forwarded.set('x-nonce', nonce);
    forwarded.set('Content-Security-Policy', csp);
  } else {
    forwarded.delete('x-nonce');
    forwarded.delete('Content-Security-Policy');
  }
  // Lets server components send a user whose session has ended back to where they were.
  forwarded.set('x-pitf-path', pathname + search);
  const response = NextResponse.next({ request: { headers: forwarded } });
  if (!isApi) response.headers.set('Content-Security-Policy', csp);
  if (hasSession || isApi) response.headers.set('Cache-Control', 'no-store');
  return response;
}

export const config = {
  // Prefetches too: a prefetched page is rendered with the same path header and policy.
  // The public record (/public) is left out: it reads no session and sets its own policy.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|public/|public$).*)'],
};
