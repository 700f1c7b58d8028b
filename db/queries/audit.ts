import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { SessionUser } from '@/lib/authorization';
import { getDb, type DbOrTx } from '../index';
import { auditEvents } from '../schema';

export type Actor = { id: number | null; email: string | null };
export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

export type AuditInput = {
  actor: Actor;
  action: string;
  entity: string;
  entityId?: string | number | null;
  agencyId?: number | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
};

const GENESIS = '0'.repeat(64);

/** The hash that links an event to the one before it. audit:verify recomputes it. */
export function auditHash(prevHash: string, e: {
  at: number;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  agencyId: number | null;
  before: unknown;
  after: unknown;
}): string {
  const canonical = JSON.stringify([
    e.at,
    e.actorId,
    e.actorEmail,
    e.action,
    e.entity,
    e.entityId,
    e.agencyId,
    e.before ?? null,
    e.after ?? null,
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * Appends one audit event. Call it inside the same synchronous transaction as the change it
 * records, so the change and its record commit or roll back together.
 */
export function recordAudit(tx: DbOrTx, input: AuditInput): void {
  const last = tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1)
    .get();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: (input.at ?? new Date()).getTime(),
    actorId: input.actor.id,
    actorEmail: input.actor.email,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    agencyId: input.agencyId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  };
  tx.insert(auditEvents)
    .values({ ...row, at: new Date(row.at), prevHash, hash: auditHash(prevHash, row) })
    .run();
}

/** A refused attempt is part of the record too: who tried what, and why it was refused. */
export function recordDenied(user: SessionUser | null, method: string, path: string, reason: string): void {
  try {
    getDb().transaction((tx) => {
      recordAudit(tx, {
        actor: { id: user?.id ?? null, email: user?.email ?? null },
        action: 'denied',
        entity: 'request',
        entityId: `${method} ${path}`,
        agencyId: user?.agencyId ?? null,
        after: { reason },
      });
    });
  } catch (error) {
    // The refusal stands even if it could not be recorded.
    console.error('Could not record a refused request', error);
  }
}
