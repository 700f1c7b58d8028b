import { z } from 'zod';
import { text } from './text';

export const signInSchema = z.object({
  email: text({ error: 'Enter your e-mail address.' }).min(1, 'Enter your e-mail address.').max(254).email('Enter a valid e-mail address.'),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

/** A passkey sign-in as the form posts it: the challenge's id and the authenticator's answer (JSON). */
export const passkeySignInSchema = z.object({
  challengeId: z.string().min(1).max(64),
  response: z.string().min(1).max(16_384),
});

/** Stands in for the app's own origin when the caller does not know it; it can never be reached. */
const PLACEHOLDER_ORIGIN = 'http://app.invalid';

/**
 * Where to go after signing in: only a page of this app. Anything else (another site, `//host`,
 * back-slashes, `javascript:`, the sign-in page itself, the API) falls back to the overview.
 *
 * The candidate is resolved the way the browser will resolve it, against this app's origin, and
 * kept only when it stays there. Before that, any white space or control character refuses it:
 * browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would be checked as one
 * address and followed as another ("//evil.example").
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw) return '/';
  // \s: every kind of space and line break; Cc: C0 and C1 controls; Cf: invisible format characters.
  if (/[\s\p{Cc}\p{Cf}]/u.test(raw)) return '/';
  let own: string;
  let resolved: URL;
  try {
    own = new URL(origin ?? PLACEHOLDER_ORIGIN).origin;
    resolved = new URL(raw, own);
  } catch {
    return '/';
  }
  if (resolved.origin !== own) return '/';
  // "/..//evil.example" resolves on this origin to the path "//evil.example", which the browser
  // would then follow as an address on another host.
  if (resolved.pathname.startsWith('//')) return '/';
  if (resolved.pathname.startsWith('/login') || resolved.pathname === '/api' || resolved.pathname.startsWith('/api/')) return '/';
  return resolved.pathname + resolved.search + resolved.hash;
}
