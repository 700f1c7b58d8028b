/**
 * What the meeting form shows of the deliverables chosen as commitments announced at a meeting:
 * their titles and lead agencies. Finding more goes through the deliverable list's search.
 */
import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { CommitmentChoice } from '@/lib/contracts/deliverables';
import { getDb } from '../index';
import { agencies, deliverables } from '../schema';



/** These deliverables' titles and lead agencies' short names, by short name then title (as the form lists them). */
export function listCommitmentChoices(ids: number[]): CommitmentChoice[] {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: deliverables.id, title: deliverables.title, agency: agencies.abbreviation })
    .from(deliverables)
    .innerJoin(agencies, eq(agencies.id, deliverables.leadAgencyId))
    .where(inArray(deliverables.id, ids))
    .orderBy(asc(agencies.abbreviation), asc(deliverables.title), asc(deliverables.id))
    .all();
}
