/**
 * Meetings and agencies' reports as the data layer returns them and the pages and endpoints hand
 * on, written out so that the browser's code depends on this file and never on db/. The data layer
 * declares its results with these types. Instants are epoch milliseconds, as JSON delivers them.
 */
import type { MeetingKind, MeetingStatus, PillarSlug, Readiness, ReportState, SnapshotMoment, Status } from '@/lib/domain';

/** One meeting with its agenda, the awards presented and the deliverables announced at it (ids). */
export type MeetingDetail = {
  id: number;
  kind: MeetingKind;
  title: string;
  date: string;
  datePrecision: string;
  chair: string | null;
  location: string | null;
  status: MeetingStatus;
  reportingCutoff: string | null;
  summary: string | null;
  /** Why it was cancelled (status `cancelled`). */
  cancelledReason: string | null;
  /** The date first planned, when it has been postponed since. */
  postponedFrom: string | null;
  isDemo: boolean;
  version: number;
  source: { title: string; url: string; publishedOn: string | null } | null;
  agenda: { position: number; title: string; presenter: string | null }[];
  awards: { id: number; awardYear: number; recipient: string; kind: string; reason: string | null }[];
  commitments: number[];
};

/** A deliverable holding up an agency's report, with what it lacks. */
export type SubmissionGap = { deliverableId: number; title: string; problem: 'no_update_this_cycle' | 'no_reason' };

/** An agency's report for a meeting (or the empty draft it would start as), its history and what holds it up. */
export type AgencyReportView = {
  meeting: { id: number; title: string; status: string };
  agency: { id: number; slug: string; name: string };
  statement: string;
  state: ReportState | null;
  reviewerComment: string | null;
  version: number;
  /** Instants (here and in the history) are epoch milliseconds. */
  submittedAt: number | null;
  reviewedAt: number | null;
  history: { fromState: string | null; toState: string; comment: string | null; at: number; actor: string | null }[];
  gaps: SubmissionGap[];
  gapCounts: { deliverables: number; noUpdateThisCycle: number; noReason: number };
};

/** A chair's reminder an agency's officials still need to see (its report is not yet submitted). */
export type OpenReminder = {
  id: number;
  message: string;
  /** Epoch milliseconds. */
  sentAt: number;
  sentBy: string | null;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  reportingCutoff: string | null;
};

/** One member agency's readiness for a meeting and the counts behind it. */
export type AgencyReadiness = {
  agencyId: number;
  slug: string;
  name: string;
  abbreviation: string;
  readiness: Readiness;
  reportState: ReportState | null;
  open: number;
  missingUpdate: number;
  withoutReason: number;
  atRiskOrBlocked: number;
  overdue: number;
  stale: number;
};

/** Readiness kept at a meeting's cutoff or at the meeting itself (`takenAt` in epoch ms), never recomputed. */
export type ReadinessSnapshot = {
  moment: SnapshotMoment;
  takenAt: number;
  agencies: AgencyReadiness[];
  counts: Record<Readiness, number>;
  shareReady: number;
};

/** The deliverables announced at a meeting, with their status now: counted by status, the first listed by pillar, agency and title. */
export type MeetingCommitments = {
  total: number;
  byStatus: Record<Status, number>;
  /** Withdrawn by their agencies since: neither counted nor listed. */
  withdrawn: number;
  commitments: {
    id: number;
    title: string;
    status: Status;
    progress: number;
    dueOn: string | null;
    pillar: PillarSlug;
    agency: string;
    agencySlug: string;
  }[];
};

/** POST /api/meetings/:id/reminders: the agencies reminded, by slug. */
export type RemindersSent = { reminded: string[] };

/** One commitment of the accountability ledger: announced at the previous meeting, with its status now. */
export type LedgerCommitment = {
  id: number;
  title: string;
  status: string;
  progress: number;
  dueOn: string | null;
  statusReason: string | null;
  agency: string;
  agencySlug: string;
};
