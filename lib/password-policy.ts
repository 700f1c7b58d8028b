/**
 * What a new password must be (NIST SP 800-63B): long enough, not too long to hash, no composition
 * rules, and not one that attackers try first. The list of common passwords is the 49,000 most
 * used ones from breaches, shipped with the app (@zxcvbn-ts/language-common); nothing is fetched.
 */
import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** The password with trailing digits and symbols removed, and a repeated word reduced to one ("abcabc" → "abc"). */
function cores(password: string): string[] {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  const repeated = /^(.+?)\1+$/u.exec(lower)?.[1];
  return [lower, stripped, repeated].filter((p): p is string => Boolean(p));
}

/**
 * Why this password cannot be used, or null when it can. `context` holds words the password must
 * not be built from: the user's e-mail address and name, and the product's own name.
 */
export function passwordProblem(password: string, context: string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (cores(password).some((core) => commonPasswords().has(core))) {
    return 'This password is on a list of commonly used passwords. Choose another, for example a few unrelated words.';
  }
  // What is left once the user's own words are taken out must be a password on its own.
  const words = ['pitfdashboard', 'pitf', ...context.flatMap((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u))]
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length);
  const plain = password.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  let rest = plain;
  for (const word of words) rest = rest.split(word).join('');
  if (rest !== plain && rest.replace(/\p{N}+/gu, '').length < 6) {
    return 'This password is too close to your name, e-mail address or the name of this service. Choose another.';
  }
  return null;
}
