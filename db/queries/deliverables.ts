import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { STALE_AFTER_DAYS, type PillarSlug, type Status } from '@/lib/domain';
import { todayIso } from '@/lib/dates';
import { getDb } from '../index';
import { agencies, deliverables, napActions, pillars } from '../schema';

export type DeliverableFilters = {
  agency?: string;
  pillar?: PillarSlug;
  status?: Status;
  meeting?: number;
  page: number;
  pageSize: number;
};

/** Open and not updated for STALE_AFTER_DAYS (a deliverable never updated counts from its creation). */
export function staleCondition(now = Date.now()): SQL<boolean> {
  const cutoff = now - STALE_AFTER_DAYS * 86_400_000;
  return sql<boolean>`(${deliverables.status} <> 'completed' AND coalesce(${deliverables.lastUpdateAt}, ${deliverables.createdAt}) < ${cutoff})`;
}

export function overdueCondition(today = todayIso()): SQL<boolean> {
  return sql<boolean>`(${deliverables.status} <> 'completed' AND ${deliverables.dueOn} IS NOT NULL AND ${deliverables.dueOn} < ${today})`;
}

function filterConditions(f: Omit<DeliverableFilters, 'page' | 'pageSize'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.agency) conditions.push(eq(agencies.slug, f.agency));
  if (f.pillar) conditions.push(eq(pillars.slug, f.pillar));
  if (f.status) conditions.push(eq(deliverables.status, f.status));
  if (f.meeting) conditions.push(eq(deliverables.announcedAtMeetingId, f.meeting));
  return conditions.length ? and(...conditions) : undefined;
}

export function listDeliverables(f: DeliverableFilters) {
  const db = getDb();
  const where = filterConditions(f);
  const items = db
    .select({
      id: deliverables.id,
      title: deliverables.title,
      status: deliverables.status,
      progress: deliverables.progress,
      dueOn: deliverables.dueOn,
      fundingUsd: deliverables.fundingUsd,
      pillar: pillars.slug,
      leadAgency: agencies.slug,
      leadAgencyAbbreviation: agencies.abbreviation,
      announcedAtMeetingId: deliverables.announcedAtMeetingId,
      napAction: napActions.code,
      lastUpdateAt: deliverables.lastUpdateAt,
      stale: staleCondition(),
      overdue: overdueCondition(),
      version: deliverables.version,
    })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(napActions, eq(napActions.id, deliverables.napActionId))
    .where(where)
    .orderBy(asc(agencies.slug), asc(pillars.position), asc(deliverables.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all()
    .map((row) => ({ ...row, stale: Boolean(row.stale), overdue: Boolean(row.overdue) }));
  const total =
    db
      .select({ n: count() })
      .from(deliverables)
      .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
      .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
      .where(where)
      .get()?.n ?? 0;
  return { items, total, page: f.page, pageSize: f.pageSize };
}

export type StatusByPillar = { pillar: PillarSlug; status: Status; count: number };

/** Deliverables by pillar and status, and the open ones that are stale or overdue. */
export function getDeliverableSummary() {
  const db = getDb();
  const byPillarAndStatus = db
    .select({ pillar: pillars.slug, status: deliverables.status, count: count() })
    .from(deliverables)
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .groupBy(pillars.slug, deliverables.status)
    .all() as StatusByPillar[];
  const flags = db
    .select({
      stale: sql<number>`coalesce(sum(${staleCondition()}), 0)`,
      overdue: sql<number>`coalesce(sum(${overdueCondition()}), 0)`,
      total: count(),
    })
    .from(deliverables)
    .get();
  return { byPillarAndStatus, stale: flags?.stale ?? 0, overdue: flags?.overdue ?? 0, total: flags?.total ?? 0 };
}
