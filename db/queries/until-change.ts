/**
 * Remembers an aggregate until the data changes, and never longer.
 *
 * Every change to the record writes an audit event in the same transaction (db/queries/audit.ts),
 * so the newest audit event id moves with every change made through this process; SQLite's
 * data_version moves when another process (a seed, a restore) commits. An answer is reused only
 * while both are what they were when it was computed, so nobody sees a figure from before a
 * change they or anyone else made.
 */
import 'server-only';
import type Database from 'better-sqlite3';
import { getSqlite } from '../index';

let lastEventStatement: { sqlite: Database.Database; statement: Database.Statement } | null = null;

function stamp(): string {
  const sqlite = getSqlite();
  // Prepared once per connection: this runs on every cached read.
  if (lastEventStatement?.sqlite !== sqlite) {
    lastEventStatement = { sqlite, statement: sqlite.prepare('SELECT max(id) FROM audit_events').pluck() };
  }
  return `${lastEventStatement.statement.get()}:${sqlite.pragma('data_version', { simple: true })}`;
}

const ENTRIES_PER_FUNCTION = 64;

export function untilChange<A extends unknown[], R>(compute: (...args: A) => R, keyOf: (...args: A) => string): (...args: A) => R {
  const entries = new Map<string, { stamp: string; value: R }>();
  return (...args: A) => {
    const key = keyOf(...args);
    const now = stamp();
    const hit = entries.get(key);
    if (hit && hit.stamp === now) return hit.value;
    const value = compute(...args);
    entries.delete(key);
    entries.set(key, { stamp: now, value });
    // Oldest first: drop the least recently computed beyond the limit.
    if (entries.size > ENTRIES_PER_FUNCTION) entries.delete(entries.keys().next().value!);
    return value;
  };
}
