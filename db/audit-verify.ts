/**
 * Walks the audit trail from the first event and recomputes each event's hash from the one
 * before it with the audit keys. Returns the first event whose link is broken (edited, removed,
 * inserted out of order, or rehashed by someone without the key), or null when the whole chain
 * holds. Events from before the trail was keyed carry a plain SHA-256 hash; those are accepted
 * only before the first keyed event, since anyone can compute one.
 */
import type Database from 'better-sqlite3';
import { timingSafeEqual } from 'node:crypto';
import { auditKeys, type AuditKey } from '@/lib/env';
import { GENESIS, keyedAuditHash, legacyAuditHash, type AuditContent } from './queries/audit';

export type BrokenLink = {
  id: number;
  kind: 'relinked' | 'altered' | 'unkeyed' | 'unknown-key' | 'malformed';
  reason: string;
};

export type ChainResult = {
  checked: number;
  /** Events before the first keyed one, with the old unkeyed hash. */
  legacy: number;
  /** Keyed events by the id of the key that signed them. */
  byKey: Record<string, number>;
  /** The last event that verified: what a checkpoint is compared with. */
  head: { id: number; hash: string } | null;
  broken: BrokenLink | null;
};

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

const LEGACY = /^[0-9a-f]{64}$/;
const KEYED = /^([^:]+):([0-9a-f]{64})$/;

function content(row: Row): AuditContent {
  return {
    at: row.at,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    agencyId: row.agency_id,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function verifyAuditChain(sqlite: Database.Database, keys: AuditKey[] = auditKeys()): ChainResult {
  const keyById = new Map(keys.map((k) => [k.id, k]));
  const result: ChainResult = { checked: 0, legacy: 0, byKey: {}, head: null, broken: null };
  const fail = (id: number, kind: BrokenLink['kind'], reason: string) => ({ ...result, broken: { id, kind, reason } });
  let previous = GENESIS;
  let keyedSeen = false;
  for (const row of sqlite.prepare('SELECT * FROM audit_events ORDER BY id').iterate() as IterableIterator<Row>) {
    result.checked++;
    if (row.prev_hash !== previous) {
      return fail(row.id, 'relinked', 'it does not point at the event before it (an event was removed or inserted)');
    }
    let fields: AuditContent;
    try {
      fields = content(row);
    } catch {
      return fail(row.id, 'altered', 'its recorded values are not valid JSON (it was altered)');
    }
    const keyed = KEYED.exec(row.hash);
    if (keyed) {
      const key = keyById.get(keyed[1]!);
      if (!key) {
        return fail(
          row.id,
          'unknown-key',
          `it is signed with key "${keyed[1]}", which is not among the audit keys given (PITF_AUDIT_KEYS), so it cannot be checked`,
        );
      }
      if (!same(keyedAuditHash(key, previous, fields), row.hash)) {
        return fail(row.id, 'altered', `its content does not match its hash under key "${key.id}" (it was altered, or rehashed without the key)`);
      }
      keyedSeen = true;
      result.byKey[key.id] = (result.byKey[key.id] ?? 0) + 1;
    } else if (LEGACY.test(row.hash)) {
      if (keyedSeen) {
        return fail(row.id, 'unkeyed', 'it was written without the key, after the trail was keyed (it was altered or inserted)');
      }
      if (legacyAuditHash(previous, fields) !== row.hash) {
        return fail(row.id, 'altered', 'its content does not match its hash (it was altered)');
      }
      result.legacy++;
    } else {
      return fail(row.id, 'malformed', 'its hash is neither a keyed nor a plain SHA-256 hash');
    }
    previous = row.hash;
    result.head = { id: row.id, hash: row.hash };
  }
  return result;
}
