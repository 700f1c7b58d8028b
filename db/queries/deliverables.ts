import type { DeliverableDetail, DeliverableList, DeliverableListItem, ProgressUpdateItem, StatusByPillar } from '@/lib/contracts/deliverables';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { STALE_AFTER_DAYS, STATUSES, WITHDRAWN, type DeliverableSort, type DeliverableState, type PillarSlug, type Status } from '@/lib/domain';
import { todayIso } from '@/lib/dates';
import { badRequest, conflict, forbidden, notFound, type FieldErrors } from '@/lib/server/http-errors';
import { canChangeLeadAgency, canCreateDeliverable, canEditDeliverable, type SessionUser } from '@/lib/authorization';
import { measureColumns, measureOf, measureSummary, progressFor, type MeasureColumns } from '@/lib/measures';
import type { CreateDeliverableInput, ProgressUpdateInput, UpdateDeliverableInput } from '@/lib/validations/deliverables';
import { counted, stillOpen } from './counted';
import { untilChange } from './until-change';
import { getDb, type Tx } from '../index';
import {
  agencies,
  deliverableSupporters,
  deliverables,
  meetings,
  napActions,
  pillars,
  progressUpdates,
  sources,
  users,
} from '../schema';
import { getAgencyBySlug } from './agencies';
import { recordAudit } from './audit';
import { holdingUpReport } from './readiness';
import { reopenReportsAfterNewDeliverable } from './reports';

export type DeliverableFilters = {
  agency?: string;
  pillar?: PillarSlug;
  /** One state, or any of several; without it, every deliverable but the withdrawn ones. */
  status?: DeliverableState | readonly DeliverableState[];
  /** An agency's short name: the deliverables it supports, led by another agency. */
  supportedBy?: string;
  meeting?: number;
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

/** Open and not updated for STALE_AFTER_DAYS (a deliverable never updated counts from its creation). */
export function staleCondition(now = Date.now()): SQL<boolean> {
  const cutoff = now - STALE_AFTER_DAYS * 86_400_000;
  return sql<boolean>`(${stillOpen()} AND coalesce(${deliverables.lastUpdateAt}, ${deliverables.createdAt}) < ${cutoff})`;
}

export function overdueCondition(today = todayIso()): SQL<boolean> {
  return sql<boolean>`(${stillOpen()} AND ${deliverables.dueOn} IS NOT NULL AND ${deliverables.dueOn} < ${today})`;
}

/**
 * Needs attention: still open and blocked, at risk, overdue or stale. The same deliverables come
 * first in the "needs attention first" order; an agency's page lists them, and the list filters by it.
 */
export function attentionCondition(now = Date.now(), today = todayIso(new Date(now))): SQL<boolean> {
  return sql<boolean>`(${deliverables.status} IN ('at_risk','blocked') OR ${overdueCondition(today)} OR ${staleCondition(now)})`;
}

/** The deliverables an agency supports (another agency leads them); none for an agency that does not exist. */
export function supportedByCondition(agencyId: number | undefined): SQL<boolean> {
  if (agencyId === undefined) return sql<boolean>`0`;
  return sql<boolean>`${deliverables.id} IN (SELECT ${deliverableSupporters.deliverableId} FROM ${deliverableSupporters} WHERE ${deliverableSupporters.agencyId} = ${agencyId})`;
}

/** Blocked first, then at risk, then the rest still open, completed last. */
export function concernRank(): SQL<number> {
  return sql<number>`CASE ${deliverables.status} WHEN 'blocked' THEN 0 WHEN 'at_risk' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'not_started' THEN 3 ELSE 4 END`;
}

/** Most in need of attention first: blocked, at risk, the rest still open, completed; overdue, then the longest without an update, first within each. */
function concernOrder(): SQL[] {
  return [asc(concernRank()), desc(overdueCondition()), sql`${deliverables.lastUpdateAt} IS NOT NULL`, asc(deliverables.lastUpdateAt), asc(deliverables.id)];
}

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

/** The WHERE of a deliverable list (joined with the lead agency and pillar); the CSV export uses it too. */
export function filterConditions(f: Omit<DeliverableFilters, 'page' | 'pageSize'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.agency) conditions.push(eq(agencies.slug, f.agency));
  if (f.pillar) conditions.push(eq(pillars.slug, f.pillar));
  // A withdrawn deliverable is listed only when asked for by that state.
  if (typeof f.status === 'string') conditions.push(eq(deliverables.status, f.status));
  else if (f.status) conditions.push(inArray(deliverables.status, [...f.status]));
  else conditions.push(counted());
  if (f.supportedBy) conditions.push(supportedByCondition(getAgencyBySlug(f.supportedBy)?.id));
  if (f.meeting) conditions.push(eq(deliverables.announcedAtMeetingId, f.meeting));
  if (f.holdingUp) conditions.push(holdingUpReport(getDb(), f.holdingUp));
  if (f.stale !== undefined) conditions.push(f.stale ? staleCondition() : sql`NOT ${staleCondition()}`);
  if (f.overdue !== undefined) conditions.push(f.overdue ? overdueCondition() : sql`NOT ${overdueCondition()}`);
  if (f.attention !== undefined) conditions.push(f.attention ? attentionCondition() : sql`NOT ${attentionCondition()}`);
  const match = f.q ? ftsQuery(f.q) : null;
  if (f.q && !match) conditions.push(sql`0`);
  if (match) conditions.push(sql`${deliverables.id} IN (SELECT rowid FROM deliverables_fts WHERE deliverables_fts MATCH ${match})`);
  return conditions.length ? and(...conditions) : undefined;
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
    status: row.status,
    pillar: row.pillar,
    lastUpdateAt: row.lastUpdateAt?.getTime() ?? null,
    stale: Boolean(row.stale),
    overdue: Boolean(row.overdue),
  } as ListItem<R>;
}

/** What the caller must correct before a list's filters apply: an agency or a meeting that does not exist. */
export function deliverableFilterErrors(f: { agency?: string; supportedBy?: string; holdingUp?: number }): FieldErrors | null {
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
  return Object.keys(errors).length ? errors : null;
}

export function listDeliverables(f: DeliverableFilters): DeliverableList {
  const db = getDb();
  const where = filterConditions(f);
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
  let counting = db.select({ n: count() }).from(deliverables).$dynamic();
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
      rank: sql<number>`row_number() OVER (PARTITION BY ${deliverables.leadAgencyId} ORDER BY ${sql.join(concernOrder(), sql`, `)})`.as('rank'),
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

export const getDeliverableSummary = untilChange(computeDeliverableSummary, () => String(Math.floor(Date.now() / 60_000)));

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
      stale: sql<number>`coalesce(sum(${staleCondition()}), 0)`,
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
      announcedAt: { id: meetings.id, title: meetings.title, date: meetings.date, datePrecision: meetings.datePrecision },
      source: { title: sources.title, url: sources.url, publishedOn: sources.publishedOn, publisher: sources.publisher },
    })
    .from(deliverables)
    .innerJoin(leadAgency, eq(leadAgency.id, deliverables.leadAgencyId))
    .innerJoin(pillars, eq(pillars.id, deliverables.pillarId))
    .leftJoin(napActions, eq(napActions.id, deliverables.napActionId))
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
    stale: Boolean(row.stale),
    overdue: Boolean(row.overdue),
    status: row.status,
    pillar: row.pillar,
    napAction: row.napAction?.code ? row.napAction : null,
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
    .map((u) => ({ ...u, author: u.author?.email ? u.author : null }));
  const total =
    db.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.deliverableId, deliverableId)).get()?.n ?? 0;
  return { items, total, page, pageSize };
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────
// Each runs in one synchronous transaction with its audit event, and checks authorization
// against the row as it is inside that transaction.

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

function agencyIdBySlug(tx: Tx, slug: string, field: string): number {
  const row = tx.select({ id: agencies.id, retiredAt: agencies.retiredAt }).from(agencies).where(eq(agencies.slug, slug)).get();
  if (!row) throw badRequest(`Invalid input: ${field}.`, { [field]: [`No agency has the short name "${slug}".`] });
  if (row.retiredAt) throw badRequest(`Invalid input: ${field}.`, { [field]: [`The agency "${slug}" is retired.`] });
  return row.id;
}

type ResolvedDetails = {
  pillarId?: number;
  announcedAtMeetingId?: number | null;
  napActionId?: number | null;
  supporterIds?: number[];
};

/** Turns the input's names (pillar, NAP code, agency slugs, meeting id) into ids, naming any unknown one. */
function resolveDetails(tx: Tx, input: Partial<CreateDeliverableInput>): ResolvedDetails {
  const fields: Record<string, string[]> = {};
  const out: ResolvedDetails = {};
  if (input.pillar !== undefined) {
    out.pillarId = tx.select({ id: pillars.id }).from(pillars).where(eq(pillars.slug, input.pillar)).get()?.id;
  }
  if (input.announcedAtMeetingId !== undefined) {
    if (input.announcedAtMeetingId === null) out.announcedAtMeetingId = null;
    else {
      const meeting = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.announcedAtMeetingId)).get();
      if (!meeting) fields.announcedAtMeetingId = [`No meeting has the id ${input.announcedAtMeetingId}.`];
      else out.announcedAtMeetingId = meeting.id;
    }
  }
  if (input.napAction !== undefined) {
    if (input.napAction === null) out.napActionId = null;
    else {
      const action = tx.select({ id: napActions.id }).from(napActions).where(eq(napActions.code, input.napAction)).get();
      if (!action) fields.napAction = [`The plan has no priority action ${input.napAction} on record.`];
      else out.napActionId = action.id;
    }
  }
  if (input.supportingAgencies !== undefined) {
    const slugs = [...new Set(input.supportingAgencies)];
    const found = slugs.length
      ? tx.select({ id: agencies.id, slug: agencies.slug }).from(agencies).where(inArray(agencies.slug, slugs)).all()
      : [];
    const missing = slugs.filter((s) => !found.some((f) => f.slug === s));
    if (missing.length) fields.supportingAgencies = [`Unknown agencies: ${missing.join(', ')}.`];
    else out.supporterIds = found.map((f) => f.id);
  }
  if (Object.keys(fields).length) throw badRequest(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
  return out;
}

export function createDeliverable(user: SessionUser, input: CreateDeliverableInput): DeliverableDetail {
  const id = getDb().transaction((tx) => insertDeliverable(tx, user, input));
  return getDeliverable(id)!;
}

/**
 * Inserts one deliverable with its supporters and audit event inside the caller's transaction
 * (an import of many rows commits or rolls back as one). Returns the new id.
 */
export function insertDeliverable(tx: Tx, user: SessionUser, input: CreateDeliverableInput): number {
  const leadAgencyId = agencyIdBySlug(tx, input.leadAgency, 'leadAgency');
  if (!canCreateDeliverable(user, leadAgencyId)) {
    throw forbidden('You can create deliverables only for your own agency.');
  }
  const resolved = resolveDetails(tx, input);
  const supporterIds = (resolved.supporterIds ?? []).filter((a) => a !== leadAgencyId);
  const now = new Date();
  const inserted = tx
    .insert(deliverables)
    .values({
      leadAgencyId,
      pillarId: resolved.pillarId!,
      title: input.title,
      description: input.description,
      announcedAtMeetingId: resolved.announcedAtMeetingId ?? null,
      dueOn: input.dueOn,
      fundingUsd: input.fundingUsd,
      napActionId: resolved.napActionId ?? null,
      // A new deliverable has not started: its progress is 0, or what its count already reaches.
      ...measureColumns(input.measure),
      progress: progressFor('not_started', input.measure, 0),
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: deliverables.id })
    .get();
  for (const agencyId of supporterIds) {
    tx.insert(deliverableSupporters).values({ deliverableId: inserted.id, agencyId }).run();
  }
  // A new deliverable has no update this cycle: a report that said everything was up to date no longer does.
  reopenReportsAfterNewDeliverable(tx, user, leadAgencyId, input.title, now);
  recordAudit(tx, {
    actor: actorOf(user),
    action: 'deliverable.create',
    entity: 'deliverable',
    entityId: inserted.id,
    agencyId: leadAgencyId,
    after: input,
    at: now,
  });
  return inserted.id;
}

/** The fields an edit compares and records, as stored. */
function editableSnapshot(tx: Tx, id: number) {
  const row = tx.select().from(deliverables).where(eq(deliverables.id, id)).get();
  if (!row) return null;
  const supporters = tx
    .select({ slug: agencies.slug })
    .from(deliverableSupporters)
    .innerJoin(agencies, eq(agencies.id, deliverableSupporters.agencyId))
    .where(eq(deliverableSupporters.deliverableId, id))
    .orderBy(asc(agencies.slug))
    .all()
    .map((s) => s.slug);
  return { row, supporters };
}

/**
 * PATCH. The caller sends the version it edited; if someone changed the deliverable since, this
 * answers 409 with the current record and changes nothing.
 */
export function updateDeliverable(user: SessionUser, id: number, input: UpdateDeliverableInput): DeliverableDetail {
  getDb().transaction((tx) => {
    const current = editableSnapshot(tx, id);
    if (!current) throw notFound('The deliverable');
    const { row } = current;
    if (!canEditDeliverable(user, row)) throw forbidden('Only the lead agency’s officials and administrators can edit this deliverable.');
    if (row.status === WITHDRAWN) throw conflict('This deliverable is withdrawn: reinstate it before editing it.', { current: getDeliverable(id) });
    if (input.leadAgency !== undefined && !canChangeLeadAgency(user)) {
      throw forbidden('Only an administrator can change the lead agency.');
    }
    if (row.version !== input.version) {
      throw conflict('Someone else changed this deliverable after you opened it.', { current: getDeliverable(id) });
    }
    const resolved = resolveDetails(tx, input);
    const set: Partial<typeof deliverables.$inferInsert> = {};
    if (input.leadAgency !== undefined) set.leadAgencyId = agencyIdBySlug(tx, input.leadAgency, 'leadAgency');
    if (input.title !== undefined) set.title = input.title;
    if (input.description !== undefined) set.description = input.description;
    if (resolved.pillarId !== undefined) set.pillarId = resolved.pillarId;
    if (resolved.announcedAtMeetingId !== undefined) set.announcedAtMeetingId = resolved.announcedAtMeetingId;
    if (input.dueOn !== undefined) set.dueOn = input.dueOn;
    if (input.fundingUsd !== undefined) set.fundingUsd = input.fundingUsd;
    if (resolved.napActionId !== undefined) set.napActionId = resolved.napActionId;
    if (input.measure !== undefined) {
      Object.assign(set, measureColumns(input.measure));
      // A new count or target moves the progress with it; taking the measure away keeps the
      // progress it had reached, to be typed from then on.
      set.progress = progressFor(row.status, input.measure, row.progress);
    }

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(set)) {
      const old = row[key as keyof typeof row];
      if (old !== value) {
        before[key] = old;
        after[key] = value;
      }
    }
    if (resolved.supporterIds !== undefined) {
      const next = resolved.supporterIds.filter((a) => a !== (set.leadAgencyId ?? row.leadAgencyId));
      const nextSlugs = [...new Set(input.supportingAgencies)].filter((s) => s !== input.leadAgency).sort();
      if (JSON.stringify(nextSlugs) !== JSON.stringify(current.supporters)) {
        before.supportingAgencies = current.supporters;
        after.supportingAgencies = nextSlugs;
        tx.delete(deliverableSupporters).where(eq(deliverableSupporters.deliverableId, id)).run();
        for (const agencyId of next) tx.insert(deliverableSupporters).values({ deliverableId: id, agencyId }).run();
      }
    }
    if (Object.keys(after).length === 0) return; // Nothing changed: no new version, no audit event.

    const now = new Date();
    tx.update(deliverables)
      .set({ ...set, version: row.version + 1, updatedAt: now })
      .where(eq(deliverables.id, id))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'deliverable.update',
      entity: 'deliverable',
      entityId: id,
      agencyId: set.leadAgencyId ?? row.leadAgencyId,
      before,
      after,
      at: now,
    });
  });
  return getDeliverable(id)!;
}

/**
 * Appends a progress update and moves the deliverable to its status and progress. When the caller
 * sends the version it saw and the deliverable has changed since, answers 409 and changes nothing.
 */
export function addProgressUpdate(user: SessionUser, id: number, input: ProgressUpdateInput) {
  return getDb().transaction((tx) => {
    const row = tx.select().from(deliverables).where(eq(deliverables.id, id)).get();
    if (!row) throw notFound('The deliverable');
    if (!canEditDeliverable(user, row)) throw forbidden('Only the lead agency’s officials and administrators can update this deliverable.');
    if (row.status === WITHDRAWN) throw conflict('This deliverable is withdrawn: reinstate it before updating it.', { current: getDeliverable(id) });
    if (input.version !== undefined && input.version !== row.version) {
      throw conflict('Someone else updated this deliverable after you opened it.', { current: getDeliverable(id) });
    }
    const measure = measureOf(row);
    const fields: FieldErrors = {};
    if (input.measureActual !== undefined && !measure) {
      fields.measureActual = ['This deliverable has no measure: set what is counted and a target in its details first.'];
    }
    if (input.progress !== undefined && measure) {
      fields.progress = [`Progress follows the count (${measureSummary(measure)}): send the count so far instead.`];
    }
    if (Object.keys(fields).length) throw badRequest(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
    const counted = measure ? { ...measure, actual: input.measureActual ?? measure.actual } : null;
    const typed = input.progress ?? (input.status === 'not_started' ? 0 : row.progress);
    const progress = progressFor(input.status, counted, typed);
    const reason = input.status === 'at_risk' || input.status === 'blocked' ? (input.reason ?? null) : null;
    const now = new Date();
    const update = tx
      .insert(progressUpdates)
      .values({
        deliverableId: id,
        authorId: user.id,
        createdAt: now,
        status: input.status,
        progress,
        measureActual: counted?.actual ?? null,
        note: input.note,
        reason,
      })
      .returning()
      .get();
    tx.update(deliverables)
      .set({
        status: input.status,
        progress,
        statusReason: reason,
        measureActual: counted ? counted.actual : row.measureActual,
        lastUpdateAt: now,
        updatedAt: now,
        version: row.version + 1,
      })
      .where(eq(deliverables.id, id))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'deliverable.progress_update',
      entity: 'deliverable',
      entityId: id,
      agencyId: row.leadAgencyId,
      before: { status: row.status, progress: row.progress, statusReason: row.statusReason, ...(counted ? { measureActual: measure!.actual } : {}) },
      after: {
        status: input.status,
        progress,
        statusReason: reason,
        ...(counted ? { measureActual: counted.actual } : {}),
        note: input.note,
        updateId: update.id,
      },
      at: now,
    });
    return { update, version: row.version + 1 };
  });
}

