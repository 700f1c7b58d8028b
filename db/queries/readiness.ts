/**
 * Meeting readiness (readinessOf below: an approved report is ready, a submitted one awaits review,
 * a draft or returned one is in progress, none is not started), computed in SQL: one grouped query over the
 * member agencies, their deliverables and their report for the meeting.
 *
 * A meeting's reporting cycle starts at the previous held meeting of the same kind (or, for the
 * first of its kind, when the meeting was created). An open deliverable needs a progress update
 * since then; an at-risk or blocked one needs a written reason.
 */
import 'server-only';
import { and, asc, count, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { type SnapshotMoment, type Status } from '@/lib/domain';
import { todayIso } from '@/lib/dates';
import { countByStatus, noneByStatus } from './deliverables';
import { getCycle, middayUtc } from './cycles';
import { atRiskOrBlocked, concernRank, counted, countWhere, gapConditions, overdueCondition, staleCondition, stillOpen } from './sql-words';
import { untilChange } from './until-change';
import { planExempt } from './plan-exempt';
import { getDb, type DbOrTx, type Tx } from '../index';
import { agencies, agencyReports, deliverables, meetings, pillars, progressUpdates, readinessSnapshots } from '../schema';
import { recordAudit, SYSTEM_ACTOR } from './audit';

import { readinessOf, type Readiness } from '@/lib/domain';
import type { MeetingCommitments, ReadinessSnapshot, SubmissionGap } from '@/lib/contracts/meetings';



const open = stillOpen();

export const getReadiness = untilChange(['agencies', 'agency_reports', 'deliverables', 'meetings'], computeReadiness, (meetingId: number, now = Date.now()) => `${meetingId}:${Math.floor(now / 60_000)}`);

/** Every member agency's readiness for the meeting, with the reasons behind it. */
function computeReadiness(meetingId: number, now = Date.now()) {
  const db = getDb();
  const cycle = getCycle(db, meetingId);
  if (!cycle) return null;
  const today = todayIso(new Date(now));
  const agenciesReadiness = readinessRows(db, cycle, now);
  const cutoff = cycle.meeting.reportingCutoff;
  const daysToCutoff = cutoff ? Math.round((Date.parse(`${cutoff}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) : null;
  return {
    meetingId,
    cycleStart: cycle.cycleStart,
    previousMeeting: cycle.previous,
    reportingCutoff: cutoff,
    daysToCutoff,
    agencies: agenciesReadiness,
    ...tally(agenciesReadiness),
  };
}

/** How many agencies stand at each readiness, and the share ready. */
function tally(rows: { readiness: Readiness }[]) {
  const counts: Record<Readiness, number> = { ready: 0, awaiting_review: 0, in_progress: 0, not_started: 0 };
  for (const a of rows) counts[a.readiness]++;
  return { counts, shareReady: rows.length ? counts.ready / rows.length : 0 };
}

/** One grouped query: each member agency's report state and the counts behind its readiness, at `now`. */
function readinessRows(db: DbOrTx, cycle: NonNullable<ReturnType<typeof getCycle>>, now: number) {
  const today = todayIso(new Date(now));
  const gaps = gapConditions(cycle.cycleStart);
  const rows = db
    .select({
      agencyId: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      abbreviation: agencies.abbreviation,
      open: countWhere(open),
      missingUpdate: countWhere(gaps.noUpdate),
      withoutReason: countWhere(gaps.noReason),
      atRiskOrBlocked: countWhere(atRiskOrBlocked()),
      overdue: countWhere(overdueCondition(today)),
      stale: countWhere(staleCondition(now)),
      reportId: agencyReports.id,
      reportState: agencyReports.state,
      submittedAt: agencyReports.submittedAt,
      reviewedAt: agencyReports.reviewedAt,
      reviewerComment: agencyReports.reviewerComment,
    })
    .from(agencies)
    .leftJoin(deliverables, eq(deliverables.leadAgencyId, agencies.id))
    .leftJoin(agencyReports, and(eq(agencyReports.agencyId, agencies.id), eq(agencyReports.meetingId, cycle.meeting.id)))
    .where(isNull(agencies.retiredAt))
    .groupBy(agencies.id)
    .orderBy(asc(agencies.name))
    .all();
  return rows.map((r) => ({
    ...r,
    submittedAt: r.submittedAt?.getTime() ?? null,
    reviewedAt: r.reviewedAt?.getTime() ?? null,
    readiness: readinessOf(r.reportState),
  }));
}

/**
 * Keeps the meeting's readiness at this moment, once: a moment already kept is left as it was
 * (never recomputed). Runs in the caller's transaction. Returns the agencies kept (0 when it was
 * already kept or the meeting does not exist).
 */
export function keepReadinessSnapshot(tx: Tx, meetingId: number, moment: SnapshotMoment, now = Date.now()): number {
  const kept = tx
    .select({ n: sql<number>`count(*)` })
    .from(readinessSnapshots)
    .where(and(eq(readinessSnapshots.meetingId, meetingId), eq(readinessSnapshots.moment, moment)))
    .get()!.n;
  if (kept > 0) return 0;
  const cycle = getCycle(tx, meetingId);
  if (!cycle) return 0;
  const rows = readinessRows(tx, cycle, now);
  for (const r of rows) {
    tx.insert(readinessSnapshots)
      .values({
        meetingId,
        moment,
        agencyId: r.agencyId,
        readiness: r.readiness,
        reportState: r.reportState,
        open: r.open,
        missingUpdate: r.missingUpdate,
        withoutReason: r.withoutReason,
        atRiskOrBlocked: r.atRiskOrBlocked,
        overdue: r.overdue,
        stale: r.stale,
        takenAt: new Date(now),
      })
      .run();
  }
  return rows.length;
}

/** Forgets a moment kept for a meeting (a meeting set back to planned, a cutoff moved to a later day). */
export function forgetReadinessSnapshot(tx: Tx, meetingId: number, moment: SnapshotMoment): void {
  tx.delete(readinessSnapshots).where(and(eq(readinessSnapshots.meetingId, meetingId), eq(readinessSnapshots.moment, moment))).run();
}

/** The readiness kept for a meeting at its cutoff and at the meeting; null for a moment not kept. */
export function getReadinessSnapshots(meetingId: number): Record<SnapshotMoment, ReadinessSnapshot | null> {
  const rows = getDb()
    .select({
      moment: readinessSnapshots.moment,
      takenAt: readinessSnapshots.takenAt,
      agencyId: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      abbreviation: agencies.abbreviation,
      readiness: readinessSnapshots.readiness,
      reportState: readinessSnapshots.reportState,
      open: readinessSnapshots.open,
      missingUpdate: readinessSnapshots.missingUpdate,
      withoutReason: readinessSnapshots.withoutReason,
      atRiskOrBlocked: readinessSnapshots.atRiskOrBlocked,
      overdue: readinessSnapshots.overdue,
      stale: readinessSnapshots.stale,
    })
    .from(readinessSnapshots)
    .innerJoin(agencies, eq(agencies.id, readinessSnapshots.agencyId))
    .where(eq(readinessSnapshots.meetingId, meetingId))
    .orderBy(asc(agencies.name))
    .all();
  const of = (moment: SnapshotMoment): ReadinessSnapshot | null => {
    const kept = rows.filter((r) => r.moment === moment);
    const first = kept[0];
    if (!first) return null;
    const agenciesKept = kept.map(({ moment: _m, takenAt: _t, ...a }) => a);
    return { moment, takenAt: first.takenAt.getTime(), agencies: agenciesKept, ...tally(agenciesKept) };
  };
  return { cutoff: of('cutoff'), meeting: of('meeting') };
}

/**
 * For the scheduled pass: keeps the readiness of every planned meeting whose reporting cutoff has
 * passed (the day after it, in the task force's time zone) and whose cutoff readiness is not yet
 * kept. Returns the meetings kept.
 */
export function keepCutoffSnapshots(now = new Date(), timeZone?: string): number {
  const db = getDb();
  const today = todayIso(now, timeZone);
  const due = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.status, 'planned'),
        lt(meetings.reportingCutoff, today),
        sql`NOT EXISTS (SELECT 1 FROM ${readinessSnapshots} WHERE ${readinessSnapshots.meetingId} = ${meetings.id} AND ${readinessSnapshots.moment} = 'cutoff')`,
      ),
    )
    .all();
  let kept = 0;
  for (const m of due) {
    kept += db.transaction((tx) => {
      const n = keepReadinessSnapshot(tx, m.id, 'cutoff', now.getTime());
      if (n > 0) {
        recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'meeting.readiness_kept', entity: 'meeting', entityId: m.id, after: { moment: 'cutoff', agencies: n }, at: now });
      }
      return n > 0 ? 1 : 0;
    });
  }
  return kept;
}

/** How many of an agency's gaps are listed by name; the deliverables list holds the rest. */
export const GAPS_LISTED = 25;


/**
 * What stops an agency's report from being submitted: how many deliverables lack an update in
 * this cycle and how many lack a reason, and the first `limit` such deliverables by title with
 * each problem they have. No deliverable at all when it may be submitted.
 */
export function listSubmissionGaps(db: DbOrTx, meetingId: number, agencyId: number, limit = GAPS_LISTED) {
  const cycle = getCycle(db, meetingId);
  if (!cycle) return { items: [] as SubmissionGap[], deliverables: 0, noUpdateThisCycle: 0, noReason: 0 };
  const { noUpdate, noReason } = gapConditions(cycle.cycleStart);
  const led = eq(deliverables.leadAgencyId, agencyId);
  const counts = db
    .select({ deliverables: countWhere(sql`${noUpdate} OR ${noReason}`), noUpdateThisCycle: countWhere(noUpdate), noReason: countWhere(noReason) })
    .from(deliverables)
    .where(and(led, open))
    .get() ?? { deliverables: 0, noUpdateThisCycle: 0, noReason: 0 };
  const rows = db
    .select({ id: deliverables.id, title: deliverables.title, noUpdate: sql<number>`${noUpdate}`, noReason: sql<number>`${noReason}` })
    .from(deliverables)
    .where(and(led, open, sql`(${noUpdate} OR ${noReason})`))
    .orderBy(asc(deliverables.title), asc(deliverables.id))
    .limit(limit)
    .all();
  const items = rows.flatMap((d): SubmissionGap[] => [
    ...(d.noUpdate ? [{ deliverableId: d.id, title: d.title, problem: 'no_update_this_cycle' as const }] : []),
    ...(d.noReason ? [{ deliverableId: d.id, title: d.title, problem: 'no_reason' as const }] : []),
  ]);
  return { items, ...counts };
}

export const getChangesSinceLastMeeting = untilChange(['deliverables', 'meetings', 'progress_updates'], computeChangesSinceLastMeeting, (meetingId: number) => String(meetingId));

/** Per agency, what happened since the previous meeting of this kind: updates, completions, new deliverables. */
function computeChangesSinceLastMeeting(meetingId: number) {
  const db = getDb();
  const cycle = getCycle(db, meetingId);
  if (!cycle) return [];
  const since = cycle.cycleStart;
  // The meeting's own date bounds a held meeting's window; a planned one runs to now.
  const until = cycle.meeting.status === 'held' ? middayUtc(cycle.meeting.date) : Number.MAX_SAFE_INTEGER;
  // Deliverables first (CROSS JOIN keeps that order), then each one's updates in the window from
  // the (deliverable, time) index: an index range per deliverable instead of looking up the
  // deliverable of every update in the window, which may be tens of thousands.
  const updates = db
    .select({ agencyId: deliverables.leadAgencyId, n: sql<number>`${planExempt('meeting-changes')} count(*)` })
    .from(deliverables)
    .crossJoin(progressUpdates)
    .where(
      and(
        eq(progressUpdates.deliverableId, deliverables.id),
        sql`${progressUpdates.createdAt} >= ${since}`,
        sql`${progressUpdates.createdAt} < ${until}`,
      ),
    )
    .groupBy(deliverables.leadAgencyId)
    .all();
  const byAgency = db
    .select({
      agencyId: sql<number>`${planExempt('meeting-changes')} ${deliverables.leadAgencyId}`,
      completed: countWhere(
        sql`${deliverables.status} = 'completed' AND ${deliverables.lastUpdateAt} >= ${since} AND ${deliverables.lastUpdateAt} < ${until}`,
      ),
      created: countWhere(sql`${deliverables.createdAt} >= ${since} AND ${deliverables.createdAt} < ${until}`),
      nowAtRiskOrBlocked: countWhere(
        sql`${atRiskOrBlocked()} AND ${deliverables.lastUpdateAt} >= ${since}`,
      ),
    })
    .from(deliverables)
    .where(counted())
    .groupBy(deliverables.leadAgencyId)
    .all();
  const updatesByAgency = new Map(updates.map((u) => [u.agencyId, u.n]));
  return byAgency.map((a) => ({ ...a, updates: updatesByAgency.get(a.agencyId) ?? 0 }));
}

/** How many of the deliverables matching `where` their agencies withdrew. */
function countWithdrawn(where: SQL): number {
  return getDb().select({ n: count() }).from(deliverables).where(and(where, sql`${deliverables.status} = 'withdrawn'`)).get()?.n ?? 0;
}

export const getAccountabilityLedger = untilChange(['agencies', 'deliverables', 'meetings'], computeAccountabilityLedger, (meetingId: number) => String(meetingId));

/** The ledger lists this many commitments at most; the deliverables list, filtered by meeting, pages the rest. */
export const LEDGER_SHOWN = 50;

/**
 * The commitments announced at the previous meeting of this kind: how many stand at each status
 * now, and the first LEDGER_SHOWN of them, the ones in trouble first (blocked, at risk, then the
 * rest still open, completed last), by agency and title within each.
 */
function computeAccountabilityLedger(meetingId: number) {
  const db = getDb();
  const cycle = getCycle(db, meetingId);
  if (!cycle?.previous) return { previousMeeting: null, commitments: [], total: 0, byStatus: noneByStatus(), withdrawn: 0 };
  const announcedThere = eq(deliverables.announcedAtMeetingId, cycle.previous.id);
  const withdrawn = countWithdrawn(announcedThere);
  const byStatus = countByStatus(announcedThere);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const commitments = db
    .select({
      id: deliverables.id,
      title: deliverables.title,
      status: deliverables.status,
      progress: deliverables.progress,
      dueOn: deliverables.dueOn,
      statusReason: deliverables.statusReason,
      agency: agencies.abbreviation,
      agencySlug: agencies.slug,
    })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .where(and(announcedThere, counted()))
    .orderBy(concernRank(), asc(agencies.name), asc(deliverables.title))
    .limit(LEDGER_SHOWN)
    .all();
  return { previousMeeting: cycle.previous, commitments, total, byStatus, withdrawn };
}

/** The commitments announced at a meeting the page lists; the deliverables list, filtered by meeting, holds the rest. */
export const COMMITMENTS_SHOWN = 200;

/**
 * The deliverables announced at this meeting with their status now, by pillar, agency and title:
 * how many stand at each status, and the first COMMITMENTS_SHOWN.
 */
export function getCommitmentsAnnouncedAt(meetingId: number): MeetingCommitments {
  const db = getDb();
  const announcedHere = eq(deliverables.announcedAtMeetingId, meetingId);
  const byStatus = countByStatus(announcedHere);
  const withdrawn = countWithdrawn(announcedHere);
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const commitments = db
    .select({
      id: deliverables.id,
      title: deliverables.title,
      status: deliverables.status,
      progress: deliverables.progress,
      dueOn: deliverables.dueOn,
      pillar: pillars.slug,
      agency: agencies.abbreviation,
      agencySlug: agencies.slug,
    })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .where(and(announcedHere, counted()))
    .orderBy(asc(pillars.position), asc(agencies.name), asc(deliverables.title), asc(deliverables.id))
    .limit(COMMITMENTS_SHOWN)
    .all();
  return { total, byStatus, withdrawn, commitments: commitments.map((c) => ({ ...c, status: c.status as Status })) };
}

/** Readiness shares of several planned meetings at once (the meetings list), without N+1 queries. */
export function getReadyShares(meetingIds: number[]) {
  if (meetingIds.length === 0) return new Map<number, { ready: number; members: number }>();
  const db = getDb();
  const members = db.select({ n: sql<number>`count(*)` }).from(agencies).where(isNull(agencies.retiredAt)).get()?.n ?? 0;
  const rows = db
    .select({ meetingId: agencyReports.meetingId, ready: sql<number>`count(*)` })
    .from(agencyReports)
    .innerJoin(agencies, eq(agencies.id, agencyReports.agencyId))
    .where(and(inArray(agencyReports.meetingId, meetingIds), eq(agencyReports.state, 'approved'), isNull(agencies.retiredAt)))
    .groupBy(agencyReports.meetingId)
    .all();
  const map = new Map(meetingIds.map((id) => [id, { ready: 0, members }]));
  for (const r of rows) map.set(r.meetingId, { ready: r.ready, members });
  return map;
}

/** From this many days before the reporting cutoff, the agencies that have not begun are chased. */
export const NOT_STARTED_WARNING_DAYS = 7;

/**
 * The member agencies that have not begun their report for the meeting, and whether the cutoff is
 * close (within NOT_STARTED_WARNING_DAYS, or past) so that the chair's staff should chase them.
 * Null for a meeting that does not exist.
 */
export function notStartedNearCutoff(meetingId: number, now = Date.now()) {
  const readiness = getReadiness(meetingId, now);
  if (!readiness) return null;
  const { daysToCutoff, reportingCutoff } = readiness;
  return {
    reportingCutoff,
    daysToCutoff,
    close: daysToCutoff !== null && daysToCutoff <= NOT_STARTED_WARNING_DAYS,
    agencies: readiness.agencies.filter((a) => a.readiness === 'not_started'),
  };
}
