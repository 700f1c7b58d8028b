/**
 * What the API answers, as zod schemas of the wire (JSON as the browser receives it). The OpenAPI
 * document (lib/openapi/document.ts) is generated from these and from the request schemas in
 * lib/validations/; the end-to-end API tests run through a proxy that checks every answer against
 * that document, so a field renamed or retyped here or in the data layer fails a test.
 *
 * Instants are epoch milliseconds (integers); calendar dates are `YYYY-MM-DD` strings. Objects are
 * closed (`additionalProperties: false` in the document): a field the server adds must be added here.
 * To change one: edit the schema, then the data layer's result if it differs; `contracts.test.ts`
 * checks the types in lib/contracts/ against these.
 */
import { z } from 'zod';
import {
  DELIVERABLE_STATES,
  EMAIL_STATES,
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
  STATUSES,
} from '@/lib/domain';
import { CHOOSABLE_KINDS, type ChoosableKind } from '@/lib/notifications';

/** An instant: milliseconds since 1970-01-01T00:00:00Z. */
export const instant = z.number().int().meta({ description: 'An instant, in milliseconds since 1970-01-01T00:00:00Z.' });
const date = z.string().meta({ description: 'A calendar date, YYYY-MM-DD.', examples: ['2026-12-03'] });
const id = z.number().int().positive();
const count = z.number().int().min(0);

const pillar = z.enum(PILLARS);
const status = z.enum(STATUSES);
const deliverableState = z.enum(DELIVERABLE_STATES);
const readiness = z.enum(READINESS);
const reportState = z.enum(REPORT_STATES);
const notificationKind = z.enum(NOTIFICATION_KINDS);
const emailState = z.enum(EMAIL_STATES);
const delivery = z.enum(NOTIFICATION_DELIVERIES);

function page<T extends z.ZodType>(item: T) {
  return { items: z.array(item), total: count, page: id, pageSize: id };
}

// ─── Errors ────────────────────────────────────────────────────────────────────────────────────

/** DESIGN.md's error shape: every refusal, whatever its status. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'invalid_input, unauthenticated, forbidden, not_found, conflict, too_large, rate_limited, report_incomplete, passkey_required, …' }),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: 'Every invalid field (dotted path, or `_` for the request as a whole) with all its messages.' }),
    }),
  })
  .catchall(z.unknown())
  .meta({ id: 'Error', description: 'A refusal. Some carry more beside `error` (a 409 carries the current record as `current`).' });

// ─── Agencies ──────────────────────────────────────────────────────────────────────────────────

const agencyName = z.object({ slug: z.string(), name: z.string(), abbreviation: z.string() });

export const agencyListItem = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  memberSince: z.number().int().nullable().meta({ description: 'The year it joined the task force, when a source says so.' }),
  membershipInferred: z.boolean(),
  retired: z.boolean(),
  deliverables: count,
  completed: count,
});

export const adminAgency = z.object({
  id,
  slug: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  retiredAt: instant.nullable(),
  officials: count,
  deliverables: count,
});

export const agencyChange = z.object({ slug: z.string(), name: z.string(), abbreviation: z.string(), retired: z.boolean() });

// ─── Deliverables ──────────────────────────────────────────────────────────────────────────────

export const measure = z.object({ label: z.string(), unit: z.string().nullable(), target: id, actual: count }).meta({ id: 'Measure' });

export const deliverableListItem = z
  .object({
    id,
    title: z.string(),
    status: deliverableState,
    progress: z.number().int().min(0).max(100),
    dueOn: date.nullable(),
    fundingUsd: z.number().int().nullable(),
    measure: measure.nullable(),
    pillar,
    leadAgency: z.string(),
    leadAgencyAbbreviation: z.string(),
    announcedAtMeetingId: id.nullable(),
    napAction: z.string().nullable(),
    statusReason: z.string().nullable(),
    lastUpdateAt: instant.nullable(),
    stale: z.boolean(),
    overdue: z.boolean(),
    version: id,
  })
  .meta({ id: 'DeliverableListItem' });

export const deliverableList = z.object(page(deliverableListItem)).meta({ id: 'DeliverableList' });

export const deliverableDetail = z
  .object({
    id,
    title: z.string(),
    description: z.string(),
    status: deliverableState,
    progress: z.number().int().min(0).max(100),
    statusReason: z.string().nullable(),
    dueOn: date.nullable(),
    fundingUsd: z.number().int().nullable(),
    measure: measure.nullable(),
    lastUpdateAt: instant.nullable(),
    version: id,
    createdAt: instant,
    updatedAt: instant,
    isDemo: z.boolean(),
    stale: z.boolean(),
    overdue: z.boolean(),
    leadAgencyId: id,
    leadAgency: agencyName,
    pillar,
    napAction: z.object({ code: z.string(), title: z.string() }).nullable(),
    objective: z.object({ id, number: id.nullable(), title: z.string(), retired: z.boolean() }).nullable(),
    objectiveBySecretariat: z.boolean(),
    announcedAt: z.object({ id, title: z.string(), date, datePrecision: z.string() }).nullable(),
    source: z.object({ title: z.string(), url: z.string(), publishedOn: date.nullable(), publisher: z.string() }).nullable(),
    supportingAgencies: z.array(agencyName),
  })
  .meta({ id: 'Deliverable' });

/** A 409 on a deliverable carries the record as it stands now. */
export const deliverableConflict = errorBody.extend({ current: deliverableDetail.optional() });

export const progressUpdateItem = z.object({
  id,
  createdAt: instant,
  status: deliverableState,
  progress: z.number().int().min(0).max(100),
  measureActual: count.nullable(),
  note: z.string(),
  reason: z.string().nullable(),
  isDemo: z.boolean(),
  author: z.object({ name: z.string(), email: z.string() }).nullable(),
});

export const progressUpdateList = z.object(page(progressUpdateItem));

export const progressUpdateCreated = z.object({
  update: z.object({
    id,
    deliverableId: id,
    authorId: id.nullable(),
    createdAt: instant,
    status,
    progress: z.number().int().min(0).max(100),
    measureActual: count.nullable(),
    note: z.string(),
    reason: z.string().nullable(),
    isDemo: z.boolean(),
  }),
  version: id,
});

export const deliverableDeleted = z.object({ id, deleted: z.literal(true) });

export const importReport = z.object({
  rows: z.array(z.object({ line: id, title: z.string(), errors: z.record(z.string(), z.array(z.string())) })),
  valid: count,
  invalid: count,
});

export const importCommitted = z.object({ count, ids: z.array(id) });

// ─── Meetings and reports ──────────────────────────────────────────────────────────────────────

export const meetingListItem = z.object({
  id,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  date,
  datePrecision: z.string(),
  chair: z.string().nullable(),
  location: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  reportingCutoff: date.nullable(),
  awards: count,
  source: z.object({ title: z.string(), url: z.string() }).nullable(),
});

export const meetingList = z.object(page(meetingListItem));

export const meetingDetail = z
  .object({
    id,
    kind: z.enum(MEETING_KINDS),
    title: z.string(),
    date,
    datePrecision: z.string(),
    chair: z.string().nullable(),
    location: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    reportingCutoff: date.nullable(),
    summary: z.string().nullable(),
    cancelledReason: z.string().nullable(),
    postponedFrom: date.nullable(),
    isDemo: z.boolean(),
    version: id,
    source: z.object({ title: z.string(), url: z.string(), publishedOn: date.nullable() }).nullable(),
    agenda: z.array(z.object({ position: z.number().int(), title: z.string(), presenter: z.string().nullable() })),
    awards: z.array(z.object({ id, awardYear: z.number().int(), recipient: z.string(), kind: z.string(), reason: z.string().nullable() })),
    commitments: z.array(id),
  })
  .meta({ id: 'Meeting' });

export const meetingConflict = errorBody.extend({ current: meetingDetail.optional() });

const submissionGap = z.object({ deliverableId: id, title: z.string(), problem: z.enum(['no_update_this_cycle', 'no_reason']) });

export const agencyReport = z
  .object({
    meeting: z.object({ id, title: z.string(), status: z.string() }),
    agency: z.object({ id, slug: z.string(), name: z.string() }),
    statement: z.string(),
    state: reportState.nullable(),
    reviewerComment: z.string().nullable(),
    version: z.number().int().min(0),
    submittedAt: instant.nullable(),
    reviewedAt: instant.nullable(),
    history: z.array(z.object({ fromState: z.string().nullable(), toState: z.string(), comment: z.string().nullable(), at: instant, actor: z.string().nullable() })),
    gaps: z.array(submissionGap),
    gapCounts: z.object({ deliverables: count, noUpdateThisCycle: count, noReason: count }),
  })
  .meta({ id: 'AgencyReport' });

export const meetingDocument = z
  .object({
    meeting: z.object({ id, title: z.string(), date }),
    kind: z.enum(MEETING_DOCUMENT_KINDS),
    body: z.string(),
    version: z.number().int().min(0),
    edited: z.boolean(),
    updatedAt: instant.nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'MeetingDocument' });

/** 409: the document changed since the caller read it; `current` is the text now. */
export const meetingDocumentConflict = errorBody.extend({ current: meetingDocument.optional() });

/** 400 report_incomplete: what still holds the report up. */
export const reportIncomplete = errorBody.extend({ missing: z.array(submissionGap).optional(), gapCounts: z.object({ deliverables: count, noUpdateThisCycle: count, noReason: count }).optional() });

const readinessCounts = z.object(Object.fromEntries(READINESS.map((r) => [r, count])) as Record<(typeof READINESS)[number], typeof count>);

const agencyReadinessFields = {
  agencyId: id,
  slug: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  readiness,
  reportState: reportState.nullable(),
  open: count,
  missingUpdate: count,
  withoutReason: count,
  atRiskOrBlocked: count,
  overdue: count,
  stale: count,
};

export const readinessSnapshot = z
  .object({
    moment: z.enum(SNAPSHOT_MOMENTS),
    takenAt: instant,
    agencies: z.array(z.object(agencyReadinessFields)),
    counts: readinessCounts,
    shareReady: z.number().min(0).max(1),
  })
  .meta({ id: 'ReadinessSnapshot' });

const liveReadiness = z.object({
  meetingId: id,
  status: z.enum(['planned', 'cancelled']),
  cycleStart: instant,
  previousMeeting: z.object({ id, title: z.string(), date, datePrecision: z.string() }).nullable(),
  reportingCutoff: date.nullable(),
  daysToCutoff: z.number().int().nullable(),
  agencies: z.array(
    z.object({
      ...agencyReadinessFields,
      reportId: id.nullable(),
      submittedAt: instant.nullable(),
      reviewedAt: instant.nullable(),
      reviewerComment: z.string().nullable(),
    }),
  ),
  counts: readinessCounts,
  shareReady: z.number().min(0).max(1),
  atCutoff: readinessSnapshot.nullable(),
});

const keptReadiness = z.object({
  meetingId: id,
  status: z.literal('held'),
  atCutoff: readinessSnapshot.nullable(),
  atMeeting: readinessSnapshot.nullable(),
});

export const meetingReadiness = z.union([liveReadiness, keptReadiness]);

export const remindersSent = z.object({ reminded: z.array(z.string()).meta({ description: 'The short names of the agencies reminded.' }) });

// ─── Pillars and statistics ────────────────────────────────────────────────────────────────────

export const pillarSummary = z.object({
  asOf: z.object({ id, title: z.string(), date, datePrecision: z.string() }).nullable(),
  pillars: z.array(z.object({ pillar, total: count, ...Object.fromEntries(STATUSES.map((s) => [s, count])) })),
});

/** Coverage of the National Action Plan (lib/contracts/plan-coverage.ts). */
const coverageAgency = z.object({ slug: z.string(), abbreviation: z.string(), name: z.string() });
const servingAgency = coverageAgency.extend({ deliverables: count });
const statusMix = z.object({ ...(Object.fromEntries(STATUSES.map((s) => [s, count])) as Record<(typeof STATUSES)[number], typeof count>), total: count });

export const planCoverage = z.object({
  plan: z.object({ key: z.string(), title: z.string(), adoptedOn: date }).nullable(),
  pillars: z.array(z.object({ slug: pillar, name: z.string(), longName: z.string() })),
  totals: z.object({
    objectives: count,
    objectivesServed: count,
    objectivesUnserved: count,
    actions: count,
    actionsServed: count,
    actionsUnserved: count,
    mapped: count,
    unmapped: count,
  }),
  objectives: z.array(
    z.object({
      id,
      key: z.string().nullable(),
      number: z.number().int().positive().nullable(),
      title: z.string(),
      pillar,
      position: z.number().int(),
      statuses: statusMix,
      stale: count,
      leads: z.array(servingAgency),
      supporters: z.array(servingAgency),
      actions: count,
    }),
  ),
  actions: z.array(
    z.object({
      id,
      code: z.string(),
      title: z.string(),
      pillar,
      objectiveId: id.nullable(),
      planLead: coverageAgency.nullable(),
      planSupporters: z.array(coverageAgency),
      statuses: statusMix,
      leads: z.array(servingAgency),
    }),
  ),
  gaps: z.object({ objectives: z.array(id), actions: z.array(id), unmapped: z.array(servingAgency) }),
  matrix: z.array(z.object({ agency: coverageAgency, led: z.array(count), supported: z.array(count), total: count })),
});

const observationFields = {
  id,
  period: z.string(),
  value: z.number(),
  ageGroup: z.string().nullable(),
  traffickingType: z.string().nullable(),
  category: z.string().nullable(),
  qualifier: z.string().nullable(),
  publishedYear: z.number().int().nullable(),
  note: z.string().nullable(),
};

export const statistics = z.object({
  indicators: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      unit: z.string(),
      scope: z.string(),
      observations: z.array(
        z.object({ ...observationFields, source: z.object({ title: z.string(), publisher: z.string(), publishedOn: date.nullable(), url: z.string() }) }),
      ),
    }),
  ),
});

export const observation = z.object({
  ...observationFields,
  key: z.string().nullable(),
  indicatorId: id,
  sourceId: id,
  createdAt: instant,
  updatedAt: instant,
});

// ─── Notifications, calendar, unsubscribe ──────────────────────────────────────────────────────

export const notificationItem = z.object({
  id,
  kind: notificationKind,
  subject: z.string(),
  link: z.string(),
  createdAt: instant,
  readAt: instant.nullable(),
  emailState,
});

export const notificationPage = z.object({ ...page(notificationItem), unread: count });
export const unreadCount = z.object({ unread: count });

export const preferences = z.object({
  items: z.array(z.object({ kind: z.enum(CHOOSABLE_KINDS as [ChoosableKind, ...ChoosableKind[]]), delivery, choices: z.array(delivery) })),
});

const calendarFeedStatus = z.object({ createdAt: instant, lastUsedAt: instant.nullable() }).nullable();
export const calendarFeed = z.object({ feed: calendarFeedStatus });
export const calendarFeedCreated = z.object({ url: z.string().meta({ description: 'The private address, shown this once.' }), feed: calendarFeedStatus });
export const calendarFeedRevoked = z.object({ revoked: z.boolean() });

export const unsubscribed = z.object({ unsubscribed: z.object({ kind: notificationKind, delivery, email: z.string() }) });

const outboxItemFields = {
  id,
  kind: notificationKind,
  subject: z.string(),
  to: z.string(),
  toName: z.string(),
  createdAt: instant,
  emailState,
  attempts: count,
  lastError: z.string().nullable(),
  sentAt: instant.nullable(),
};

export const outboxPage = z.object({
  ...page(z.object({ ...outboxItemFields, nextAttemptAt: instant.nullable() })),
  counts: z.object(Object.fromEntries(EMAIL_STATES.map((s) => [s, count.optional()]))),
});

export const outboxMessage = z.object({ ...outboxItemFields, bodyText: z.string(), bodyHtml: z.string(), hasCalendar: z.boolean() });

// ─── Accounts, users, passkeys, sessions, audit ────────────────────────────────────────────────

export const adminUser = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: instant.nullable(),
    createdAt: instant,
    agencyId: id.nullable(),
    agencySlug: z.string().nullable(),
    agencyName: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const adminUserList = z.object({ ...page(adminUser), pageCount: count });
export const userWithPassword = z.object({ user: adminUser, temporaryPassword: z.string().meta({ description: 'Shown this once; never stored in clear.' }) });

export const passkeySummary = z.object({ id: z.string(), name: z.string(), createdAt: instant, lastUsedAt: instant.nullable(), backedUp: z.boolean() });
export const passkeyList = z.object({ items: z.array(passkeySummary) });
export const passkeyRemoved = z.object({ removed: z.literal(true) });
export const passkeysReset = z.object({ removed: count, enrolmentUntil: instant });
export const enrolmentOpened = z.object({ enrolmentUntil: instant });
/** WebAuthn options for navigator.credentials (as @simplewebauthn/server makes them), with the challenge's id. */
export const webauthnOptions = z
  .object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) })
  .meta({ description: 'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON (WebAuthn Level 3) under `options`.' });
export const verified = z.object({ verified: z.literal(true) });
export const passwordChanged = z.object({ changed: z.literal(true) });

export const signInPolicy = z.object({ phishingResistantRoles: z.array(z.enum(ROLES)), setAt: instant.nullable() });

export const sessionTimes = z.object({ idleExpiresAt: instant, absoluteExpiresAt: instant, now: instant });
export const sessionMissing = errorBody.extend({ reason: z.string().meta({ description: 'Why there is no session: none, idle, expired, signed_out, …' }) });
export const providerLogout = z.object({ url: z.string().nullable() });

export const auditEvents = z.object({
  ...page(
    z.object({
      id,
      at: instant,
      actorId: id.nullable(),
      actorEmail: z.string().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
      agencySlug: z.string().nullable(),
      agencyAbbreviation: z.string().nullable(),
      before: z.unknown().meta({ description: 'The record before the change (JSON), or null.' }),
      after: z.unknown().meta({ description: 'The record after the change (JSON), or null.' }),
      hash: z.string(),
    }),
  ),
  pageCount: count,
});

// ─── next-auth ─────────────────────────────────────────────────────────────────────────────────

export const csrfToken = z.object({ csrfToken: z.string() });
export const authRedirect = z.object({ url: z.string() }).catchall(z.unknown());
export const authSession = z
  .object({ user: z.record(z.string(), z.unknown()).optional(), expires: z.string().optional() })
  .catchall(z.unknown())
  .meta({ description: 'next-auth’s session, `{}` when signed out.' });
export const authProviders = z.record(z.string(), z.object({ id: z.string(), name: z.string(), type: z.string(), signinUrl: z.string(), callbackUrl: z.string() }));

// ─── The plan ──────────────────────────────────────────────────────────────────────────────────

const planSource = z.object({ id, title: z.string(), url: z.string(), publishedOn: date.nullable() });

export const planObjective = z
  .object({
    id,
    pillar,
    pillarName: z.string(),
    number: id.nullable().meta({ description: 'Null where no source states the objective’s number (unnumbered).' }),
    title: z.string(),
    position: id,
    source: planSource.nullable(),
    sourcePage: z.string().nullable(),
    retiredAt: instant.nullable(),
    version: id,
  })
  .meta({ id: 'PlanObjective' });

export const priorityAction = z
  .object({
    id,
    code: z.string().meta({ description: 'pillar.objective.action, e.g. 1.3.2.' }),
    title: z.string(),
    pillar,
    pillarName: z.string(),
    objective: z.object({ id, number: id.nullable(), title: z.string() }).nullable(),
    leadAgency: agencyName.nullable(),
    supportingAgencies: z.array(agencyName),
    source: planSource.nullable(),
    sourcePage: z.string().nullable(),
    retiredAt: instant.nullable(),
    version: id,
  })
  .meta({ id: 'PriorityAction' });

export const planObjectiveList = z.object({ objectives: z.array(planObjective) });
export const priorityActionList = z.object({ actions: z.array(priorityAction) });
export const planObjectiveConflict = errorBody.extend({ current: planObjective.optional() });
export const priorityActionConflict = errorBody.extend({ current: priorityAction.optional() });
// ─── The public record ───────────────────────────────────────────────────────────────────────
export const publishableState = z.object({ id, publishable: z.boolean() });
export const releaseSummary = z
  .object({ number: id, asOf: date, publishedAt: instant, note: z.string(), deliverableCount: count })
  .meta({ id: 'ReleaseSummary' });
export const releaseList = z.object({ items: z.array(releaseSummary) });
