import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import { databasePath } from '@/lib/env';
import * as t from '@/db/schema';
import { listAgencySummaries } from './agencies';
import { getDeliverableSummary } from './deliverables';
import { addProgressUpdate, createDeliverable } from './deliverable-writes';
import { getCompletionSeries, getPillarSummary } from './pillars';
import { startSession } from './sessions';
import { getSessionUser, recordSignInFailure, recordSignInSuccess } from './users';
import { COUNTED_TABLES, untilChange, type CountedTable } from './until-change';

const db = getDb();
const official = () => getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, 'official.fbi@pitf.demo')).get()!.id)!;

describe('aggregates remembered until the data changes', () => {
  it('answers again from memory while nothing changed', () => {
    let computed = 0;
    const square = untilChange(['deliverables'], (n: number) => {
      computed += 1;
      return n * n;
    }, String);
    expect([square(3), square(3), square(4), square(3)]).toEqual([9, 9, 16, 9]);
    expect(computed).toBe(2);
  });

  it('shows a change at once to whoever asks next', () => {
    const before = getPillarSummary({ agency: 'fbi' });
    expect(getPillarSummary({ agency: 'fbi' })).toBe(before);
    const completedBefore = getCompletionSeries({ agency: 'fbi' }).at(-1)?.completed ?? 0;

    const created = createDeliverable(official(), { leadAgency: 'fbi', title: 'Cached figures test', pillar: 'prosecution' } as never);
    const afterCreate = getPillarSummary({ agency: 'fbi' });
    const prosecution = (s: typeof before) => s.pillars.find((p) => p.pillar === 'prosecution')!;
    expect(prosecution(afterCreate).total).toBe(prosecution(before).total + 1);

    addProgressUpdate(official(), created.id, { status: 'completed', progress: 100 } as never);
    expect(prosecution(getPillarSummary({ agency: 'fbi' })).completed).toBe(prosecution(afterCreate).completed + 1);
    expect(getCompletionSeries({ agency: 'fbi' }).at(-1)!.completed).toBe(completedBefore + 1);
  });

  it('shows a change another process committed to the same file', () => {
    const before = getDeliverableSummary();
    expect(getDeliverableSummary()).toBe(before);
    const other = new Database(databasePath());
    try {
      const d = other.prepare("SELECT id, status FROM deliverables WHERE status = 'in_progress' ORDER BY id LIMIT 1").get() as { id: number; status: string };
      other.prepare("UPDATE deliverables SET status = 'completed', progress = 100 WHERE id = ?").run(d.id);
      const after = getDeliverableSummary();
      expect(after).not.toBe(before);
      const countOf = (s: typeof before, status: string) => s.byPillarAndStatus.filter((r) => r.status === status).reduce((n, r) => n + r.count, 0);
      expect(countOf(after, 'completed')).toBe(countOf(before, 'completed') + 1);
      expect(countOf(after, 'in_progress')).toBe(countOf(before, 'in_progress') - 1);
      other.prepare("UPDATE deliverables SET status = 'in_progress' WHERE id = ?").run(d.id);
    } finally {
      other.close();
    }
  });

  it('keeps a figure while only tables it does not read change, even from another process', () => {
    const before = listAgencySummaries();
    const other = new Database(databasePath());
    try {
      other.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('test.unread', '1', 0)").run();
      other.prepare("UPDATE sources SET title = title || ''").run();
    } finally {
      other.close();
    }
    expect(listAgencySummaries()).toBe(before);
  });

  it('keeps a deliverables figure through sign-ins, failed sign-ins and new sessions', () => {
    const summary = getDeliverableSummary();
    const pillars = getPillarSummary({});
    const user = official();
    recordSignInSuccess({ id: user.id, email: 'official.fbi@pitf.demo', agencyId: user.agencyId });
    startSession(user.id);
    recordSignInFailure('nobody@pitf.demo', 'unknown_email', null);
    expect(getDeliverableSummary()).toBe(summary);
    expect(getPillarSummary({})).toBe(pillars);
  });

  it('hands out figures nobody can change', () => {
    const summary = getDeliverableSummary();
    expect(Object.isFrozen(summary)).toBe(true);
    expect(() => {
      (summary as { total: number }).total = 0;
    }).toThrow(TypeError);
    expect(() => (summary.byPillarAndStatus as unknown[]).sort()).toThrow(TypeError);
    expect(() => {
      (summary.byPillarAndStatus[0] as { count: number }).count += 1;
    }).toThrow(TypeError);
    const agencies = listAgencySummaries();
    expect(() => (agencies as unknown[]).reverse()).toThrow(TypeError);
    expect(getDeliverableSummary().total).toBe(summary.total);
  });

  it('refuses to remember a figure over a table that has no change counter', () => {
    const remembered = untilChange(['sessions' as CountedTable], () => 1, () => 'x');
    expect(() => remembered()).toThrow(/change counter/);
  });

  it('keeps a counter and its three triggers for every table a remembered figure may name', () => {
    const names = getSqlite().prepare('SELECT name FROM table_changes ORDER BY name').pluck().all();
    const counted: readonly CountedTable[] = COUNTED_TABLES;
    expect(names).toEqual(counted);
    for (const table of counted) {
      const triggers = getSqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'table_changes_%' ORDER BY name").pluck().all(table);
      expect(triggers).toEqual([`table_changes_${table}_delete`, `table_changes_${table}_insert`, `table_changes_${table}_update`]);
    }
  });
});
