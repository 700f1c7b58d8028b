import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { addProgressUpdate, createDeliverable } from './deliverable-writes';
import { getCompletionSeries, getPillarSummary } from './pillars';
import { getSessionUser } from './users';
import { untilChange } from './until-change';

const db = getDb();
const official = () => getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, 'official.fbi@pitf.demo')).get()!.id)!;

describe('aggregates remembered until the data changes', () => {
  it('answers again from memory while nothing changed', () => {
    let computed = 0;
    const square = untilChange((n: number) => {
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
});
