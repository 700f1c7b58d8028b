/**
 * What the server may believe about a request: who sent it (the client's address, as
 * scripts/server.mjs found it) and whether a browser's write comes from this app's own pages.
 */
import 'server-only';
import { configuredOrigin, trustedProxyCount } from '@/lib/env';

type HeaderSource = { get(name: string): string | null };

/**
 * The client's address, set by scripts/server.mjs from the socket (or from a trusted proxy's
 * X-Forwarded-For); the server removes any `x-pitf-client` a client sends. Under `next dev` there
 * is no such server and every request counts as one unknown client.
 */
export function clientAddress(headers: HeaderSource): string {
  return headers.get('x-pitf-client')?.trim() || 'unknown';
}

/**
 * The origin this app is served from: NEXTAUTH_URL when set (scheme included). Otherwise the Host
 * header with plain http, or, behind a trusted proxy, the host and scheme it forwards.
 */
export function publicOrigin(headers: HeaderSource): string | null {
  const configured = configuredOrigin();
  if (configured) return configured;
  const behindProxy = trustedProxyCount() > 0;
  const host = (behindProxy ? headers.get('x-forwarded-host') : null) ?? headers.get('host');
  if (!host) return null;
  const scheme = (behindProxy ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim() : null) || 'http';
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * A browser's write must come from a page of this app: its Origin header, when sent, must equal
 * the app's origin exactly (scheme, host and port). A request without one is not a browser's
 * cross-site request (curl, another server) and is judged by its session alone.
 */
export function isSameOriginWrite(headers: HeaderSource): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  const own = publicOrigin(headers);
  return own !== null && origin === own;
}
