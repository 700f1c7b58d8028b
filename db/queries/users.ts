import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/authorization';
import type { Role } from '@/lib/domain';
import { getDb } from '../index';
import { agencies, loginThrottle, users } from '../schema';
import { recordAudit } from './audit';

/** After this many failures within the window, the account is locked for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The signed-in user as the database has them now; null when unknown or deactivated. */
export function getSessionUser(id: number): SessionUser | null {
  const row = getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      agencyId: users.agencyId,
      agencySlug: agencies.slug,
      agencyName: agencies.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.id, id))
    .get();
  if (!row || !row.active) return null;
  const { active: _active, ...user } = row;
  return { ...user, role: user.role as Role };
}

export function findUserForSignIn(email: string) {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      isDemo: users.isDemo,
      passwordHash: users.passwordHash,
      agencyId: users.agencyId,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
}

/** Minutes left on a lock of this e-mail address, or 0 when it may try again. */
export function lockMinutesLeft(email: string, now = Date.now()): number {
  const row = getDb()
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.email, normaliseEmail(email)))
    .get();
  const until = row?.lockedUntil?.getTime() ?? 0;
  return until > now ? Math.ceil((until - now) / 60_000) : 0;
}

/** Counts a failed sign-in and audits it; returns the minutes of lock it caused (0 if none). */
export function recordSignInFailure(email: string, reason: string, userId: number | null, now = Date.now()): number {
  const key = normaliseEmail(email);
  const db = getDb();
  return db.transaction((tx) => {
    const current = tx.select().from(loginThrottle).where(eq(loginThrottle.email, key)).get();
    const windowOpen = current && now - current.windowStartedAt.getTime() < FAILURE_WINDOW_MINUTES * 60_000;
    const failures = windowOpen ? current.failures + 1 : 1;
    const windowStartedAt = new Date(windowOpen ? current.windowStartedAt.getTime() : now);
    const lockedUntil = failures >= MAX_FAILURES ? new Date(now + LOCK_MINUTES * 60_000) : null;
    tx.insert(loginThrottle)
      .values({ email: key, failures, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.email, set: { failures, windowStartedAt, lockedUntil } })
      .run();
    recordAudit(tx, {
      actor: { id: userId, email: key },
      action: lockedUntil ? 'sign_in.locked' : 'sign_in.failure',
      entity: 'user',
      entityId: userId,
      after: { reason, failures },
      at: new Date(now),
    });
    return lockedUntil ? LOCK_MINUTES : 0;
  });
}

export function recordSignInRefused(email: string, reason: string, userId: number | null): void {
  getDb().transaction((tx) => {
    recordAudit(tx, {
      actor: { id: userId, email: normaliseEmail(email) },
      action: 'sign_in.refused',
      entity: 'user',
      entityId: userId,
      after: { reason },
    });
  });
}

export function recordSignInSuccess(user: { id: number; email: string; agencyId: number | null }, now = Date.now()): void {
  getDb().transaction((tx) => {
    tx.delete(loginThrottle).where(eq(loginThrottle.email, user.email)).run();
    tx.update(users).set({ lastSignInAt: new Date(now) }).where(eq(users.id, user.id)).run();
    recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'sign_in.success',
      entity: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      at: new Date(now),
    });
  });
}

export function countUsers(): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}
