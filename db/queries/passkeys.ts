/**
 * Passkeys and their challenges. A challenge is handed out with an id, answered once, and gone:
 * consumeChallenge deletes it in the same statement that reads it, so two answers cannot both use
 * it, and an expired one is refused.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, lt, sql } from 'drizzle-orm';
import type { SessionUser } from '@/lib/authorization';
import { getDb, preparedStatement } from '../index';
import { passkeys, sessions, users, webauthnChallenges, type Passkey } from '../schema';
import { recordAudit, type Actor } from './audit';
import { endUserSessions } from './sessions';

export const CHALLENGE_MINUTES = 5;
/** How long an administrator's grant to enrol a first passkey after a password sign-in lasts. */
export const ENROLMENT_HOURS = 72;

export type ChallengePurpose = 'register' | 'authenticate' | 'step_up';

/** Stores a challenge for `purpose` (and the user it was made for, if any); returns its id. */
export function saveChallenge(challenge: string, purpose: ChallengePurpose, userId: number | null, now = Date.now()): string {
  const id = randomBytes(18).toString('base64url');
  const db = getDb();
  db.transaction((tx) => {
    // Unanswered challenges are forgotten once expired; clearing them here keeps the table small.
    tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date(now))).run();
    tx.insert(webauthnChallenges)
      .values({ id, challenge, purpose, userId, expiresAt: new Date(now + CHALLENGE_MINUTES * 60_000) })
      .run();
  });
  return id;
}

/**
 * The challenge with this id, if it was made for this purpose and user and has not expired; it is
 * deleted whatever the answer, so it can be used once only.
 */
export function consumeChallenge(id: string, purpose: ChallengePurpose, userId: number | null, now = Date.now()): string | null {
  const row = getDb().delete(webauthnChallenges).where(eq(webauthnChallenges.id, id)).returning().get();
  if (!row || row.purpose !== purpose || row.userId !== userId || row.expiresAt.getTime() <= now) return null;
  return row.challenge;
}

/** A passkey as its owner's page and the API list it; instants are epoch milliseconds. */
export type PasskeySummary = { id: string; name: string; createdAt: number; lastUsedAt: number | null; backedUp: boolean };

export function listPasskeys(userId: number): PasskeySummary[] {
  return getDb()
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt, backedUp: passkeys.backedUp })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id))
    .all()
    .map((p) => ({ ...p, createdAt: p.createdAt.getTime(), lastUsedAt: p.lastUsedAt?.getTime() ?? null }));
}

const passkeyCount = preparedStatement((db) =>
  db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, sql.placeholder('userId'))).prepare(),
);

export function countPasskeys(userId: number): number {
  return passkeyCount().get({ userId })?.n ?? 0;
}

export function findPasskey(id: string): Passkey | null {
  return getDb().select().from(passkeys).where(eq(passkeys.id, id)).get() ?? null;
}

export type NewPasskey = Pick<Passkey, 'id' | 'name' | 'publicKey' | 'counter' | 'transports' | 'deviceType' | 'backedUp'>;

/** Registers a passkey for the signed-in user; closes their enrolment window, if one was open. */
export function addPasskey(user: SessionUser, passkey: NewPasskey, now = Date.now()): PasskeySummary {
  getDb().transaction((tx) => {
    tx.insert(passkeys)
      .values({ ...passkey, userId: user.id, createdAt: new Date(now) })
      .run();
    tx.update(users).set({ passkeyEnrolmentUntil: null }).where(eq(users.id, user.id)).run();
    recordAudit(tx, {
      actor: user,
      action: 'passkey.register',
      entity: 'user',
      entityId: user.id,
      agencyId: user.agencyId,
      after: { name: passkey.name, backedUp: passkey.backedUp },
    });
  });
  return listPasskeys(user.id).find((p) => p.id === passkey.id)!;
}

/** Records a use: the new signature counter and when. */
export function touchPasskey(id: string, counter: number, now = Date.now()): void {
  getDb()
    .update(passkeys)
    .set({ counter, lastUsedAt: new Date(now) })
    .where(eq(passkeys.id, id))
    .run();
}

/** Removes one of the user's own passkeys. False when they have none by that id. */
export function removePasskey(user: SessionUser, id: string): boolean {
  return getDb().transaction((tx) => {
    const row = tx.select({ name: passkeys.name }).from(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, user.id))).get();
    if (!row) return false;
    tx.delete(passkeys).where(eq(passkeys.id, id)).run();
    recordAudit(tx, { actor: user, action: 'passkey.remove', entity: 'user', entityId: user.id, agencyId: user.agencyId, before: { name: row.name } });
    return true;
  });
}

/**
 * Recovery, by an administrator: every passkey of the user is removed, every session ends, and a
 * window opens in which the user may enrol a new passkey after signing in with their password.
 */
export function resetPasskeys(actor: Actor & { agencyId?: number | null }, userId: number, now = Date.now()): { removed: number; enrolmentUntil: Date } | null {
  return getDb().transaction((tx) => {
    const user = tx.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.id, userId)).get();
    if (!user) return null;
    const removed = tx.delete(passkeys).where(eq(passkeys.userId, userId)).run().changes;
    const enrolmentUntil = new Date(now + ENROLMENT_HOURS * 3_600_000);
    tx.update(users).set({ passkeyEnrolmentUntil: enrolmentUntil, updatedAt: new Date(now) }).where(eq(users.id, userId)).run();
    endUserSessions(tx, userId, 'passkeys_reset', { now });
    recordAudit(tx, {
      actor,
      action: 'user.passkeys_reset',
      entity: 'user',
      entityId: userId,
      agencyId: user.agencyId,
      after: { removed, enrolmentUntil: enrolmentUntil.toISOString() },
    });
    return { removed, enrolmentUntil };
  });
}

/** Opens (or extends) the window in which the user may enrol a first passkey after a password sign-in. */
export function grantEnrolment(actor: Actor, userId: number, now = Date.now()): Date | null {
  return getDb().transaction((tx) => {
    const user = tx.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.id, userId)).get();
    if (!user) return null;
    const until = new Date(now + ENROLMENT_HOURS * 3_600_000);
    tx.update(users).set({ passkeyEnrolmentUntil: until, updatedAt: new Date(now) }).where(eq(users.id, userId)).run();
    recordAudit(tx, { actor, action: 'user.passkey_enrolment_granted', entity: 'user', entityId: userId, agencyId: user.agencyId, after: { until: until.toISOString() } });
    return until;
  });
}

const enrolmentUntil = preparedStatement((db) =>
  db.select({ until: users.passkeyEnrolmentUntil }).from(users).where(eq(users.id, sql.placeholder('userId'))).prepare(),
);

export function enrolmentOpen(userId: number, now = Date.now()): boolean {
  const row = enrolmentUntil().get({ userId });
  return !!row?.until && row.until.getTime() > now;
}

/** The step after a password is done: the session now counts as phishing-resistant. */
export function completePasskeyStep(user: SessionUser, sessionId: string, passkeyName: string, now = Date.now()): void {
  getDb().transaction((tx) => {
    tx.update(sessions).set({ phishingResistantAt: new Date(now) }).where(eq(sessions.id, sessionId)).run();
    recordAudit(tx, { actor: user, action: 'sign_in.passkey_step', entity: 'user', entityId: user.id, agencyId: user.agencyId, after: { passkey: passkeyName } });
  });
}
