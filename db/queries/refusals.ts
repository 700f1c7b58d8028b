import 'server-only';
import { eq, lte } from 'drizzle-orm';
import { getDb, type Tx } from '../index';
import { refusalTallies } from '../schema';
import { recordAudit, type Actor } from './audit';

/** Identical refusals within this long of the first are counted, not written one by one. */
export const REFUSAL_WINDOW_MS = 10 * 60_000;

export type RefusalEvent = {
  actor: Actor;
  /** `denied` (403), `unauthenticated` (401), `rate_limited` (429), `sign_in.refused`, … */
  action: string;
  entity: string;
  entityId: string | null;
  agencyId: number | null;
  after: Record<string, unknown>;
};

export type RefusalOutcome = 'recorded' | 'counted';

/**
 * A refusal is part of the record, but a caller repeating the same refused request must not be
 * able to write without limit. The first refusal with this `key` (who, what, why) is audited at
 * once; identical ones in the next REFUSAL_WINDOW_MS are only counted, and their count is written
 * as one `<action>.repeated` event when the window has passed (on the next refusal with the key,
 * or by flushRefusalTallies on the server's schedule).
 */
export function recordRefusal(key: string, event: RefusalEvent, now = Date.now()): RefusalOutcome {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(refusalTallies).where(eq(refusalTallies.key, key)).get();
      if (row && now - row.windowStartedAt.getTime() < REFUSAL_WINDOW_MS) {
        tx.update(refusalTallies)
          .set({ repeats: row.repeats + 1, lastAt: new Date(now) })
          .where(eq(refusalTallies.key, key))
          .run();
        return 'counted';
      }
      if (row) writeRepeats(tx, row);
      tx.insert(refusalTallies)
        .values({ key, windowStartedAt: new Date(now), repeats: 0, lastAt: new Date(now), event })
        .onConflictDoUpdate({
          target: refusalTallies.key,
          set: { windowStartedAt: new Date(now), repeats: 0, lastAt: new Date(now), event },
        })
        .run();
      recordAudit(tx, { ...event, at: new Date(now) });
      return 'recorded';
    },
    { behavior: 'immediate' },
  );
}

type TallyRow = typeof refusalTallies.$inferSelect;

function writeRepeats(tx: Tx, row: TallyRow): void {
  if (row.repeats === 0) return;
  const event = row.event as RefusalEvent;
  recordAudit(tx, {
    ...event,
    action: `${event.action}.repeated`,
    after: { ...event.after, repeats: row.repeats, from: row.windowStartedAt.getTime(), until: row.lastAt.getTime() },
    at: row.lastAt,
  });
}

/** Writes the count of every window that has passed and forgets it. Returns the events written. */
export function flushRefusalTallies(now = Date.now()): number {
  return getDb().transaction(
    (tx) => {
      const due = tx
        .select()
        .from(refusalTallies)
        .where(lte(refusalTallies.windowStartedAt, new Date(now - REFUSAL_WINDOW_MS)))
        .all();
      let written = 0;
      for (const row of due) {
        if (row.repeats > 0) written++;
        writeRepeats(tx, row);
        tx.delete(refusalTallies).where(eq(refusalTallies.key, row.key)).run();
      }
      return written;
    },
    { behavior: 'immediate' },
  );
}
