/**
 * The product's words as SQL over the deliverables table: counted, open, stale, overdue, needing
 * attention, the concern order and what holds up a report. Each is written here once, and every
 * list, count, chart and readiness figure uses these, so that "stale" means the same everywhere.
 *
 * These only build conditions: none of them runs a query. A condition that needs something looked
 * up first (an agency's id, a meeting's reporting cycle) takes it as an argument.
 */
import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { STALE_AFTER_DAYS } from '@/lib/domain';
import { todayIso } from '@/lib/dates';
import { agencies, agencyReports, deliverables } from '../schema';

const DAY_MS = 86_400_000;

/**
 * Deliverables the task force counts: every one but those withdrawn by their agency. Every count,
 * chart, board column and readiness figure reads only these; a withdrawn deliverable is found only
 * when asked for by its state or its id.
 */
export function counted(): SQL<boolean> {
  return sql<boolean>`${deliverables.status} <> 'withdrawn'`;
}

/** Counted and not completed: still to be done. */
export function stillOpen(): SQL<boolean> {
  return sql<boolean>`${deliverables.status} NOT IN ('completed','withdrawn')`;
}

/** At risk or blocked: a state that needs a written reason. */
export function atRiskOrBlocked(): SQL<boolean> {
  return sql<boolean>`${deliverables.status} IN ('at_risk','blocked')`;
}

/** Open and not updated for STALE_AFTER_DAYS (a deliverable never updated counts from its creation). */
export function staleCondition(now = Date.now()): SQL<boolean> {
  const cutoff = now - STALE_AFTER_DAYS * DAY_MS;
  return sql<boolean>`(${stillOpen()} AND coalesce(${deliverables.lastUpdateAt}, ${deliverables.createdAt}) < ${cutoff})`;
}

/** Open and past its due date. */
export function overdueCondition(today = todayIso()): SQL<boolean> {
  return sql<boolean>`(${stillOpen()} AND ${deliverables.dueOn} IS NOT NULL AND ${deliverables.dueOn} < ${today})`;
}

/**
 * Needs attention: still open and blocked, at risk, overdue or stale. The same deliverables come
 * first in the "needs attention first" order; an agency's page lists them, and the list filters by it.
 */
export function attentionCondition(now = Date.now(), today = todayIso(new Date(now))): SQL<boolean> {
  return sql<boolean>`(${atRiskOrBlocked()} OR ${overdueCondition(today)} OR ${staleCondition(now)})`;
}

/** Blocked first, then at risk, then the rest still open, completed last. */
export function concernRank(): SQL<number> {
  return sql<number>`CASE ${deliverables.status} WHEN 'blocked' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'not_started' THEN 3 ELSE 4 END`;
}

/** Most in need of attention first: blocked, at risk, the rest still open, completed; overdue, then the longest without an update, first within each. */
export function concernOrder(): SQL[] {
  return [asc(concernRank()), desc(overdueCondition()), sql`${deliverables.lastUpdateAt} IS NOT NULL`, asc(deliverables.lastUpdateAt), asc(deliverables.id)];
}

/** How many rows of a grouped query meet the condition (0 when none). */
export const countWhere = (condition: SQL) => sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/**
 * What holds up a report for a meeting whose cycle began at `cycleStart`: an open deliverable
 * without a progress update since then, and an at-risk or blocked one without a written reason.
 * The readiness counts, the submission check and the deliverables list's filter all use these.
 */
export function gapConditions(cycleStart: number) {
  return {
    noUpdate: sql<boolean>`(${stillOpen()} AND coalesce(${deliverables.lastUpdateAt}, 0) < ${cycleStart})`,
    noReason: sql<boolean>`(${atRiskOrBlocked()} AND length(trim(coalesce(${deliverables.statusReason}, ''))) = 0)`,
  };
}

/**
 * The deliverables holding up their agency's report for the meeting (whose cycle began at
 * `cycleStart`): gaps of member agencies whose report is still open (not submitted or approved).
 */
export function holdingUpCondition(meetingId: number, cycleStart: number): SQL<boolean> {
  const { noUpdate, noReason } = gapConditions(cycleStart);
  return sql<boolean>`((${noUpdate} OR ${noReason})
    AND ${deliverables.leadAgencyId} IN (SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.retiredAt} IS NULL)
    AND ${deliverables.leadAgencyId} NOT IN (
      SELECT ${agencyReports.agencyId} FROM ${agencyReports}
      WHERE ${agencyReports.meetingId} = ${meetingId} AND ${agencyReports.state} IN ('submitted','approved')))`;
}
