import 'server-only';
import { and, count, countDistinct, desc, eq, gte, sql } from 'drizzle-orm';
import type { Status } from '@/lib/domain';
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
    .all()
    .map((update) => ({ ...update, createdAt: update.createdAt.getTime() }));
}

/**
 * The status of the deliverable before the outer query's update: its update just before, or
 * "not started" (every deliverable begins there) when it is the first. Written with the outer
 * table's name, which the alias `p` leaves free; read from the (deliverable, time) index.
 */
const statusBefore = sql<string>`coalesce((
  SELECT p.status FROM progress_updates p
  WHERE p.deliverable_id = "progress_updates"."deliverable_id"
    AND (p.created_at < "progress_updates"."created_at" OR (p.created_at = "progress_updates"."created_at" AND p.id < "progress_updates"."id"))
  ORDER BY p.created_at DESC, p.id DESC LIMIT 1), 'not_started')`;

/** Status changes are counted up to this many; past it the page says "500 or more". */
export const STATUS_CHANGES_COUNTED = 500;

export type StatusChange = {
  id: number;
  at: number;
  from: Status;
  to: Status;
  deliverableId: number;
  deliverableTitle: string;
  agency: string;
  agencySlug: string;
  author: string | null;
};

/**
 * What changed in the deliverables since an instant: how many progress updates and on how many
 * deliverables, and the updates that changed a status (counted up to STATUS_CHANGES_COUNTED, the
 * newest `limit` listed).
 */
export function listChangesSince(since: number, limit = 25) {
  const db = getDb();
  const inWindow = gte(progressUpdates.createdAt, new Date(since));
  const changed = sql`${progressUpdates.status} <> ${statusBefore}`;
  const totals = db
    .select({ updates: count(), deliverables: countDistinct(progressUpdates.deliverableId) })
    .from(progressUpdates)
    .where(inWindow)
    .get() ?? { updates: 0, deliverables: 0 };
  const counted = db.select({ one: sql`1` }).from(progressUpdates).where(and(inWindow, changed)).limit(STATUS_CHANGES_COUNTED).as('counted');
  const statusChanges = db.select({ n: count() }).from(counted).get()?.n ?? 0;
  const items: StatusChange[] = db
    .select({
      id: progressUpdates.id,
      createdAt: progressUpdates.createdAt,
      from: statusBefore,
      to: progressUpdates.status,
      deliverableId: deliverables.id,
      deliverableTitle: deliverables.title,
      agency: agencies.abbreviation,
      agencySlug: agencies.slug,
      author: users.name,
    })
    .from(progressUpdates)
    .innerJoin(deliverables, eq(deliverables.id, progressUpdates.deliverableId))
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .leftJoin(users, eq(users.id, progressUpdates.authorId))
    .where(and(inWindow, changed))
    .orderBy(desc(progressUpdates.createdAt), desc(progressUpdates.id))
    .limit(limit)
    .all()
    .map(({ createdAt, from, to, ...row }) => ({ ...row, at: createdAt.getTime(), from: from as Status, to: to as Status }));
  return { since, ...totals, statusChanges, items };
}
