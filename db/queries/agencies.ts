import { asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { agencies, deliverables } from '../schema';

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
      deliverables: sql<number>`(SELECT count(*) FROM ${deliverables} WHERE ${deliverables.leadAgencyId} = ${agencies.id})`,
      completed: sql<number>`(SELECT count(*) FROM ${deliverables} WHERE ${deliverables.leadAgencyId} = ${agencies.id} AND ${deliverables.status} = 'completed')`,
    })
    .from(agencies)
    .where(includeRetired ? undefined : isNull(agencies.retiredAt))
    .orderBy(asc(agencies.name))
    .all();
}

export function getAgencyBySlug(slug: string) {
  return getDb().select().from(agencies).where(eq(agencies.slug, slug)).get() ?? null;
}
