/**
 * Reads only the briefing book needs that the other query modules do not give: the latest
 * progress update of each deliverable an agency leads (the lists show status and progress, the
 * briefing also quotes the note).
 */
import { eq, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { agencies, deliverables, progressUpdates } from '../schema';

export type LatestUpdate = { note: string; reason: string | null; createdAt: number };

/**
 * The latest update of every deliverable led by the agency, keyed by deliverable id. One query;
 * each lookup walks the (deliverable, time) index backwards, so it stays fast with long histories.
 */
export function listLatestUpdates(agencySlug: string): Map<number, LatestUpdate> {
  const latestId = sql`(SELECT ${progressUpdates.id} FROM ${progressUpdates} WHERE ${progressUpdates.deliverableId} = ${deliverables.id} ORDER BY ${progressUpdates.createdAt} DESC, ${progressUpdates.id} DESC LIMIT 1)`;
  const rows = getDb()
    .select({
      deliverableId: deliverables.id,
      note: progressUpdates.note,
      reason: progressUpdates.reason,
      createdAt: progressUpdates.createdAt,
    })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .innerJoin(progressUpdates, eq(progressUpdates.id, latestId))
    .where(eq(agencies.slug, agencySlug))
    .all();
  return new Map(rows.map((r) => [r.deliverableId, { note: r.note, reason: r.reason, createdAt: r.createdAt.getTime() }]));
}
