/**
 * Who is told what, and what each person may choose about it. The data layer writes notifications
 * by these rules (db/queries/notifications.ts); the account page offers the same choices.
 */
import type { EmailState, NotificationDelivery, NotificationKind, Role } from './domain';

type KindRule = {
  label: string;
  /** What the person is told about, in the words of the preferences page. */
  description: string;
  roles: readonly Role[];
  /** Cannot be switched off (only moved to the daily digest) by these roles. */
  required?: readonly Role[];
  /** Itself a daily message: offered only as on or off. */
  daily?: boolean;
};

export const NOTIFICATION_RULES: Record<Exclude<NotificationKind, 'digest'>, KindRule> = {
  reminder: {
    label: 'Reminders from the chair',
    description: 'The chair’s staff remind your agency to report for a meeting.',
    roles: ['official'],
    required: ['official'],
  },
  report_returned: {
    label: 'Report returned',
    description: 'The chair’s staff return your agency’s report with a comment.',
    roles: ['official'],
    required: ['official'],
  },
  report_approved: {
    label: 'Report approved',
    description: 'The chair’s staff approve your agency’s report.',
    roles: ['official'],
  },
  meeting_planned: {
    label: 'New meetings',
    description: 'A meeting is planned, with the cutoff for your agency’s report.',
    roles: ['official'],
  },
  cutoff_approaching: {
    label: 'Cutoff approaching',
    description: '14, 7 and 1 days before a reporting cutoff, while your agency’s report is not submitted.',
    roles: ['official'],
  },
  report_submitted: {
    label: 'Reports submitted or reopened',
    description: 'An agency submits its report for review, or a submitted or approved report is reopened because the agency added a deliverable.',
    roles: ['chair'],
  },
  readiness_digest: {
    label: 'Daily readiness digest',
    description: 'On working days, what changed in agencies’ readiness since the last digest (only when something did).',
    roles: ['chair'],
    daily: true,
  },
  meeting_changed: {
    label: 'Meetings moved, postponed or cancelled',
    description: 'A planned meeting’s date or reporting cutoff changes, or the meeting is cancelled.',
    roles: ['official', 'chair', 'viewer', 'admin'],
  },
};

export type ChoosableKind = keyof typeof NOTIFICATION_RULES;

export const CHOOSABLE_KINDS = Object.keys(NOTIFICATION_RULES) as ChoosableKind[];

/** The kinds a role receives, in the order the preferences page lists them. */
export function kindsFor(role: Role): ChoosableKind[] {
  return CHOOSABLE_KINDS.filter((kind) => NOTIFICATION_RULES[kind].roles.includes(role));
}

/** The deliveries a role may choose for a kind. */
export function deliveriesFor(role: Role, kind: ChoosableKind): NotificationDelivery[] {
  const rule = NOTIFICATION_RULES[kind];
  if (rule.daily) return ['immediate', 'off'];
  if (rule.required?.includes(role)) return ['immediate', 'digest'];
  return ['immediate', 'digest', 'off'];
}

export const DELIVERY_LABELS: Record<NotificationDelivery, string> = {
  immediate: 'E-mail at once',
  digest: 'In the daily digest',
  off: 'Not by e-mail',
};

/** Days before a reporting cutoff at which officials are told, each once per cutoff. */
export const CUTOFF_THRESHOLDS = [14, 7, 1] as const;

/**
 * The threshold a cutoff `daysLeft` away has reached: the nearest one not yet passed, so a meeting
 * planned 5 days before its cutoff sends the 7-day notice once and then the 1-day one. Null when
 * the cutoff is further away than the first threshold or already past.
 */
export function cutoffThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  let reached: number | null = null;
  for (const t of CUTOFF_THRESHOLDS) if (daysLeft <= t) reached = t;
  return reached;
}

export const NOTIFICATION_PAGE_SIZE = 25;

export const EMAIL_STATE_LABELS: Record<EmailState, string> = {
  pending: 'Waiting to be sent',
  sending: 'Being sent',
  sent: 'Sent',
  failed: 'Failed',
  held_for_digest: 'Held for the daily digest',
  in_digest: 'Sent in a digest',
  not_emailed: 'Not e-mailed (in the app only)',
};
