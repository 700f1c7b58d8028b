import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, max, ne, sql } from 'drizzle-orm';
import { getDb, preparedStatement, type DbOrTx } from '../index';
import { sessions } from '../schema';
import type { SessionEndReason, SessionProblem } from '@/lib/domain';

/** A session ends after this long without a request… */
export const IDLE_MINUTES = 30;
/** …and after this long in any case. */
export const ABSOLUTE_HOURS = 12;
/** Requests closer together than this do not rewrite last_seen_at (one write per user, not per request). */
const TOUCH_EVERY_MS = 15_000;

export type SignInMethod = 'password' | 'passkey' | 'sso';

export type SessionTimes = { idleExpiresAt: number; absoluteExpiresAt: number };

export type SessionCheck =
  | { ok: true; userId: number; times: SessionTimes; method: SignInMethod; phishingResistant: boolean }
  | { ok: false; problem: SessionProblem };

/** Milliseconds from now until an instant (the browser counts down from this, whatever its clock says). */
export function msUntil(at: number, now = Date.now()): number {
  return at - now;
}

/**
 * Starts a session for a sign-in by `method`. `phishingResistant` says the method itself was (a
 * passkey, or single sign-on with the required context); a password sign-in may become so later
 * in the session (markPhishingResistant).
 */
export function startSession(
  userId: number,
  { method = 'password', acr = null, phishingResistant = false }: { method?: SignInMethod; acr?: string | null; phishingResistant?: boolean } = {},
  now = Date.now(),
): string {
  const id = randomBytes(32).toString('base64url');
  getDb()
    .insert(sessions)
    .values({ id, userId, createdAt: new Date(now), lastSeenAt: new Date(now), method, acr, phishingResistantAt: phishingResistant ? new Date(now) : null })
    .run();
  return id;
}

function timesOf(row: { createdAt: Date; lastSeenAt: Date }): SessionTimes {
  return {
    idleExpiresAt: row.lastSeenAt.getTime() + IDLE_MINUTES * 60_000,
    absoluteExpiresAt: row.createdAt.getTime() + ABSOLUTE_HOURS * 3_600_000,
  };
}

const sessionById = preparedStatement((db) =>
  db.select().from(sessions).where(eq(sessions.id, sql.placeholder('id'))).prepare(),
);

export function checkSession(id: string, now = Date.now(), { touch = true } = {}): SessionCheck {
  const db = getDb();
  const row = sessionById().get({ id });
  if (!row) return { ok: false, problem: 'unknown' };
  if (row.endedAt) return { ok: false, problem: (row.endReason as SessionEndReason | null) ?? 'signed_out' };
  const times = timesOf(row);
  if (now >= times.absoluteExpiresAt) return { ok: false, problem: 'expired' };
  if (now >= times.idleExpiresAt) return { ok: false, problem: 'idle' };
  if (touch && now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id)).run();
    return { ...standing(row), times: timesOf({ createdAt: row.createdAt, lastSeenAt: new Date(now) }) };
  }
  return { ...standing(row), times };
}

/** "Stay signed in": counts as activity whatever the last request was. */
function standing(row: typeof sessions.$inferSelect) {
  return { ok: true as const, userId: row.userId, method: row.method as SignInMethod, phishingResistant: row.phishingResistantAt !== null };
}

export function extendSession(id: string, now = Date.now()): SessionTimes | null {
  const db = getDb();
  const check = checkSession(id, now, { touch: false });
  if (!check.ok) return null;
  db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id)).run();
  return { ...check.times, idleExpiresAt: now + IDLE_MINUTES * 60_000 };
}

export function endSession(id: string, reason: SessionEndReason, now = Date.now()): void {
  getDb()
    .update(sessions)
    .set({ endedAt: new Date(now), endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .run();
}

/** Ends every open session of a user (all of them, or all but the one making the change). */
export function endUserSessions(
  tx: DbOrTx,
  userId: number,
  reason: SessionEndReason,
  { except, now = Date.now() }: { except?: string; now?: number } = {},
): void {
  tx.update(sessions)
    .set({ endedAt: new Date(now), endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), except ? ne(sessions.id, except) : undefined))
    .run();
}

/**
 * When the user was last here before this sign-in: the last request of the sessions they began
 * earlier, never later than this session began (another browser still open does not move it on).
 * Null on a first sign-in.
 */
export function previousVisitAt(userId: number, sessionId: string): number | null {
  const db = getDb();
  const current = db.select({ createdAt: sessions.createdAt }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId))).get();
  if (!current) return null;
  const earlier = db
    .select({ at: max(sessions.lastSeenAt) })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), lt(sessions.createdAt, current.createdAt)))
    .get()?.at;
  if (!earlier) return null;
  return Math.min(earlier.getTime(), current.createdAt.getTime());
}

/**
 * Where "what changed since your last visit" begins: the previous visit, or `firstVisitDays` ago
 * for someone with no earlier visit on record (`previous` is then null).
 */
export function sinceLastVisit(userId: number, sessionId: string, firstVisitDays: number, now = Date.now()) {
  const previous = previousVisitAt(userId, sessionId);
  return { previous, since: previous ?? now - firstVisitDays * 86_400_000 };
}
