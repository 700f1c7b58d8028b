import { count, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import type { CreateDeliverableInput } from '@/lib/validations/deliverables';
import { createActionSchema } from '@/lib/validations/plan';
import { readDeliverableImport } from '@/lib/validations/deliverable-import';
import { previewDeliverableImport } from './deliverables-import';
import { getSessionUser } from './users';
import { getDeliverable, listDeliverables } from './deliverables';
import { createDeliverable, updateDeliverable } from './deliverable-writes';
import {
  createObjective,
  createPriorityAction,
  listObjectives,
  listPlanChoices,
  listPriorityActions,
  updateObjective,
  updatePriorityAction,
} from './plan';

const db = getDb();

function userByEmail(email: string): SessionUser {
  const row = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get();
  return getSessionUser(row!.id)!;
}
const admin = () => userByEmail('admin@pitf.demo');
const officialDhs = () => userByEmail('official.dhs@pitf.demo');
const objectiveIdByKey = (key: string) => db.select({ id: t.planObjectives.id }).from(t.planObjectives).where(eq(t.planObjectives.key, key)).get()!.id;
const deliverableCount = () => db.select({ n: count() }).from(t.deliverables).get()!.n;
const lastAudit = () => db.select().from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(1).get()!;

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const newDeliverable = (over: Partial<CreateDeliverableInput>): CreateDeliverableInput => ({
  leadAgency: 'dhs',
  title: 'Screen visa applicants for signs of labor exploitation',
  description: '',
  pillar: 'prevention',
  supportingAgencies: [],
  announcedAtMeetingId: null,
  dueOn: null,
  fundingUsd: null,
  napAction: null,
  objectiveId: null,
  measure: null,
  ...over,
});

describe('the plan as read', () => {
  it('lists the 21 seeded objectives by pillar, unnumbered, and the two coded actions under theirs', () => {
    const objectives = listObjectives();
    expect(objectives).toHaveLength(21);
    expect(objectives.every((o) => o.number === null)).toBe(true);
    expect(objectives.map((o) => o.pillar).filter((p, i, all) => all.indexOf(p) === i)).toEqual(['prevention', 'protection', 'prosecution', 'partnership']);
    const actions = listPriorityActions();
    expect(actions.map((a) => a.code)).toEqual(['1.3.2', '4.4.2']);
    expect(actions[0]!.objective?.id).toBe(objectiveIdByKey('prevention-supply-chains'));
    const prevention = listPlanChoices().find((p) => p.pillar === 'prevention')!;
    expect(prevention.objectives).toHaveLength(5);
    expect(prevention.objectives.find((o) => o.id === objectiveIdByKey('prevention-supply-chains'))!.actions.map((a) => a.code)).toEqual(['1.3.2']);
  });
});

describe('a deliverable’s objective', () => {
  it('refuses an objective of another pillar, naming objectiveId, and stores nothing', () => {
    const before = deliverableCount();
    const error = caught(() => createDeliverable(officialDhs(), newDeliverable({ pillar: 'prevention', objectiveId: objectiveIdByKey('protection-restitution') })));
    expect(error.kind).toBe('invalid');
    expect(Object.keys(error.fields ?? {})).toEqual(['objectiveId']);
    expect(error.fields!.objectiveId![0]).toContain('Protection');
    expect(deliverableCount()).toBe(before);
  });

  it('refuses a priority action that is not under the chosen objective', () => {
    const error = caught(() =>
      createDeliverable(officialDhs(), newDeliverable({ objectiveId: objectiveIdByKey('prevention-awareness'), napAction: '1.3.2' })),
    );
    expect(Object.keys(error.fields ?? {})).toEqual(['napAction']);
  });

  it('keeps a mapped deliverable when its pillar changes only if the objective changes with it', () => {
    const created = createDeliverable(officialDhs(), newDeliverable({ objectiveId: objectiveIdByKey('prevention-visa-programs') }));
    expect(created.objective?.id).toBe(objectiveIdByKey('prevention-visa-programs'));
    const error = caught(() => updateDeliverable(officialDhs(), created.id, { version: created.version, pillar: 'protection' }));
    expect(Object.keys(error.fields ?? {})).toEqual(['objectiveId']);
    expect(getDeliverable(created.id)!.pillar).toBe('prevention');
    const moved = updateDeliverable(officialDhs(), created.id, { version: created.version, pillar: 'protection', objectiveId: objectiveIdByKey('protection-immigration') });
    expect(moved.pillar).toBe('protection');
    expect(moved.objective?.id).toBe(objectiveIdByKey('protection-immigration'));
  });

  it('clears “mapped by the secretariat” when the objective is chosen by hand', () => {
    const seeded = db
      .select({ id: t.deliverables.id, objectiveId: t.deliverables.objectiveId, pillarId: t.deliverables.pillarId })
      .from(t.deliverables)
      .where(eq(t.deliverables.objectiveBySecretariat, true))
      .get()!;
    const before = getDeliverable(seeded.id)!;
    expect(before.objectiveBySecretariat).toBe(true);
    const after = updateDeliverable(admin(), seeded.id, { version: before.version, objectiveId: seeded.objectiveId });
    expect(after.objectiveBySecretariat).toBe(false);
  });

  it('filters the list by objective, and by none for the unmapped', () => {
    const objectiveId = objectiveIdByKey('prevention-forced-labor-imports');
    const mapped = createDeliverable(officialDhs(), newDeliverable({ title: 'Detain shipments made with forced labor', objectiveId }));
    const unmapped = createDeliverable(officialDhs(), newDeliverable({ title: 'Not yet mapped deliverable' }));
    const byObjective = listDeliverables({ objective: objectiveId, page: 1, pageSize: 200 }).items.map((d) => d.id);
    expect(byObjective).toContain(mapped.id);
    expect(byObjective).not.toContain(unmapped.id);
    const none = listDeliverables({ objective: 'none', page: 1, pageSize: 200 }).items.map((d) => d.id);
    expect(none).toContain(unmapped.id);
    expect(none).not.toContain(mapped.id);
  });
});

describe('importing deliverables with their objective', () => {
  it('names an objective that does not exist or is under another pillar, on objective_id', () => {
    const read = readDeliverableImport(
      'title,pillar,objective_id\n' +
        `Mapped,prevention,${objectiveIdByKey('prevention-awareness')}\n` +
        `Another pillar's,prevention,${objectiveIdByKey('prosecution-toolkit')}\n` +
        'Unknown,prevention,999999\n' +
        'Not a number,prevention,four\n' +
        'Unmapped,prevention,\n',
      'dhs',
    );
    if (!read.ok) throw new Error(read.message);
    const report = previewDeliverableImport(read.rows);
    expect(report.rows.map((r) => Object.keys(r.errors))).toEqual([[], ['objective_id'], ['objective_id'], ['objective_id'], []]);
    expect(report.rows[1]!.errors.objective_id![0]).toContain('prosecution');
  });
});

describe('the secretariat keeps the plan', () => {
  it('adds an unnumbered objective with its audit event', () => {
    const created = createObjective(admin(), { pillar: 'protection', title: 'Reach survivors in rural areas', number: null, sourceId: null, sourcePage: null });
    expect(created.number).toBeNull();
    expect(created.version).toBe(1);
    expect(listObjectives().filter((o) => o.pillar === 'protection').at(-1)!.id).toBe(created.id);
    const event = lastAudit();
    expect(event.action).toBe('plan_objective.create');
    expect(event.entityId).toBe(String(created.id));
  });

  it('retiring an objective keeps its deliverables but refuses new ones', () => {
    const objective = createObjective(admin(), { pillar: 'prevention', title: 'An objective soon retired', number: null, sourceId: null, sourcePage: null });
    const served = createDeliverable(officialDhs(), newDeliverable({ objectiveId: objective.id }));
    const retired = updateObjective(admin(), objective.id, { version: objective.version, retired: true });
    expect(retired.retiredAt).not.toBeNull();
    expect(lastAudit().action).toBe('plan_objective.retire');
    expect(getDeliverable(served.id)!.objective).toMatchObject({ id: objective.id, retired: true });
    expect(listObjectives().some((o) => o.id === objective.id)).toBe(false);
    expect(listPlanChoices().find((p) => p.pillar === 'prevention')!.objectives.some((o) => o.id === objective.id)).toBe(false);
    // The deliverable can still be edited otherwise.
    const edited = updateDeliverable(officialDhs(), served.id, { version: served.version, title: 'Still served by a retired objective' });
    expect(edited.objective?.id).toBe(objective.id);
    const before = deliverableCount();
    const error = caught(() => createDeliverable(officialDhs(), newDeliverable({ objectiveId: objective.id })));
    expect(Object.keys(error.fields ?? {})).toEqual(['objectiveId']);
    expect(deliverableCount()).toBe(before);
    const restored = updateObjective(admin(), objective.id, { version: retired.version, retired: false });
    expect(restored.retiredAt).toBeNull();
    expect(lastAudit().action).toBe('plan_objective.restore');
  });

  it('answers a stale version with a conflict carrying the current objective, and changes nothing', () => {
    const objective = createObjective(admin(), { pillar: 'partnership', title: 'First wording', number: null, sourceId: null, sourcePage: null });
    const first = updateObjective(admin(), objective.id, { version: objective.version, title: 'Second wording' });
    const error = caught(() => updateObjective(admin(), objective.id, { version: objective.version, title: 'Stale wording' }));
    expect(error.kind).toBe('conflict');
    expect((error.extra?.current as { title: string }).title).toBe('Second wording');
    expect(listObjectives().find((o) => o.id === objective.id)!.version).toBe(first.version);
  });

  it('refuses a number already used in the pillar', () => {
    createObjective(admin(), { pillar: 'prosecution', title: 'Numbered one', number: 7, sourceId: null, sourcePage: null });
    const error = caught(() => createObjective(admin(), { pillar: 'prosecution', title: 'Numbered again', number: 7, sourceId: null, sourcePage: null }));
    expect(Object.keys(error.fields ?? {})).toEqual(['number']);
  });

  it('adds a coded action under an objective of the code’s pillar, and refuses one under another pillar', () => {
    const objectiveId = objectiveIdByKey('prosecution-forced-labor');
    const parsed = createActionSchema.safeParse({ code: '2.1.1', pillar: 'prosecution', title: 'Wrong pillar digit', objectiveId });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['code']);
    const mismatch = caught(() =>
      createPriorityAction(admin(), createActionSchema.parse({ code: '3.4.1', pillar: 'prosecution', title: 'Under a partnership objective', objectiveId: objectiveIdByKey('partnership-networks') })),
    );
    expect(Object.keys(mismatch.fields ?? {})).toEqual(['objectiveId']);
    const created = createPriorityAction(
      admin(),
      createActionSchema.parse({ code: '3.4.1', pillar: 'prosecution', title: 'Train prosecutors on forced labor cases', objectiveId, leadAgency: 'doj', supportingAgencies: ['dol', 'doj'] }),
    );
    expect(created.objective?.id).toBe(objectiveId);
    expect(created.leadAgency?.slug).toBe('doj');
    expect(created.supportingAgencies.map((s) => s.slug)).toEqual(['dol']);
    expect(lastAudit().action).toBe('priority_action.create');
    const taken = caught(() => createPriorityAction(admin(), createActionSchema.parse({ code: '3.4.1', pillar: 'prosecution', title: 'Again', objectiveId })));
    expect(Object.keys(taken.fields ?? {})).toEqual(['code']);
    const retired = updatePriorityAction(admin(), created.id, { version: created.version, retired: true });
    expect(retired.retiredAt).not.toBeNull();
    expect(lastAudit().action).toBe('priority_action.retire');
    const refused = caught(() => createDeliverable(officialDhs(), newDeliverable({ pillar: 'prosecution', objectiveId, napAction: '3.4.1' })));
    expect(Object.keys(refused.fields ?? {})).toEqual(['napAction']);
  });
});
