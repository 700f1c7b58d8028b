import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import { createDeliverableSchema, withdrawDeliverableSchema } from '@/lib/validations/deliverables';
import { deleteDeliverable, reinstateDeliverable, withdrawDeliverable } from './deliverable-lifecycle';
import { countByStatus, getDeliverable, listDeliverables, listUpdates } from './deliverables';
import { addProgressUpdate, createDeliverable, updateDeliverable } from './deliverable-writes';
import { getAgencyPillarMatrix } from './pillars';
import { listSubmissionGaps } from './readiness';
import { getSessionUser } from './users';

const db = getDb();
const userByEmail = (email: string): SessionUser =>
  getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const official = userByEmail('official.dot@pitf.demo');
const other = userByEmail('official.hhs@pitf.demo');
const admin = userByEmail('admin@pitf.demo');
const dot = db.select().from(t.agencies).where(eq(t.agencies.slug, 'dot')).get()!;
const plannedMeeting = db.select().from(t.meetings).where(eq(t.meetings.status, 'planned')).get()!;

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

let seq = 0;
const create = (by: SessionUser = official) =>
  createDeliverable(by, createDeliverableSchema.parse({ leadAgency: 'dot', pillar: 'protection', title: `Truck stop outreach ${++seq}` }));

const dotCounts = () => countByStatus(eq(t.deliverables.leadAgencyId, dot.id));
const dotListed = () => listDeliverables({ agency: 'dot', page: 1, pageSize: 500 }).total;
const dotMatrixTotal = () => Object.values(getAgencyPillarMatrix({ agency: 'dot' })[0]!.cells).reduce((n, c) => n + c.total, 0);

describe('withdrawing a deliverable', () => {
  it('takes it out of every count and list but keeps it and its history; reinstating restores where it stood', () => {
    const d = create();
    const updated = addProgressUpdate(official, d.id, { status: 'at_risk', progress: 30, note: 'Partners slow', reason: 'Grant delayed' });
    const before = { counts: dotCounts(), listed: dotListed(), matrix: dotMatrixTotal() };
    const gapsBefore = listSubmissionGaps(db, plannedMeeting.id, dot.id).deliverables;

    const withdrawn = withdrawDeliverable(official, d.id, { version: updated.version, reason: 'Merged into the DOT training programme' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.statusReason).toBe('Merged into the DOT training programme');
    expect(dotCounts().at_risk).toBe(before.counts.at_risk - 1);
    expect(dotListed()).toBe(before.listed - 1);
    expect(dotMatrixTotal()).toBe(before.matrix - 1);
    expect(listSubmissionGaps(db, plannedMeeting.id, dot.id).deliverables).toBeLessThanOrEqual(gapsBefore);
    // Still there when asked for by its state or its id, with its history.
    expect(listDeliverables({ agency: 'dot', status: 'withdrawn', page: 1, pageSize: 50 }).items.map((i) => i.id)).toContain(d.id);
    expect(listUpdates(d.id, { page: 1, pageSize: 10 }).items.map((u) => u.status)).toEqual(['withdrawn', 'at_risk']);

    // While withdrawn it takes no update and no edit.
    expect(refusal(() => addProgressUpdate(official, d.id, { status: 'in_progress', note: '' })).kind).toBe('conflict');
    expect(refusal(() => updateDeliverable(official, d.id, { version: withdrawn.version, title: 'New' })).kind).toBe('conflict');

    const back = reinstateDeliverable(official, d.id, { version: withdrawn.version });
    expect(back).toMatchObject({ status: 'at_risk', progress: 30, statusReason: 'Grant delayed' });
    expect(dotCounts()).toEqual(before.counts);
    expect(dotListed()).toBe(before.listed);
    const actions = db
      .select({ action: t.auditEvents.action })
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entity, 'deliverable'), eq(t.auditEvents.entityId, String(d.id))))
      .all()
      .map((e) => e.action);
    expect(actions).toEqual(['deliverable.create', 'deliverable.progress_update', 'deliverable.withdraw', 'deliverable.reinstate']);
  });

  it('needs a reason, the current version, and the lead agency (or an administrator)', () => {
    const d = create();
    const missing = withdrawDeliverableSchema.safeParse({ version: d.version, reason: '  ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect(refusal(() => withdrawDeliverable(other, d.id, { version: d.version, reason: 'Not ours' })).kind).toBe('forbidden');
    expect(refusal(() => withdrawDeliverable(official, d.id, { version: d.version + 1, reason: 'Stale' })).kind).toBe('conflict');
    expect(refusal(() => reinstateDeliverable(official, d.id, { version: d.version })).kind).toBe('conflict');
    expect(getDeliverable(d.id)!.status).toBe('not_started');
    expect(withdrawDeliverable(admin, d.id, { version: d.version, reason: 'Entered twice' }).status).toBe('withdrawn');
  });
});

describe('deleting a deliverable created by mistake', () => {
  it('lets an administrator delete a new one nothing refers to, and keeps a copy in the audit log', () => {
    const d = create();
    deleteDeliverable(admin, d.id);
    expect(getDeliverable(d.id)).toBeNull();
    const event = db
      .select()
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.entityId, String(d.id)), eq(t.auditEvents.action, 'deliverable.delete')))
      .get();
    expect(event?.before).toMatchObject({ title: d.title });
  });

  it('refuses officials, deliverables with an update or a meeting, and ones older than a day', () => {
    const d = create();
    expect(refusal(() => deleteDeliverable(official, d.id)).kind).toBe('forbidden');
    addProgressUpdate(official, d.id, { status: 'in_progress', progress: 5, note: 'Started' });
    expect(refusal(() => deleteDeliverable(admin, d.id))).toMatchObject({ kind: 'conflict' });

    const announced = create();
    db.update(t.deliverables).set({ announcedAtMeetingId: plannedMeeting.id }).where(eq(t.deliverables.id, announced.id)).run();
    expect(refusal(() => deleteDeliverable(admin, announced.id)).kind).toBe('conflict');

    const old = create();
    db.update(t.deliverables).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(t.deliverables.id, old.id)).run();
    expect(refusal(() => deleteDeliverable(admin, old.id)).message).toMatch(/within 24 hours/);
    expect(getDeliverable(old.id)).not.toBeNull();
  });
});
