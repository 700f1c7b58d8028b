/**
 * Reading deliverables: lists (filtered in deliverable-filters.ts), counts, the summary and one
 * deliverable with its history. Writes are in deliverable-writes.ts.
 */
import 'server-only';
import type { DeliverableDetail, DeliverableList, DeliverableListItem, ProgressUpdateItem, StatusByPillar } from '@/lib/contracts/deliverables';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { STATUSES, type DeliverableSort, type PillarSlug, type Status } from '@/lib/domain';
import { measureOf, type MeasureColumns } from '@/lib/measures';
import { untilChange } from './until-change';
import { pagingTotal, planExempt } from './plan-exempt';
import { getDb } from '../index';
import { agencies, deliverableSupporters, deliverables, meetings, napActions, pillars, planObjectives, progressUpdates, sources, users } from '../schema';
import { filterConditions, lookUpFilterReferences, type DeliverableFilters } from './deliverable-filters';
import { concernOrder, counted, overdueCondition, staleCondition } from './sql-words';


function listOrder(sort: DeliverableSort | undefined): SQL[] {
  switch (sort) {
    // Walks the (agency, status, last update, id) index backwards when one status is asked for.
    case 'recent':
      return [asc(agencies.slug), desc(deliverables.lastUpdateAt), desc(deliverables.id)];
    case 'concern':
      return [asc(agencies.slug), ...concernOrder()];
    // Pillar ids follow the pillars' fixed order (seeded once, never renumbered).
    default:
      return [asc(agencies.slug), asc(deliverables.pillarId), asc(deliverables.id)];
  }
}

/** The four measure columns, read back as one `measure` by withMeasure. */
function storedMeasure() {
  return {
    measureLabel: deliverables.measureLabel,
    measureUnit: deliverables.measureUnit,
    measureTarget: deliverables.measureTarget,
    measureActual: deliverables.measureActual,
  };
}

/** A row with its four measure columns replaced by one `measure` (null when it has none). */
function withMeasure<R extends MeasureColumns>(row: R): Omit<R, keyof MeasureColumns> & { measure: ReturnType<typeof measureOf> } {
  const { measureLabel, measureUnit, measureTarget, measureActual, ...rest } = row;
  return { ...rest, measure: measureOf({ measureLabel, measureUnit, measureTarget, measureActual }) };
}

/** A row of a deliverable list, as every list (the page, the API, the briefing) shows it. */
function listColumns() {
  return {
    id: deliverables.id,
    title: deliverables.title,
    status: deliverables.status,
    progress: deliverables.progress,
    dueOn: deliverables.dueOn,
    fundingUsd: deliverables.fundingUsd,
    ...storedMeasure(),
    pillar: pillars.slug,
    leadAgency: agencies.slug,
    leadAgencyAbbreviation: agencies.abbreviation,
    announcedAtMeetingId: deliverables.announcedAtMeetingId,
    napAction: napActions.code,
    statusReason: deliverables.statusReason,
    lastUpdateAt: deliverables.lastUpdateAt,
    stale: staleCondition(),
    overdue: overdueCondition(),
    version: deliverables.version,
  };
}

type RawListRow = MeasureColumns & { status: string; pillar: string; lastUpdateAt: Date | null; stale: boolean; overdue: boolean };
type ListItem<R> = Omit<R, keyof RawListRow> & {
  status: Status;
  pillar: PillarSlug;
  lastUpdateAt: number | null;
  stale: boolean;
  overdue: boolean;
  measure: ReturnType<typeof measureOf>;
};

function toListItem<R extends RawListRow>(row: R): ListItem<R> {
  return {
    ...withMeasure(row),
    status: row.status as Status,
    pillar: row.pillar,
    lastUpdateAt: row.lastUpdateAt?.getTime() ?? null,
    stale: Boolean(row.stale),
    overdue: Boolean(row.overdue),
  } as ListItem<R>;
}

export function listDeliverables(f: DeliverableFilters): DeliverableList {
  const db = getDb();
  const where = filterConditions(f, lookUpFilterReferences(db, f));
  const items = db
    .select(listColumns())
    // CROSS JOIN keeps SQLite from reordering: agencies by their short name, then each agency's
    // deliverables from the (agency, pillar, id) index, already in order, stopping at the page's end.
    .from(agencies)
    .crossJoin(deliverables)
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(napActions, eq(napActions.id, deliverables.napActionId))
    .where(and(eq(agencies.id, deliverables.leadAgencyId), where))
    .orderBy(...listOrder(f.sort))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all()
    .map(toListItem);
  // Every deliverable has a lead agency and a pillar (NOT NULL foreign keys), so the count joins
  // them only when a filter names one: without the joins, counting all 10,000 reads one index
  // instead of looking up two rows for each.
  let counting = db.select({ n: pagingTotal(f) }).from(deliverables).$dynamic();
  if (f.agency) counting = counting.innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId));
  if (f.pillar) counting = counting.innerJoin(pillars, eq(pillars.id, deliverables.pillarId));
  const total = counting.where(where).get()?.n ?? 0;
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/**
 * Every agency's `limit` deliverables most in need of attention, in the list's "needs attention
 * first" order, keyed by lead agency id: one query, a window numbering each agency's deliverables.
 */
export function listMostInNeedByAgency(limit: number): Map<number, DeliverableListItem[]> {
  const db = getDb();
  const ranked = db
    .select({
      id: deliverables.id,
      rank: sql<number>`${planExempt('briefing-book')} row_number() OVER (PARTITION BY ${deliverables.leadAgencyId} ORDER BY ${sql.join(concernOrder(), sql`, `)})`.as('rank'),
    })
    .from(deliverables)
    .where(counted())
    .as('ranked');
  const rows = db
    .select({ ...listColumns(), leadAgencyId: deliverables.leadAgencyId })
    .from(ranked)
    .innerJoin(deliverables, eq(deliverables.id, ranked.id))
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(napActions, eq(napActions.id, deliverables.napActionId))
    .where(sql`${ranked.rank} <= ${limit}`)
    .orderBy(asc(deliverables.leadAgencyId), asc(ranked.rank))
    .all();
  const byAgency = new Map<number, DeliverableListItem[]>();
  for (const { leadAgencyId, ...row } of rows) {
    const list = byAgency.get(leadAgencyId) ?? [];
    list.push(toListItem(row));
    byAgency.set(leadAgencyId, list);
  }
  return byAgency;
}


/** How many deliverables the agency leads, and how many of other agencies it supports. */
export function countLedAndSupported(agencyId: number) {
  const db = getDb();
  const led = db.select({ n: count() }).from(deliverables).where(eq(deliverables.leadAgencyId, agencyId)).get()?.n ?? 0;
  const supported = db.select({ n: count() }).from(deliverableSupporters).where(eq(deliverableSupporters.agencyId, agencyId)).get()?.n ?? 0;
  return { led, supported };
}

/** Every status at 0. */
export const noneByStatus = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** How many deliverables match `where` at each status, every status present (0 when none). */
export function countByStatus(where: SQL | undefined): Record<Status, number> {
  const counts = noneByStatus();
  const rows = getDb()
    .select({ status: deliverables.status, n: count() })
    .from(deliverables)
    .where(and(counted(), where))
    .groupBy(deliverables.status)
    .all();
  for (const row of rows) counts[row.status as Status] = row.n;
  return counts;
}

export const getDeliverableSummary = untilChange(['deliverables', 'pillars'], computeDeliverableSummary, () => String(Math.floor(Date.now() / 60_000)));

/** Deliverables by pillar and status, and the open ones that are stale or overdue. */
function computeDeliverableSummary() {
  const db = getDb();
  const byPillarAndStatus = db
    .select({ pillar: pillars.slug, status: deliverables.status, count: count() })
    .from(deliverables)
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .where(counted())
    .groupBy(pillars.slug, deliverables.status)
    .all() as StatusByPillar[];
  const flags = db
    .select({
      stale: sql<number>`${planExempt('overview-figures')} coalesce(sum(${staleCondition()}), 0)`,
      overdue: sql<number>`coalesce(sum(${overdueCondition()}), 0)`,
      total: count(),
    })
    .from(deliverables)
    .where(counted())
    .get();
  return { byPillarAndStatus, stale: flags?.stale ?? 0, overdue: flags?.overdue ?? 0, total: flags?.total ?? 0 };
}

const leadAgency = alias(agencies, 'lead_agency');

/** One deliverable with everything its page shows, or null. */
export function getDeliverable(id: number): DeliverableDetail | null {
  const db = getDb();
  const row = db
    .select({
      id: deliverables.id,
      title: deliverables.title,
      description: deliverables.description,
      status: deliverables.status,
      progress: deliverables.progress,
      statusReason: deliverables.statusReason,
      dueOn: deliverables.dueOn,
      fundingUsd: deliverables.fundingUsd,
      ...storedMeasure(),
      lastUpdateAt: deliverables.lastUpdateAt,
      version: deliverables.version,
      createdAt: deliverables.createdAt,
      updatedAt: deliverables.updatedAt,
      isDemo: deliverables.isDemo,
      stale: staleCondition(),
      overdue: overdueCondition(),
      leadAgencyId: deliverables.leadAgencyId,
      leadAgency: { slug: leadAgency.slug, name: leadAgency.name, abbreviation: leadAgency.abbreviation },
      pillar: pillars.slug,
      napAction: { code: napActions.code, title: napActions.title },
      objective: { id: planObjectives.id, number: planObjectives.number, title: planObjectives.title, retiredAt: planObjectives.retiredAt },
      objectiveBySecretariat: deliverables.objectiveBySecretariat,
      announcedAt: { id: meetings.id, title: meetings.title, date: meetings.date, datePrecision: meetings.datePrecision },
      source: { title: sources.title, url: sources.url, publishedOn: sources.publishedOn, publisher: sources.publisher },
    })
    .from(deliverables)
    .innerJoin(leadAgency, eq(leadAgency.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(napActions, eq(napActions.id, deliverables.napActionId))
    .leftJoin(planObjectives, eq(planObjectives.id, deliverables.objectiveId))
    .leftJoin(meetings, eq(meetings.id, deliverables.announcedAtMeetingId))
    .leftJoin(sources, eq(sources.id, deliverables.sourceId))
    .where(eq(deliverables.id, id))
    .get();
  if (!row) return null;
  const supportingAgencies = db
    .select({ slug: agencies.slug, name: agencies.name, abbreviation: agencies.abbreviation })
    .from(deliverableSupporters)
    .innerJoin(agencies, eq(agencies.id, deliverableSupporters.agencyId))
    .where(eq(deliverableSupporters.deliverableId, id))
    .orderBy(asc(agencies.name))
    .all();
  return {
    ...withMeasure(row),
    lastUpdateAt: row.lastUpdateAt?.getTime() ?? null,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
    stale: Boolean(row.stale),
    overdue: Boolean(row.overdue),
    status: row.status as Status,
    pillar: row.pillar,
    napAction: row.napAction?.code ? row.napAction : null,
    objective: row.objective?.id
      ? { id: row.objective.id, number: row.objective.number, title: row.objective.title, retired: row.objective.retiredAt !== null }
      : null,
    announcedAt: row.announcedAt?.id ? row.announcedAt : null,
    source: row.source?.url ? row.source : null,
    supportingAgencies,
  };
}

/** A deliverable's history, newest first. */
export function listUpdates(
  deliverableId: number,
  { page, pageSize }: { page: number; pageSize: number },
): { items: ProgressUpdateItem[]; total: number; page: number; pageSize: number } {
  const db = getDb();
  const items = db
    .select({
      id: progressUpdates.id,
      createdAt: progressUpdates.createdAt,
      status: progressUpdates.status,
      progress: progressUpdates.progress,
      measureActual: progressUpdates.measureActual,
      note: progressUpdates.note,
      reason: progressUpdates.reason,
      isDemo: progressUpdates.isDemo,
      author: { name: users.name, email: users.email },
    })
    .from(progressUpdates)
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .where(eq(progressUpdates.deliverableId, deliverableId))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((u) => ({ ...u, createdAt: u.createdAt.getTime(), author: u.author?.email ? u.author : null }));
  const total =
    db.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.deliverableId, deliverableId)).get()?.n ?? 0;
  return { items, total, page, pageSize };
}
