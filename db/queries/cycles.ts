/**
 * A meeting's reporting cycle: it starts at the previous held meeting of the same kind (or, for
 * the first of its kind, when the meeting was created). Readiness, report submission and the
 * deliverables list's "holding up" filter all read it from here.
 */
import 'server-only';
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { meetings } from '../schema';

/** A meeting day's instant: its cycle's start, or end once it is held. */
export const middayUtc = (isoDate: string) => Date.parse(`${isoDate}T12:00:00Z`);

/** The meeting, the previous held meeting of its kind, and when its reporting cycle began (ms). */
export function getCycle(db: DbOrTx, meetingId: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return null;
  const previous =
    db
      .select({ id: meetings.id, title: meetings.title, date: meetings.date, datePrecision: meetings.datePrecision })
      .from(meetings)
      .where(and(eq(meetings.kind, meeting.kind), eq(meetings.status, 'held'), lt(meetings.date, meeting.date), ne(meetings.id, meeting.id)))
      .orderBy(desc(meetings.date))
      .limit(1)
      .get() ?? null;
  const cycleStart = previous ? middayUtc(previous.date) : meeting.createdAt.getTime();
  return { meeting, previous, cycleStart };
}
