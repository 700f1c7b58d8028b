import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { getAgencyPillarMatrix, getCompletionSeries, getPillarChange, getPillarSummary } from './pillars';

const db = getDb();
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * A hand-counted fixture under an agency of its own, so other tests' data does not reach it:
 * five deliverables with known histories, and meetings A (2025-01-15) and B (2025-06-15).
 */
function fixture() {
  const agency = db.insert(t.agencies).values({ slug: 'pillartest', name: 'Pillar Test Agency', abbreviation: 'PTA' }).returning().get();
  const pillar = (slug: string) => db.select().from(t.pillars).where(eq(t.pillars.slug, slug)).get()!.id;
  const meetingA = db.insert(t.meetings).values({ kind: 'spog', title: 'A', date: '2025-01-15', status: 'held' }).returning().get();
  const meetingB = db.insert(t.meetings).values({ kind: 'spog', title: 'B', date: '2025-06-15', status: 'held' }).returning().get();
  const make = (title: string, p: string, created: string, status: string, history: [string, string][]) => {
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
});
