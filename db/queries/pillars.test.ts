import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import type { DeliverableState, PillarSlug } from '@/lib/domain';
import { recordAudit } from './audit';
import { addProgressUpdate } from './deliverable-writes';
import { getAgencyPillarMatrix, getCompletionSeries, getPillarChange, getPillarSummary } from './pillars';
import { getSessionUser } from './users';

const db = getDb();
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * A hand-counted fixture under an agency of its own, so other tests' data does not reach it:
 * five deliverables with known histories, and meetings A (2025-01-15) and B (2025-06-15).
 */
function fixture() {
  const agency = db.insert(t.agencies).values({ slug: 'pillartest', name: 'Pillar Test Agency', abbreviation: 'PTA' }).returning().get();
  const pillar = (slug: PillarSlug) => db.select().from(t.pillars).where(eq(t.pillars.slug, slug)).get()!.id;
  const meetingA = db.insert(t.meetings).values({ kind: 'spog', title: 'A', date: '2025-01-15', status: 'held' }).returning().get();
  const meetingB = db.insert(t.meetings).values({ kind: 'spog', title: 'B', date: '2025-06-15', status: 'held' }).returning().get();
  const make = (title: string, p: PillarSlug, created: string, status: DeliverableState, history: [string, DeliverableState][]) => {
    const d = db
      .insert(t.deliverables)
      .values({ leadAgencyId: agency.id, pillarId: pillar(p), title, status, createdAt: at(created), progress: status === 'completed' ? 100 : 0 })
      .returning()
      .get();
    for (const [when, s] of history) {
      db.insert(t.progressUpdates)
        .values({ deliverableId: d.id, status: s, progress: s === 'completed' ? 100 : 10, createdAt: at(when), reason: s === 'at_risk' ? 'Late.' : null })
        .run();
    }
    return d;
  };
  make('d1', 'prevention', '2024-12-01', 'completed', [
    ['2025-01-10', 'in_progress'],
    ['2025-03-01', 'completed'],
  ]);
  make('d2', 'prevention', '2024-12-01', 'not_started', []);
  make('d3', 'protection', '2025-02-01', 'at_risk', [['2025-05-01', 'at_risk']]);
  make('d4', 'protection', '2024-11-01', 'completed', []);
  make('d5', 'prosecution', '2024-12-01', 'in_progress', [['2025-07-01', 'in_progress']]);
  return { meetingA, meetingB };
}

const nonZero = (rows: ReturnType<typeof getPillarSummary>['pillars']) =>
  Object.fromEntries(
    rows.map((r) => [
      r.pillar,
      Object.fromEntries(Object.entries(r).filter(([k, v]) => k !== 'pillar' && k !== 'total' && v !== 0)),
    ]),
  );

describe('pillar aggregates', () => {
  const { meetingA, meetingB } = fixture();

  it('counts deliverables by pillar and status now', () => {
    const summary = getPillarSummary({ agency: 'pillartest' });
    expect(summary.asOf).toBeNull();
    expect(nonZero(summary.pillars)).toEqual({
      prevention: { completed: 1, not_started: 1 },
      protection: { at_risk: 1, completed: 1 },
      prosecution: { in_progress: 1 },
      partnership: {},
    });
    expect(summary.pillars.map((p) => p.total)).toEqual([2, 2, 1, 0]);
  });

  it('cuts at a meeting: only what existed then, at its status then', () => {
    expect(nonZero(getPillarSummary({ agency: 'pillartest', asOf: meetingA.id }).pillars)).toEqual({
      prevention: { in_progress: 1, not_started: 1 },
      protection: { completed: 1 },
      prosecution: { not_started: 1 },
      partnership: {},
    });
    expect(nonZero(getPillarSummary({ agency: 'pillartest', asOf: meetingB.id }).pillars)).toEqual({
      prevention: { completed: 1, not_started: 1 },
      protection: { at_risk: 1, completed: 1 },
      prosecution: { not_started: 1 },
      partnership: {},
    });
  });

  it('sets the two cuts side by side for the change between meetings', () => {
    const change = getPillarChange(meetingA.id, meetingB.id, { agency: 'pillartest' })!;
    expect(change.a.date).toBe('2025-01-15');
    const protection = change.pillars.find((p) => p.pillar === 'protection')!;
    expect([protection.a.total, protection.b.total]).toEqual([1, 2]);
    expect([protection.a.at_risk, protection.b.at_risk]).toEqual([0, 1]);
  });

  it('compares a meeting with now: the record as it stands, dated today in the task force’s zone', () => {
    // 03:00 UTC on 1 December is still 30 November in Washington.
    const change = getPillarChange(meetingA.id, 'now', { agency: 'pillartest' }, new Date('2026-12-01T03:00:00Z'))!;
    expect(change.a).toEqual({ id: meetingA.id, title: 'A', date: '2025-01-15', datePrecision: 'day' });
    expect(change.b).toEqual({ id: 'now', title: 'Now', date: '2026-11-30' });
    const completed = Object.fromEntries(change.pillars.map((p) => [p.pillar, [p.a.completed, p.b.completed]]));
    expect(completed).toEqual({ prevention: [0, 1], protection: [1, 1], prosecution: [0, 0], partnership: [0, 0] });
    expect(getPillarChange(meetingA.id, 999_999_999, { agency: 'pillartest' })).toBeNull();
  });

  it('counts completed and in progress at each month’s end', () => {
    const series = getCompletionSeries({ agency: 'pillartest' }, new Date('2025-08-10T00:00:00Z'));
    expect(series[0]).toEqual({ month: '2024-11', completed: 1, inProgress: 0 });
    const byMonth = Object.fromEntries(series.map((s) => [s.month, [s.completed, s.inProgress]]));
    expect(byMonth['2025-01']).toEqual([1, 1]);
    expect(byMonth['2025-03']).toEqual([2, 0]);
    expect(byMonth['2025-07']).toEqual([2, 1]);
    expect(series.at(-1)?.month).toBe('2025-08');
    expect(series).toHaveLength(10);
  });

  it('builds the agency × pillar matrix with completed counts', () => {
    const row = getAgencyPillarMatrix({ agency: 'pillartest' })[0]!;
    expect(row.cells).toEqual({
      prevention: { total: 2, completed: 1 },
      protection: { total: 2, completed: 1 },
      prosecution: { total: 1, completed: 0 },
      partnership: { total: 0, completed: 0 },
    });
  });

  it('follows the whole record month by month, as counted from every deliverable’s history by hand', () => {
    const now = new Date();
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
  });

  it('moves as soon as an update is recorded, also one dated back', () => {
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const completedIn = (series: ReturnType<typeof getCompletionSeries>, month: string) => series.find((s) => s.month === month)!.completed;
    const [d2, d5] = ['d2', 'd5'].map((title) => db.select().from(t.deliverables).where(eq(t.deliverables.title, title)).get()!);

    // Recorded through the app today.
    const admin = getSessionUser(db.select().from(t.users).where(eq(t.users.email, 'admin@pitf.demo')).get()!.id)!;
    const before = getCompletionSeries({ agency: 'pillartest' }, now);
    addProgressUpdate(admin, d2!.id, { status: 'completed', progress: 100, note: 'Delivered.' });
    const after = getCompletionSeries({ agency: 'pillartest' }, now);
    expect(completedIn(after, thisMonth) - completedIn(before, thisMonth)).toBe(1);
    expect(completedIn(after, '2025-08') - completedIn(before, '2025-08')).toBe(0);

    // Dated back to April 2025 by another writer (an import, say), which audits its change too.
    db.transaction((tx) => {
      tx.insert(t.progressUpdates).values({ deliverableId: d5!.id, status: 'completed', progress: 100, createdAt: at('2025-04-20') }).run();
      recordAudit(tx, { actor: { id: null, email: 'test' }, action: 'test.backdated_update', entity: 'deliverable', entityId: String(d5!.id) });
    });
    const backdated = getCompletionSeries({ agency: 'pillartest' }, now);
    expect(completedIn(backdated, '2025-03') - completedIn(after, '2025-03')).toBe(0);
    expect(completedIn(backdated, '2025-04') - completedIn(after, '2025-04')).toBe(1);
    // d5's July update (in progress) follows the April one, so it is completed only for April to June.
    expect(completedIn(backdated, '2025-07') - completedIn(after, '2025-07')).toBe(0);
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
  });
});

describe('the completion series follows every kind of write', () => {
  // Each write below goes straight to the tables, as a seed, an import or a restore might; an
  // audit event in the same transaction marks the change, as every writer in the app does.
  const write = (action: string, change: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => void) =>
    db.transaction((tx) => {
      change(tx);
      recordAudit(tx, { actor: { id: null, email: 'test' }, action: `test.${action}`, entity: 'test' });
    });
  const agency = () => db.select().from(t.agencies).where(eq(t.agencies.slug, 'pillartest')).get()!;
  const pillarId = () => db.select().from(t.pillars).where(eq(t.pillars.slug, 'partnership')).get()!.id;
  const now = new Date();

  it('a deliverable created, its status changed and its creation date moved', () => {
    let id = 0;
    write('create', (tx) => {
      id = tx.insert(t.deliverables).values({ leadAgencyId: agency().id, pillarId: pillarId(), title: 'w1', status: 'completed', progress: 100, createdAt: at('2024-10-05') }).returning().get().id;
    });
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
    write('status', (tx) => tx.update(t.deliverables).set({ status: 'in_progress' }).where(eq(t.deliverables.id, id)).run());
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
    write('created', (tx) => tx.update(t.deliverables).set({ createdAt: at('2025-02-10') }).where(eq(t.deliverables.id, id)).run());
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
  });

  it('an update corrected, moved to another deliverable, removed, and a deliverable deleted with its history', () => {
    const [d1, d3] = ['d1', 'd3'].map((title) => db.select().from(t.deliverables).where(eq(t.deliverables.title, title)).get()!);
    const update = db.select().from(t.progressUpdates).where(eq(t.progressUpdates.deliverableId, d1!.id)).all().at(-1)!;
    write('correct', (tx) => tx.update(t.progressUpdates).set({ status: 'in_progress', progress: 50 }).where(eq(t.progressUpdates.id, update.id)).run());
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
    write('move', (tx) => tx.update(t.progressUpdates).set({ deliverableId: d3!.id }).where(eq(t.progressUpdates.id, update.id)).run());
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
    write('remove', (tx) => tx.delete(t.progressUpdates).where(eq(t.progressUpdates.id, update.id)).run());
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
    const w1 = db.select().from(t.deliverables).where(eq(t.deliverables.title, 'w1')).get()!;
    write('delete', (tx) => tx.delete(t.deliverables).where(eq(t.deliverables.id, w1.id)).run());
    expect(getCompletionSeries({}, now)).toEqual(seriesByHand(now));
    expect(db.select().from(t.deliverableStatusMonths).where(eq(t.deliverableStatusMonths.deliverableId, w1.id)).all()).toEqual([]);
  });
});

/** The completion series computed in JavaScript from the raw rows, to check the SQL against. */
function seriesByHand(now: Date) {
  const deliverables = db.select().from(t.deliverables).all();
  const updates = db.select().from(t.progressUpdates).all();
  const month = (ms: number) => new Date(ms).toISOString().slice(0, 7);
  const deltas = new Map<string, { completed: number; inProgress: number }>();
  for (const d of deliverables) {
    const created = d.createdAt.getTime();
    const own = updates.filter((u) => u.deliverableId === d.id);
    const states = [
      { at: created, kind: 0, recorded: 0, seq: 0, status: own.length ? 'not_started' : d.status },
      ...own.map((u) => ({ at: Math.max(u.createdAt.getTime(), created), kind: 1, recorded: u.createdAt.getTime(), seq: u.id, status: u.status })),
    ].sort((a, b) => a.at - b.at || a.kind - b.kind || a.recorded - b.recorded || a.seq - b.seq);
    let previous: string | null = null;
    for (const state of states) {
      const delta = deltas.get(month(state.at)) ?? { completed: 0, inProgress: 0 };
      delta.completed += Number(state.status === 'completed') - Number(previous === 'completed');
      delta.inProgress += Number(state.status === 'in_progress') - Number(previous === 'in_progress');
      deltas.set(month(state.at), delta);
      previous = state.status;
    }
  }
  const series: { month: string; completed: number; inProgress: number }[] = [];
  const cursor = new Date(Math.min(...deliverables.map((d) => d.createdAt.getTime())));
  cursor.setUTCDate(1);
  let completed = 0;
  let inProgress = 0;
  while (month(cursor.getTime()) <= month(now.getTime())) {
    const delta = deltas.get(month(cursor.getTime()));
    completed += delta?.completed ?? 0;
    inProgress += delta?.inProgress ?? 0;
    series.push({ month: month(cursor.getTime()), completed, inProgress });
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return series;
}
