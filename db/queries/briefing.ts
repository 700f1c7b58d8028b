/**
 * Reads only the briefing book needs that the other query modules do not give: the latest
 * progress update of each deliverable it lists (the lists show status and progress, the briefing
 * also quotes the note).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { deliverables, progressUpdates } from '../schema';

export type LatestUpdate = { note: string; reason: string | null; createdAt: number };

/**
 * The latest update of each of these deliverables, keyed by deliverable id; none for one never
 * updated. One query; each lookup walks the (deliverable, time) index backwards, so it stays fast
 * with long histories.
 */
export function listLatestUpdates(deliverableIds: number[]): Map<number, LatestUpdate> {
  if (deliverableIds.length === 0) return new Map();
  const latestId = sql`(SELECT ${progressUpdates.id} FROM ${progressUpdates} WHERE ${progressUpdates.deliverableId} = ${deliverables.id} ORDER BY ${progressUpdates.createdAt} DESC, ${progressUpdates.id} DESC LIMIT 1)`;
  const rows = getDb()
    .select({
      deliverableId: deliverables.id,
      note: progressUpdates.note,
      reason: progressUpdates.reason,
      createdAt: progressUpdates.createdAt,
    })
    .from(deliverables)
    .innerJoin(progressUpdates, eq(progressUpdates.id, latestId))
    .where(inArray(deliverables.id, deliverableIds))
    .all();
  return new Map(rows.map((r) => [r.deliverableId, { note: r.note, reason: r.reason, createdAt: r.createdAt.getTime() }]));
}
