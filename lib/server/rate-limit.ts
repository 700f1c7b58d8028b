/**
 * Rate limits on what an anonymous or hostile caller can make the server spend: password hashes
 * and audit rows. The buckets live in SQLite (db/queries/rate-limits.ts); the limits come from
 * the environment (lib/env.ts).
 */
import 'server-only';
import { pruneBuckets, returnToken, takeToken, type TakeResult } from '@/db/queries/rate-limits';
import { boundedQueue, type BoundedQueue } from '@/lib/bounded-queue';
import { passwordHashQueue, refusalLimit, signInFailureLimit } from '@/lib/env';

const signInKey = (address: string) => `sign-in:${address}`;

/** Before a password is checked for this address: one token, given back if the password proves right. */
export function takeSignInToken(address: string): TakeResult {
  return takeToken(signInKey(address), signInFailureLimit());
}

export function returnSignInToken(address: string): void {
  returnToken(signInKey(address), signInFailureLimit());
}

/**
 * Before a refusal (401, 403) is answered and audited: one token from the address's bucket and,
 * for a signed-in caller, one from the account's. Past either limit the caller gets 429 instead.
 */
export function takeRefusalToken(address: string, userId: number | null): TakeResult {
  const policy = refusalLimit();
  const byAddress = takeToken(`refusal:address:${address}`, policy);
  if (!byAddress.ok || userId === null) return byAddress;
  return takeToken(`refusal:user:${userId}`, policy);
}

/** Buckets untouched for a day are full again: forget them. */
export function pruneRateLimits(): number {
  return pruneBuckets(24 * 60 * 60_000);
}

/**
 * Before a passkey sign-in challenge is made for a signed-out caller (each is a row, kept five
 * minutes): one token from the address's bucket, on the same allowance as refused requests.
 */
export function takeChallengeToken(address: string): TakeResult {
  return takeToken(`passkey-challenge:${address}`, refusalLimit());
}

const PASSWORD_CHECKS = Symbol.for('pitf.passwordChecks');

/**
 * The line every password check of this process waits in (lib/bounded-queue.ts, sized by
 * PITF_LIMIT_PASSWORD_HASHES): a few hashes at once, a few dozen waiting, the rest refused at once.
 * It stands before the per-address limit above, which a burst from many addresses never reaches.
 * Kept on globalThis so that every route bundle of the server shares the one line.
 */
export function passwordChecks(): BoundedQueue {
  const holder = globalThis as { [PASSWORD_CHECKS]?: BoundedQueue };
  holder[PASSWORD_CHECKS] ??= boundedQueue(passwordHashQueue());
  return holder[PASSWORD_CHECKS];
}
