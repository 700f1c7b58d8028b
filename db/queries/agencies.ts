import 'server-only';
import { asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { counted, countWhere, staleCondition } from './sql-words';
import { untilChange } from './until-change';
import { getDb } from '../index';
import { agencies, deliverables, sources } from '../schema';

/**
 * How many deliverables the agency of the outer query's row leads. Written out with table names:
 * in a correlated subquery an unqualified "id" would be the inner table's.
 */
export const deliverablesLed = () => sql<number>`(SELECT count(*) FROM deliverables d WHERE d.lead_agency_id = "agencies"."id" AND d.status <> 'withdrawn')`;

/** Member agencies (retired ones only when asked), with how many deliverables each leads. */
export function listAgencies({ includeRetired = false } = {}) {
  return getDb()
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      abbreviation: agencies.abbreviation,
      memberSince: agencies.memberSince,
      membershipInferred: agencies.membershipInferred,
      retired: sql<boolean>`${agencies.retiredAt} IS NOT NULL`.mapWith(Boolean),
      deliverables: deliverablesLed(),
      // Written out with table names, as in deliverablesLed.
      completed: sql<number>`(SELECT count(*) FROM deliverables d WHERE d.lead_agency_id = "agencies"."id" AND d.status = 'completed')`,
    })
    .from(agencies)
    .where(includeRetired ? undefined : isNull(agencies.retiredAt))
    .orderBy(asc(agencies.name))
    .all();
}

export function getAgencyBySlug(slug: string) {
  return getDb().select().from(agencies).where(eq(agencies.slug, slug)).get() ?? null;
}

/** Whether the agency's membership is confirmed or only inferred, and the document it rests on. */
export function getAgencyMembership(agencyId: number) {
  const row = getDb()
    .select({
      inferred: agencies.membershipInferred,
      title: sources.title,
      publishedOn: sources.publishedOn,
      url: sources.url,
    })
    .from(agencies)
    .leftJoin(sources, eq(sources.id, agencies.sourceId))
    .where(eq(agencies.id, agencyId))
    .get();
  if (!row) return null;
  return {
    inferred: row.inferred,
    source: row.title !== null && row.url !== null ? { title: row.title, publishedOn: row.publishedOn, url: row.url } : null,
  };
}

export const listAgencySummaries = untilChange(['agencies', 'deliverables'], computeAgencySummaries, (now = Date.now()) => String(Math.floor(now / 60_000)));

/** Each member agency with its deliverables counted by status, its last update and its stale ones. */
function computeAgencySummaries(now = Date.now()) {
  return getDb()
    .select({
      slug: agencies.slug,
      name: agencies.name,
      abbreviation: agencies.abbreviation,
      membershipInferred: agencies.membershipInferred,
      total: countWhere(counted()),
      notStarted: countWhere(sql`${deliverables.status} = 'not_started'`),
      inProgress: countWhere(sql`${deliverables.status} = 'in_progress'`),
      atRisk: countWhere(sql`${deliverables.status} = 'at_risk'`),
      blocked: countWhere(sql`${deliverables.status} = 'blocked'`),
      completed: countWhere(sql`${deliverables.status} = 'completed'`),
      stale: countWhere(staleCondition(now)),
      lastUpdateAt: sql<number | null>`max(${deliverables.lastUpdateAt})`,
    })
    .from(agencies)
    .leftJoin(deliverables, eq(deliverables.leadAgencyId, agencies.id))
    .where(isNull(agencies.retiredAt))
    .groupBy(agencies.id)
    .orderBy(asc(agencies.name))
    .all();
}
export type AgencySummary = ReturnType<typeof listAgencySummaries>[number];
