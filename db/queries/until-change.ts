/**
 * Remembers an aggregate until the data changes, and never longer.
 *
 * Every change to the record writes an audit event in the same transaction (db/queries/audit.ts),
 * so the newest audit event id moves with every change made through this process; SQLite's
 * data_version moves when another process (a seed, a restore) commits. An answer is reused only
 * while both are what they were when it was computed, so nobody sees a figure from before a
 * change they or anyone else made.
 */
import { getSqlite } from '../index';

function stamp(): string {
  const sqlite = getSqlite();
  const lastEvent = sqlite.prepare('SELECT max(id) FROM audit_events').pluck().get();
  return `${lastEvent}:${sqlite.pragma('data_version', { simple: true })}`;
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
