import 'server-only';
import { createHash, createHmac } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { currentAuditKey, type AuditKey } from '@/lib/env';
import type { DbOrTx } from '../index';
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

export const GENESIS = '0'.repeat(64);

/** What an event's hash covers: everything but its id and the hashes themselves. */
export type AuditContent = {
  at: number;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  agencyId: number | null;
  before: unknown;
  after: unknown;
};

function canonical(e: AuditContent): string {
  return JSON.stringify([
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
}

/**
 * The unkeyed hash events were written with before the trail was keyed. Anyone can recompute it,
 * so audit:verify accepts it only for the events that came before the first keyed one.
 */
export function legacyAuditHash(prevHash: string, e: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonical(e)).digest('hex');
}

/** An event's hash under one key, as stored: `<keyId>:<HMAC-SHA-256 hex>`. */
export function keyedAuditHash(key: AuditKey, prevHash: string, e: AuditContent): string {
  return `${key.id}:${createHmac('sha256', key.secret).update(prevHash).update(canonical(e)).digest('hex')}`;
}

/**
 * The hash that links an event to the one before it, signed with the current audit key, so that
 * only a holder of the key can rewrite the chain. audit:verify recomputes it.
 */
export function auditHash(prevHash: string, e: AuditContent): string {
  return keyedAuditHash(currentAuditKey(), prevHash, e);
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

