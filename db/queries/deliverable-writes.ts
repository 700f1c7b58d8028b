/**
 * Writing deliverables: create, edit and progress updates. Each runs in one synchronous
 * transaction with its audit event, and checks authorization against the row as it is inside
 * that transaction.
 */
import 'server-only';
import type { DeliverableDetail } from '@/lib/contracts/deliverables';
import { asc, eq, inArray } from 'drizzle-orm';
import { WITHDRAWN, type Status } from '@/lib/domain';
import { invalid, conflict, forbidden, notFound, type FieldErrors } from '@/lib/errors';
import { canChangeLeadAgency, canCreateDeliverable, canEditDeliverable, type SessionUser } from '@/lib/authorization';
import { measureColumns, measureOf, measureSummary, progressFor } from '@/lib/measures';
import type { CreateDeliverableInput, ProgressUpdateInput, UpdateDeliverableInput } from '@/lib/validations/deliverables';
import { getDb, type Tx } from '../index';
import { agencies, deliverableSupporters, deliverables, meetings, napActions, pillars, progressUpdates } from '../schema';
import { recordAudit } from './audit';
import { placementErrors } from './plan';
import { getDeliverable } from './deliverables';
import { reopenReportsAfterNewDeliverable } from './reports';

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

function agencyIdBySlug(tx: Tx, slug: string, field: string): number {
  const row = tx.select({ id: agencies.id, retiredAt: agencies.retiredAt }).from(agencies).where(eq(agencies.slug, slug)).get();
  if (!row) throw invalid(`Invalid input: ${field}.`, { [field]: [`No agency has the short name "${slug}".`] });
  if (row.retiredAt) throw invalid(`Invalid input: ${field}.`, { [field]: [`The agency "${slug}" is retired.`] });
  return row.id;
}

type ResolvedDetails = {
  pillarId?: number;
  announcedAtMeetingId?: number | null;
  napActionId?: number | null;
  supporterIds?: number[];
};

/** The deliverable as stored, for an edit: its place in the plan is checked against what the edit changes. */
type StoredPlacement = { pillarId: number; objectiveId: number | null; napActionId: number | null };

/**
 * Turns the input's names (pillar, NAP code, agency slugs, meeting id) into ids, naming any unknown
 * one, and checks the objective and priority action against the plan (placementErrors).
 */
function resolveDetails(tx: Tx, input: Partial<CreateDeliverableInput>, stored: StoredPlacement | null = null): ResolvedDetails {
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
  const objectiveId = input.objectiveId === undefined ? (stored?.objectiveId ?? null) : input.objectiveId;
  const napActionId = out.napActionId === undefined ? (stored?.napActionId ?? null) : out.napActionId;
  placementErrors(
    tx,
    {
      pillarId: out.pillarId ?? stored?.pillarId,
      objectiveId,
      napActionId,
      pillarChanged: stored !== null && out.pillarId !== undefined && out.pillarId !== stored.pillarId,
      objectiveChanged: stored === null || objectiveId !== stored.objectiveId,
      actionChanged: stored === null || napActionId !== stored.napActionId,
    },
    fields,
  );
  if (Object.keys(fields).length) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
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
      objectiveId: input.objectiveId,
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
    const resolved = resolveDetails(tx, input, row);
    const set: Partial<typeof deliverables.$inferInsert> = {};
    if (input.leadAgency !== undefined) set.leadAgencyId = agencyIdBySlug(tx, input.leadAgency, 'leadAgency');
    if (input.title !== undefined) set.title = input.title;
    if (input.description !== undefined) set.description = input.description;
    if (resolved.pillarId !== undefined) set.pillarId = resolved.pillarId;
    if (resolved.announcedAtMeetingId !== undefined) set.announcedAtMeetingId = resolved.announcedAtMeetingId;
    if (input.dueOn !== undefined) set.dueOn = input.dueOn;
    if (input.fundingUsd !== undefined) set.fundingUsd = input.fundingUsd;
    if (resolved.napActionId !== undefined) set.napActionId = resolved.napActionId;
    if (input.objectiveId !== undefined) {
      set.objectiveId = input.objectiveId;
      // Chosen by hand now: no longer the secretariat's judgement.
      set.objectiveBySecretariat = false;
    }
    if (input.measure !== undefined) {
      Object.assign(set, measureColumns(input.measure));
      // A new count or target moves the progress with it; taking the measure away keeps the
      // progress it had reached, to be typed from then on.
      set.progress = progressFor(row.status as Status, input.measure, row.progress);
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
    if (Object.keys(fields).length) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
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
    return { update: { ...update, status: update.status as Status, createdAt: update.createdAt.getTime() }, version: row.version + 1 };
  });
}
