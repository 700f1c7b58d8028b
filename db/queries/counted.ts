import { sql, type SQL } from 'drizzle-orm';
import { deliverables } from '../schema';

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
