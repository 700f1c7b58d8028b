/**
 * The product's vocabularies. The database holds the same lists as CHECK constraints
 * (db/schema.ts): change both together, with a migration.
 */
export const ROLES = ['official', 'chair', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  official: 'Agency official',
  chair: 'Chair staff',
  viewer: 'Viewer',
  admin: 'Administrator',
};

export const PILLARS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
export type PillarSlug = (typeof PILLARS)[number];

export const PILLAR_LABELS: Record<PillarSlug, string> = {
  prevention: 'Prevention',
  protection: 'Protection',
  prosecution: 'Prosecution',
  partnership: 'Partnership',
};

export const STATUSES = ['not_started', 'in_progress', 'at_risk', 'blocked', 'completed'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Deliverable lists, always by lead agency first, then: by pillar and id (the default); most
 * recently updated first; or most in need of attention first (blocked, at risk, the rest still
 * open, completed last; overdue first within each, then the longest without an update).
 */
export const DELIVERABLE_SORTS = ['agency', 'recent', 'concern'] as const;
export type DeliverableSort = (typeof DELIVERABLE_SORTS)[number];

export const STATUS_LABELS: Record<Status, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  at_risk: 'At risk',
  blocked: 'Blocked',
  completed: 'Completed',
};

/**
 * A deliverable withdrawn by its agency keeps its history but leaves every count, chart, board
 * column and readiness figure until it is reinstated. It is a state of the record, not one of the
 * statuses above: those are what the task force counts.
 */
export const WITHDRAWN = 'withdrawn';
export const DELIVERABLE_STATES = [...STATUSES, WITHDRAWN] as const;
export type DeliverableState = (typeof DELIVERABLE_STATES)[number];
export const DELIVERABLE_STATE_LABELS: Record<DeliverableState, string> = { ...STATUS_LABELS, withdrawn: 'Withdrawn' };

/** An administrator may delete a deliverable created by mistake only this soon after its creation. */
export const DELETE_WITHIN_HOURS = 24;

/** Statuses that need a written reason, wherever they are set. */
export const STATUSES_NEEDING_REASON: readonly Status[] = ['at_risk', 'blocked'];

export const MEETING_KINDS = ['cabinet', 'spog', 'working_group'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The public documents drafted for a meeting from the record: the fact sheet and the chair's statement. */
export const MEETING_DOCUMENT_KINDS = ['fact_sheet', 'chair_statement'] as const;
export type MeetingDocumentKind = (typeof MEETING_DOCUMENT_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  cabinet: 'Cabinet-level PITF meeting',
  spog: 'Senior Policy Operating Group',
  working_group: 'Working group',
};

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' };

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/**
 * A report's status in words, the same on the agency's page, the meeting's report panel and the
 * briefing book (a report not begun has no state: reportStateLabel says "Not started").
 */
export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: 'Draft, not yet submitted',
  submitted: 'Submitted, awaiting the chair’s review',
  returned: 'Returned to the agency',
  approved: 'Approved',
};

export function reportStateLabel(state: ReportState | null): string {
  return state ? REPORT_STATE_LABELS[state] : 'Not started';
}

export const INDICATOR_UNITS = ['people', 'cases', 'usd', 'percent', 'agencies', 'actions'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const AGE_GROUPS = ['adult', 'child'] as const;
export const TRAFFICKING_TYPES = ['labor', 'sex', 'both', 'unknown'] as const;
/** How a figure the source does not give exactly is worded: "over 60", "nearly 27.6 million", "about $15 million". */
export const VALUE_QUALIFIERS = ['over', 'nearly', 'about'] as const;
export type ValueQualifier = (typeof VALUE_QUALIFIERS)[number];

/** A deliverable with no progress update for this long shows as stale wherever it appears. */
export const STALE_AFTER_DAYS = 90;
/** A meeting's reporting cutoff defaults to this many days before it. */
export const DEFAULT_CUTOFF_DAYS = 14;

/**
 * What the app tells people about, by e-mail and in the app (lib/notifications.ts has who gets
 * which). `digest` is the daily e-mail that gathers what a person chose to receive once a day.
 */
export const NOTIFICATION_KINDS = [
  'reminder',
  'report_returned',
  'report_approved',
  'meeting_planned',
  'cutoff_approaching',
  'report_submitted',
  'readiness_digest',
  'meeting_changed',
  'digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a person wants one kind of notification e-mailed: at once, in the daily digest, or not at all. */
export const NOTIFICATION_DELIVERIES = ['immediate', 'digest', 'off'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/**
 * Where an e-mail stands in the outbox. `pending` waits for the delivery worker (or, with no mail
 * server configured, is kept for administrators to read); `sending` is claimed by one worker;
 * `held_for_digest` waits for the daily digest and becomes `in_digest` once gathered into one;
 * `not_emailed` is shown in the app only, as the person chose.
 */
export const EMAIL_STATES = ['pending', 'sending', 'sent', 'failed', 'held_for_digest', 'in_digest', 'not_emailed'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/** An agency's readiness for a meeting, from the state of its report (readinessOf in db/queries/readiness.ts). */
export const READINESS = ['ready', 'awaiting_review', 'in_progress', 'not_started'] as const;
export type Readiness = (typeof READINESS)[number];

export const READINESS_LABELS: Record<Readiness, string> = {
  ready: 'Ready',
  awaiting_review: 'Awaiting review',
  in_progress: 'In progress',
  not_started: 'Not started',
};

/** An agency's readiness from its report's state (none yet: not started). */
export function readinessOf(state: string | null): Readiness {
  switch (state as ReportState | null) {
    case 'approved':
      return 'ready';
    case 'submitted':
      return 'awaiting_review';
    case 'draft':
    case 'returned':
      return 'in_progress';
    default:
      return 'not_started';
  }
}

/** How a session ended before its time (stored with the session). */
export type SessionEndReason = 'signed_out' | 'deactivated' | 'account_changed' | 'password_changed' | 'password_reset' | 'passkeys_reset';

/** Why a session no longer stands; the sign-in page explains each one (lib/session-messages.ts). */
export type SessionProblem = 'idle' | 'expired' | SessionEndReason | 'unknown';

/**
 * When a meeting's readiness is kept: at its reporting cutoff (the day after it, by the scheduled
 * pass) and at the meeting itself (when it is marked held).
 */
export const SNAPSHOT_MOMENTS = ['cutoff', 'meeting'] as const;
export type SnapshotMoment = (typeof SNAPSHOT_MOMENTS)[number];
