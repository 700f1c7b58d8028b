/**
 * Choices the meeting form offers: every deliverable as a possible commitment announced at the
 * meeting, grouped by lead agency. One query; the groups keep the agencies' alphabetical order.
 */
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { agencies, deliverables } from '../schema';

export type CommitmentOptionGroup = {
  agency: { slug: string; name: string };
  deliverables: { id: number; title: string }[];
};

export function listCommitmentOptions(): CommitmentOptionGroup[] {
  const rows = getDb()
    .select({ id: deliverables.id, title: deliverables.title, slug: agencies.slug, name: agencies.name })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .orderBy(asc(agencies.name), asc(deliverables.title), asc(deliverables.id))
    .all();
  const groups: CommitmentOptionGroup[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (group?.agency.slug !== row.slug) {
      group = { agency: { slug: row.slug, name: row.name }, deliverables: [] };
      groups.push(group);
    }
    group.deliverables.push({ id: row.id, title: row.title });
  }
  return groups;
}
