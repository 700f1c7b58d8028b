/**
 * The triggers that make audit_events append-only (migration 0001). Anyone who can write the
 * database file can drop them, and a later migration never re-creates them, so `npm run
 * db:migrate` restores them, the preflight refuses to start the server without them, and
 * `npm run audit:verify` fails while they are missing.
 */
import type Database from 'better-sqlite3';

/** The same statements as db/migrations/0001_audit_append_only.sql (a test holds them equal). */
export const AUDIT_TRIGGERS = {
  audit_events_no_update: `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;`,
  audit_events_no_delete: `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;`,
} as const;

export type AuditTriggerName = keyof typeof AUDIT_TRIGGERS;

// sqlite_master keeps the statement as written, without the final semicolon.
const normalize = (sql: string) => sql.replace(/;\s*$/, '').replace(/\s+/g, ' ').trim();

/**
 * The append-only triggers that are absent, or present under their name but no longer the guard
 * (a trigger replaced by one that lets everything through is as good as gone).
 */
export function missingAuditTriggers(sqlite: Database.Database): AuditTriggerName[] {
  const present = new Map(
    (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'").all() as {
      name: string;
      sql: string | null;
    }[]).map((t) => [t.name, t.sql ?? '']),
  );
  return (Object.keys(AUDIT_TRIGGERS) as AuditTriggerName[]).filter(
    (name) => normalize(present.get(name) ?? '') !== normalize(AUDIT_TRIGGERS[name]),
  );
}

/** Re-creates whichever append-only triggers are missing; returns the names it restored. */
export function restoreAuditTriggers(sqlite: Database.Database): AuditTriggerName[] {
  const missing = missingAuditTriggers(sqlite);
  sqlite.transaction(() => {
    for (const name of missing) {
      sqlite.exec(`DROP TRIGGER IF EXISTS ${name}`);
      sqlite.exec(AUDIT_TRIGGERS[name]);
    }
  })();
  return missing;
}
