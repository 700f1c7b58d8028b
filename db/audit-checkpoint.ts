/**
 * The audit trail's head recorded outside the database. A key holder who rewrites the newest
 * events, or anyone who cuts them off, leaves a chain that still holds; only a record of where the
 * chain ended, kept elsewhere and signed, shows it. The running server writes one on a schedule,
 * `npm run db:backup` writes one beside each backup, and `npm run audit:verify` compares with it.
 *
 * No `server-only` here: the CLI scripts (run under tsx) share this module with the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditCheckpointIntervalMs, auditCheckpointPath, auditKeys, currentAuditKey, type AuditKey } from '@/lib/env';
import { getSqlite } from './index';
import { GENESIS } from './queries/audit';

export type AuditHead = { lastId: number; hash: string; count: number };
export type AuditCheckpoint = AuditHead & { at: string; keyId: string; signature: string };

/** The newest event and the number of events, read in one statement so they agree. */
export function auditHead(sqlite: Database.Database): AuditHead {
  const row = sqlite
    .prepare('SELECT id, hash, (SELECT count(*) FROM audit_events) AS count FROM audit_events ORDER BY id DESC LIMIT 1')
    .get() as { id: number; hash: string; count: number } | undefined;
  return row ? { lastId: row.id, hash: row.hash, count: row.count } : { lastId: 0, hash: GENESIS, count: 0 };
}

function signature(key: AuditKey, c: Omit<AuditCheckpoint, 'signature'>): string {
  // A fixed order, so the signature does not depend on how the JSON file lays out its fields.
  return createHmac('sha256', key.secret)
    .update(JSON.stringify(['pitf-audit-checkpoint', c.lastId, c.hash, c.count, c.at, c.keyId]))
    .digest('hex');
}

export function signCheckpoint(head: AuditHead, key: AuditKey = currentAuditKey(), at = new Date()): AuditCheckpoint {
  const unsigned = { lastId: head.lastId, hash: head.hash, count: head.count, at: at.toISOString(), keyId: key.id };
  return { ...unsigned, signature: signature(key, unsigned) };
}

/** Writes the file whole or not at all: a reader never sees half a checkpoint. */
export function writeCheckpointFile(file: string, checkpoint: AuditCheckpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    fs.writeSync(fd, JSON.stringify(checkpoint, null, 2) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** Signs the head of the trail and writes it to `file` (by default PITF_AUDIT_CHECKPOINT). */
export function writeAuditCheckpoint(file = auditCheckpointPath(), sqlite: Database.Database = getSqlite()): AuditCheckpoint {
  const checkpoint = signCheckpoint(auditHead(sqlite));
  writeCheckpointFile(file, checkpoint);
  return checkpoint;
}

/** The checkpoint in `file`, or null when there is none. Throws when the file is not one. */
export function readAuditCheckpoint(file: string): AuditCheckpoint | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  const c = parsed as Record<string, unknown>;
  if (
    typeof c !== 'object' ||
    c === null ||
    !Number.isInteger(c.lastId) ||
    !Number.isInteger(c.count) ||
    typeof c.hash !== 'string' ||
    typeof c.at !== 'string' ||
    typeof c.keyId !== 'string' ||
    typeof c.signature !== 'string'
  ) {
    throw new Error(`${file} is not an audit checkpoint (expected lastId, hash, count, at, keyId and signature).`);
  }
  return c as unknown as AuditCheckpoint;
}

/**
 * Compares the trail with a checkpoint. Returns null when the checkpoint's signature verifies and
 * the trail still holds its head unchanged, otherwise one sentence saying what is wrong. Run it
 * after verifyAuditChain: it trusts the links between the checkpoint's event and the newest.
 */
export function compareWithCheckpoint(
  sqlite: Database.Database,
  checkpoint: AuditCheckpoint,
  keys: AuditKey[] = auditKeys(),
): string | null {
  const key = keys.find((k) => k.id === checkpoint.keyId);
  if (!key) {
    return `The checkpoint is signed with key "${checkpoint.keyId}", which is not among the audit keys given (PITF_AUDIT_KEYS), so it cannot be trusted.`;
  }
  const expected = Buffer.from(signature(key, checkpoint));
  const given = Buffer.from(checkpoint.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return `The checkpoint's signature does not verify with key "${key.id}": the checkpoint was forged or altered.`;
  }
  if (checkpoint.lastId === 0) return null;
  const event = sqlite.prepare('SELECT hash FROM audit_events WHERE id = ?').get(checkpoint.lastId) as { hash: string } | undefined;
  if (!event) {
    const now = auditHead(sqlite);
    return `The trail was cut: the checkpoint of ${checkpoint.at} records ${checkpoint.count} events up to event ${checkpoint.lastId}, the trail now ends at event ${now.lastId} (${now.count} events).`;
  }
  if (event.hash !== checkpoint.hash) {
    return `Event ${checkpoint.lastId} was rewritten since the checkpoint of ${checkpoint.at}: its hash is not the one the checkpoint records.`;
  }
  const count = (sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE id <= ?').get(checkpoint.lastId) as { n: number }).n;
  if (count !== checkpoint.count) {
    return `The trail holds ${count} events up to event ${checkpoint.lastId}, the checkpoint of ${checkpoint.at} records ${checkpoint.count}: events were removed or inserted.`;
  }
  return null;
}

const timers = globalThis as unknown as { pitfAuditCheckpoints?: NodeJS.Timeout };

/**
 * Writes a checkpoint now and then every `intervalMs` (PITF_AUDIT_CHECKPOINT_MINUTES, by default
 * five minutes) to PITF_AUDIT_CHECKPOINT, for the life of the process. Throws at once when the
 * audit key is not configured, so a misconfigured server fails at start rather than at its first
 * write. Calling it again replaces the schedule. Returns a function that stops it.
 */
export function startAuditCheckpoints(intervalMs = auditCheckpointIntervalMs(), file = auditCheckpointPath()): () => void {
  currentAuditKey();
  const write = () => {
    try {
      writeAuditCheckpoint(file);
    } catch (error) {
      // A missed checkpoint weakens the record but must not take the server down; the next try may work.
      console.error(`Could not write the audit checkpoint ${file}`, error);
    }
  };
  if (timers.pitfAuditCheckpoints) clearInterval(timers.pitfAuditCheckpoints);
  write();
  const timer = setInterval(write, intervalMs);
  // The schedule alone must not keep a process alive that is otherwise done.
  timer.unref();
  timers.pitfAuditCheckpoints = timer;
  return () => {
    clearInterval(timer);
    if (timers.pitfAuditCheckpoints === timer) timers.pitfAuditCheckpoints = undefined;
  };
}
