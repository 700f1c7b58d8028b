import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(254).email('Enter a valid e-mail address.'),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

/**
 * Where to go after signing in: only a path inside this app. Anything else (another site,
 * protocol-relative `//host`, back-slashes) falls back to the overview.
 */
export function safeCallbackPath(raw: string | null | undefined, origin?: string): string {
  if (!raw) return '/';
  let candidate = raw;
  if (origin && candidate.startsWith(origin)) candidate = candidate.slice(origin.length) || '/';
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return '/';
  if (candidate.startsWith('/login') || candidate.startsWith('/api/')) return '/';
  return candidate;
}
