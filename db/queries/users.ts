import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/authorization';
import { getDb, preparedStatement } from '../index';
import { agencies, loginThrottle, users } from '../schema';
import { recordAudit } from './audit';
import { recordRefusal } from './refusals';

/** After this many failures within the window, the account is locked for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const sessionUserById = preparedStatement((db) =>
  db
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
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** The signed-in user as the database has them now; null when unknown or deactivated. */
export function getSessionUser(id: number): SessionUser | null {
  const row = sessionUserById().get({ id });
  if (!row || !row.active) return null;
  const { active: _active, ...user } = row;
  return { ...user, role: user.role };
}

const signInColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  active: users.active,
  isDemo: users.isDemo,
  passwordHash: users.passwordHash,
  agencyId: users.agencyId,
};

export function findUserForSignIn(email: string) {
  return getDb().select(signInColumns).from(users).where(eq(users.email, normaliseEmail(email))).get();
}

/** The same, by id: a passkey or a linked identity names its user by id. */
export function findUserById(id: number) {
  return getDb().select(signInColumns).from(users).where(eq(users.id, id)).get();
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

export type PasswordCheckClaim = { ok: true } | { ok: false; lockMinutes: number };

/**
 * Claims one of the MAX_FAILURES password checks this e-mail address has per window, before the
 * password is hashed. The check of the lock and the count of the attempt are one IMMEDIATE
 * transaction, so however many attempts arrive at once (in one process or several), at most
 * MAX_FAILURES wrong passwords are ever checked per window; every other attempt is refused as
 * locked without a hash, the right password included. A right password gives its claim back
 * (releasePasswordCheck); a wrong one keeps it, and the one that completes MAX_FAILURES sets the
 * lock (recordSignInFailure).
 */
export function claimPasswordCheck(email: string, now = Date.now()): PasswordCheckClaim {
  const key = normaliseEmail(email);
  return getDb().transaction(
    (tx) => {
      const current = tx.select().from(loginThrottle).where(eq(loginThrottle.email, key)).get();
      const lockedUntil = current?.lockedUntil?.getTime() ?? 0;
      if (lockedUntil > now) return { ok: false as const, lockMinutes: Math.ceil((lockedUntil - now) / 60_000) };
      const windowOpen = current && !current.lockedUntil && now - current.windowStartedAt.getTime() < FAILURE_WINDOW_MINUTES * 60_000;
      const failures = windowOpen ? current.failures : 0;
      // Checks still under way hold the rest of the window's allowance: refuse as if locked.
      if (failures >= MAX_FAILURES) return { ok: false as const, lockMinutes: LOCK_MINUTES };
      const windowStartedAt = new Date(windowOpen ? current.windowStartedAt.getTime() : now);
      tx.insert(loginThrottle)
        .values({ email: key, failures: failures + 1, wrong: windowOpen ? current.wrong : 0, windowStartedAt, lockedUntil: null })
        .onConflictDoUpdate({
          target: loginThrottle.email,
          set: { failures: failures + 1, wrong: windowOpen ? current.wrong : 0, windowStartedAt, lockedUntil: null },
        })
        .run();
      return { ok: true as const };
    },
    { behavior: 'immediate' },
  );
}

/** The password proved right: its claim no longer counts. Earlier failures in the window still do. */
export function releasePasswordCheck(email: string): void {
  getDb()
    .update(loginThrottle)
    .set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.email, normaliseEmail(email)))
    .run();
}

/**
 * Audits a password check that failed (its claim already counted it); the failure that completes
 * MAX_FAILURES in the window locks the address for LOCK_MINUTES. Returns the minutes of lock (0 if none).
 */
export function recordSignInFailure(email: string, reason: string, userId: number | null, now = Date.now()): number {
  const key = normaliseEmail(email);
  return getDb().transaction(
    (tx) => {
      const current = tx.select().from(loginThrottle).where(eq(loginThrottle.email, key)).get();
      const wrong = (current?.wrong ?? 0) + 1;
      const lock = wrong >= MAX_FAILURES && !(current?.lockedUntil && current.lockedUntil.getTime() > now);
      tx.update(loginThrottle)
        .set(lock ? { wrong, lockedUntil: new Date(now + LOCK_MINUTES * 60_000) } : { wrong })
        .where(eq(loginThrottle.email, key))
        .run();
      recordAudit(tx, {
        actor: { id: userId, email: key },
        action: lock ? 'sign_in.locked' : 'sign_in.failure',
        entity: 'user',
        entityId: userId,
        after: { reason, failures: wrong },
        at: new Date(now),
      });
      return lock ? LOCK_MINUTES : 0;
    },
    { behavior: 'immediate' },
  );
}

/**
 * A sign-in refused before any password was checked (locked, demo accounts off, rate-limited).
 * Repeats of the same refusal for the same address are collapsed into one counted event.
 */
export function recordSignInRefused(email: string, reason: string, userId: number | null, details: Record<string, unknown> = {}): void {
  const key = normaliseEmail(email);
  recordRefusal(`sign_in.refused:${reason}:${key}`, {
    actor: { id: userId, email: key },
    action: 'sign_in.refused',
    entity: 'user',
    entityId: userId === null ? null : String(userId),
    agencyId: null,
    after: { reason, ...details },
  });
}

/**
 * Replaces a hash in an older scheme or at weaker parameters, just proved right at sign-in, by
 * `newHash` (lib/password.ts, needsRehash). Only if the stored hash is still `oldHash`: a password
 * changed or reset meanwhile is never overwritten. Audited like a password change; no session ends.
 * Returns whether the hash was replaced.
 */
export function upgradePasswordHash(user: { id: number; email: string; agencyId: number | null }, oldHash: string, newHash: string): boolean {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(users)
      .set({ passwordHash: newHash })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, oldHash)))
      .run().changes;
    if (changed === 0) return false;
    const scheme = (hash: string) => (hash.startsWith('$') ? hash.split('$')[1] : hash.split('$')[0]);
    recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'user.password_upgrade',
      entity: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      before: { scheme: scheme(oldHash) },
      after: { scheme: scheme(newHash) },
    });
    return true;
  });
}

/** A sign-in that succeeded, with how: `{ method: 'password' }`, `{ method: 'passkey', passkey }`, `{ method: 'sso', acr }`. */
export function recordSignInSuccess(
  user: { id: number; email: string; agencyId: number | null },
  how: { method: 'password' | 'passkey' | 'sso'; [detail: string]: unknown } = { method: 'password' },
  now = Date.now(),
): void {
  getDb().transaction((tx) => {
    tx.update(users).set({ lastSignInAt: new Date(now) }).where(eq(users.id, user.id)).run();
    recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'sign_in.success',
      entity: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      after: how,
      at: new Date(now),
    });
  });
}
