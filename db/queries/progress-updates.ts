import { desc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { agencies, deliverables, progressUpdates, users } from '../schema';

/** The most recent progress updates across all agencies, newest first. */
export function listRecentUpdates(limit = 8) {
  return getDb()
    .select({
      id: progressUpdates.id,
      createdAt: progressUpdates.createdAt,
      status: progressUpdates.status,
      progress: progressUpdates.progress,
      note: progressUpdates.note,
      deliverableId: deliverables.id,
      deliverableTitle: deliverables.title,
      agency: agencies.abbreviation,
      author: users.name,
    })
    .from(progressUpdates)
    .innerJoin(deliverables, eq(deliverables.id, progressUpdates.deliverableId))
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .limit(limit)
    .all();
}
