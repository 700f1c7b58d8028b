/**
 * How an audit event reads to a person: the action in words, what it was about, and the change
 * field by field. Pure, so the page and its tests share it. An action or field not listed here
 * still reads sensibly (its name with the punctuation taken out); add a label when one is added.
 */
import { todayIso } from './dates';
import { STATUS_LABELS, type Status } from './domain';
import { measureSummary, type Measure } from './measures';

const ACTION_LABELS: Record<string, string> = {
  'sign_in.success': 'signed in',
  'sign_in.failure': 'sign-in failed',
  'sign_in.locked': 'sign-in failed, account locked',
  'sign_in.refused': 'sign-in refused',
  'sign_in.refused.repeated': 'sign-in refused, repeated',
  'sign_in.rate_limited': 'sign-in attempts over the limit',
  'sign_in.rate_limited.repeated': 'sign-in attempts over the limit, repeated',
  'deliverable.create': 'deliverable created',
  'deliverable.update': 'details edited',
  'deliverable.progress_update': 'status or progress updated',
  'deliverable.withdraw': 'deliverable withdrawn',
  'deliverable.reinstate': 'deliverable reinstated',
  'deliverable.delete': 'deliverable deleted (created by mistake)',
  'deliverable.publishable': 'publishing in the public record changed',
  'release.publish': 'public record release published',
  'report.create': 'report drafted',
  'report.edit': 'report edited',
  'report.submit': 'report submitted',
  'report.reopen': 'report reopened (a deliverable was added)',
  'report.approve': 'report approved',
  'report.return': 'report returned',
  'reminder.send': 'reminder sent',
  'meeting.create': 'meeting planned',
  'meeting.update': 'meeting changed',
  'meeting.postpone': 'meeting postponed',
  'meeting.cancel': 'meeting cancelled',
  'meeting.readiness_kept': 'readiness at the cutoff kept',
  'meeting_document.edit': 'public document edited',
  'meeting_document.redraft': 'public document redrafted from the record',
  'observation.create': 'figure added',
  'observation.update': 'figure corrected',
  'seed.applied': 'reference data loaded',
  'passkey.register': 'passkey registered',
  'passkey.remove': 'passkey removed',
  'user.password_upgrade': 'password hash renewed at current strength',
  'user.passkeys_reset': 'passkeys reset',
  'user.passkey_enrolment_granted': 'passkey enrolment allowed',
  'sign_in.passkey_step': 'passkey used after password',
  'sign_in_policy.update': 'sign-in policy changed',
  'plan_objective.create': 'plan objective added',
  'plan_objective.update': 'plan objective edited',
  'plan_objective.retire': 'plan objective retired',
  'plan_objective.restore': 'plan objective restored',
  'priority_action.create': 'priority action added',
  'priority_action.update': 'priority action edited',
  'priority_action.retire': 'priority action retired',
  'priority_action.restore': 'priority action restored',
  denied: 'refused',
  'denied.repeated': 'refused, repeated',
  unauthenticated: 'refused, not signed in',
  'unauthenticated.repeated': 'refused, not signed in, repeated',
  rate_limited: 'requests over the limit',
  'rate_limited.repeated': 'requests over the limit, repeated',
};

const ENTITY_LABELS: Record<string, string> = {
  deliverable: 'deliverable',
  meeting: 'meeting',
  agency_report: 'agency report',
  meeting_document: 'meeting document',
  reminder: 'reminder',
  observation: 'statistic',
  user: 'user',
  request: 'request',
  database: 'database',
  setting: 'setting',
  plan_objective: 'plan objective',
  priority_action: 'priority action',
  release: 'public record release',
};

const FIELD_LABELS: Record<string, string> = {
  statusReason: 'reason',
  leadAgencyId: 'lead agency (id)',
  pillarId: 'pillar (id)',
  announcedAtMeetingId: 'announced at (meeting id)',
  napActionId: 'NAP action (id)',
  napAction: 'NAP action',
  objectiveId: 'plan objective (id)',
  objectiveBySecretariat: 'objective chosen by the secretariat',
  sourceId: 'source (id)',
  sourcePage: 'source page',
  dueOn: 'due date',
  fundingUsd: 'funding (USD)',
  updateId: 'update id',
  measureLabel: 'what is counted',
  measureUnit: 'unit of the count',
  measureTarget: 'target',
  measureActual: 'count so far',
};

/** A table's own entry for a name from the database or a caller; `constructor` is only a name. */
const own = (table: Record<string, string>, key: string): string | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._]+/g, ' ')
    .toLowerCase()
    .trim();

/** The action as a label for the filter's choices. */
export function actionLabel(action: string): string {
  return own(ACTION_LABELS, action) ?? words(action);
}

/** The action as this event's row says it: a progress update that moved the status says so. */
export function describeAction(action: string, before: unknown, after: unknown): string {
  if (action === 'deliverable.progress_update') {
    const from = asRecord(before)?.status;
    const to = asRecord(after)?.status;
    return from !== undefined && to !== undefined && from !== to ? 'status changed' : 'progress updated';
  }
  return actionLabel(action);
}

export function entityLabel(entity: string): string {
  return own(ENTITY_LABELS, entity) ?? words(entity);
}

/** Where the entity can be seen in the app, when it has a page. */
export function entityHref(entity: string, entityId: string | null): string | null {
  if (!entityId || !/^\d+$/.test(entityId)) return null;
  if (entity === 'deliverable') return `/deliverables/${entityId}`;
  if (entity === 'meeting') return `/meetings/${entityId}`;
  if (entity === 'release') return `/public/releases/${entityId}`;
  return null;
}

export type ChangeLine = { field: string; before?: string; after: string };

/** Long texts are cut here; the CSV export carries them whole. */
const MAX_VALUE_LENGTH = 240;

/**
 * The change field by field. An update lists each field that differs as before → after (and
 * fields only in after, such as the note of a progress update, as their value); a creation, a
 * refusal or a sign-in lists the values recorded (those left empty are not listed).
 */
export function changeLines(before: unknown, after: unknown): ChangeLine[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!a && !b) return [];
  if (!a) return [{ field: 'value', after: formatValue('value', before) }];
  if (!b) {
    if (after !== null && typeof after === 'object' && !Array.isArray(after)) {
      return Object.entries(a)
        .filter(([, value]) => !isEmpty(value))
        .map(([key, value]) => ({ field: fieldLabel(key), after: formatValue(key, value) }));
    }
    return [{ field: 'value', after: formatValue('value', after) }];
  }
  const lines: ChangeLine[] = [];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(b, key)) {
      if (!isEmpty(a[key])) lines.push({ field: fieldLabel(key), after: formatValue(key, a[key]) });
      continue;
    }
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    lines.push({ field: fieldLabel(key), before: formatValue(key, b[key]), after: formatValue(key, a[key]) });
  }
  return lines;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

function fieldLabel(key: string): string {
  return own(FIELD_LABELS, key) ?? words(key);
}

function isMeasure(value: unknown): value is Measure {
  const m = asRecord(value);
  return m !== null && typeof m.label === 'string' && typeof m.target === 'number' && typeof m.actual === 'number';
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (key === 'status' && typeof value === 'string' && Object.hasOwn(STATUS_LABELS, value)) return STATUS_LABELS[value as Status];
  if (key === 'progress' && typeof value === 'number') return `${value}%`;
  if (key === 'measure' && isMeasure(value)) return measureSummary(value);
  const text = Array.isArray(value)
    ? value.length
      ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')
      : '(none)'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * The export's file name: the days it covers, as the reader counted them (in `tz`). A range open at
 * its end runs to today there; one open at its start says "until".
 */
export function auditExportFileName(f: { from?: string; to?: string; tz: string }, now = new Date()): string {
  const today = todayIso(now, f.tz);
  if (f.from && f.to) return f.from === f.to ? `audit-${f.from}.csv` : `audit-${f.from}-to-${f.to}.csv`;
  if (f.from) return f.from === today ? `audit-${today}.csv` : `audit-${f.from}-to-${today}.csv`;
  return `audit-until-${f.to ?? today}.csv`;
}
