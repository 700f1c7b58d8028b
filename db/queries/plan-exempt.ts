import 'server-only';
import { count, sql, type SQL } from 'drizzle-orm';

/**
 * Statements that read a large table whole by definition carry one of these markers, as an SQL
 * comment in the statement itself; db/query-plans.test.ts checks that every other statement reads
 * deliverables, progress updates and audit events through an index, and lists why each marker is
 * allowed. A new marker must be added there, with its reason, or the test fails.
 */
export type PlanExemption = 'paging-total' | 'overview-figures' | 'pillar-figures' | 'meeting-changes' | 'briefing-book';

export function planExempt(why: PlanExemption): SQL {
  return sql.raw(`/* plan-exempt: ${why} */`);
}

/** Keys of a list's request that page or order it; every other key given narrows it. */
const NOT_FILTERS = new Set(['page', 'pageSize', 'sort']);

/**
 * count(*) for a list's total. With no filter it counts every row (to say how many pages there
 * are), marked as such; a filtered total is left unmarked, so its plan is checked like any other.
 */
export function pagingTotal(request: object): SQL<number> {
  const narrowed = Object.entries(request).some(([key, value]) => !NOT_FILTERS.has(key) && value !== undefined);
  return narrowed ? count() : sql<number>`count(*) ${planExempt('paging-total')}`.mapWith(Number);
}
