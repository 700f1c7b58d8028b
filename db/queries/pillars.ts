/**
 * Pillar aggregates for the charts, computed in SQL.
 *
 * "As of" a date, a deliverable counts only if it existed then, with the status of its latest
 * progress update on or before that date. One with no update by then is taken as not started if
 * it was updated later, or at its current status if it has never been updated (a seeded
 * commitment recorded as already done stays done).
 */
import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { todayIso } from '@/lib/dates';
import { PILLARS, STATUSES, type PillarSlug, type Status } from '@/lib/domain';
import { getDb } from '../index';
import { counted as countedOnly } from './sql-words';
import { untilChange } from './until-change';
import { planExempt } from './plan-exempt';
import { agencies, deliverables, meetings, pillars } from '../schema';

export type PillarFilters = { agency?: string; meeting?: number; asOf?: number };

/** The end (23:59:59.999 UTC) of a meeting's day, as milliseconds: the "as of" cut for that meeting. */
export function meetingCut(meetingId: number): { id: number; title: string; date: string; datePrecision: string; cut: number } | null {
  const m = getDb()
    .select({ id: meetings.id, title: meetings.title, date: meetings.date, datePrecision: meetings.datePrecision })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .get();
  return m ? { ...m, cut: Date.parse(`${m.date}T23:59:59.999Z`) } : null;
}

export function statusAsOf(cut: number): SQL<string> {
  return sql<string>`coalesce(
    (SELECT u.status FROM progress_updates u
      WHERE u.deliverable_id = ${deliverables.id} AND u.created_at <= ${cut}
      ORDER BY u.created_at DESC, u.id DESC LIMIT 1),
    CASE WHEN EXISTS (SELECT 1 FROM progress_updates u2 WHERE u2.deliverable_id = ${deliverables.id})
         THEN 'not_started' ELSE ${deliverables.status} END)`;
}

/** Each pillar's slug by its id: aggregates count by id and name the pillar after. */
function pillarSlugsById(): Map<number, string> {
  return new Map(getDb().select({ id: pillars.id, slug: pillars.slug }).from(pillars).all().map((p) => [p.id, p.slug]));
}

/** Deliverables by pillar and status, every pillar × status present (zeros included). */
function fillGrid(rows: { pillar: string; status: string; count: number }[]) {
  return PILLARS.map((pillar) => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    // A withdrawn deliverable (now, or as of the date) is not counted.
    for (const r of rows) if (r.pillar === pillar && r.status in counts) counts[r.status as Status] += r.count;
    const total = STATUSES.reduce((n, s) => n + counts[s], 0);
    return { pillar, ...counts, total };
  });
}

export const getPillarSummary = untilChange(['agencies', 'deliverables', 'meetings', 'pillars', 'progress_updates'], computePillarSummary, (f: PillarFilters) => JSON.stringify([f.agency, f.meeting, f.asOf]));

function computePillarSummary(filters: PillarFilters) {
  const db = getDb();
  const conditions: SQL[] = [];
  // The agency by its id, and the pillar's name looked up after counting: no join per deliverable,
  // so counting them all now reads the (pillar, status) index alone.
  if (filters.agency) conditions.push(sql`${deliverables.leadAgencyId} = (SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.slug} = ${filters.agency})`);
  if (filters.meeting) conditions.push(eq(deliverables.announcedAtMeetingId, filters.meeting));
  const cut = filters.asOf ? meetingCut(filters.asOf) : null;
  if (cut) conditions.push(sql`${deliverables.createdAt} <= ${cut.cut}`);
  const status = cut ? statusAsOf(cut.cut) : sql<string>`${deliverables.status}`;
  const slugOf = pillarSlugsById();
  const rows = db
    // The whole record, unfiltered, is every deliverable by definition; a filtered one reads an index.
    .select({
      pillarId: deliverables.pillarId,
      status: sql<string>`${status}`.as('status_at'),
      count: conditions.length ? sql<number>`count(*)` : sql<number>`${planExempt('pillar-figures')} count(*)`,
    })
    .from(deliverables)
    .where(conditions.length ? and(...conditions) : undefined)
    .groupBy(deliverables.pillarId, sql`status_at`)
    .all()
    .map(({ pillarId, ...cell }) => ({ ...cell, pillar: slugOf.get(pillarId)! }));
  return { asOf: cut ? { id: cut.id, title: cut.title, date: cut.date, datePrecision: cut.datePrecision } : null, pillars: fillGrid(rows) };
}

/** Agency × pillar: how many deliverables each agency leads in each pillar, and how many are completed. */
export const getAgencyPillarMatrix = untilChange(['agencies', 'deliverables', 'pillars'], computeAgencyPillarMatrix, (f: Omit<PillarFilters, 'asOf'> = {}) => JSON.stringify([f.agency, f.meeting]));

function computeAgencyPillarMatrix(filters: Omit<PillarFilters, 'asOf'> = {}) {
  const db = getDb();
  // Counted by ids from the (agency, pillar, id, status) index alone, then named: no join per deliverable.
  const members = db
    .select({ id: agencies.id, slug: agencies.slug, abbreviation: agencies.abbreviation, name: agencies.name })
    .from(agencies)
    .where(and(isNull(agencies.retiredAt), filters.agency ? eq(agencies.slug, filters.agency) : undefined))
    .all();
  const agencyOf = new Map(members.map((a) => [a.id, a]));
  const slugOf = pillarSlugsById();
  const counted = db
    .select({
      agencyId: deliverables.leadAgencyId,
      pillarId: deliverables.pillarId,
      total: sql<number>`${planExempt('pillar-figures')} count(*)`,
      completed: sql<number>`sum(CASE WHEN ${deliverables.status} = 'completed' THEN 1 ELSE 0 END)`,
    })
    .from(deliverables)
    .where(and(countedOnly(), filters.meeting ? eq(deliverables.announcedAtMeetingId, filters.meeting) : undefined))
    .groupBy(deliverables.leadAgencyId, deliverables.pillarId)
    .all();
  const rows = counted.flatMap(({ agencyId, pillarId, ...cell }) => {
    const agency = agencyOf.get(agencyId);
    return agency ? [{ agency: agency.slug, abbreviation: agency.abbreviation, name: agency.name, pillar: slugOf.get(pillarId)!, ...cell }] : [];
  });
  const byAgency = new Map<string, { agency: string; abbreviation: string; name: string; cells: Record<string, { total: number; completed: number }> }>();
  for (const r of rows) {
    const entry = byAgency.get(r.agency) ?? { agency: r.agency, abbreviation: r.abbreviation, name: r.name, cells: {} };
    entry.cells[r.pillar] = { total: r.total, completed: r.completed };
    byAgency.set(r.agency, entry);
  }
  return [...byAgency.values()]
    .map((a) => ({
      ...a,
      cells: Object.fromEntries(PILLARS.map((p) => [p, a.cells[p] ?? { total: 0, completed: 0 }])) as Record<PillarSlug, { total: number; completed: number }>,
    }))
    .sort((x, y) => x.name.localeCompare(y.name));
}

/**
 * Month by month, how many deliverables were completed and how many in progress at the month's
 * end, from the first deliverable's month to this month, with the same "as of" rule as above.
 *
 * A running sum over the months of deliverable_status_months, which triggers keep for each
 * deliverable as its history grows (migration 0008): a few rows per deliverable instead of a pass
 * over every progress update each time the record changes.
 */
export const getCompletionSeries = untilChange(
  ['agencies', 'deliverable_status_months', 'deliverables'],
  computeCompletionSeries,
  (f: Omit<PillarFilters, 'asOf'> = {}, now = new Date()) => JSON.stringify([f.agency, f.meeting, now.toISOString().slice(0, 7)]),
);

function computeCompletionSeries(filters: Omit<PillarFilters, 'asOf'> = {}, now = new Date()) {
  const db = getDb();
  const agencyCondition = filters.agency ? sql`AND d.lead_agency_id = (SELECT id FROM agencies WHERE slug = ${filters.agency})` : sql``;
  const meetingCondition = filters.meeting ? sql`AND d.announced_at_meeting_id = ${filters.meeting}` : sql``;
  const first = db.get<{ start: string | null }>(
    sql`SELECT strftime('%Y-%m-01', min(d.created_at) / 1000, 'unixepoch') AS start FROM deliverables d WHERE 1 = 1 ${agencyCondition} ${meetingCondition}`,
  );
  if (!first?.start) return [];
  const end = `${now.toISOString().slice(0, 7)}-01`;
  // The whole record reads the month index alone; a filter reads its deliverables' rows.
  const monthly =
    filters.agency || filters.meeting
      ? sql`SELECT x.month AS m, sum(x.completed) AS completed, sum(x.in_progress) AS in_progress
          FROM deliverables d JOIN deliverable_status_months x ON x.deliverable_id = d.id
          WHERE 1 = 1 ${agencyCondition} ${meetingCondition} GROUP BY x.month`
      : sql`SELECT month AS m, sum(completed) AS completed, sum(in_progress) AS in_progress
          FROM deliverable_status_months GROUP BY month`;
  return db.all<{ month: string; completed: number; inProgress: number }>(sql`
    WITH RECURSIVE months(m) AS (
      SELECT ${first.start}
      UNION ALL SELECT date(m, '+1 month') FROM months WHERE m < ${end}
    ),
    monthly AS (${monthly})
    SELECT substr(c.m, 1, 7) AS month,
      coalesce(sum(x.completed) OVER running, 0) AS completed,
      coalesce(sum(x.in_progress) OVER running, 0) AS inProgress
    FROM months c LEFT JOIN monthly x ON x.m = c.m
    WINDOW running AS (ORDER BY c.m ROWS UNBOUNDED PRECEDING)
    ORDER BY c.m`);
}

/** A point the change chart compares: a meeting (as of the end of its day), or `now`. */
export type ComparePoint = number | 'now';

/**
 * Each pillar's deliverables by status at point A and at point B. `now` is the record as it stands,
 * dated today in the task force's time zone. Null when a meeting does not exist.
 */
export function getPillarChange(pointA: ComparePoint, pointB: ComparePoint, filters: Omit<PillarFilters, 'asOf' | 'meeting'> = {}, now = new Date()) {
  const side = (point: ComparePoint) => {
    if (point === 'now') return { at: { id: 'now' as const, title: 'Now', date: todayIso(now) }, pillars: getPillarSummary(filters).pillars };
    const summary = getPillarSummary({ ...filters, asOf: point });
    return summary.asOf ? { at: summary.asOf, pillars: summary.pillars } : null;
  };
  const a = side(pointA);
  const b = side(pointB);
  if (!a || !b) return null;
  return {
    a: a.at,
    b: b.at,
    pillars: PILLARS.map((pillar, i) => ({ pillar, a: a.pillars[i]!, b: b.pillars[i]! })),
  };
}
