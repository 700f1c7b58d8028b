/**
 * The task force's record, as SQLite tables.
 *
 * How to change it: edit this file, run `npm run db:generate` to write a new migration into
 * db/migrations/, review the SQL, and commit both. Migrations are applied automatically when the
 * app or the seed opens the database (db/index.ts). Never edit a migration that has been committed.
 *
 * Conventions: instants are integer milliseconds since the epoch, UTC (`timestamp_ms`); calendar
 * dates (meeting dates, due dates, publication dates) are ISO `YYYY-MM-DD` text; money is whole US
 * dollars as integers. Status and role vocabularies live in lib/domain.ts and are enforced here
 * with CHECK constraints so that no writer can store a value the product does not know.
 */
import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  AGE_GROUPS,
  DELIVERABLE_STATES,
  EMAIL_STATES,
  INDICATOR_UNITS,
  MEETING_DOCUMENT_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  PILLARS,
  READINESS,
  REPORT_STATES,
  ROLES,
  SNAPSHOT_MOMENTS,
  TRAFFICKING_TYPES,
  VALUE_QUALIFIERS,
} from '../lib/domain';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** Rows that exist only to make the demo lively carry this flag, so they can be told apart. */
const isDemo = () => integer('is_demo', { mode: 'boolean' }).notNull().default(false);

// A public document a fact comes from. Every seeded fact cites one.
export const sources = sqliteTable('sources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  title: text('title').notNull(),
  publisher: text('publisher').notNull(),
  publishedOn: text('published_on'),
  url: text('url').notNull(),
  createdAt: createdAt(),
});

export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    abbreviation: text('abbreviation').notNull(),
    memberSince: integer('member_since'),
    // Membership not confirmed by one official list; an admin may correct it.
    membershipInferred: integer('membership_inferred', { mode: 'boolean' }).notNull().default(false),
    sourceId: integer('source_id').references(() => sources.id),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('agencies_slug_format', sql`${t.slug} GLOB '[a-z]*' AND ${t.slug} NOT GLOB '*[^a-z0-9-]*'`)],
);

export const pillars = sqliteTable(
  'pillars',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug', { enum: PILLARS }).notNull().unique(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    /** The plan's own title for the pillar (its fourth is "Crosscutting Approaches and Institutional Effectiveness"). */
    longName: text('long_name').notNull().default(''),
  },
  (t) => [
    check('pillars_slug', sql`${t.slug} IN ('prevention','protection','prosecution','partnership')`),
  ],
);

export const workingGroups = sqliteTable(
  'working_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    establishedYear: integer('established_year'),
    purpose: text('purpose').notNull(),
    pillarId: integer('pillar_id').references(() => pillars.id),
    sourceId: integer('source_id').references(() => sources.id),
  },
  (t) => [check('working_groups_kind', sql`${t.kind} IN ('standing_committee','ad_hoc')`)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').unique(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    // Known only to the month for some past meetings: the date then holds the 1st of the month.
    datePrecision: text('date_precision').notNull().default('day'),
    chair: text('chair'),
    location: text('location'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    reportingCutoff: text('reporting_cutoff'),
    summary: text('summary'),
    /** Why the chair's staff cancelled it (status `cancelled` only). */
    cancelledReason: text('cancelled_reason'),
    /** The date it was first planned for, when it has been postponed since. */
    postponedFrom: text('postponed_from'),
    workingGroupId: integer('working_group_id').references(() => workingGroups.id),
    sourceId: integer('source_id').references(() => sources.id),
    isDemo: isDemo(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('meetings_kind', sql`${t.kind} IN ('cabinet','spog','working_group')`),
    check('meetings_status', sql.raw(`status IN (${MEETING_STATUSES.map((k) => `'${k}'`).join(',')})`)),
    check('meetings_cancelled_reason', sql`${t.status} <> 'cancelled' OR length(trim(coalesce(${t.cancelledReason}, ''))) > 0`),
    check('meetings_date_precision', sql`${t.datePrecision} IN ('day','month')`),
    check('meetings_cutoff_before_date', sql`${t.reportingCutoff} IS NULL OR ${t.reportingCutoff} <= ${t.date}`),
    index('meetings_status_date').on(t.status, t.date),
    index('meetings_kind_date').on(t.kind, t.date),
  ],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    presenter: text('presenter'),
    agencyId: integer('agency_id').references(() => agencies.id),
  },
  (t) => [uniqueIndex('agenda_items_meeting_position').on(t.meetingId, t.position)],
);

// A national plan the task force reports against: today the National Action Plan to Combat Human
// Trafficking of December 2021.
export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  title: text('title').notNull(),
  adoptedOn: text('adopted_on').notNull(),
  sourceId: integer('source_id').references(() => sources.id),
});

// An objective of the plan under one pillar. The public summaries list objectives without numbers
// (and not in the plan's own order), so `number` stays empty unless a source states it; `position`
// is only the order they are shown in.
export const planObjectives = sqliteTable(
  'plan_objectives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').unique(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    pillarId: integer('pillar_id')
      .notNull()
      .references(() => pillars.id),
    number: integer('number'),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    sourceId: integer('source_id').references(() => sources.id),
    sourcePage: text('source_page'),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('plan_objectives_title', sql`length(trim(${t.title})) > 0`),
    check('plan_objectives_number', sql`${t.number} IS NULL OR ${t.number} > 0`),
    uniqueIndex('plan_objectives_pillar_number').on(t.pillarId, t.number).where(sql`${t.number} IS NOT NULL`),
    index('plan_objectives_pillar_position').on(t.pillarId, t.position),
  ],
);

// The National Action Plan's priority actions, numbered pillar.objective.action (e.g. 1.3.2) where a
// source states the number, each under one objective.
export const napActions = sqliteTable(
  'nap_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    pillarId: integer('pillar_id')
      .notNull()
      .references(() => pillars.id),
    objectiveId: integer('objective_id').references(() => planObjectives.id),
    title: text('title').notNull(),
    leadAgencyId: integer('lead_agency_id').references(() => agencies.id),
    sourceId: integer('source_id').references(() => sources.id),
    sourcePage: text('source_page'),
    retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('nap_actions_objective').on(t.objectiveId)],
);

export const napActionSupporters = sqliteTable(
  'nap_action_supporters',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => napActions.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.agencyId] })],
);

export const deliverables = sqliteTable(
  'deliverables',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').unique(),
    leadAgencyId: integer('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    pillarId: integer('pillar_id')
      .notNull()
      .references(() => pillars.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    announcedAtMeetingId: integer('announced_at_meeting_id').references(() => meetings.id),
    dueOn: text('due_on'),
    status: text('status', { enum: DELIVERABLE_STATES }).notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    statusReason: text('status_reason'),
    fundingUsd: integer('funding_usd'),
    napActionId: integer('nap_action_id').references(() => napActions.id),
    // The plan objective it serves; empty means announced without one (a gap on /plan).
    objectiveId: integer('objective_id').references(() => planObjectives.id),
    // Set when the secretariat chose the objective by judgement rather than from what a document says.
    objectiveBySecretariat: integer('objective_by_secretariat', { mode: 'boolean' }).notNull().default(false),
    // Marked by its agency's official: its public fields may go into the next release.
    publishable: integer('publishable', { mode: 'boolean' }).notNull().default(false),
    // Optional measure: when a target is set, progress follows from actual / target.
    measureLabel: text('measure_label'),
    measureUnit: text('measure_unit'),
    measureTarget: real('measure_target'),
    measureActual: real('measure_actual'),
    sourceId: integer('source_id').references(() => sources.id),
    lastUpdateAt: integer('last_update_at', { mode: 'timestamp_ms' }),
    createdById: integer('created_by_id').references(() => users.id),
    isDemo: isDemo(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('deliverables_status', sql.raw(`status IN (${DELIVERABLE_STATES.map((k) => `'${k}'`).join(',')})`)),
    check('deliverables_progress', sql`${t.progress} BETWEEN 0 AND 100`),
    check('deliverables_funding', sql`${t.fundingUsd} IS NULL OR ${t.fundingUsd} >= 0`),
    check('deliverables_measure_target', sql`${t.measureTarget} IS NULL OR ${t.measureTarget} > 0`),
    check('deliverables_measure_actual', sql`${t.measureActual} IS NULL OR ${t.measureActual} >= 0`),
    check('deliverables_title', sql`length(trim(${t.title})) > 0`),
    // A board column: one agency's deliverables of one status, most recently updated first. The
    // dates and the reason after them let readiness and the changes since a meeting count every
    // agency's deliverables from this index alone, without reading their (wide) rows.
    index('deliverables_lead_status_recent').on(t.leadAgencyId, t.status, t.lastUpdateAt, t.id, t.createdAt, t.dueOn, t.statusReason),
    // The list's order (agency, pillar, id) read from the index rather than sorted from the table;
    // with the status, the agency × pillar matrix counts from the index alone.
    index('deliverables_lead_pillar').on(t.leadAgencyId, t.pillarId, t.id, t.status),
    // Pillar figures, now and as of a meeting (created by then), from the index alone.
    index('deliverables_pillar_status').on(t.pillarId, t.status, t.createdAt),
    index('deliverables_announced').on(t.announcedAtMeetingId),
    index('deliverables_status_due').on(t.status, t.dueOn),
    index('deliverables_last_update').on(t.lastUpdateAt),
    // Plan coverage: each objective's deliverables by status, from the index alone.
    index('deliverables_objective_status').on(t.objectiveId, t.status, t.leadAgencyId),
  ],
);

export const deliverableSupporters = sqliteTable(
  'deliverable_supporters',
  {
    deliverableId: integer('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [
    primaryKey({ columns: [t.deliverableId, t.agencyId] }),
    index('deliverable_supporters_agency').on(t.agencyId),
  ],
);

// Append-only history of a deliverable: the board shows the latest, the charts use all of it.
export const progressUpdates = sqliteTable(
  'progress_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliverableId: integer('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id),
    createdAt: createdAt(),
    status: text('status', { enum: DELIVERABLE_STATES }).notNull(),
    progress: integer('progress').notNull(),
    note: text('note').notNull().default(''),
    reason: text('reason'),
    // The deliverable's count after the update, when it has a measure (its history of the count).
    measureActual: integer('measure_actual'),
    isDemo: isDemo(),
  },
  (t) => [
    check('progress_updates_status', sql.raw(`status IN (${DELIVERABLE_STATES.map((k) => `'${k}'`).join(',')})`)),
    check('progress_updates_progress', sql`${t.progress} BETWEEN 0 AND 100`),
    check(
      'progress_updates_reason',
      sql`${t.status} NOT IN ('at_risk','blocked','withdrawn') OR length(trim(coalesce(${t.reason}, ''))) > 0`,
    ),
    // A deliverable's history in time order; with the id and status, "its status as of a date"
    // (pillar figures as of a meeting) is read from the index without the update's row.
    index('progress_updates_deliverable_time').on(t.deliverableId, t.createdAt, t.id, t.status),
    index('progress_updates_time').on(t.createdAt),
  ],
);

// Each deliverable's changes into and out of "completed" and "in progress", summed by the month
// they happened (the month's first day, YYYY-MM-01). The pillars page's completion series is a
// running sum of these. Kept by triggers (migration 0008) whenever a deliverable is created, its
// status changes or an update is recorded; never written by the app.
export const deliverableStatusMonths = sqliteTable(
  'deliverable_status_months',
  {
    deliverableId: integer('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    completed: integer('completed').notNull(),
    inProgress: integer('in_progress').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deliverableId, t.month] }),
    // The whole record's series, summed month by month in index order.
    index('deliverable_status_months_month').on(t.month, t.completed, t.inProgress),
  ],
);

// One per agency per meeting: the agency's statement and its review.
export const agencyReports = sqliteTable(
  'agency_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    statement: text('statement').notNull().default(''),
    state: text('state', { enum: REPORT_STATES }).notNull().default('draft'),
    reviewerComment: text('reviewer_comment'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    submittedById: integer('submitted_by_id').references(() => users.id),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    reviewedById: integer('reviewed_by_id').references(() => users.id),
    isDemo: isDemo(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('agency_reports_state', sql`${t.state} IN ('draft','submitted','returned','approved')`),
    uniqueIndex('agency_reports_meeting_agency').on(t.meetingId, t.agencyId),
    index('agency_reports_agency').on(t.agencyId),
  ],
);

// Every state change of a report, with who and when.
export const agencyReportEvents = sqliteTable(
  'agency_report_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => agencyReports.id, { onDelete: 'cascade' }),
    fromState: text('from_state', { enum: REPORT_STATES }),
    toState: text('to_state', { enum: REPORT_STATES }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    comment: text('comment'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('agency_report_events_report').on(t.reportId, t.at)],
);

export const reminders = sqliteTable(
  'reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    sentById: integer('sent_by_id').references(() => users.id),
    message: text('message').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('reminders_agency_meeting').on(t.agencyId, t.meetingId)],
);

/**
 * Readiness as it stood at a meeting's reporting cutoff and when the meeting was held: one row per
 * member agency and moment, with the counts behind it. Written once (the cutoff's by the scheduled
 * pass the day after the cutoff, the meeting's when it is marked held) and never recomputed, so a
 * held meeting shows its own figures, not today's.
 */
export const readinessSnapshots = sqliteTable(
  'readiness_snapshots',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    moment: text('moment', { enum: SNAPSHOT_MOMENTS }).notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    readiness: text('readiness', { enum: READINESS }).notNull(),
    reportState: text('report_state', { enum: REPORT_STATES }),
    open: integer('open').notNull(),
    missingUpdate: integer('missing_update').notNull(),
    withoutReason: integer('without_reason').notNull(),
    atRiskOrBlocked: integer('at_risk_or_blocked').notNull(),
    overdue: integer('overdue').notNull(),
    stale: integer('stale').notNull(),
    takenAt: integer('taken_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.moment, t.agencyId] }),
    check('readiness_snapshots_moment', sql.raw(`moment IN (${SNAPSHOT_MOMENTS.map((k) => `'${k}'`).join(',')})`)),
    check('readiness_snapshots_readiness', sql.raw(`readiness IN (${READINESS.map((k) => `'${k}'`).join(',')})`)),
  ],
);

export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
    scope: text('scope').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    check('indicators_unit', sql`${t.unit} IN ('people','cases','usd','percent','agencies','actions')`),
    check('indicators_scope', sql`${t.scope} IN ('us','global')`),
  ],
);

// A number with its period, breakdown and source. Aggregates only: nothing about a person.
export const observations = sqliteTable(
  'observations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').unique(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: text('period').notNull(),
    value: real('value').notNull(),
    ageGroup: text('age_group', { enum: AGE_GROUPS }),
    traffickingType: text('trafficking_type', { enum: TRAFFICKING_TYPES }),
    category: text('category'),
    // How the source words the figure when it is not exact: "over 60", "nearly 27.6 million".
    qualifier: text('qualifier', { enum: VALUE_QUALIFIERS }),
    // For an estimate published after the period it describes: the year it was published.
    publishedYear: integer('published_year'),
    note: text('note'),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('observations_value', sql`${t.value} >= 0`),
    check('observations_qualifier', sql`${t.qualifier} IS NULL OR ${t.qualifier} IN ('over','nearly','about')`),
    check('observations_age_group', sql`${t.ageGroup} IS NULL OR ${t.ageGroup} IN ('adult','child')`),
    check(
      'observations_trafficking_type',
      sql`${t.traffickingType} IS NULL OR ${t.traffickingType} IN ('labor','sex','both','unknown')`,
    ),
    index('observations_indicator_period').on(t.indicatorId, t.period),
  ],
);

// Presidential Award for Extraordinary Efforts to Combat Trafficking in Persons.
export const awards = sqliteTable(
  'awards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    awardYear: integer('award_year').notNull(),
    recipient: text('recipient').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason'),
    presentedAtMeetingId: integer('presented_at_meeting_id').references(() => meetings.id),
    sourceId: integer('source_id').references(() => sources.id),
  },
  (t) => [
    check('awards_kind', sql`${t.kind} IN ('person','organization')`),
    uniqueIndex('awards_year_recipient').on(t.awardYear, t.recipient),
    index('awards_meeting').on(t.presentedAtMeetingId),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    /** Until when this user may register a first passkey right after a password sign-in (granted by an administrator). */
    passkeyEnrolmentUntil: integer('passkey_enrolment_until', { mode: 'timestamp_ms' }),
    /** The identity provider's issuer and subject, linked at the first single sign-on. */
    ssoIssuer: text('sso_issuer'),
    ssoSubject: text('sso_subject'),
    isDemo: isDemo(),
    lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_role', sql`${t.role} IN ('official','chair','viewer','admin')`),
    // An official speaks for exactly one agency; nobody else is scoped to one.
    check(
      'users_agency_scope',
      sql`(${t.role} = 'official' AND ${t.agencyId} IS NOT NULL) OR (${t.role} <> 'official' AND ${t.agencyId} IS NULL)`,
    ),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    index('users_agency').on(t.agencyId),
    uniqueIndex('users_sso_subject').on(t.ssoIssuer, t.ssoSubject),
  ],
);

/**
 * One row per sign-in. The session cookie carries only this row's id; the server decides from the
 * row whether the session still stands (idle 30 minutes, 12 hours at most, or ended by signing
 * out, deactivation, a role change or a password reset).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endReason: text('end_reason'),
    /** How the user signed in: password, passkey or sso. */
    method: text('method').notNull().default('password'),
    /** The authentication context the identity provider reported (single sign-on only). */
    acr: text('acr'),
    /**
     * When the user proved a phishing-resistant method in this session: at sign-in (a passkey, or
     * single sign-on with the required context), or as the step after a password. Null: not yet.
     */
    phishingResistantAt: integer('phishing_resistant_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('sessions_user').on(t.userId, t.endedAt),
    check(
      'sessions_end_reason',
      sql`${t.endReason} IS NULL OR ${t.endReason} IN ('signed_out','deactivated','account_changed','password_changed','password_reset','passkeys_reset')`,
    ),
    check('sessions_method', sql`${t.method} IN ('password','passkey','sso')`),
  ],
);

/**
 * Passkeys (WebAuthn credentials) a user registered on the account page. The credential id is the
 * key the authenticator names at sign-in; the signature counter must grow with each use when the
 * authenticator keeps one.
 */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports', { mode: 'json' }).$type<string[]>().notNull(),
    deviceType: text('device_type').notNull(),
    backedUp: integer('backed_up', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('passkeys_user').on(t.userId)],
);

/**
 * WebAuthn challenges handed out and not yet answered. Each is used once (deleted when it is
 * answered, right or wrong) and expires after five minutes.
 */
export const webauthnChallenges = sqliteTable(
  'webauthn_challenges',
  {
    id: text('id').primaryKey(),
    challenge: text('challenge').notNull(),
    purpose: text('purpose').notNull(),
    userId: integer('user_id').references(() => users.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [check('webauthn_challenges_purpose', sql`${t.purpose} IN ('register','authenticate','step_up')`), index('webauthn_challenges_expires').on(t.expiresAt)],
);

/** Settings an administrator changes from /admin (one row per setting, the value as JSON); every change is audited. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Password checks per e-mail address (known or not, so throttling reveals nothing). `failures`
 * counts every check begun in the window and not proven right: an attempt is counted before its
 * password is hashed, in the same transaction as the lock check, so parallel attempts cannot all
 * pass the check (db/queries/users.ts, claimPasswordCheck). `wrong` counts the checks that have
 * ended with a wrong password; the fifth locks the address.
 */
export const loginThrottle = sqliteTable('login_throttle', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  wrong: integer('wrong').notNull().default(0),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

/**
 * Token buckets for rate limits (lib/server/rate-limit.ts): one row per limited key, such as the
 * failed sign-ins of one client address. `tokens` is what was left at `updatedAt`; the refill since
 * then is computed when the bucket is next read.
 */
export const rateBuckets = sqliteTable('rate_buckets', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Identical refusals collapsed (db/queries/audit.ts, recordRefusal): the first refusal of a kind
 * is audited at once, the repeats within the window are only counted here, and one audit event
 * with their count is written when the window has passed.
 */
export const refusalTallies = sqliteTable('refusal_tallies', {
  key: text('key').primaryKey(),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  repeats: integer('repeats').notNull().default(0),
  lastAt: integer('last_at', { mode: 'timestamp_ms' }).notNull(),
  // The audit event the repeats are reported with: actor, action, entity, reason.
  event: text('event', { mode: 'json' }).notNull(),
});

/**
 * Append-only: triggers in the migrations refuse UPDATE and DELETE. Each event carries the hash of
 * the one before it, so a tampered file shows where the chain breaks.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    agencyId: integer('agency_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_actor_at').on(t.actorId, t.at),
    // One record's history, and one kind of record's, each read newest first without sorting.
    index('audit_events_entity_id_at').on(t.entity, t.entityId, t.at),
    index('audit_events_entity_at').on(t.entity, t.at),
    index('audit_events_agency_at').on(t.agencyId, t.at),
    // The audit log's action filter and its list of actions (read by skipping through this index).
    index('audit_events_action_at').on(t.action, t.at),
  ],
);

export type Source = typeof sources.$inferSelect;
export type Agency = typeof agencies.$inferSelect;
export type Pillar = typeof pillars.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type NewMeeting = typeof meetings.$inferInsert;
export type Deliverable = typeof deliverables.$inferSelect;
export type NewDeliverable = typeof deliverables.$inferInsert;
export type ProgressUpdate = typeof progressUpdates.$inferSelect;
export type AgencyReport = typeof agencyReports.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type Observation = typeof observations.$inferSelect;
export type Award = typeof awards.$inferSelect;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;

/**
 * The outbox: one row per person and event, written in the same transaction as the change that
 * causes it (and its audit event), shown in the app at once and e-mailed after the change by the
 * delivery worker (lib/server/notification-worker.ts). `event_key` names the event; with the person it is unique,
 * so writing the same notification twice (a retried job, two schedulers) stores it once.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    eventKey: text('event_key').notNull(),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    /** The page where the person acts, as a path of this app. */
    link: text('link').notNull(),
    /** An iCalendar file sent with the e-mail (meeting notices). */
    calendar: text('calendar'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    emailState: text('email_state', { enum: EMAIL_STATES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /** The digest e-mail this one was gathered into. */
    digestId: integer('digest_id'),
  },
  (t) => [
    check('notifications_kind', sql.raw(`kind IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(',')})`)),
    check('notifications_email_state', sql.raw(`email_state IN (${EMAIL_STATES.map((k) => `'${k}'`).join(',')})`)),
    uniqueIndex('notifications_user_event').on(t.userId, t.eventKey),
    index('notifications_user_created').on(t.userId, t.createdAt),
    index('notifications_unread').on(t.userId, t.readAt),
    index('notifications_email_due').on(t.emailState, t.nextAttemptAt),
    index('notifications_created').on(t.createdAt),
    // The notifications of one event (a reminder's, counted on the meeting page).
    index('notifications_event').on(t.eventKey),
  ],
);

/** A person's choice of delivery per kind; a kind without a row is e-mailed at once. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    delivery: text('delivery', { enum: NOTIFICATION_DELIVERIES }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_delivery', sql.raw(`delivery IN (${NOTIFICATION_DELIVERIES.map((k) => `'${k}'`).join(',')})`)),
  ],
);

/**
 * Scheduled jobs (the notification pass): a lease that one server process holds while it runs the
 * job, so two processes never run it at once, and what the job remembers between runs.
 */
export const schedulerJobs = sqliteTable('scheduler_jobs', {
  job: text('job').primaryKey(),
  leaseHolder: text('lease_holder'),
  leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
  lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }),
  state: text('state', { mode: 'json' }),
});

/** A person's calendar feed address: only the SHA-256 of its secret token is kept; replacing or turning it off deletes the row. */
export const calendarFeeds = sqliteTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
});

/**
 * How many times each table a remembered aggregate reads has changed (db/queries/until-change.ts).
 * Triggers written in the migrations bump a table's version on every insert, update and delete,
 * whoever the writer (this process, another one, a seed, the sqlite3 shell). To remember a new
 * aggregate over a table that has no row here, add a migration with its row and its three triggers.
 */
export const tableChanges = sqliteTable('table_changes', {
  name: text('name').primaryKey(),
  version: integer('version').notNull().default(0),
});

// A release of the public record: a frozen copy of the publishable fields of the deliverables their
// agencies marked publishable, as the chair published it. The public pages read releases only.
export const releases = sqliteTable(
  'releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: integer('number').notNull().unique(),
    /** The calendar date the record is "as of". */
    asOf: text('as_of').notNull(),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
    publishedById: integer('published_by_id').references(() => users.id),
    note: text('note').notNull().default(''),
    deliverableCount: integer('deliverable_count').notNull(),
    /** The frozen content as JSON (lib/public-record.ts describes its shape). */
    snapshot: text('snapshot').notNull(),
  },
  (t) => [check('releases_number', sql`${t.number} > 0`)],
);

// A meeting's public documents as the chair edits them: drafted from the record, then kept as edited.
export const meetingDocuments = sqliteTable(
  'meeting_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MEETING_DOCUMENT_KINDS }).notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    updatedById: integer('updated_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_documents_meeting_kind').on(t.meetingId, t.kind),
    check('meeting_documents_kind', sql.raw(`kind IN (${MEETING_DOCUMENT_KINDS.map((k) => `'${k}'`).join(',')})`)),
  ],
);
