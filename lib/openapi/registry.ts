/**
 * Every route handler under app/api/, with what it reads (path, query, body: the same zod schemas
 * the handler parses with) and what it answers (lib/openapi/responses.ts). The OpenAPI document is
 * generated from this list (document.ts), and registry.test.ts walks app/api/ so that a route file
 * missing here fails the unit tests. Adding an endpoint: add its file here with its operations.
 */
import { z } from 'zod';
import { createAgencySchema, createUserSchema, agencySlugParams, changePasswordSchema, updateAgencySchema, updateUserSchema, userIdParams, userListQuery } from '@/lib/validations/admin';
import { auditExportQuery, auditListQuery } from '@/lib/validations/audit';
import { deliverableIdParams, pagingQuery } from '@/lib/validations/common';
import { agencyImportParams, deliverableImportRequest } from '@/lib/validations/deliverable-import';
import {
  createDeliverableSchema,
  deliverableListQuery,
  progressUpdateSchema,
  reinstateDeliverableSchema,
  updateDeliverableSchema,
  withdrawDeliverableSchema,
} from '@/lib/validations/deliverables';
import {
  approveSchema,
  cancelMeetingSchema,
  createMeetingSchema,
  meetingIdParams,
  meetingListQuery,
  postponeMeetingSchema,
  reminderSchema,
  reportParams,
  returnSchema,
  statementSchema,
  updateMeetingSchema,
} from '@/lib/validations/meetings';
import { meetingDocumentParams, meetingDocumentQuery, redraftMeetingDocumentSchema, saveMeetingDocumentSchema } from '@/lib/validations/meeting-documents';
import { calendarFeedParams, markReadSchema, notificationListQuery, outboxIdParams, outboxListQuery, preferencesSchema, unsubscribeQuery } from '@/lib/validations/notifications';
import { passkeyIdParams, registerPasskeySchema, signInPolicySchema, verifyPasskeySchema } from '@/lib/validations/passkeys';
import { pillarSummaryQuery } from '@/lib/validations/pillars';
import { createActionSchema, createObjectiveSchema, planItemParams, planListQuery, updateActionSchema, updateObjectiveSchema } from '@/lib/validations/plan';
import { planCoverageExportQuery } from '@/lib/validations/plan-coverage';
import { publishableSchema, publishReleaseSchema } from '@/lib/validations/releases';
import { createObservationSchema, updateObservationSchema } from '@/lib/validations/statistics';
import * as r from './responses';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The sections of the document, in the reference page's order. */
export const API_TAGS = ['Deliverables', 'Plan', 'Agencies', 'Meetings', 'Reports', 'Pillars and statistics', 'Notifications', 'Account', 'Administration', 'Signing in', 'Reference'] as const;
export type ApiTag = (typeof API_TAGS)[number];

/** The errors an operation may answer, each in the shape of `r.errorBody` unless given a schema. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export type Body = 'json' | 'csv' | 'calendar' | 'html' | 'redirect' | 'openapi' | 'docx' | 'markdown';

export type Operation = {
  summary: string;
  description?: string;
  tag: ApiTag;
  /** Who may call it: a session (the default), or anyone (the address carries its own secret, or it is public). */
  access?: 'session' | 'public';
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body is form-encoded (next-auth's endpoints), not JSON. */
  form?: true;
  /** The body may be left out. */
  bodyOptional?: true;
  /** Success: status → schema of a JSON answer, or the kind of file answered. */
  ok: Partial<Record<200 | 201 | 303, z.ZodType | Body>>;
  /** Files the 200 answer may be instead of its JSON, as the query chooses (a download's `format`). */
  files?: Exclude<Body, 'json' | 'redirect'>[];
  errors: ErrorStatus[];
  /** A schema for an error status whose body carries more than `r.errorBody`. */
  errorSchemas?: Partial<Record<ErrorStatus, z.ZodType>>;
};

export type Route = {
  /** The route file, relative to app/api/. */
  file: string;
  /** OpenAPI path(s) → operations. A catch-all file (next-auth's) serves several paths. */
  paths: Record<string, Partial<Record<Method, Operation>>>;
};

// Errors every signed-in endpoint can answer: no session (401), a role that may not (403), or a
// caller refused too often (429, with Retry-After).
const READ: ErrorStatus[] = [401, 403, 429];
const READ_ONE: ErrorStatus[] = [401, 403, 404, 429];
// A write also reads a body: invalid (400), too large (413).
const WRITE: ErrorStatus[] = [400, 401, 403, 413, 429];
const WRITE_ONE: ErrorStatus[] = [400, 401, 403, 404, 409, 413, 429];

export const ROUTES: Route[] = [
  {
    file: '[...missing]/route.ts',
    paths: {},
  },
  // ─── Deliverables ───────────────────────────────────────────────────────────────────────────
  {
    file: 'deliverables/route.ts',
    paths: {
      '/api/deliverables': {
        get: {
          tag: 'Deliverables',
          summary: 'Deliverables, filtered, searched and paged',
          description:
            'Withdrawn ones only with `status=withdrawn`. `status` is one status or several separated by commas. An agency or meeting that does not exist is a 400 naming it.',
          query: deliverableListQuery,
          ok: { 200: r.deliverableList },
          errors: [400, ...READ],
        },
        post: {
          tag: 'Deliverables',
          summary: 'Create a deliverable',
          description: 'Officials for their own agency, administrators for any.',
          body: createDeliverableSchema,
          ok: { 201: r.deliverableDetail },
          errors: WRITE,
        },
      },
    },
  },
  {
    file: 'deliverables/[id]/route.ts',
    paths: {
      '/api/deliverables/{id}': {
        get: { tag: 'Deliverables', summary: 'One deliverable', params: deliverableIdParams, ok: { 200: r.deliverableDetail }, errors: READ_ONE },
        patch: {
          tag: 'Deliverables',
          summary: 'Edit a deliverable’s details',
          description: 'Carries the `version` edited: a stale one gets 409 with the current record. Status and progress change only through updates.',
          params: deliverableIdParams,
          body: updateDeliverableSchema,
          ok: { 200: r.deliverableDetail },
          errors: WRITE_ONE,
          errorSchemas: { 409: r.deliverableConflict },
        },
        delete: {
          tag: 'Deliverables',
          summary: 'Delete a deliverable created by mistake (administrators)',
          description: 'Within 24 hours of its creation, without updates, and no meeting’s commitment; otherwise 409 naming what stops it.',
          params: deliverableIdParams,
          ok: { 200: r.deliverableDeleted },
          errors: [401, 403, 404, 409, 429],
        },
      },
    },
  },
  {
    file: 'deliverables/[id]/updates/route.ts',
    paths: {
      '/api/deliverables/{id}/updates': {
        get: { tag: 'Deliverables', summary: 'A deliverable’s update history, newest first', params: deliverableIdParams, query: pagingQuery, ok: { 200: r.progressUpdateList }, errors: [400, ...READ_ONE] },
        post: {
          tag: 'Deliverables',
          summary: 'Record a progress update',
          description: '`reason` is required for at_risk and blocked; a deliverable with a measure takes `measureActual` and refuses `progress`. With `version`, a stale one gets 409.',
          params: deliverableIdParams,
          body: progressUpdateSchema,
          ok: { 201: r.progressUpdateCreated },
          errors: WRITE_ONE,
          errorSchemas: { 409: r.deliverableConflict },
        },
      },
    },
  },
  {
    file: 'deliverables/[id]/withdraw/route.ts',
    paths: {
      '/api/deliverables/{id}/withdraw': {
        post: { tag: 'Deliverables', summary: 'Withdraw a deliverable, with the reason', params: deliverableIdParams, body: withdrawDeliverableSchema, ok: { 200: r.deliverableDetail }, errors: WRITE_ONE, errorSchemas: { 409: r.deliverableConflict } },
      },
    },
  },
  {
    file: 'deliverables/[id]/publishable/route.ts',
    paths: {
      '/api/deliverables/{id}/publishable': {
        put: {
          tag: 'Deliverables',
          summary: 'Mark a deliverable publishable, or not',
          description:
            'The lead agency’s officials and administrators. A publishable deliverable’s public fields (title, pillar, objective, agencies, status, progress, measure, due date, meeting announced at, source) go into the next release of the public record; releases already published are not changed.',
          params: deliverableIdParams,
          body: publishableSchema,
          ok: { 200: r.publishableState },
          errors: WRITE_ONE,
        },
      },
    },
  },
  {
    file: 'releases/route.ts',
    paths: {
      '/api/releases': {
        get: { tag: 'Deliverables', summary: 'The releases of the public record (chair staff, administrators)', ok: { 200: r.releaseList }, errors: READ },
        post: {
          tag: 'Deliverables',
          summary: 'Publish a release of the public record (chair staff, administrators)',
          description: 'Freezes the publishable, non-withdrawn deliverables’ public fields as of today, numbered after the last release; with an optional `note`.',
          body: publishReleaseSchema,
          bodyOptional: true,
          ok: { 201: r.releaseSummary },
          errors: WRITE,
        },
      },
    },
  },
  {
    file: 'deliverables/[id]/reinstate/route.ts',
    paths: {
      '/api/deliverables/{id}/reinstate': {
        post: { tag: 'Deliverables', summary: 'Reinstate a withdrawn deliverable where it stood', params: deliverableIdParams, body: reinstateDeliverableSchema, ok: { 200: r.deliverableDetail }, errors: WRITE_ONE, errorSchemas: { 409: r.deliverableConflict } },
      },
    },
  },
  {
    file: 'export/deliverables.csv/route.ts',
    paths: {
      '/api/export/deliverables.csv': {
        get: {
          tag: 'Deliverables',
          summary: 'Every deliverable matching the list’s filters, as CSV',
          query: deliverableListQuery.omit({ page: true, pageSize: true }),
          ok: { 200: 'csv' },
          errors: [400, ...READ],
        },
      },
    },
  },
  {
    file: 'agencies/[slug]/import/route.ts',
    paths: {
      '/api/agencies/{slug}/import': {
        post: {
          tag: 'Deliverables',
          summary: 'Import new deliverables for an agency from CSV',
          description: '`preview` reports every error of every row; `commit` imports all rows or none (400 with the same report).',
          params: agencyImportParams,
          body: deliverableImportRequest,
          ok: { 200: r.importReport, 201: r.importCommitted },
          errors: WRITE_ONE,
          errorSchemas: { 400: r.errorBody.extend(r.importReport.partial().shape) },
        },
      },
    },
  },
  // ─── Agencies ───────────────────────────────────────────────────────────────────────────────
  {
    file: 'agencies/route.ts',
    paths: { '/api/agencies': { get: { tag: 'Agencies', summary: 'Member agencies with their deliverable counts', ok: { 200: z.object({ items: z.array(r.agencyListItem) }) }, errors: READ } } },
  },
  {
    file: 'admin/agencies/route.ts',
    paths: {
      '/api/admin/agencies': {
        get: { tag: 'Administration', summary: 'Every agency (administrators)', ok: { 200: z.object({ agencies: z.array(r.adminAgency) }) }, errors: READ },
        post: { tag: 'Administration', summary: 'Add a member agency', body: createAgencySchema, ok: { 201: r.agencyChange }, errors: [...WRITE, 409] },
      },
    },
  },
  {
    file: 'admin/agencies/[slug]/route.ts',
    paths: {
      '/api/admin/agencies/{slug}': {
        patch: { tag: 'Administration', summary: 'Rename, retire or reinstate an agency', params: agencySlugParams, body: updateAgencySchema, ok: { 200: r.agencyChange }, errors: WRITE_ONE },
      },
    },
  },
  // ─── The plan ───────────────────────────────────────────────────────────────────────────────
  {
    file: 'plan/objectives/route.ts',
    paths: {
      '/api/plan/objectives': {
        get: {
          tag: 'Plan',
          summary: 'The plan’s objectives, by pillar',
          description: 'Retired ones only with `includeRetired=true`. An objective’s `number` is null where no source states it.',
          query: planListQuery,
          ok: { 200: r.planObjectiveList },
          errors: [400, ...READ],
        },
        post: { tag: 'Plan', summary: 'Add an objective (administrators)', body: createObjectiveSchema, ok: { 201: r.planObjective }, errors: WRITE },
      },
    },
  },
  {
    file: 'plan/objectives/[id]/route.ts',
    paths: {
      '/api/plan/objectives/{id}': {
        patch: {
          tag: 'Plan',
          summary: 'Edit, retire or restore an objective (administrators)',
          description: 'Carries the `version` edited: a stale one gets 409 with the current record. `retired: true` retires, `false` restores; its deliverables keep it.',
          params: planItemParams,
          body: updateObjectiveSchema,
          ok: { 200: r.planObjective },
          errors: WRITE_ONE,
          errorSchemas: { 409: r.planObjectiveConflict },
        },
      },
    },
  },
  {
    file: 'plan/actions/route.ts',
    paths: {
      '/api/plan/actions': {
        get: { tag: 'Plan', summary: 'The plan’s priority actions, by pillar and code', query: planListQuery, ok: { 200: r.priorityActionList }, errors: [400, ...READ] },
        post: {
          tag: 'Plan',
          summary: 'Add a priority action (administrators)',
          description: 'The code is pillar.objective.action in digits, its first number the pillar’s place (1 prevention … 4 partnership); the objective must be under that pillar.',
          body: createActionSchema,
          ok: { 201: r.priorityAction },
          errors: WRITE,
        },
      },
    },
  },
  {
    file: 'plan/actions/[id]/route.ts',
    paths: {
      '/api/plan/actions/{id}': {
        patch: {
          tag: 'Plan',
          summary: 'Edit, retire or restore a priority action (administrators)',
          description: 'Carries the `version` edited: a stale one gets 409 with the current record. `retired: true` retires, `false` restores.',
          params: planItemParams,
          body: updateActionSchema,
          ok: { 200: r.priorityAction },
          errors: WRITE_ONE,
          errorSchemas: { 409: r.priorityActionConflict },
        },
      },
    },
  },
  // ─── Meetings ───────────────────────────────────────────────────────────────────────────────
  {
    file: 'meetings/route.ts',
    paths: {
      '/api/meetings': {
        get: { tag: 'Meetings', summary: 'Meetings, newest first (or upcoming, soonest first)', query: meetingListQuery, ok: { 200: r.meetingList }, errors: [400, ...READ] },
        post: { tag: 'Meetings', summary: 'Plan a meeting (chair staff, administrators)', body: createMeetingSchema, ok: { 201: r.meetingDetail }, errors: WRITE },
      },
    },
  },
  {
    file: 'meetings/[id]/route.ts',
    paths: {
      '/api/meetings/{id}': {
        get: { tag: 'Meetings', summary: 'A meeting with its agenda, awards and commitments', params: meetingIdParams, ok: { 200: r.meetingDetail }, errors: READ_ONE },
        patch: { tag: 'Meetings', summary: 'Edit a meeting or record its outcome', params: meetingIdParams, body: updateMeetingSchema, ok: { 200: r.meetingDetail }, errors: WRITE_ONE, errorSchemas: { 409: r.meetingConflict } },
      },
    },
  },
  {
    file: 'meetings/[id]/postpone/route.ts',
    paths: { '/api/meetings/{id}/postpone': { post: { tag: 'Meetings', summary: 'Postpone a planned meeting to a later date', params: meetingIdParams, body: postponeMeetingSchema, ok: { 200: r.meetingDetail }, errors: WRITE_ONE, errorSchemas: { 409: r.meetingConflict } } } },
  },
  {
    file: 'meetings/[id]/cancel/route.ts',
    paths: { '/api/meetings/{id}/cancel': { post: { tag: 'Meetings', summary: 'Cancel a planned meeting, with the reason', params: meetingIdParams, body: cancelMeetingSchema, ok: { 200: r.meetingDetail }, errors: WRITE_ONE, errorSchemas: { 409: r.meetingConflict } } } },
  },
  {
    file: 'meetings/[id]/readiness/route.ts',
    paths: {
      '/api/meetings/{id}/readiness': {
        get: {
          tag: 'Meetings',
          summary: 'Each member agency’s readiness for a meeting',
          description: 'A planned meeting: now, and `atCutoff` once the cutoff has passed. A held one: `atCutoff` and `atMeeting` as kept then (`null` when none was kept).',
          params: meetingIdParams,
          ok: { 200: r.meetingReadiness },
          errors: READ_ONE,
        },
      },
    },
  },
  {
    file: 'meetings/[id]/calendar/route.ts',
    paths: { '/api/meetings/{id}/calendar': { get: { tag: 'Meetings', summary: 'The meeting and its reporting cutoff as iCalendar', params: meetingIdParams, ok: { 200: 'calendar' }, errors: [...READ_ONE, 409] } } },
  },
  {
    file: 'meetings/[id]/reminders/route.ts',
    paths: { '/api/meetings/{id}/reminders': { post: { tag: 'Meetings', summary: 'Remind an agency, or every agency not ready', params: meetingIdParams, body: reminderSchema, ok: { 201: r.remindersSent }, errors: WRITE_ONE } } },
  },
  {
    file: 'meetings/[id]/reports/[agency]/route.ts',
    paths: {
      '/api/meetings/{id}/reports/{agency}': {
        get: { tag: 'Reports', summary: 'An agency’s report for a meeting and what holds it up', params: reportParams, ok: { 200: r.agencyReport }, errors: READ_ONE },
        put: { tag: 'Reports', summary: 'Save the report’s statement (its officials, administrators)', params: reportParams, body: statementSchema, ok: { 200: r.agencyReport }, errors: WRITE_ONE },
      },
    },
  },
  {
    file: 'meetings/[id]/reports/[agency]/submit/route.ts',
    paths: {
      '/api/meetings/{id}/reports/{agency}/submit': {
        post: {
          tag: 'Reports',
          summary: 'Submit the report',
          description: 'Refused (400 `report_incomplete`, naming the first 25 deliverables and counting the rest) while something holds it up.',
          params: reportParams,
          ok: { 200: r.agencyReport },
          errors: [400, 401, 403, 404, 409, 429],
          errorSchemas: { 400: r.reportIncomplete },
        },
      },
    },
  },
  {
    file: 'meetings/[id]/reports/[agency]/approve/route.ts',
    paths: { '/api/meetings/{id}/reports/{agency}/approve': { post: { tag: 'Reports', summary: 'Approve a submitted report (chair staff)', params: reportParams, body: approveSchema, ok: { 200: r.agencyReport }, errors: WRITE_ONE } } },
  },
  {
    file: 'meetings/[id]/reports/[agency]/return/route.ts',
    paths: { '/api/meetings/{id}/reports/{agency}/return': { post: { tag: 'Reports', summary: 'Return a submitted report with a comment (chair staff)', params: reportParams, body: returnSchema, ok: { 200: r.agencyReport }, errors: WRITE_ONE } } },
  },
  {
    file: 'meetings/[id]/documents/[kind]/route.ts',
    paths: {
      '/api/meetings/{id}/documents/{kind}': {
        get: {
          tag: 'Meetings',
          summary: 'A meeting’s fact sheet or chair’s statement, as edited or drafted from the record (chair staff)',
          description: 'JSON by default; `format=docx`, `md` or `html` downloads it as a file (`pitf-YYYY-MM-DD-fact-sheet.docx`).',
          params: meetingDocumentParams,
          query: meetingDocumentQuery,
          ok: { 200: r.meetingDocument },
          files: ['docx', 'markdown', 'html'],
          errors: [400, ...READ_ONE],
        },
        put: {
          tag: 'Meetings',
          summary: 'Save the document’s edited text (chair staff)',
          description: 'Carries the `version` read; a stale one gets 409 with the current text.',
          params: meetingDocumentParams,
          body: saveMeetingDocumentSchema,
          ok: { 200: r.meetingDocument },
          errors: WRITE_ONE,
          errorSchemas: { 409: r.meetingDocumentConflict },
        },
        delete: {
          tag: 'Meetings',
          summary: 'Discard the edits: draft the document from the record again (chair staff)',
          params: meetingDocumentParams,
          body: redraftMeetingDocumentSchema,
          ok: { 200: r.meetingDocument },
          errors: WRITE_ONE,
          errorSchemas: { 409: r.meetingDocumentConflict },
        },
      },
    },
  },
  // ─── Pillars and statistics ─────────────────────────────────────────────────────────────────
  {
    file: 'pillars/summary/route.ts',
    paths: { '/api/pillars/summary': { get: { tag: 'Pillars and statistics', summary: 'Deliverables by pillar and status, now or as of a meeting', query: pillarSummaryQuery, ok: { 200: r.pillarSummary }, errors: [400, ...READ] } } },
  },
  {
    file: 'plan/coverage/route.ts',
    paths: {
      '/api/plan/coverage': {
        get: {
          tag: 'Pillars and statistics',
          summary: 'Coverage of the National Action Plan: objectives and priority actions with their agencies and deliverables by status, the gaps, agencies by objective',
          description: 'Withdrawn deliverables leave every count. An objective or action is served when an open or completed deliverable serves it; `gaps` lists those none serves and the deliverables serving no objective, by lead agency.',
          ok: { 200: r.planCoverage },
          errors: READ,
        },
      },
    },
  },
  {
    file: 'export/plan-coverage.csv/route.ts',
    paths: {
      '/api/export/plan-coverage.csv': {
        get: {
          tag: 'Pillars and statistics',
          summary: 'One table of the plan’s coverage as CSV: `objectives` (the default), `actions` or `matrix` (agencies by objective)',
          query: planCoverageExportQuery,
          ok: { 200: 'csv' },
          errors: [400, ...READ],
        },
      },
    },
  },
  {
    file: 'statistics/route.ts',
    paths: { '/api/statistics': { get: { tag: 'Pillars and statistics', summary: 'Every indicator with its observations and sources', ok: { 200: r.statistics }, errors: READ } } },
  },
  {
    file: 'statistics/observations/route.ts',
    paths: {
      '/api/statistics/observations': {
        post: { tag: 'Pillars and statistics', summary: 'Add an observation (administrators)', body: createObservationSchema, ok: { 201: r.observation }, errors: WRITE },
        patch: { tag: 'Pillars and statistics', summary: 'Correct an observation (administrators)', body: updateObservationSchema, ok: { 200: r.observation }, errors: [...WRITE, 404] },
      },
    },
  },
  // ─── Notifications and calendars ────────────────────────────────────────────────────────────
  {
    file: 'notifications/route.ts',
    paths: { '/api/notifications': { get: { tag: 'Notifications', summary: 'The signed-in person’s notifications, 25 a page', query: notificationListQuery, ok: { 200: r.notificationPage }, errors: [400, ...READ] } } },
  },
  {
    file: 'notifications/unread/route.ts',
    paths: { '/api/notifications/unread': { get: { tag: 'Notifications', summary: 'The unread count (not counted as activity)', ok: { 200: r.unreadCount }, errors: READ } } },
  },
  {
    file: 'notifications/read/route.ts',
    paths: { '/api/notifications/read': { post: { tag: 'Notifications', summary: 'Mark notifications read: `{ ids }` or `{ all: true }`', body: markReadSchema, ok: { 200: r.unreadCount }, errors: WRITE } } },
  },
  {
    file: 'account/notifications/route.ts',
    paths: {
      '/api/account/notifications': {
        get: { tag: 'Notifications', summary: 'How each kind of notice is e-mailed to the person', ok: { 200: r.preferences }, errors: READ },
        put: { tag: 'Notifications', summary: 'Choose how each kind is e-mailed', body: preferencesSchema, ok: { 200: r.preferences }, errors: WRITE },
      },
    },
  },
  {
    file: 'account/calendar-feed/route.ts',
    paths: {
      '/api/account/calendar-feed': {
        get: { tag: 'Notifications', summary: 'Whether the person has a private calendar address', ok: { 200: r.calendarFeed }, errors: READ },
        post: { tag: 'Notifications', summary: 'Make a new calendar address (shown once; the old one stops working)', ok: { 201: r.calendarFeedCreated }, errors: [401, 403, 429] },
        delete: { tag: 'Notifications', summary: 'Turn the calendar address off', ok: { 200: r.calendarFeedRevoked }, errors: [401, 403, 429] },
      },
    },
  },
  {
    file: 'calendar/[token]/route.ts',
    paths: {
      '/api/calendar/{token}': {
        get: {
          tag: 'Notifications',
          access: 'public',
          summary: 'A person’s calendar feed (the secret token is the credential)',
          params: calendarFeedParams,
          ok: { 200: 'calendar' },
          errors: [404],
        },
      },
    },
  },
  {
    file: 'unsubscribe/route.ts',
    paths: {
      '/api/unsubscribe': {
        get: { tag: 'Notifications', access: 'public', summary: 'Sends the browser to the unsubscribe page (changes nothing)', query: unsubscribeQuery, ok: { 303: 'redirect' }, errors: [400] },
        post: {
          tag: 'Notifications',
          access: 'public',
          summary: 'One-click unsubscribe (RFC 8058), from any origin',
          description: 'The signed token names the person and the kind of e-mail. The unsubscribe page’s own form (`return=page`) is answered with a redirect back to it.',
          query: unsubscribeQuery,
          body: z.object({ return: z.literal('page').optional() }).catchall(z.string()),
          form: true,
          bodyOptional: true,
          ok: { 200: r.unsubscribed, 303: 'redirect' },
          errors: [400, 413],
        },
      },
    },
  },
  {
    file: 'admin/outbox/route.ts',
    paths: { '/api/admin/outbox': { get: { tag: 'Administration', summary: 'Every e-mail the app has written (administrators)', query: outboxListQuery, ok: { 200: r.outboxPage }, errors: [400, ...READ] } } },
  },
  {
    file: 'admin/outbox/[id]/route.ts',
    paths: { '/api/admin/outbox/{id}': { get: { tag: 'Administration', summary: 'One e-mail with both its parts', params: outboxIdParams, ok: { 200: r.outboxMessage }, errors: READ_ONE } } },
  },
  {
    file: 'admin/outbox/[id]/html/route.ts',
    paths: { '/api/admin/outbox/{id}/html': { get: { tag: 'Administration', summary: 'One e-mail’s HTML part alone (sandboxed)', params: outboxIdParams, ok: { 200: 'html' }, errors: READ_ONE } } },
  },
  {
    file: 'admin/outbox/[id]/retry/route.ts',
    paths: { '/api/admin/outbox/{id}/retry': { post: { tag: 'Administration', summary: 'Put a failed e-mail back in the queue', params: outboxIdParams, ok: { 200: r.outboxMessage }, errors: [401, 403, 404, 409, 429] } } },
  },
  // ─── Accounts and administration ────────────────────────────────────────────────────────────
  {
    file: 'admin/users/route.ts',
    paths: {
      '/api/admin/users': {
        get: { tag: 'Administration', summary: 'Accounts, paged (administrators)', query: userListQuery, ok: { 200: r.adminUserList }, errors: [400, ...READ] },
        post: { tag: 'Administration', summary: 'Create an account; answered with its one-time password', body: createUserSchema, ok: { 201: r.userWithPassword }, errors: [...WRITE, 409] },
      },
    },
  },
  {
    file: 'admin/users/[id]/route.ts',
    paths: {
      '/api/admin/users/{id}': {
        get: { tag: 'Administration', summary: 'One account', params: userIdParams, ok: { 200: r.adminUser }, errors: READ_ONE },
        patch: { tag: 'Administration', summary: 'Change an account’s name, role, agency or status', description: 'The last active administrator cannot be demoted or deactivated (409).', params: userIdParams, body: updateUserSchema, ok: { 200: r.adminUser }, errors: WRITE_ONE },
      },
    },
  },
  {
    file: 'admin/users/[id]/password-reset/route.ts',
    paths: { '/api/admin/users/{id}/password-reset': { post: { tag: 'Administration', summary: 'A new one-time password; every session of the account ends', params: userIdParams, ok: { 200: r.userWithPassword }, errors: [401, 403, 404, 409, 429] } } },
  },
  {
    file: 'admin/users/[id]/passkeys-reset/route.ts',
    paths: { '/api/admin/users/{id}/passkeys-reset': { post: { tag: 'Administration', summary: 'Remove every passkey of the account and open a 72-hour enrolment window', params: userIdParams, ok: { 200: r.passkeysReset }, errors: [401, 403, 404, 429] } } },
  },
  {
    file: 'admin/users/[id]/passkey-enrolment/route.ts',
    paths: { '/api/admin/users/{id}/passkey-enrolment': { post: { tag: 'Administration', summary: 'Open a 72-hour passkey enrolment window', params: userIdParams, ok: { 200: r.enrolmentOpened }, errors: [401, 403, 404, 429] } } },
  },
  {
    file: 'admin/sign-in-policy/route.ts',
    paths: {
      '/api/admin/sign-in-policy': {
        get: { tag: 'Administration', summary: 'Which roles must sign in with a phishing-resistant method', ok: { 200: r.signInPolicy }, errors: READ },
        put: { tag: 'Administration', summary: 'Set the sign-in policy', body: signInPolicySchema, ok: { 200: r.signInPolicy }, errors: WRITE },
      },
    },
  },
  {
    file: 'admin/audit/route.ts',
    paths: {
      '/api/admin/audit': {
        get: {
          tag: 'Administration',
          summary: 'Audit events, newest first, filtered and paged (administrators)',
          description: '`from`/`to` are calendar dates counted as whole days in the time zone `tz`. Other roles get 403, and the refusal is recorded.',
          query: auditListQuery,
          ok: { 200: r.auditEvents },
          errors: [400, ...READ],
        },
      },
    },
  },
  {
    file: 'admin/audit/export.csv/route.ts',
    paths: { '/api/admin/audit/export.csv': { get: { tag: 'Administration', summary: 'Every audit event matching the filters, as CSV', query: auditExportQuery, ok: { 200: 'csv' }, errors: [400, ...READ] } } },
  },
  {
    file: 'account/password/route.ts',
    paths: {
      '/api/account/password': {
        post: { tag: 'Account', summary: 'Change one’s own password; other sessions end', body: changePasswordSchema, ok: { 200: r.passwordChanged }, errors: WRITE },
      },
    },
  },
  {
    file: 'account/passkeys/route.ts',
    paths: {
      '/api/account/passkeys': {
        get: { tag: 'Account', summary: 'One’s own passkeys', ok: { 200: r.passkeyList }, errors: READ },
        post: { tag: 'Account', summary: 'Register a passkey (the browser’s answer to the options)', body: registerPasskeySchema, ok: { 201: r.passkeySummary }, errors: [...WRITE, 409] },
      },
    },
  },
  {
    file: 'account/passkeys/options/route.ts',
    paths: { '/api/account/passkeys/options': { post: { tag: 'Account', summary: 'Options to create a passkey, with the challenge’s id', ok: { 200: r.webauthnOptions }, errors: [401, 403, 429] } } },
  },
  {
    file: 'account/passkeys/[id]/route.ts',
    paths: {
      '/api/account/passkeys/{id}': {
        delete: { tag: 'Account', summary: 'Remove one of one’s passkeys (not the last while the role requires one: 409)', params: passkeyIdParams, ok: { 200: r.passkeyRemoved }, errors: [401, 403, 404, 409, 429] },
      },
    },
  },
  {
    file: 'account/passkeys/verify/options/route.ts',
    paths: { '/api/account/passkeys/verify/options': { post: { tag: 'Account', summary: 'Options for the passkey step after a password', ok: { 200: r.webauthnOptions }, errors: [401, 403, 429] } } },
  },
  {
    file: 'account/passkeys/verify/route.ts',
    paths: { '/api/account/passkeys/verify': { post: { tag: 'Account', summary: 'Complete the passkey step', body: verifyPasskeySchema, ok: { 200: r.verified }, errors: WRITE } } },
  },
  {
    file: 'session/route.ts',
    paths: {
      '/api/session': {
        get: { tag: 'Account', summary: 'When the session ends (not counted as activity)', ok: { 200: r.sessionTimes }, errors: [401], errorSchemas: { 401: r.sessionMissing } },
        post: { tag: 'Account', summary: '“Stay signed in”: restarts the idle clock', ok: { 200: r.sessionTimes }, errors: [401, 403, 429] },
      },
    },
  },
  {
    file: 'session/provider-logout/route.ts',
    paths: { '/api/session/provider-logout': { get: { tag: 'Account', summary: 'Where to go after signing out of a single sign-on session, or null', ok: { 200: r.providerLogout }, errors: [401, 429] } } },
  },
  // ─── Signing in ─────────────────────────────────────────────────────────────────────────────
  {
    file: 'auth/passkey-options/route.ts',
    paths: { '/api/auth/passkey-options': { post: { tag: 'Signing in', access: 'public', summary: 'Options for signing in with a passkey (signed out)', ok: { 200: r.webauthnOptions }, errors: [403, 429] } } },
  },
  {
    // next-auth's own endpoints (a catch-all route): the ones the app's pages and tests use.
    file: 'auth/[...nextauth]/route.ts',
    paths: {
      '/api/auth/csrf': { get: { tag: 'Signing in', access: 'public', summary: 'next-auth’s CSRF token for the sign-in form', ok: { 200: r.csrfToken }, errors: [] } },
      '/api/auth/session': { get: { tag: 'Signing in', access: 'public', summary: 'next-auth’s session (`{}` when signed out)', ok: { 200: r.authSession }, errors: [] } },
      '/api/auth/providers': { get: { tag: 'Signing in', access: 'public', summary: 'The sign-in methods configured', ok: { 200: r.authProviders }, errors: [] } },
      '/api/auth/callback/{provider}': {
        post: {
          tag: 'Signing in',
          access: 'public',
          summary: 'Sign in (form-encoded `csrfToken`, `email`, `password`, `json=true`)',
          description: 'Answers next-auth’s `{ url }`; the session cookie is set on success, and a `callbackUrl` of `/start` comes back as the user’s own landing page. Too many failed sign-ins from one address, or the server’s line of password checks full: 429 with Retry-After.',
          params: z.object({ provider: z.string() }),
          body: z.object({ csrfToken: z.string(), email: z.string().optional(), password: z.string().optional(), json: z.string().optional() }).catchall(z.string()),
          form: true,
          ok: { 200: r.authRedirect },
          errors: [429],
          errorSchemas: { 429: r.errorBody.extend({ url: z.string() }) },
        },
      },
      '/api/auth/signout': { post: { tag: 'Signing in', access: 'public', summary: 'Sign out (form-encoded `csrfToken`)', body: z.object({ csrfToken: z.string() }).catchall(z.string()), form: true, ok: { 200: r.authRedirect }, errors: [] } },
    },
  },
  // ─── The document itself ────────────────────────────────────────────────────────────────────
  {
    file: 'openapi.json/route.ts',
    paths: { '/api/openapi.json': { get: { tag: 'Reference', access: 'public', summary: 'This document (OpenAPI 3.1)', ok: { 200: 'openapi' }, errors: [] } } },
  },
];

