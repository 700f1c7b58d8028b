/**
 * Reads only the briefing book needs that the other query modules do not give, each for every
 * agency at once so that the book's twenty sections cost a handful of queries, not twenty times
 * a handful: every agency's report for the meeting, how many deliverables each leads by status,
 * and the latest progress update of each deliverable it lists (the lists show status and
 * progress, the briefing also quotes the note).
 */
import { count, eq, inArray, sql } from 'drizzle-orm';
import type { ReportState, Status } from '@/lib/domain';
import { noneByStatus } from './deliverables';
import { counted } from './counted';
import { getDb } from '../index';
import { agencyReports, deliverables, progressUpdates } from '../schema';

export type BriefingReport = { statement: string; state: ReportState | null; reviewerComment: string | null; submittedAt: Date | null };

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
  return new Map(rows.map(({ agencyId, ...report }) => [agencyId, { ...report, state: report.state as ReportState }]));
}

/** How many deliverables each agency leads at each status, keyed by agency id (every status present). */
export function countLedByAgencyAndStatus(): Map<number, Record<Status, number>> {
  const rows = getDb()
    .select({ agencyId: deliverables.leadAgencyId, status: deliverables.status, n: count() })
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
