import { eq, isNotNull, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { STATUSES } from '@/lib/domain';
import { getPlanCoverage } from './plan-coverage';

const db = getDb();

/** What the coverage should say, counted here row by row from the tables themselves. */
function expectedFromRows() {
  const objectives = db.select().from(t.planObjectives).where(isNull(t.planObjectives.retiredAt)).all();
  const rows = db
    .select({ id: t.deliverables.id, objectiveId: t.deliverables.objectiveId, status: t.deliverables.status, lead: t.deliverables.leadAgencyId, lastUpdateAt: t.deliverables.lastUpdateAt, createdAt: t.deliverables.createdAt })
    .from(t.deliverables)
    .all();
  const countedRows = rows.filter((d) => d.status !== 'withdrawn');
  const active = new Set(objectives.map((o) => o.id));
  const byObjective = new Map(objectives.map((o) => [o.id, countedRows.filter((d) => d.objectiveId === o.id)]));
  return {
    objectives,
    byObjective,
    unserved: objectives.filter((o) => byObjective.get(o.id)!.length === 0),
    unmapped: countedRows.filter((d) => d.objectiveId === null).length,
    mapped: countedRows.filter((d) => d.objectiveId !== null && active.has(d.objectiveId)).length,
  };
}

describe('plan coverage', () => {
  it('counts each objective’s deliverables by status and finds the objectives nobody serves, as the rows say', () => {
    const expected = expectedFromRows();
    const coverage = getPlanCoverage();
    expect(coverage.plan?.title).toBe('National Action Plan to Combat Human Trafficking');
    expect(coverage.totals.objectives).toBe(expected.objectives.length);
    expect(coverage.totals.objectivesUnserved).toBe(expected.unserved.length);
    expect(coverage.totals.objectivesServed).toBe(expected.objectives.length - expected.unserved.length);
    // Other test files add objectives and deliverables of their own to this database: the seeded 21 are all shown.
    const seeded = new Set(db.select({ id: t.planObjectives.id }).from(t.planObjectives).where(isNotNull(t.planObjectives.key)).all().map((o) => o.id));
    expect(coverage.objectives.filter((o) => seeded.has(o.id))).toHaveLength(21);
    expect([...coverage.gaps.objectives].sort()).toEqual(expected.unserved.map((o) => o.id).sort());
    expect(coverage.totals.unmapped).toBe(expected.unmapped);
    expect(coverage.totals.mapped).toBe(expected.mapped);

    for (const o of coverage.objectives) {
      const rows = expected.byObjective.get(o.id)!;
      for (const s of STATUSES) expect(o.statuses[s], `${o.title}: ${s}`).toBe(rows.filter((d) => d.status === s).length);
      expect(o.statuses.total).toBe(rows.length);
      const staleBefore = Date.now() - 90 * 86_400_000;
      expect(o.stale, `${o.title}: stale`).toBe(rows.filter((d) => d.status !== 'completed' && (d.lastUpdateAt ?? d.createdAt).getTime() < staleBefore).length);
      expect(o.leads.reduce((n, a) => n + a.deliverables, 0)).toBe(rows.length);
      // Unnumbered: no source states the plan's numbers, and none is made up.
      if (seeded.has(o.id)) expect(o.number).toBeNull();
    }
  });

  it('gives every active agency a row of the matrix, whose cells add up to what each objective’s agencies lead', () => {
    const coverage = getPlanCoverage();
    const activeAgencies = db.select().from(t.agencies).where(isNull(t.agencies.retiredAt)).all();
    expect(coverage.matrix.map((r) => r.agency.slug).sort()).toEqual(activeAgencies.map((a) => a.slug).sort());
    coverage.objectives.forEach((o, i) => {
      const column = coverage.matrix.reduce((n, r) => n + r.led[i]!, 0);
      expect(column, o.title).toBe(o.leads.filter((a) => activeAgencies.some((x) => x.slug === a.slug)).reduce((n, a) => n + a.deliverables, 0));
    });
    for (const row of coverage.matrix) expect(row.total).toBe(row.led.reduce((a, b) => a + b, 0));
  });

  it('lists the priority actions with their codes, and an action no deliverable serves as a gap', () => {
    const coverage = getPlanCoverage();
    const actions = db.select().from(t.napActions).where(isNull(t.napActions.retiredAt)).all();
    expect(coverage.actions.map((a) => a.code).sort()).toEqual(actions.map((a) => a.code).sort());
    const served = db.select({ id: t.deliverables.napActionId }).from(t.deliverables).all().filter((d) => d.id !== null);
    for (const a of coverage.actions) expect(coverage.gaps.actions.includes(a.id)).toBe(!served.some((d) => d.id === a.id));
  });

  it('counts a deliverable naming a priority action under the action’s objective as serving it', () => {
    const before = getPlanCoverage();
    const action = before.actions.find((a) => a.objectiveId !== null && a.statuses.total === 0)!;
    expect(before.gaps.actions).toContain(action.id);
    const deliverable = db.select().from(t.deliverables).all().find((d) => d.status !== 'withdrawn')!;
    const lead = db.select().from(t.agencies).where(eq(t.agencies.id, deliverable.leadAgencyId)).get()!;

    db.update(t.deliverables).set({ objectiveId: action.objectiveId, napActionId: action.id }).where(eq(t.deliverables.id, deliverable.id)).run();
    const served = getPlanCoverage().actions.find((a) => a.id === action.id)!;
    expect(served.statuses.total).toBe(1);
    expect(served.leads.map((a) => a.slug)).toEqual([lead.slug]);
    expect(getPlanCoverage().gaps.actions).not.toContain(action.id);

    db.update(t.deliverables).set({ objectiveId: deliverable.objectiveId, napActionId: deliverable.napActionId }).where(eq(t.deliverables.id, deliverable.id)).run();
    expect(getPlanCoverage().gaps.actions).toContain(action.id);
  });

  it('moves the figures when a deliverable moves to another objective, and when it is withdrawn', () => {
    const before = getPlanCoverage();
    const gapId = before.gaps.objectives[0]!;
    const from = before.objectives.find((o) => o.statuses.total > 0)!;
    const deliverable = db.select().from(t.deliverables).where(eq(t.deliverables.objectiveId, from.id)).all().find((d) => d.status !== 'withdrawn')!;
    const status = deliverable.status as (typeof STATUSES)[number];

    db.update(t.deliverables).set({ objectiveId: gapId }).where(eq(t.deliverables.id, deliverable.id)).run();
    const moved = getPlanCoverage();
    // The remembered figures noticed the change.
    expect(moved.objectives).not.toBe(before.objectives);
    const target = moved.objectives.find((o) => o.id === gapId)!;
    expect(target.statuses.total).toBe(1);
    expect(target.statuses[status]).toBe(1);
    expect(target.leads.map((a) => a.deliverables)).toEqual([1]);
    expect(moved.objectives.find((o) => o.id === from.id)!.statuses.total).toBe(from.statuses.total - 1);
    expect(moved.gaps.objectives).not.toContain(gapId);
    expect(moved.totals.objectivesUnserved).toBe(before.totals.objectivesUnserved - (from.statuses.total === 1 ? 0 : 1));

    // Unchanged tables: the same remembered answer.
    expect(getPlanCoverage().objectives).toBe(moved.objectives);

    // Withdrawn, it leaves every count: the objective is a gap again.
    db.update(t.deliverables).set({ status: 'withdrawn' }).where(eq(t.deliverables.id, deliverable.id)).run();
    const withdrawn = getPlanCoverage();
    expect(withdrawn.objectives.find((o) => o.id === gapId)!.statuses.total).toBe(0);
    expect(withdrawn.gaps.objectives).toContain(gapId);

    // Announced without an objective, it is counted among the unmapped, under its lead agency.
    db.update(t.deliverables).set({ status, objectiveId: null }).where(eq(t.deliverables.id, deliverable.id)).run();
    const unmapped = getPlanCoverage();
    expect(unmapped.totals.unmapped).toBe(before.totals.unmapped + 1);
    const lead = db.select().from(t.agencies).where(eq(t.agencies.id, deliverable.leadAgencyId)).get()!;
    expect(unmapped.gaps.unmapped.find((a) => a.slug === lead.slug)?.deliverables).toBe((before.gaps.unmapped.find((a) => a.slug === lead.slug)?.deliverables ?? 0) + 1);

    db.update(t.deliverables).set({ objectiveId: from.id }).where(eq(t.deliverables.id, deliverable.id)).run();
    expect(getPlanCoverage().totals).toEqual(before.totals);
  });
});
