import 'server-only';
import { eq, lt } from 'drizzle-orm';
import { getDb } from '../index';
import { rateBuckets } from '../schema';

/**
 * A token bucket: `capacity` requests at once, then `refillPerMinute` more each minute. Kept in
 * SQLite so that every server process sharing the file counts the same requests.
 */
export type BucketPolicy = { capacity: number; refillPerMinute: number };

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

function refilled(tokens: number, updatedAt: number, policy: BucketPolicy, now: number): number {
  const elapsedMinutes = Math.max(0, now - updatedAt) / 60_000;
  return Math.min(policy.capacity, tokens + elapsedMinutes * policy.refillPerMinute);
}

/**
 * Takes one token from the bucket `key`, or says how long until one is back. Read and write happen
 * in one IMMEDIATE transaction, so concurrent requests (in this process or another) never both take
 * the last token.
 */
export function takeToken(key: string, policy: BucketPolicy, now = Date.now()): TakeResult {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const row = tx.select().from(rateBuckets).where(eq(rateBuckets.key, key)).get();
      const tokens = row ? refilled(row.tokens, row.updatedAt.getTime(), policy, now) : policy.capacity;
      if (tokens < 1) {
        const retryAfterSeconds = Math.max(1, Math.ceil(((1 - tokens) / policy.refillPerMinute) * 60));
        return { ok: false as const, retryAfterSeconds };
      }
      const left = tokens - 1;
      tx.insert(rateBuckets)
        .values({ key, tokens: left, updatedAt: new Date(now) })
        .onConflictDoUpdate({ target: rateBuckets.key, set: { tokens: left, updatedAt: new Date(now) } })
        .run();
      return { ok: true as const, remaining: Math.floor(left) };
    },
    { behavior: 'immediate' },
  );
}

/** Gives a token back (a sign-in that proved right does not count against its address). */
export function returnToken(key: string, policy: BucketPolicy, now = Date.now()): void {
  const db = getDb();
  db.transaction(
    (tx) => {
      const row = tx.select().from(rateBuckets).where(eq(rateBuckets.key, key)).get();
      if (!row) return;
      const tokens = Math.min(policy.capacity, refilled(row.tokens, row.updatedAt.getTime(), policy, now) + 1);
      tx.update(rateBuckets).set({ tokens, updatedAt: new Date(now) }).where(eq(rateBuckets.key, key)).run();
    },
    { behavior: 'immediate' },
  );
}

/** Forgets buckets untouched for `olderThanMs`: by then every one of them is full again. */
export function pruneBuckets(olderThanMs: number, now = Date.now()): number {
  return getDb()
    .delete(rateBuckets)
    .where(lt(rateBuckets.updatedAt, new Date(now - olderThanMs)))
    .run().changes;
}
