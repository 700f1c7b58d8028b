/**
 * Deliverables as the data layer returns them and the pages and endpoints hand on. Written out
 * here, not inferred from the queries, so that the browser's code depends on this file and never
 * on db/. The data layer declares its results with these types, so the two cannot drift apart.
 */
import type { DeliverableState, PillarSlug, Status } from '@/lib/domain';
import type { Measure } from '@/lib/measures';
import type { DeliverableObjective } from './plan';

export type { Measure };

type AgencyName = { slug: string; name: string; abbreviation: string };

/** One row of a deliverable list or a board column; instants are epoch milliseconds. */
export type DeliverableListItem = {
  id: number;
  title: string;
  status: DeliverableState;
  progress: number;
  dueOn: string | null;
  fundingUsd: number | null;
  /** What it counts toward its target, when it has a measure; its progress then follows the count. */
  measure: Measure | null;
  pillar: PillarSlug;
  leadAgency: string;
  leadAgencyAbbreviation: string;
  announcedAtMeetingId: number | null;
  napAction: string | null;
  statusReason: string | null;
  lastUpdateAt: number | null;
  stale: boolean;
  overdue: boolean;
  version: number;
};

export type DeliverableList = { items: DeliverableListItem[]; total: number; page: number; pageSize: number };

/** One deliverable with everything its page shows; instants are epoch milliseconds. */
export type DeliverableDetail = {
  id: number;
  title: string;
  description: string;
  status: DeliverableState;
  progress: number;
  statusReason: string | null;
  dueOn: string | null;
  fundingUsd: number | null;
  /** What it counts toward its target, when it has a measure; its progress then follows the count. */
  measure: Measure | null;
  lastUpdateAt: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  isDemo: boolean;
  stale: boolean;
  overdue: boolean;
  leadAgencyId: number;
  leadAgency: AgencyName;
  pillar: PillarSlug;
  napAction: { code: string; title: string } | null;
  /** The plan objective it serves; null when not yet mapped. */
  objective: DeliverableObjective | null;
  /** The secretariat chose the objective by judgement rather than from what a document says. */
  objectiveBySecretariat: boolean;
  announcedAt: { id: number; title: string; date: string; datePrecision: string } | null;
  source: { title: string; url: string; publishedOn: string | null; publisher: string } | null;
  supportingAgencies: AgencyName[];
};

/** A deliverable chosen as a commitment announced at a meeting, as the meeting form lists it. */
export type CommitmentChoice = { id: number; title: string; agency: string };

/** How many deliverables of a pillar stand at a status (the pillar figures and their tables). */
export type StatusByPillar = { pillar: PillarSlug; status: Status; count: number };

/**
 * One entry of a deliverable's update history; `measureActual` is the count after it, when measured.
 * `createdAt` is epoch milliseconds.
 */
export type ProgressUpdateItem = {
  id: number;
  createdAt: number;
  status: DeliverableState;
  progress: number;
  measureActual: number | null;
  note: string;
  reason: string | null;
  isDemo: boolean;
  author: { name: string; email: string } | null;
};

/** POST /api/deliverables/:id/updates: the update as saved and the deliverable's new version. */
export type ProgressUpdateSaved = { update: { id: number; status: Status; progress: number }; version: number };

/** POST /api/agencies/:slug/import with mode `commit`: how many deliverables were created, and their ids. */
export type ImportCommitted = { count: number; ids: number[] };
