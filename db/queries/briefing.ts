/**
 * The briefing book's data (getBriefing), and the reads only it needs that the other query
 * modules do not give, each for every agency at once so that the book's twenty sections cost a
 * handful of queries, not twenty times a handful: every agency's report for the meeting, how many
 * deliverables each leads by status, and the latest progress update of each deliverable it lists
 * (the lists show status and progress, the briefing also quotes the note).
 */
import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { AgencyReadiness, ReadinessSnapshot } from '@/lib/contracts/meetings';
import type { DeliverableListItem } from '@/lib/contracts/deliverables';
import { todayIso } from '@/lib/dates';
import { STATUSES, type Readiness, type ReportState, type Status } from '@/lib/domain';
import { getDeliverableSummary, listMostInNeedByAgency, noneByStatus } from './deliverables';
import { getMeeting } from './meetings';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import { getAccountabilityLedger, getChangesSinceLastMeeting, getReadiness, getReadinessSnapshots } from './readiness';
import { counted } from './sql-words';
import { planExempt } from './plan-exempt';
import { getDb } from '../index';
import { agencyReports, deliverables, progressUpdates } from '../schema';

/**
 * Each agency's section lists this many of its deliverables at most, those most in need of
 * attention first; the agency's board and the deliverables list hold the rest.
 */
export const BRIEFING_DELIVERABLES = 25;

/**
 * The readiness the book prints. A planned meeting's is computed now (with the one kept at its
 * cutoff, once that has passed); a held meeting's is the one kept when it was marked held, never
 * today's: `shown` is null for a held meeting whose readiness was never kept, and for a cancelled one.
 */
export type BriefingReadiness = {
  moment: 'now' | 'meeting';
  shown: { takenAt: number | null; agencies: AgencyReadiness[]; counts: Record<Readiness, number>; shareReady: number } | null;
  cutoff: ReadinessSnapshot | null;
};

/** What happened at an agency since the previous meeting of this kind. */
export type BriefingChange = { updates: number; completed: number; created: number; nowAtRiskOrBlocked: number };

/** One member agency as the book prints it. */
export type BriefingAgency = {
  agencyId: number;
  slug: string;
  name: string;
  abbreviation: string;
  /** Its readiness as the book prints it (see BriefingReadiness); null when none is shown or it was not a member then. */
  readiness: AgencyReadiness | null;
  /** Its readiness at the reporting cutoff, when that was kept. */
  atCutoff: Readiness | null;
  report: BriefingReport;
  deliverables: { items: DeliverableListItem[]; total: number };
  byStatus: Record<Status, number>;
  change: BriefingChange;
};

const NOT_BEGUN: BriefingReport = { statement: '', state: null, reviewerComment: null, submittedAt: null };
const NO_CHANGE: BriefingChange = { updates: 0, completed: 0, created: 0, nowAtRiskOrBlocked: 0 };

/**
 * An agency with nothing to report for the meeting leads no deliverable on record, recorded no
 * change since the previous meeting and has not begun a report: the book names it on one shared
 * page instead of printing a page of zeros for it.
 */
export function hasNothingToReport(agency: Pick<BriefingAgency, 'deliverables' | 'change' | 'report'>): boolean {
  const { change, report } = agency;
  return (
    agency.deliverables.total === 0 &&
    change.updates + change.completed + change.created + change.nowAtRiskOrBlocked === 0 &&
    report.state === null &&
    report.statement.trim() === ''
  );
}

/**
 * Everything the briefing book prints for a meeting, or null when there is no such meeting. The
 * member agencies are today's, in name order: `reporting` get a section each, `nothingToReport`
 * share one page. The ledger is the meeting page's (the previous meeting's commitments, with their
 * status now). `today` (the task force's calendar day) and `preparedAt` (epoch ms) are the moment
 * the book is prepared, read once so that every section counts days from the same one.
 */
export function getBriefing(meetingId: number, listed = BRIEFING_DELIVERABLES, known?: MeetingDetail) {
  // The page passes the meeting it has already read for this request.
  const meeting = known ?? getMeeting(meetingId);
  const live = getReadiness(meetingId);
  if (!meeting || !live) return null;
  const kept = getReadinessSnapshots(meetingId);
  const readiness: BriefingReadiness =
    meeting.status === 'planned'
      ? { moment: 'now', shown: { takenAt: null, agencies: live.agencies, counts: live.counts, shareReady: live.shareReady }, cutoff: kept.cutoff }
      : meeting.status === 'held' && kept.meeting
        ? { moment: 'meeting', shown: kept.meeting, cutoff: kept.cutoff }
        : { moment: 'meeting', shown: null, cutoff: null };
  const shownByAgency = new Map(readiness.shown?.agencies.map((a) => [a.agencyId, a]));
  const cutoffByAgency = new Map(readiness.cutoff?.agencies.map((a) => [a.agencyId, a.readiness]));

  const changes = new Map(getChangesSinceLastMeeting(meetingId).map((c) => [c.agencyId, c]));
  const reports = listMeetingReports(meetingId);
  const counts = countLedByAgencyAndStatus();
  const mostInNeed = listMostInNeedByAgency(listed);
  const agencies: BriefingAgency[] = live.agencies.map((a) => {
    const byStatus = counts.get(a.agencyId) ?? noneByStatus();
    const change = changes.get(a.agencyId);
    return {
      agencyId: a.agencyId,
      slug: a.slug,
      name: a.name,
      abbreviation: a.abbreviation,
      readiness: shownByAgency.get(a.agencyId) ?? null,
      atCutoff: cutoffByAgency.get(a.agencyId) ?? null,
      report: reports.get(a.agencyId) ?? NOT_BEGUN,
      deliverables: { items: mostInNeed.get(a.agencyId) ?? [], total: STATUSES.reduce((n, s) => n + byStatus[s], 0) },
      byStatus,
      change: change
        ? { updates: change.updates, completed: change.completed, created: change.created, nowAtRiskOrBlocked: change.nowAtRiskOrBlocked }
        : NO_CHANGE,
    };
  });
  const reporting = agencies.filter((a) => !hasNothingToReport(a));
  return {
    meeting,
    previousMeeting: live.previousMeeting,
    readiness,
    reporting,
    nothingToReport: agencies.filter(hasNothingToReport),
    latest: listLatestUpdates(reporting.flatMap((a) => a.deliverables.items.map((d) => d.id))),
    summary: getDeliverableSummary(),
    ledger: getAccountabilityLedger(meetingId),
    today: todayIso(),
    preparedAt: Date.now(),
  };
}

export type Briefing = NonNullable<ReturnType<typeof getBriefing>>;

export type BriefingReport = { statement: string; state: ReportState | null; reviewerComment: string | null; submittedAt: number | null };

/** Every agency's report for the meeting, keyed by agency id; none for an agency that has not begun one. */
export function listMeetingReports(meetingId: number): Map<number, BriefingReport> {
  const rows = getDb()
    .select({
      agencyId: agencyReports.agencyId,
      statement: agencyReports.statement,
      state: agencyReports.state,
      reviewerComment: agencyReports.reviewerComment,
      submittedAt: agencyReports.submittedAt,
    })
    .from(agencyReports)
    .where(eq(agencyReports.meetingId, meetingId))
    .all();
  return new Map(rows.map(({ agencyId, ...report }) => [agencyId, { ...report, state: report.state, submittedAt: report.submittedAt?.getTime() ?? null }]));
}

/** How many deliverables each agency leads at each status, keyed by agency id (every status present). */
export function countLedByAgencyAndStatus(): Map<number, Record<Status, number>> {
  const rows = getDb()
    .select({ agencyId: deliverables.leadAgencyId, status: deliverables.status, n: sql<number>`${planExempt('briefing-book')} count(*)`.mapWith(Number) })
    .from(deliverables)
    .where(counted())
    .groupBy(deliverables.leadAgencyId, deliverables.status)
    .all();
  const byAgency = new Map<number, Record<Status, number>>();
  for (const row of rows) {
    const counts = byAgency.get(row.agencyId) ?? noneByStatus();
    counts[row.status as Status] = row.n;
    byAgency.set(row.agencyId, counts);
  }
  return byAgency;
}

export type LatestUpdate = { note: string; reason: string | null; createdAt: number };

/**
 * The latest update of each of these deliverables, keyed by deliverable id; none for one never
 * updated. One query; each lookup walks the (deliverable, time) index backwards, so it stays fast
 * with long histories.
 */
export function listLatestUpdates(deliverableIds: number[]): Map<number, LatestUpdate> {
  if (deliverableIds.length === 0) return new Map();
  const latestId = sql`(SELECT ${progressUpdates.id} FROM ${progressUpdates} WHERE ${progressUpdates.deliverableId} = ${deliverables.id} ORDER BY ${progressUpdates.createdAt} DESC, ${progressUpdates.id} DESC LIMIT 1)`;
  const rows = getDb()
    .select({
      deliverableId: deliverables.id,
      note: progressUpdates.note,
      reason: progressUpdates.reason,
      createdAt: progressUpdates.createdAt,
    })
    .from(deliverables)
    .innerJoin(progressUpdates, eq(progressUpdates.id, latestId))
    .where(inArray(deliverables.id, deliverableIds))
    .all();
  return new Map(rows.map((r) => [r.deliverableId, { note: r.note, reason: r.reason, createdAt: r.createdAt.getTime() }]));
}
