/**
 * The deliverables list's filters: what a caller may ask for, the references it names looked up
 * (lookUpFilterReferences runs the queries), and the WHERE they make (filterConditions builds it
 * and runs nothing). The list, the CSV export and the API share them.
 */
import 'server-only';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DeliverableSort, DeliverableState, PillarSlug } from '@/lib/domain';
import type { FieldErrors } from '@/lib/errors';
import { getDb, type DbOrTx } from '../index';
import { agencies, deliverableSupporters, deliverables, meetings, pillars, planObjectives } from '../schema';
import { getAgencyBySlug } from './agencies';
import { getCycle } from './cycles';
import { attentionCondition, counted, holdingUpCondition, overdueCondition, staleCondition } from './sql-words';

export type DeliverableFilters = {
  agency?: string;
  pillar?: PillarSlug;
  /** One state, or any of several; without it, every deliverable but the withdrawn ones. */
  status?: DeliverableState | readonly DeliverableState[];
  /** An agency's short name: the deliverables it supports, led by another agency. */
  supportedBy?: string;
  meeting?: number;
  /** A plan objective's id, or `none` for the deliverables not yet mapped to one. */
  objective?: number | 'none';
  /** A meeting: only deliverables holding up their agency's report for it (no update this cycle, or no reason). */
  holdingUp?: number;
  stale?: boolean;
  overdue?: boolean;
  /** Open and blocked, at risk, overdue or stale (attentionCondition). */
  attention?: boolean;
  q?: string;
  sort?: DeliverableSort;
  page: number;
  pageSize: number;
};
/**
 * A user's words as an FTS5 query: each word must appear, as a prefix ("screen" finds
 * "screening"). Quotes and operators are stripped, so no input is ever an FTS syntax error.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}
/** The deliverables an agency supports (another agency leads them); none for an agency that does not exist. */
function supportedByCondition(agencyId: number | undefined): SQL<boolean> {
  if (agencyId === undefined) return sql<boolean>`0`;
  return sql<boolean>`${deliverables.id} IN (SELECT ${deliverableSupporters.deliverableId} FROM ${deliverableSupporters} WHERE ${deliverableSupporters.agencyId} = ${agencyId})`;
}

/** What the filters name, looked up: the supporting agency's id, and when the held-up meeting's reporting cycle began. */
export type FilterReferences = { supportedById?: number; holdingUpCycleStart?: number };

export function lookUpFilterReferences(db: DbOrTx, f: Pick<DeliverableFilters, 'supportedBy' | 'holdingUp'>): FilterReferences {
  return {
    supportedById: f.supportedBy ? getAgencyBySlug(f.supportedBy)?.id : undefined,
    holdingUpCycleStart: f.holdingUp ? getCycle(db, f.holdingUp)?.cycleStart : undefined,
  };
}

/**
 * The WHERE of a deliverable list (joined with the lead agency and pillar); the CSV export uses it
 * too. A supporting agency or meeting that does not exist matches nothing.
 */
export function filterConditions(f: Omit<DeliverableFilters, 'page' | 'pageSize'>, refs: FilterReferences): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.agency) conditions.push(eq(agencies.slug, f.agency));
  if (f.pillar) conditions.push(eq(pillars.slug, f.pillar));
  // A withdrawn deliverable is listed only when asked for by that state.
  if (typeof f.status === 'string') conditions.push(eq(deliverables.status, f.status));
  else if (f.status) conditions.push(inArray(deliverables.status, [...f.status]));
  else conditions.push(counted());
  if (f.supportedBy) conditions.push(supportedByCondition(refs.supportedById));
  if (f.meeting) conditions.push(eq(deliverables.announcedAtMeetingId, f.meeting));
  if (f.objective === 'none') conditions.push(isNull(deliverables.objectiveId));
  else if (f.objective !== undefined) conditions.push(eq(deliverables.objectiveId, f.objective));
  if (f.holdingUp) conditions.push(refs.holdingUpCycleStart === undefined ? sql`0` : holdingUpCondition(f.holdingUp, refs.holdingUpCycleStart));
  if (f.stale !== undefined) conditions.push(f.stale ? staleCondition() : sql`NOT ${staleCondition()}`);
  if (f.overdue !== undefined) conditions.push(f.overdue ? overdueCondition() : sql`NOT ${overdueCondition()}`);
  if (f.attention !== undefined) conditions.push(f.attention ? attentionCondition() : sql`NOT ${attentionCondition()}`);
  const match = f.q ? ftsQuery(f.q) : null;
  if (f.q && !match) conditions.push(sql`0`);
  if (match) conditions.push(sql`${deliverables.id} IN (SELECT rowid FROM deliverables_fts WHERE deliverables_fts MATCH ${match})`);
  return conditions.length ? and(...conditions) : undefined;
}

/** What the caller must correct before a list's filters apply: an agency, a meeting or an objective that does not exist. */
export function deliverableFilterErrors(f: { agency?: string; supportedBy?: string; holdingUp?: number; objective?: number | 'none' }): FieldErrors | null {
  const db = getDb();
  const errors: FieldErrors = {};
  if (f.agency && !getAgencyBySlug(f.agency)) {
    errors.agency = [`No agency has the short name "${f.agency}".`];
  }
  if (f.supportedBy && !getAgencyBySlug(f.supportedBy)) {
    errors.supportedBy = [`No agency has the short name "${f.supportedBy}".`];
  }
  if (f.holdingUp && !db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, f.holdingUp)).get()) {
    errors.holdingUp = [`No meeting has the id ${f.holdingUp}.`];
  }
  if (typeof f.objective === 'number' && !db.select({ id: planObjectives.id }).from(planObjectives).where(eq(planObjectives.id, f.objective)).get()) {
    errors.objective = [`No objective of the plan has the id ${f.objective}.`];
  }
  return Object.keys(errors).length ? errors : null;
}
