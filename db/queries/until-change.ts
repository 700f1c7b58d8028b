/**
 * Remembers an aggregate until a table it reads changes, and never longer.
 *
 * Each remembered function names the tables it reads. Triggers (migrations 0022 and 0023) bump a table's
 * version in `table_changes` on every insert, update and delete, whoever the writer: this process,
 * another server process, a seed or the sqlite3 shell. An answer is reused only while the versions
 * of its tables are what they were when it was computed, so nobody sees a figure from before a
 * change they or anyone else made, and a change to another table (a sign-in, an audit event, a
 * notification) keeps it.
 *
 * How to change it: a function that starts reading another table must name it; a table without a
 * counter needs a migration adding its row and its three triggers (see 0022), and naming one here
 * before then fails on first use.
 *
 * Values are frozen, deeply, before they are kept: every caller shares them, so one that wants to
 * sort or edit one works on a copy (`[...rows].sort(...)`).
 */
import 'server-only';
import type Database from 'better-sqlite3';
import { getSqlite } from '../index';

/**
 * The tables remembered aggregates and kept fragments may name: each has a counter and triggers
 * (migrations 0022–0024; users' counter moves only when what a page shows of a person changes).
 */
export const COUNTED_TABLES = [
  'agencies',
  'agency_report_events',
  'agency_reports',
  'agenda_items',
  'awards',
  'deliverable_status_months',
  'deliverable_supporters',
  'deliverables',
  'indicators',
  'meetings',
  'nap_action_supporters',
  'nap_actions',
  'observations',
  'pillars',
  'plan_objectives',
  'plans',
  'progress_updates',
  'readiness_snapshots',
  'releases',
  'sources',
  'users',
  'working_groups',
] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

/** One statement per connection and set of tables: it runs on every remembered read. */
const versionStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function versionsOf(tables: readonly CountedTable[]): string {
  const sqlite = getSqlite();
  const key = tables.join(',');
  let statements = versionStatements.get(sqlite);
  if (!statements) versionStatements.set(sqlite, (statements = new Map()));
  let statement = statements.get(key);
  if (!statement) {
    const names = tables.map(() => '?').join(', ');
    statement = sqlite.prepare(`SELECT count(*) || ':' || group_concat(version, ':') FROM (SELECT version FROM table_changes WHERE name IN (${names}) ORDER BY name)`).pluck();
    const found = statement.get(...tables) as string | null;
    if (!found?.startsWith(`${tables.length}:`)) {
      throw new Error(`Every table a remembered aggregate reads needs a change counter; one of ${key} has none (see migration 0022).`);
    }
    statements.set(key, statement);
  }
  return statement.get(...tables) as string;
}

/** Freezes the value and everything it holds, so that no caller can change what others are given. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k);
      deepFreeze(v);
    }
  } else if (value instanceof Set) {
    for (const v of value) deepFreeze(v);
  } else {
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The versions of these tables now, as one string. Anything computed from those tables alone
 * (a rendered fragment of a page, say) may be kept under this key: the key changes whenever one
 * of them does, whoever writes.
 */
export function changeVersions(tables: readonly CountedTable[]): string {
  return versionsOf([...new Set(tables)].sort());
}

/**
 * The version of the whole record: every counted table's counter. A page's kept fragment is keyed
 * by it, so any change to what pages show (by this process or any other writer) renders it again,
 * and nothing else does (sign-ins, sessions, audit events and notifications have no counter).
 */
export function recordVersion(): string {
  return changeVersions(COUNTED_TABLES);
}

const ENTRIES_PER_FUNCTION = 64;

export function untilChange<A extends unknown[], R>(
  tables: readonly CountedTable[],
  compute: (...args: A) => R,
  keyOf: (...args: A) => string,
): (...args: A) => R {
  const sorted = [...new Set(tables)].sort();
  const entries = new Map<string, { versions: string; value: R }>();
  return (...args: A) => {
    // Inside a transaction the figure may rest on writes that are later rolled back, and the
    // counters with them: computed, not kept.
    if (getSqlite().inTransaction) return deepFreeze(compute(...args));
    const key = keyOf(...args);
    const versions = versionsOf(sorted);
    const hit = entries.get(key);
    if (hit && hit.versions === versions) return hit.value;
    const value = deepFreeze(compute(...args));
    entries.delete(key);
    entries.set(key, { versions, value });
    // Oldest first: drop the least recently computed beyond the limit.
    if (entries.size > ENTRIES_PER_FUNCTION) entries.delete(entries.keys().next().value!);
    return value;
  };
}
