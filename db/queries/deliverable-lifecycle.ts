/**
 * A deliverable's life outside its progress: withdrawn by its agency (kept, with its history, out
 * of every count until reinstated), and deleted by an administrator when it was created by
 * mistake. Each runs in one transaction with its audit event.
 */
import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { DELETE_WITHIN_HOURS, STATUSES, STATUSES_NEEDING_REASON, WITHDRAWN, type Status } from '@/lib/domain';
import { conflict, forbidden, notFound } from '@/lib/errors';
import { canDeleteDeliverable, canEditDeliverable, type SessionUser } from '@/lib/authorization';
import type { ReinstateDeliverableInput, WithdrawDeliverableInput } from '@/lib/validations/deliverables';
import { getDb, type Tx } from '../index';
import { agencies, auditEvents, deliverableSupporters, deliverables, progressUpdates } from '../schema';
import { recordAudit } from './audit';
import { getDeliverable } from './deliverables';

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

function lockedRow(tx: Tx, user: SessionUser, id: number, version: number) {
  const row = tx.select().from(deliverables).where(eq(deliverables.id, id)).get();
  if (!row) throw notFound('The deliverable');
  if (!canEditDeliverable(user, row)) throw forbidden('Only the lead agency’s officials and administrators can withdraw or reinstate this deliverable.');
  if (row.version !== version) {
    throw conflict('Someone else changed this deliverable after you opened it.', { current: getDeliverable(id) });
  }
  return row;
}

/**
 * The agency no longer pursues it: recorded as an update with the reason, so its history shows
 * when and why; it leaves counts, charts, the board and readiness until reinstated.
 */
export function withdrawDeliverable(user: SessionUser, id: number, input: WithdrawDeliverableInput) {
  getDb().transaction((tx) => {
    const row = lockedRow(tx, user, id, input.version);
    if (row.status === WITHDRAWN) throw conflict('This deliverable is already withdrawn.', { current: getDeliverable(id) });
    const now = new Date();
    const update = tx
      .insert(progressUpdates)
      .values({ deliverableId: id, authorId: user.id, createdAt: now, status: WITHDRAWN, progress: row.progress, note: '', reason: input.reason })
      .returning({ id: progressUpdates.id })
      .get();
    tx.update(deliverables)
      .set({ status: WITHDRAWN, statusReason: input.reason, lastUpdateAt: now, updatedAt: now, version: row.version + 1 })
      .where(eq(deliverables.id, id))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'deliverable.withdraw',
      entity: 'deliverable',
      entityId: id,
      agencyId: row.leadAgencyId,
      before: { status: row.status, progress: row.progress, statusReason: row.statusReason },
      after: { status: WITHDRAWN, statusReason: input.reason, updateId: update.id },
      at: now,
    });
  });
  return getDeliverable(id)!;
}

/**
 * Back where it stood before it was withdrawn: the status, progress and reason the withdrawal
 * recorded (its audit event), as a new update.
 */
export function reinstateDeliverable(user: SessionUser, id: number, input: ReinstateDeliverableInput) {
  getDb().transaction((tx) => {
    const row = lockedRow(tx, user, id, input.version);
    if (row.status !== WITHDRAWN) throw conflict('This deliverable is not withdrawn.', { current: getDeliverable(id) });
    const withdrawal = tx
      .select({ before: auditEvents.before })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, 'deliverable'), eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'deliverable.withdraw')))
      .orderBy(desc(auditEvents.id))
      .limit(1)
      .get();
    const before = parseBefore(withdrawal?.before);
    const status: Status = before.status ?? 'in_progress';
    const reason = before.statusReason ?? null;
    const progress = before.progress ?? row.progress;
    const now = new Date();
    const update = tx
      .insert(progressUpdates)
      .values({ deliverableId: id, authorId: user.id, createdAt: now, status, progress, note: 'Reinstated.', reason })
      .returning({ id: progressUpdates.id })
      .get();
    tx.update(deliverables)
      .set({ status, progress, statusReason: reason, lastUpdateAt: now, updatedAt: now, version: row.version + 1 })
      .where(eq(deliverables.id, id))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'deliverable.reinstate',
      entity: 'deliverable',
      entityId: id,
      agencyId: row.leadAgencyId,
      before: { status: WITHDRAWN, statusReason: row.statusReason },
      after: { status, progress, statusReason: reason, updateId: update.id },
      at: now,
    });
  });
  return getDeliverable(id)!;
}

/** What the withdrawal recorded as the deliverable's state before it (the audit keeps it as JSON). */
function parseBefore(value: unknown): { status?: Status; progress?: number; statusReason?: string | null } {
  if (!value || typeof value !== 'object') return {};
  const before = value as { status?: string; progress?: number; statusReason?: string | null };
  const progress = typeof before.progress === 'number' ? before.progress : undefined;
  if (!before.status || !(STATUSES as readonly string[]).includes(before.status)) return { progress };
  // A status that needs a reason cannot come back without its reason: in progress instead.
  if (STATUSES_NEEDING_REASON.includes(before.status as Status) && !before.statusReason) return { progress };
  return { status: before.status as Status, progress, statusReason: before.statusReason ?? null };
}

/**
 * Why a deliverable may not be deleted (a sentence saying what to do instead), or null when it
 * may: created within DELETE_WITHIN_HOURS, no update on record, not a meeting's commitment.
 */
export function deletionRefusal(
  d: { createdAt: number; updates: number; announcedAtMeetingId: number | null },
  now = Date.now(),
): string | null {
  if (now - d.createdAt > DELETE_WITHIN_HOURS * 3_600_000) {
    return `A deliverable can be deleted only within ${DELETE_WITHIN_HOURS} hours of its creation; withdraw it instead.`;
  }
  if (d.updates > 0) return `It has ${d.updates === 1 ? 'an update' : `${d.updates} updates`} on record; withdraw it instead.`;
  if (d.announcedAtMeetingId !== null) return 'It is recorded as a meeting’s commitment; withdraw it instead.';
  return null;
}

/**
 * An administrator removes a deliverable created by mistake: only within DELETE_WITHIN_HOURS of
 * its creation and while nothing refers to it (no update recorded, not a meeting's commitment).
 * Everything else is withdrawn instead, so that the record keeps it. The audit event keeps a copy.
 */
export function deleteDeliverable(user: SessionUser, id: number) {
  getDb().transaction((tx) => {
    if (!canDeleteDeliverable(user)) throw forbidden('Only an administrator can delete a deliverable; its agency can withdraw it instead.');
    const row = tx.select().from(deliverables).where(eq(deliverables.id, id)).get();
    if (!row) throw notFound('The deliverable');
    const now = new Date();
    const updates = tx.select({ n: count() }).from(progressUpdates).where(eq(progressUpdates.deliverableId, id)).get()?.n ?? 0;
    const refusal = deletionRefusal({ ...row, createdAt: row.createdAt.getTime(), updates }, now.getTime());
    if (refusal) throw conflict(refusal);
    const supporters = tx
      .select({ slug: agencies.slug })
      .from(deliverableSupporters)
      .innerJoin(agencies, eq(agencies.id, deliverableSupporters.agencyId))
      .where(eq(deliverableSupporters.deliverableId, id))
      .all()
      .map((s) => s.slug);
    tx.delete(deliverables).where(eq(deliverables.id, id)).run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'deliverable.delete',
      entity: 'deliverable',
      entityId: id,
      agencyId: row.leadAgencyId,
      before: { ...row, supportingAgencies: supporters },
      after: null,
      at: now,
    });
  });
}
