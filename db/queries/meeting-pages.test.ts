import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { listLatestUpdates } from './briefing';
import { listCommitmentChoices } from './meeting-options';
import { listMeetings } from './meetings';
import { todayIso } from '@/lib/dates';

const db = getDb();
const idByKey = (key: string) => db.select({ id: t.deliverables.id }).from(t.deliverables).where(eq(t.deliverables.key, key)).get()!.id;

describe('reads for the meeting pages', () => {
  it('lists upcoming meetings soonest first and past ones newest first, a page at a time, together every meeting once', () => {
    const today = todayIso();
    const all = listMeetings({ page: 1, pageSize: 200 }, today);
    const upcoming = listMeetings({ timing: 'upcoming', page: 1, pageSize: 200 }, today);
    const past = listMeetings({ timing: 'past', page: 1, pageSize: 200 }, today);
    expect(upcoming.total).toBeGreaterThan(0);
    expect(past.total).toBeGreaterThan(1);
    expect(upcoming.total + past.total).toBe(all.total);
    expect([...upcoming.items, ...past.items].map((m) => m.id).sort()).toEqual(all.items.map((m) => m.id).sort());
    expect(upcoming.items.every((m) => m.status === 'planned' && m.date >= today)).toBe(true);
    expect(upcoming.items.map((m) => m.date)).toEqual(upcoming.items.map((m) => m.date).sort());
    expect(past.items.map((m) => m.date)).toEqual(past.items.map((m) => m.date).sort().reverse());

    const second = listMeetings({ timing: 'past', page: 2, pageSize: 1 }, today);
    expect(second).toMatchObject({ total: past.total, page: 2, pageSize: 1 });
    expect(second.items.map((m) => m.id)).toEqual([past.items[1]!.id]);
  });

  it('names the chosen commitments with their lead agencies, by agency short name then title, and nothing for none', () => {
    const ids = [idByKey('2023-dos-procurement'), idByKey('2022-dhs-victim-centered-approach')];
    const choices = listCommitmentChoices(ids);
    expect(choices.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(choices.map((c) => c.agency)).toEqual(['DHS', 'State']);
    for (const c of choices) expect(c.title.length).toBeGreaterThan(0);
    expect(listCommitmentChoices([])).toEqual([]);
  });

  it('gives the latest update of each deliverable asked for, and none for one never updated or not asked for', () => {
    const dhs = db
      .select({ id: t.deliverables.id })
      .from(t.deliverables)
      .innerJoin(t.agencies, eq(t.agencies.id, t.deliverables.leadAgencyId))
      .where(eq(t.agencies.slug, 'dhs'))
      .all();
    const latest = listLatestUpdates(dhs.map((d) => d.id));
    const id = idByKey('2022-dhs-victim-centered-approach');
    const history = db
      .select({ id: t.progressUpdates.id, createdAt: t.progressUpdates.createdAt, note: t.progressUpdates.note, reason: t.progressUpdates.reason })
      .from(t.progressUpdates)
      .where(eq(t.progressUpdates.deliverableId, id))
      .all()
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    // The demo seeds two updates here, so choosing the latest one matters.
    expect(history.length).toBeGreaterThan(1);
    const newest = history[0]!;
    expect(latest.get(id)).toEqual({ note: newest.note, reason: newest.reason, createdAt: newest.createdAt.getTime() });
    const neverUpdated = dhs.filter((d) => !db.select().from(t.progressUpdates).where(eq(t.progressUpdates.deliverableId, d.id)).get());
    expect(neverUpdated.length).toBeGreaterThan(0);
    for (const d of neverUpdated) expect(latest.has(d.id)).toBe(false);
    expect(latest.has(idByKey('2023-dos-procurement'))).toBe(false);
  });
});
