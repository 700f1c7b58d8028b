/**
 * Reading the audit trail (`/admin/audit`, `GET /api/admin/audit`, its CSV export). Writing it is
 * db/queries/audit.ts's job; nothing here changes a row.
 *
 * Every filter has an index (db/schema.ts): actor, agency and action each with the time, one
 * entity with its id, and the time alone. To add a filter: add it to lib/validations/audit.ts,
 * give it a place in DRIVERS below, and check the plan with EXPLAIN QUERY PLAN (the test in
 * audit-log.test.ts does).
 */
import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { TASK_FORCE_TIME_ZONE, addDays, startOfDayIn } from '@/lib/dates';
import type { CsvCell } from '@/lib/csv';
import type { FieldErrors } from '@/lib/errors';
import type { AuditExportQuery } from '@/lib/validations/audit';
import { getDb } from '../index';
import { agencies, auditEvents, users } from '../schema';
import { streamCsv } from './csv-stream';
import { pagingTotal } from './plan-exempt';

/** The filters; without `tz`, dates are the task force's days. */
export type AuditFilters = Omit<AuditExportQuery, 'tz'> & { tz?: string };
export type AuditPage = { page: number; pageSize: number };

type Driver = 'entityId' | 'actor' | 'agency' | 'action' | 'dates' | 'entity' | 'none';

/**
 * The filter whose index leads the query, most selective first. Without ANALYZE statistics SQLite
 * may pick a broader index when several filters have one (the action's index for "this
 * deliverable's changes", say), so the others are written with a unary `+`, which keeps a
 * column's index out of the choice without changing what matches.
 */
function driverOf(f: AuditFilters): Driver {
  if (f.entity !== undefined && f.entityId !== undefined) return 'entityId';
  if (f.actor !== undefined) return 'actor';
  if (f.agency !== undefined) return 'agency';
  if (f.action !== undefined) return 'action';
  if (f.from !== undefined || f.to !== undefined) return 'dates';
  if (f.entity !== undefined) return 'entity';
  return 'none';
}

function filterConditions(f: AuditFilters): SQL | undefined {
  const driver = driverOf(f);
  const column = (c: AnySQLiteColumn, leads: boolean) => (leads ? sql`${c}` : sql`+${c}`);
  // The time is the second column of the actor, agency and action indexes: a range on it narrows them.
  const at = column(auditEvents.at, driver !== 'entityId' && driver !== 'entity');
  const zone = f.tz ?? TASK_FORCE_TIME_ZONE;
  return and(
    f.actor !== undefined ? sql`${column(auditEvents.actorId, driver === 'actor')} = ${f.actor}` : undefined,
    f.agency !== undefined
      ? sql`${column(auditEvents.agencyId, driver === 'agency')} = (SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.slug} = ${f.agency})`
      : undefined,
    f.action !== undefined ? sql`${column(auditEvents.action, driver === 'action')} = ${f.action}` : undefined,
    f.entity !== undefined ? sql`${column(auditEvents.entity, driver === 'entity' || driver === 'entityId')} = ${f.entity}` : undefined,
    f.entityId !== undefined ? sql`${column(auditEvents.entityId, driver === 'entityId')} = ${f.entityId}` : undefined,
    // Calendar days in the reader's zone, both included: from the start of `from` to the start of the day after `to`.
    f.from !== undefined ? sql`${at} >= ${startOfDayIn(f.from, zone)}` : undefined,
    f.to !== undefined ? sql`${at} < ${startOfDayIn(addDays(f.to, 1), zone)}` : undefined,
  );
}

/** What the caller must correct before the filters can be applied (an agency that does not exist). */
export function auditFilterErrors(f: AuditFilters): FieldErrors | null {
  if (f.agency === undefined) return null;
  const agency = getDb().select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, f.agency)).get();
  return agency ? null : { agency: [`No agency has the short name "${f.agency}".`] };
}

const eventColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actorId: auditEvents.actorId,
  actorEmail: auditEvents.actorEmail,
  actorName: users.name,
  action: auditEvents.action,
  entity: auditEvents.entity,
  entityId: auditEvents.entityId,
  agencySlug: agencies.slug,
  agencyAbbreviation: agencies.abbreviation,
  before: auditEvents.before,
  after: auditEvents.after,
  hash: auditEvents.hash,
};

function pageQuery(f: AuditFilters & AuditPage) {
  return getDb()
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(agencies, eq(agencies.id, auditEvents.agencyId))
    .where(filterConditions(f))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** Matching events, newest first (by time, then by the order they were written), one page of them. */
export function listAuditEvents(f: AuditFilters & AuditPage) {
  const items = pageQuery(f)
    .all()
    .map((row) => ({ ...row, at: row.at.getTime() }));
  const total = getDb().select({ n: pagingTotal(f) }).from(auditEvents).where(filterConditions(f)).get()?.n ?? 0;
  return { items, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

export type AuditEventItem = ReturnType<typeof listAuditEvents>['items'][number];

/** The statement listAuditEvents runs for a page, for EXPLAIN QUERY PLAN. */
export function auditListSql(f: AuditFilters & AuditPage) {
  return pageQuery(f).toSQL();
}

/**
 * The distinct values of an indexed column, read by jumping from one value to the next in its
 * index (a handful of lookups) instead of scanning every event.
 */
function distinctValues(column: typeof auditEvents.action | typeof auditEvents.entity): string[] {
  const name = sql.identifier(column.name);
  return getDb()
    .all<{ value: string }>(
      sql`WITH RECURSIVE v(value) AS (
        SELECT min(${name}) FROM ${auditEvents}
        UNION ALL
        SELECT (SELECT min(${name}) FROM ${auditEvents} WHERE ${name} > v.value) FROM v WHERE v.value IS NOT NULL
      ) SELECT value FROM v WHERE value IS NOT NULL`,
    )
    .map((r) => r.value);
}

/** Every action the log holds, for the filter's choices. */
export function listAuditActions(): string[] {
  return distinctValues(auditEvents.action);
}

/** Every kind of entity the log holds, for the filter's choices. */
export function listAuditEntities(): string[] {
  return distinctValues(auditEvents.entity);
}

/** The users who appear as actors (one index lookup per user), by name. */
export function listAuditActors() {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`EXISTS (SELECT 1 FROM ${auditEvents} WHERE ${auditEvents.actorId} = ${users.id})`)
    .orderBy(users.name, users.email)
    .all();
}

export const AUDIT_EXPORT_COLUMNS = ['id', 'time', 'actor_email', 'action', 'entity', 'entity_id', 'agency', 'before', 'after', 'hash'] as const;

/**
 * Every matching event as CSV (newest first, like the list), streamed (csv-stream.ts), so a large
 * log never sits in memory. Instants in ISO 8601 UTC; before and after as the JSON stored.
 */
export function auditEventsCsv(f: AuditFilters): ReadableStream<Uint8Array> {
  const query = getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      agency: agencies.slug,
      before: auditEvents.before,
      after: auditEvents.after,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .leftJoin(agencies, eq(agencies.id, auditEvents.agencyId))
    .where(filterConditions(f))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .toSQL();
  return streamCsv(AUDIT_EXPORT_COLUMNS, query, exportCells);
}

function exportCells([id, at, actorEmail, action, entity, entityId, agency, before, after, hash]: unknown[]): CsvCell[] {
  return [
    id as number,
    new Date(at as number).toISOString(),
    actorEmail as string | null,
    action as string,
    entity as string,
    entityId as string | null,
    agency as string | null,
    before as string | null,
    after as string | null,
    hash as string,
  ];
}
