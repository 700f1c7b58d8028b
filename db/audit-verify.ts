/**
 * Walks the audit trail from the first event and recomputes each event's hash from the one
 * before it. Returns the first event whose link is broken (edited, removed or inserted out of
 * order), or null when the whole chain holds.
 */
import type Database from 'better-sqlite3';
import { auditHash } from './queries/audit';

export type BrokenLink = { id: number; reason: string };

type Row = {
  id: number;
  at: number;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  agency_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
};

const GENESIS = '0'.repeat(64);

export function verifyAuditChain(sqlite: Database.Database): { checked: number; broken: BrokenLink | null } {
  let previous = GENESIS;
  let checked = 0;
  for (const row of sqlite.prepare('SELECT * FROM audit_events ORDER BY id').iterate() as IterableIterator<Row>) {
    checked++;
    if (row.prev_hash !== previous) {
      return { checked, broken: { id: row.id, reason: 'it does not point at the event before it (an event was removed or inserted)' } };
    }
    const expected = auditHash(previous, {
      at: row.at,
      actorId: row.actor_id,
      actorEmail: row.actor_email,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      agencyId: row.agency_id,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
    });
    if (expected !== row.hash) return { checked, broken: { id: row.id, reason: 'its content does not match its hash (it was altered)' } };
    previous = row.hash;
  }
  return { checked, broken: null };
}
