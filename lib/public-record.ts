/**
 * The public record: what a release freezes, and the only thing the public pages (/public) read.
 *
 * The snapshot's shape is defined once here. db/queries/releases.ts builds it from the publishable,
 * non-withdrawn deliverables, reading only these fields; the public pages, the CSV and the JSON
 * downloads parse it back with the same schema. Anything not listed here (reasons, update notes,
 * reports, readiness, reminders, people) never enters a release. To publish another field: add it
 * here, then read it in buildSnapshot; releases already published keep what they had.
 */
import { z } from 'zod';
import { PILLARS, STATUSES, type Status } from './domain';

const agencyRef = z.object({ name: z.string(), abbreviation: z.string(), slug: z.string() });

const publicDeliverable = z.object({
  id: z.number().int(),
  title: z.string(),
  pillar: z.enum(PILLARS),
  /** The plan objective's id within this snapshot's `objectives`, or null when it serves none. */
  objectiveId: z.number().int().nullable(),
  leadAgency: agencyRef,
  supportingAgencies: z.array(agencyRef),
  status: z.enum(STATUSES),
  progress: z.number().int().min(0).max(100),
  measure: z.object({ label: z.string(), unit: z.string().nullable(), target: z.number(), actual: z.number() }).nullable(),
  dueOn: z.string().nullable(),
  announcedAt: z.object({ title: z.string(), date: z.string() }).nullable(),
  source: z.object({ title: z.string(), publisher: z.string(), date: z.string().nullable(), url: z.string() }).nullable(),
});
export type PublicDeliverable = z.infer<typeof publicDeliverable>;

export const releaseSnapshotSchema = z.object({
  plan: z.object({ title: z.string(), adoptedOn: z.string(), source: z.object({ title: z.string(), url: z.string() }).nullable() }).nullable(),
  pillars: z.array(z.object({ slug: z.enum(PILLARS), name: z.string(), longName: z.string() })),
  /** Objectives are unnumbered: shown by title, in the plan's display order. */
  objectives: z.array(z.object({ id: z.number().int(), pillar: z.enum(PILLARS), title: z.string() })),
  deliverables: z.array(publicDeliverable),
});
export type ReleaseSnapshot = z.infer<typeof releaseSnapshotSchema>;

/** A release as the public pages know it. */
export type PublicRelease = {
  number: number;
  asOf: string;
  publishedAt: number;
  note: string;
  snapshot: ReleaseSnapshot;
};

/** A release in a list: no snapshot. */
export type ReleaseSummary = { number: number; asOf: string; publishedAt: number; note: string; deliverableCount: number };

/** Plain-language meanings of the statuses, for the public explanation page. */
export const STATUS_EXPLANATIONS: Record<Status, string> = {
  not_started: 'The agency has committed to it but work has not begun yet.',
  in_progress: 'Work is under way and going as planned.',
  at_risk: 'Work is under way, but the agency expects it may be late or fall short.',
  blocked: 'Work cannot go forward until something outside the agency’s control changes.',
  completed: 'The agency has done what it committed to.',
};

export type StatusCounts = Record<Status, number> & { total: number; averageProgress: number };

/** How many deliverables stand at each status, and their average progress (rounded). */
export function countStatuses(items: readonly Pick<PublicDeliverable, 'status' | 'progress'>[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let progress = 0;
  for (const d of items) {
    counts[d.status] += 1;
    progress += d.progress;
  }
  return { ...counts, total: items.length, averageProgress: items.length ? Math.round(progress / items.length) : 0 };
}

/** What changed between two snapshots' deliverables: the next release's preview. */
export type ReleaseDiff = {
  added: { id: number; title: string }[];
  removed: { id: number; title: string }[];
  changed: { id: number; title: string; before: { status: Status; progress: number }; after: { status: Status; progress: number } }[];
};

export function diffDeliverables(
  before: readonly Pick<PublicDeliverable, 'id' | 'title' | 'status' | 'progress'>[],
  after: readonly Pick<PublicDeliverable, 'id' | 'title' | 'status' | 'progress'>[],
): ReleaseDiff {
  const previous = new Map(before.map((d) => [d.id, d]));
  const next = new Map(after.map((d) => [d.id, d]));
  const diff: ReleaseDiff = { added: [], removed: [], changed: [] };
  for (const d of after) {
    const was = previous.get(d.id);
    if (!was) diff.added.push({ id: d.id, title: d.title });
    else if (was.status !== d.status || was.progress !== d.progress) {
      diff.changed.push({ id: d.id, title: d.title, before: { status: was.status, progress: was.progress }, after: { status: d.status, progress: d.progress } });
    }
  }
  for (const d of before) if (!next.has(d.id)) diff.removed.push({ id: d.id, title: d.title });
  return diff;
}
