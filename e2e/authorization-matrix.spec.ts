/**
 * Who may change what, for every endpoint that changes something and every kind of caller.
 *
 * ENDPOINTS is the matrix: one row per mutating endpoint with the outcome expected for each actor
 * (written out here, never derived from lib/authorization.ts), a valid request built for each
 * cell, and the rows that request would change. For every endpoint × actor a test sends the
 * request as that actor through a real signed-in session and checks:
 *   - refused (401 signed out, 403 otherwise): the rows are as they were, and a 403 left a
 *     'denied' event for that user and `METHOD /actual/path` in the audit trail;
 *   - allowed (200 or 201): the change happened.
 * The bodies are valid, so a refusal can never hide behind a 400.
 *
 * To add an endpoint, add a row; a target that must exist before the request (a user to edit, an
 * agency to retire) goes into Fixtures and is made in beforeAll, as the admin through the API. A
 * row about the caller themselves (their own password) reads `cell.email`. The last test fails
 * while a route file under app/api exports a POST, PUT, PATCH or DELETE handler that has no row
 * here (or in OUTSIDE_THE_MATRIX, with the reason), so a new endpoint cannot go untested.
 *
 * Fixtures: a deliverable of NSC, a planned SPOG meeting in 2099 where DPC reports, an
 * observation from 2000 and a viewer account, created in beforeAll through the API, and a retired
 * agency written straight into the file. No other spec file touches NSC or
 * DPC, and DPC leads no deliverable, so its report can always be submitted. Each cell first
 * brings its target into the state in which an allowed actor would succeed (`arrange`), so the
 * cells do not depend on one another's order; the allowed ones still run last.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { apiSession, direct, openTestDatabase } from './helpers';

const ACTORS = ['signed out', 'viewer', 'chair', 'admin', 'own agency', 'other agency'] as const;
type Actor = (typeof ACTORS)[number];

/**
 * 200/201: allowed and done. 401: not signed in. 403: signed in, not allowed. 400: allowed, but
 * the cell's request is refused on its content and changes nothing — used where a success would
 * change what other tests rely on (the member agencies they count, a demo account's password).
 */
type Outcome = 200 | 201 | 400 | 401 | 403;

/** "own agency" is the official of the agency that owns the target, "other agency" the other one. */
const FIXTURE_AGENCIES = { nsc: 'dpc', dpc: 'nsc' } as const;
type FixtureAgency = keyof typeof FIXTURE_AGENCIES;

const MUTATING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof MUTATING_METHODS)[number];

type Fixtures = {
  /** Marks this run's rows: titles, notes and statements start with it. */
  run: string;
  deliverableId: number;
  /** Withdrawn and reinstated in turn, apart from the one the other rows edit. */
  lifecycleDeliverableId: number;
  /** Made to be deleted; once deleted, the next cell makes another. */
  mistakeDeliverableId: number;
  meetingId: number;
  /** Where DPC's report moves through its states; an approved report is final, so this moves on. */
  reportMeetingId: number;
  /** A meeting to cancel; a cancelled meeting is final (until reinstated), so this moves on. */
  cancelMeetingId: number;
  observationId: number;
  /** An account to edit and reset, made for this run. */
  userId: number;
  /** A retired agency of this run, so renaming it changes nothing other tests count. */
  agencySlug: string;
};

/** One request of the matrix: who sends it (`email` null when signed out), and the admin for setting up. */
type Cell = { actor: Actor; email: string | null; fx: Fixtures; db: Database.Database; admin: APIRequestContext };

type Endpoint<S> = {
  method: Method;
  /** As in README.md's endpoint table, with `:name` for each path parameter. */
  path: string;
  /** The agency whose official is "own agency". */
  owner: FixtureAgency;
  outcomes: Record<Actor, Outcome>;
  params?: (cell: Cell) => Record<string, string | number>;
  /** Brings the target into the state in which an allowed actor would succeed. */
  arrange?: (cell: Cell) => Promise<void>;
  body?: (cell: Cell) => unknown;
  /** The rows the request would change, read straight from the database. */
  snapshot: (cell: Cell) => S;
  /** What an allowed request must have changed. */
  changed: (before: S, after: S, cell: Cell) => void;
  /** Sent straight to the app, past the validation proxy: the body is invalid on purpose, and the proxy would answer 422 itself. */
  straight?: true;
};

/** Keeps each row's snapshot type while the table holds rows of different types. */
const endpoint = <S>(row: Endpoint<S>) => row as unknown as Endpoint<unknown>;

// ── Reading the database ───────────────────────────────────────────────────────────────────

type Row = Record<string, unknown>;

const get = <T = Row>(db: Database.Database, sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T | undefined;
const all = <T = Row>(db: Database.Database, sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
/** The one number a query selects `AS n`. */
const scalar = (db: Database.Database, sql: string, ...args: unknown[]) => get<{ n: number }>(db, sql, ...args)!.n;

const agencyId = (db: Database.Database, slug: string) => get<{ id: number }>(db, 'SELECT id FROM agencies WHERE slug = ?', slug)!.id;

/** An address for an account a cell creates, unique to the run and the actor. */
const emailFor = ({ fx, actor }: Cell) => `${fx.run.replace(/\W+/g, '.').toLowerCase()}.${actor.replace(/\W+/g, '.')}@agency.example`;

/** Who the request is signed as, in words a cell's text and body can carry. */
const by = ({ fx, actor }: Cell) => `${fx.run}: ${actor}`;

/** The matrix's own plan objective and priority action (code 4.99.1), found by the action's code. */
const PLAN_FIXTURE_CODE = '4.99.1';
function planFixtureIds(db: Database.Database): { objectiveId: number; actionId: number } {
  const row = get<{ objectiveId: number; actionId: number }>(db, 'SELECT objective_id AS objectiveId, id AS actionId FROM nap_actions WHERE code = ?', PLAN_FIXTURE_CODE);
  if (!row) throw new Error('The plan fixtures are not made yet');
  return row;
}

/** Made once, as the admin through the API, then retired: nothing other tests count or offer changes. */
async function planFixtures({ db, admin, fx }: Cell): Promise<void> {
  if (get(db, 'SELECT id FROM nap_actions WHERE code = ?', PLAN_FIXTURE_CODE)) return;
  const objective = (await ok(admin.post('/api/plan/objectives', { data: { pillar: 'partnership', title: `${fx.run}: an objective to edit` } }))) as { id: number; version: number };
  const action = (await ok(
    admin.post('/api/plan/actions', { data: { code: PLAN_FIXTURE_CODE, pillar: 'partnership', title: `${fx.run}: an action to edit`, objectiveId: objective.id } }),
  )) as { id: number; version: number };
  await ok(admin.patch(`/api/plan/actions/${action.id}`, { data: { version: action.version, retired: true } }));
  await ok(admin.patch(`/api/plan/objectives/${objective.id}`, { data: { version: objective.version, retired: true } }));
}

const deliverable = ({ db, fx }: Cell) => get(db, 'SELECT * FROM deliverables WHERE id = ?', fx.deliverableId)!;
const lifecycleDeliverable = ({ db, fx }: Cell) =>
  get<{ id: number; status: string; status_reason: string | null; version: number }>(db, 'SELECT id, status, status_reason, version FROM deliverables WHERE id = ?', fx.lifecycleDeliverableId)!;
const addNscDeliverable = async (admin: APIRequestContext, title: string) =>
  (await ok(admin.post('/api/deliverables', { data: { leadAgency: 'nsc', title, pillar: 'partnership' } }))).id as number;
const deliverablesTitled = (db: Database.Database, title: string) =>
  all(db, 'SELECT id, lead_agency_id FROM deliverables WHERE title = ?', title);
/** The version of one of the matrix meeting's public documents, 0 while it has never been saved. */
const documentVersion = ({ db, fx }: Cell, kind = 'fact_sheet') =>
  get<{ version: number }>(db, 'SELECT version FROM meeting_documents WHERE meeting_id = ? AND kind = ?', fx.meetingId, kind)?.version ?? 0;
const meeting = ({ db, fx }: Cell) => get(db, 'SELECT * FROM meetings WHERE id = ?', fx.meetingId)!;

function report({ db, fx }: Cell) {
  const row = get(
    db,
    'SELECT r.* FROM agency_reports r JOIN agencies a ON a.id = r.agency_id WHERE r.meeting_id = ? AND a.slug = ?',
    fx.reportMeetingId,
    'dpc',
  );
  const events = row ? scalar(db, 'SELECT count(*) AS n FROM agency_report_events WHERE report_id = ?', row.id) : 0;
  return { row: row ?? null, events };
}

// ── Setting up targets, as the admin ───────────────────────────────────────────────────────

async function ok(response: Promise<APIResponse>) {
  const settled = await response;
  expect(settled.ok(), `${settled.url()}: ${await settled.text()}`).toBe(true);
  return (await settled.json()) as { id: number };
}

async function planMeeting(admin: APIRequestContext, title: string) {
  return (await ok(admin.post('/api/meetings', { data: { kind: 'spog', title, date: '2099-03-02' } }))).id;
}

/**
 * Puts DPC's report where the cell needs it: `editing` (draft or returned: it can be written and
 * submitted) or `review` (submitted: it can be approved or returned).
 */
async function reportReadyFor(cell: Cell, wanted: 'editing' | 'review') {
  const { admin, fx } = cell;
  if (report(cell).row?.state === 'approved') {
    fx.reportMeetingId = await planMeeting(admin, `${fx.run}: reports, continued`);
  }
  const url = `/api/meetings/${fx.reportMeetingId}/reports/dpc`;
  const state = report(cell).row?.state ?? null;
  if (state === null) await ok(admin.put(url, { data: { statement: `${fx.run}: DPC’s statement.` } }));
  if (wanted === 'editing' && state === 'submitted') await ok(admin.post(`${url}/return`, { data: { comment: 'Add the dates.' } }));
  if (wanted === 'review' && state !== 'submitted') await ok(admin.post(`${url}/submit`));
}

// ── The matrix ─────────────────────────────────────────────────────────────────────────────

const ENDPOINTS = [
  endpoint({
    method: 'POST',
    path: '/api/deliverables',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 201, 'own agency': 201, 'other agency': 403 },
    body: (cell) => ({ leadAgency: 'nsc', title: `${by(cell)} adds a deliverable`, pillar: 'partnership' }),
    snapshot: (cell) => deliverablesTitled(cell.db, `${by(cell)} adds a deliverable`),
    changed: (before, after, { db }) => {
      expect(before).toEqual([]);
      expect(after).toEqual([{ id: expect.any(Number), lead_agency_id: agencyId(db, 'nsc') }]);
    },
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/deliverables/:id',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 200, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.deliverableId }),
    body: (cell) => ({ version: deliverable(cell).version, description: `${by(cell)} edits the details.` }),
    snapshot: deliverable,
    changed: (before, after, cell) => {
      expect(after.version).toBe((before.version as number) + 1);
      expect(after.description).toBe(`${by(cell)} edits the details.`);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/deliverables/:id/updates',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 201, 'own agency': 201, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.deliverableId }),
    body: (cell) => ({ status: 'at_risk', progress: 40, reason: 'Waiting on a partner agency.', note: `${by(cell)} posts an update.` }),
    snapshot: (cell) => ({
      row: deliverable(cell),
      updates: scalar(cell.db, 'SELECT count(*) AS n FROM progress_updates WHERE deliverable_id = ?', cell.fx.deliverableId),
    }),
    changed: (before, after) => {
      expect(after.updates).toBe(before.updates + 1);
      expect(after.row).toMatchObject({ status: 'at_risk', progress: 40, version: (before.row.version as number) + 1 });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/deliverables/:id/withdraw',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 200, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.lifecycleDeliverableId }),
    arrange: async (cell) => {
      const row = lifecycleDeliverable(cell);
      if (row.status === 'withdrawn') await ok(cell.admin.post(`/api/deliverables/${row.id}/reinstate`, { data: { version: row.version } }));
    },
    body: (cell) => ({ version: lifecycleDeliverable(cell).version, reason: `${by(cell)} withdraws it.` }),
    snapshot: lifecycleDeliverable,
    changed: (before, after, cell) => {
      expect(before.status).not.toBe('withdrawn');
      expect(after).toMatchObject({ status: 'withdrawn', status_reason: `${by(cell)} withdraws it.` });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/deliverables/:id/reinstate',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 200, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.lifecycleDeliverableId }),
    arrange: async (cell) => {
      const row = lifecycleDeliverable(cell);
      if (row.status !== 'withdrawn') {
        await ok(cell.admin.post(`/api/deliverables/${row.id}/withdraw`, { data: { version: row.version, reason: 'Set up to be reinstated.' } }));
      }
    },
    body: (cell) => ({ version: lifecycleDeliverable(cell).version }),
    snapshot: lifecycleDeliverable,
    changed: (before, after) => {
      expect(before.status).toBe('withdrawn');
      expect(after.status).toBe('not_started');
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/api/deliverables/:id',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.mistakeDeliverableId }),
    arrange: async (cell) => {
      if (!get(cell.db, 'SELECT id FROM deliverables WHERE id = ?', cell.fx.mistakeDeliverableId)) {
        cell.fx.mistakeDeliverableId = await addNscDeliverable(cell.admin, `${cell.fx.run}: another deliverable made by mistake`);
      }
    },
    snapshot: ({ db, fx }) => get(db, 'SELECT id, title FROM deliverables WHERE id = ?', fx.mistakeDeliverableId) ?? null,
    changed: (before, after) => {
      expect(before).not.toBeNull();
      expect(after).toBeNull();
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/agencies/:slug/import',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 201, 'own agency': 201, 'other agency': 403 },
    params: () => ({ slug: 'nsc' }),
    body: (cell) => ({ csv: `title,pillar\n"${by(cell)} imports a deliverable",prevention\n`, mode: 'commit' }),
    snapshot: (cell) => deliverablesTitled(cell.db, `${by(cell)} imports a deliverable`),
    changed: (before, after, { db }) => {
      expect(before).toEqual([]);
      expect(after).toEqual([{ id: expect.any(Number), lead_agency_id: agencyId(db, 'nsc') }]);
    },
  }),
  // Meetings belong to no agency: DPC, which reports at the fixture meeting, stands as "own agency".
  endpoint({
    method: 'POST',
    path: '/api/meetings',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 201, admin: 201, 'own agency': 403, 'other agency': 403 },
    body: (cell) => ({ kind: 'working_group', title: `${by(cell)} plans a meeting`, date: '2099-04-01' }),
    snapshot: (cell) => all(cell.db, 'SELECT id, status FROM meetings WHERE title = ?', `${by(cell)} plans a meeting`),
    changed: (before, after) => {
      expect(before).toEqual([]);
      expect(after).toEqual([{ id: expect.any(Number), status: 'planned' }]);
    },
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/meetings/:id',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.meetingId }),
    body: (cell) => ({ version: meeting(cell).version, location: `${by(cell)} moves the meeting` }),
    snapshot: meeting,
    changed: (before, after, cell) => {
      expect(after.version).toBe((before.version as number) + 1);
      expect(after.location).toBe(`${by(cell)} moves the meeting`);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/meetings/:id/postpone',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.meetingId }),
    body: (cell) => {
      const { version, date } = meeting(cell) as { version: number; date: string };
      const later = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      return { version, date: later };
    },
    snapshot: meeting,
    changed: (before, after) => {
      expect((after.date as string) > (before.date as string)).toBe(true);
      expect(after.postponed_from).toBe(before.postponed_from ?? before.date);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/meetings/:id/cancel',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.cancelMeetingId }),
    arrange: async (cell) => {
      const status = get<{ status: string }>(cell.db, 'SELECT status FROM meetings WHERE id = ?', cell.fx.cancelMeetingId)!.status;
      if (status === 'cancelled') cell.fx.cancelMeetingId = await planMeeting(cell.admin, `${cell.fx.run}: another meeting to cancel`);
    },
    body: (cell) => ({
      version: get<{ version: number }>(cell.db, 'SELECT version FROM meetings WHERE id = ?', cell.fx.cancelMeetingId)!.version,
      reason: `${by(cell)} cancels it.`,
    }),
    snapshot: ({ db, fx }) => get(db, 'SELECT id, status, cancelled_reason FROM meetings WHERE id = ?', fx.cancelMeetingId)!,
    changed: (_before, after, cell) => {
      expect(after).toMatchObject({ status: 'cancelled', cancelled_reason: `${by(cell)} cancels it.` });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/meetings/:id/reminders',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 201, admin: 201, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.meetingId }),
    body: (cell) => ({ agency: 'dpc', message: `${by(cell)} reminds DPC.` }),
    snapshot: ({ db, fx }) => all(db, 'SELECT message FROM reminders WHERE meeting_id = ? ORDER BY id', fx.meetingId),
    changed: (before, after, cell) => {
      expect(after).toEqual([...before, { message: `${by(cell)} reminds DPC.` }]);
    },
  }),
  // The meeting's public documents are the chair's staff's drafts.
  endpoint({
    method: 'PUT',
    path: '/api/meetings/:id/documents/:kind',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.meetingId, kind: 'fact_sheet' }),
    body: (cell) => ({ version: documentVersion(cell), body: `## Prevention\n\n${by(cell)} writes the fact sheet.` }),
    snapshot: ({ db, fx }) => get(db, "SELECT body FROM meeting_documents WHERE meeting_id = ? AND kind = 'fact_sheet'", fx.meetingId) ?? null,
    changed: (_before, after, cell) => {
      expect(after).toEqual({ body: `## Prevention\n\n${by(cell)} writes the fact sheet.` });
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/api/meetings/:id/documents/:kind',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.meetingId, kind: 'chair_statement' }),
    // An edited statement, so that a redraft has something to put back.
    arrange: async (cell) => {
      await ok(cell.admin.put(`/api/meetings/${cell.fx.meetingId}/documents/chair_statement`, { data: { version: documentVersion(cell, 'chair_statement'), body: `${cell.fx.run}: an edited statement.` } }));
    },
    body: (cell) => ({ version: documentVersion(cell, 'chair_statement') }),
    snapshot: ({ db, fx }) => get(db, "SELECT body FROM meeting_documents WHERE meeting_id = ? AND kind = 'chair_statement'", fx.meetingId) ?? null,
    changed: (_before, after) => {
      expect(after).toEqual({ body: '' });
    },
  }),
  endpoint({
    method: 'PUT',
    path: '/api/meetings/:id/reports/:agency',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 200, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.reportMeetingId, agency: 'dpc' }),
    arrange: (cell) => reportReadyFor(cell, 'editing'),
    body: (cell) => ({ statement: `${by(cell)} writes DPC’s statement.` }),
    snapshot: report,
    changed: (_before, after, cell) => {
      expect(after.row?.statement).toBe(`${by(cell)} writes DPC’s statement.`);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/meetings/:id/reports/:agency/submit',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 200, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.reportMeetingId, agency: 'dpc' }),
    arrange: (cell) => reportReadyFor(cell, 'editing'),
    snapshot: report,
    changed: (before, after) => {
      expect(after.row?.state).toBe('submitted');
      expect(after.events).toBe(before.events + 1);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/meetings/:id/reports/:agency/return',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.reportMeetingId, agency: 'dpc' }),
    arrange: (cell) => reportReadyFor(cell, 'review'),
    body: (cell) => ({ comment: `${by(cell)} asks for the dates.` }),
    snapshot: report,
    changed: (_before, after, cell) => {
      expect(after.row).toMatchObject({ state: 'returned', reviewer_comment: `${by(cell)} asks for the dates.` });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/meetings/:id/reports/:agency/approve',
    owner: 'dpc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 200, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.reportMeetingId, agency: 'dpc' }),
    arrange: (cell) => reportReadyFor(cell, 'review'),
    body: () => ({}),
    snapshot: report,
    changed: (_before, after) => {
      expect(after.row?.state).toBe('approved');
    },
  }),
  // Statistics belong to no agency: NSC's official stands as "own agency".
  endpoint({
    method: 'POST',
    path: '/api/statistics/observations',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 201, 'own agency': 403, 'other agency': 403 },
    body: (cell) => ({
      indicator: 'nap-priority-actions',
      unit: 'actions',
      period: '2000',
      value: 1,
      sourceId: 1,
      note: `${by(cell)} adds a figure.`,
    }),
    snapshot: (cell) => all(cell.db, 'SELECT value FROM observations WHERE note = ?', `${by(cell)} adds a figure.`),
    changed: (before, after) => {
      expect(before).toEqual([]);
      expect(after).toEqual([{ value: 1 }]);
    },
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/statistics/observations',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    body: (cell) => ({ id: cell.fx.observationId, unit: 'actions', value: 2, note: `${by(cell)} corrects a figure.` }),
    snapshot: ({ db, fx }) => get(db, 'SELECT value, note FROM observations WHERE id = ?', fx.observationId)!,
    changed: (_before, after, cell) => {
      expect(after).toEqual({ value: 2, note: `${by(cell)} corrects a figure.` });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/admin/users',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 201, 'own agency': 403, 'other agency': 403 },
    body: (cell) => ({ email: emailFor(cell), name: by(cell), role: 'viewer' }),
    snapshot: (cell) => all(cell.db, 'SELECT role, must_change_password AS mustChange FROM users WHERE email = ?', emailFor(cell)),
    changed: (before, after) => {
      expect(before).toEqual([]);
      expect(after).toEqual([{ role: 'viewer', mustChange: 1 }]);
    },
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/admin/users/:id',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.userId }),
    body: (cell) => ({ name: by(cell), role: 'official', agency: 'dpc' }),
    snapshot: ({ db, fx }) => get(db, 'SELECT name, role, agency_id, active FROM users WHERE id = ?', fx.userId)!,
    changed: (_before, after, cell) => {
      expect(after).toEqual({ name: by(cell), role: 'official', agency_id: agencyId(cell.db, 'dpc'), active: 1 });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/admin/users/:id/password-reset',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.userId }),
    snapshot: ({ db, fx }) => get(db, 'SELECT password_hash AS hash FROM users WHERE id = ?', fx.userId)!,
    changed: (before, after) => {
      expect(after).not.toEqual(before);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/admin/users/:id/passkeys-reset',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.userId }),
    snapshot: ({ db, fx }) => get(db, "SELECT count(*) AS n FROM audit_events WHERE action = 'user.passkeys_reset' AND entity_id = ?", String(fx.userId))!,
    changed: (before, after) => {
      expect(after.n).toBe((before.n as number) + 1);
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/admin/users/:id/passkey-enrolment',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.userId }),
    snapshot: ({ db, fx }) => get(db, "SELECT count(*) AS n FROM audit_events WHERE action = 'user.passkey_enrolment_granted' AND entity_id = ?", String(fx.userId))!,
    changed: (before, after) => {
      expect(after.n).toBe((before.n as number) + 1);
    },
  }),
  // The admin's cell sets the policy other tests run under to what it already is (nobody on a demo server).
  endpoint({
    method: 'PUT',
    path: '/api/admin/sign-in-policy',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    body: () => ({ phishingResistantRoles: [] }),
    snapshot: ({ db }) => get(db, "SELECT count(*) AS n FROM audit_events WHERE action = 'sign_in_policy.update'")!,
    changed: (before, after) => {
      expect(after.n).toBe((before.n as number) + 1);
    },
  }),
  // Any signed-in user may start registering a passkey for themselves: a challenge is stored.
  endpoint({
    method: 'POST',
    path: '/api/account/passkeys/options',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 200, chair: 200, admin: 200, 'own agency': 200, 'other agency': 200 },
    snapshot: (cell) =>
      cell.email
        ? scalar(cell.db, "SELECT count(*) AS n FROM webauthn_challenges c JOIN users u ON u.id = c.user_id WHERE u.email = ? AND c.purpose = 'register'", cell.email)
        : 0,
    changed: (before, after) => {
      expect(after).toBe((before as number) + 1);
    },
  }),
  // A new member agency would change the member count other tests read at the same moment, so the
  // admin's cell names a short name that is taken: past authorization, refused on content.
  endpoint({
    method: 'POST',
    path: '/api/admin/agencies',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 400, 'own agency': 403, 'other agency': 403 },
    body: () => ({ slug: 'nsc', name: 'National Security Council', abbreviation: 'NSC' }),
    snapshot: ({ db }) => scalar(db, 'SELECT count(*) AS n FROM agencies'),
    changed: () => {},
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/admin/agencies/:slug',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    params: ({ fx }) => ({ slug: fx.agencySlug }),
    body: (cell) => ({ name: by(cell) }),
    snapshot: ({ db, fx }) => get(db, 'SELECT name, abbreviation, retired_at IS NOT NULL AS retired FROM agencies WHERE slug = ?', fx.agencySlug)!,
    changed: (_before, after, cell) => {
      expect(after).toMatchObject({ name: by(cell), retired: 1 });
    },
  }),
  // The plan is the secretariat's: administrators only. Adding is refused on content (a source or
  // objective that does not exist), so no objective or action joins what other tests count; the
  // edits go to an objective and an action of the matrix's own, retired as soon as made.
  endpoint({
    method: 'POST',
    path: '/api/plan/objectives',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 400, 'own agency': 403, 'other agency': 403 },
    body: (cell) => ({ pillar: 'partnership', title: by(cell), sourceId: 99_999_999 }),
    snapshot: ({ db }) => scalar(db, 'SELECT count(*) AS n FROM plan_objectives'),
    changed: () => {},
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/plan/objectives/:id',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    arrange: (cell) => planFixtures(cell).then(() => undefined),
    params: ({ db }) => ({ id: planFixtureIds(db).objectiveId }),
    body: (cell) => ({ version: get<{ v: number }>(cell.db, 'SELECT version AS v FROM plan_objectives WHERE id = ?', planFixtureIds(cell.db).objectiveId)!.v, title: by(cell) }),
    snapshot: ({ db }) => get(db, 'SELECT title FROM plan_objectives WHERE id = ?', planFixtureIds(db).objectiveId)!,
    changed: (_before, after, cell) => {
      expect(after).toEqual({ title: by(cell) });
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/plan/actions',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 400, 'own agency': 403, 'other agency': 403 },
    body: (cell) => ({ code: '4.99.2', pillar: 'partnership', title: by(cell), objectiveId: 99_999_999 }),
    snapshot: ({ db }) => scalar(db, 'SELECT count(*) AS n FROM nap_actions'),
    changed: () => {},
  }),
  endpoint({
    method: 'PATCH',
    path: '/api/plan/actions/:id',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    arrange: (cell) => planFixtures(cell).then(() => undefined),
    params: ({ db }) => ({ id: planFixtureIds(db).actionId }),
    body: (cell) => ({ version: get<{ v: number }>(cell.db, 'SELECT version AS v FROM nap_actions WHERE id = ?', planFixtureIds(cell.db).actionId)!.v, title: by(cell) }),
    snapshot: ({ db }) => get(db, 'SELECT title FROM nap_actions WHERE id = ?', planFixtureIds(db).actionId)!,
    changed: (_before, after, cell) => {
      expect(after).toEqual({ title: by(cell) });
    },
  }),
  // Whether a deliverable goes into the public record is its agency's call (and an administrator's).
  endpoint({
    method: 'PUT',
    path: '/api/deliverables/:id/publishable',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 200, 'other agency': 403 },
    params: ({ fx }) => ({ id: fx.deliverableId }),
    body: (cell) => ({ publishable: !deliverable(cell).publishable }),
    snapshot: (cell) => ({ publishable: deliverable(cell).publishable }),
    changed: (before, after) => {
      expect(after).toEqual({ publishable: before.publishable ? 0 : 1 });
    },
  }),
  // Publishing is the chair's staff's. Allowed cells are refused on content (a note too long), so
  // that no release joins the one the public record's own tests publish and read.
  endpoint({
    method: 'POST',
    path: '/api/releases',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 400, admin: 400, 'own agency': 403, 'other agency': 403 },
    body: () => ({ note: 'x'.repeat(1001) }),
    straight: true,
    snapshot: ({ db }) => scalar(db, 'SELECT count(*) AS n FROM releases'),
    changed: () => {},
  }),
  // Everyone signed in may change their own password; the cells send a wrong current password so
  // that no demo account's password changes (and no one's other sessions end) under other tests.
  endpoint({
    method: 'POST',
    path: '/api/account/password',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 400, chair: 400, admin: 400, 'own agency': 400, 'other agency': 400 },
    body: () => ({ currentPassword: 'not the current password', newPassword: 'harbor lantern quietly 42' }),
    snapshot: (cell) => (cell.email ? get(cell.db, 'SELECT password_hash AS hash FROM users WHERE email = ?', cell.email) : null),
    changed: () => {},
  }),
  // "Stay signed in": any signed-in user, for their own session only.
  endpoint({
    method: 'POST',
    path: '/api/session',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 200, chair: 200, admin: 200, 'own agency': 200, 'other agency': 200 },
    // The sessions open since before the matrix began (its own among them) stay open; other spec
    // files sign the same demo accounts in meanwhile, so sessions begun since are not counted.
    snapshot: (cell) =>
      cell.email
        ? scalar(
            cell.db,
            'SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ? AND s.ended_at IS NULL AND s.created_at <= ?',
            cell.email,
            matrixSignedInAt,
          )
        : 0,
    changed: (before, after) => {
      expect(before).toBeGreaterThan(0);
      expect(after).toBe(before);
    },
  }),
  // Notifications: each person's own, so everyone signed in may, and only for themselves.
  endpoint({
    method: 'POST',
    path: '/api/notifications/read',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 200, chair: 200, admin: 200, 'own agency': 200, 'other agency': 200 },
    body: () => ({ all: true }),
    snapshot: (cell) => (cell.email ? scalar(cell.db, 'SELECT count(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ? AND n.read_at IS NULL', cell.email) : 0),
    changed: (_before, after) => {
      expect(after).toBe(0);
    },
  }),
  endpoint({
    method: 'PUT',
    path: '/api/account/notifications',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 200, chair: 200, admin: 200, 'own agency': 200, 'other agency': 200 },
    // The default, written out: a choice is recorded without changing what anyone receives.
    body: () => ({ meeting_changed: 'immediate' }),
    snapshot: (cell) =>
      cell.email
        ? (get<{ delivery: string }>(cell.db, "SELECT p.delivery FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = ? AND p.kind = 'meeting_changed'", cell.email)?.delivery ?? null)
        : null,
    changed: (_before, after) => {
      expect(after).toBe('immediate');
    },
  }),
  endpoint({
    method: 'POST',
    path: '/api/account/calendar-feed',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 201, chair: 201, admin: 201, 'own agency': 201, 'other agency': 201 },
    snapshot: (cell) =>
      cell.email ? (get<{ h: string }>(cell.db, 'SELECT f.token_hash AS h FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE u.email = ?', cell.email)?.h ?? null) : null,
    changed: (before, after) => {
      expect(after).toMatch(/^[0-9a-f]{64}$/);
      expect(after).not.toBe(before);
    },
  }),
  endpoint({
    method: 'DELETE',
    path: '/api/account/calendar-feed',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 200, chair: 200, admin: 200, 'own agency': 200, 'other agency': 200 },
    arrange: async ({ db, email }) => {
      if (!email) return;
      db.prepare(
        "INSERT INTO calendar_feeds (user_id, token_hash, created_at) SELECT id, lower(hex(randomblob(32))), ? FROM users WHERE email = ? ON CONFLICT (user_id) DO NOTHING",
      ).run(Date.now(), email);
    },
    snapshot: (cell) => (cell.email ? scalar(cell.db, 'SELECT count(*) AS n FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE u.email = ?', cell.email) : 0),
    changed: (before, after) => {
      expect(before).toBe(1);
      expect(after).toBe(0);
    },
  }),
  // The outbox holds everyone's e-mail: administrators only.
  endpoint({
    method: 'POST',
    path: '/api/admin/outbox/:id/retry',
    owner: 'nsc',
    outcomes: { 'signed out': 401, viewer: 403, chair: 403, admin: 200, 'own agency': 403, 'other agency': 403 },
    arrange: makeFailedEmail,
    params: () => ({ id: failedEmailId }),
    snapshot: ({ db }) => get<{ state: string }>(db, 'SELECT email_state AS state FROM notifications WHERE id = ?', failedEmailId)!.state,
    changed: (before, after) => {
      expect(before).toBe('failed');
      // Back in the queue, and quite possibly already delivered.
      expect(['pending', 'sending', 'sent']).toContain(after);
    },
  }),
];

/** When the matrix's own sessions had all been made. */
let matrixSignedInAt = 0;

/** The failed e-mail the current retry cell works on: a new one for each cell, to NSC's official. */
let failedEmailId = 0;
function makeFailedEmail({ db, fx }: Cell): Promise<void> {
  failedEmailId = Number(
    db
      .prepare(
        `INSERT INTO notifications (user_id, kind, event_key, subject, body_text, body_html, link, created_at, email_state, attempts, last_error)
         SELECT id, 'meeting_changed', ?, 'Matrix check', 'Matrix check', '<p>Matrix check</p>', '/', ?, 'failed', 5, '550 mailbox unavailable'
         FROM users WHERE email = 'official.nsc@pitf.demo'`,
      )
      .run(`matrix:${fx.run}:${Date.now()}:${Math.random()}`, Date.now()).lastInsertRowid,
  );
  return Promise.resolve();
}

/**
 * Mutating handlers deliberately outside the matrix, each with the reason. Keys are
 * `METHOD /path` as the route files spell them.
 */
const OUTSIDE_THE_MATRIX: Record<string, string> = {
  'POST /api/auth/[...nextauth]': 'next-auth’s own sign-in and sign-out, open to signed-out visitors by design (auth.spec.ts)',
  'POST /api/auth/passkey-options': 'a passkey sign-in challenge, open to signed-out visitors by design and rate-limited by address (passkeys.spec.ts)',
  'POST /api/account/passkeys': 'registers the caller’s own passkey; needs an authenticator’s answer (passkeys.spec.ts)',
  'DELETE /api/account/passkeys/:id': 'removes one of the caller’s own passkeys, never another user’s (passkeys.spec.ts)',
  'POST /api/account/passkeys/verify/options': 'the passkey step after a password, for the caller’s own session only (passkeys.spec.ts)',
  'POST /api/account/passkeys/verify': 'the passkey step after a password, for the caller’s own session only (passkeys.spec.ts)',
  'POST /api/[...missing]': 'no endpoint: any address nothing else answers gets the API’s JSON 404, changing nothing (page-status.spec.ts)',
  'PUT /api/[...missing]': 'no endpoint: the API’s JSON 404 (page-status.spec.ts)',
  'PATCH /api/[...missing]': 'no endpoint: the API’s JSON 404 (page-status.spec.ts)',
  'DELETE /api/[...missing]': 'no endpoint: the API’s JSON 404 (page-status.spec.ts)',
  'POST /api/unsubscribe': 'one-click unsubscribe from an e-mail, open without signing in by design: the signed token in its address is the authority (notifications.spec.ts)',
};

// ── Running it ─────────────────────────────────────────────────────────────────────────────

const emailOf = (actor: Exclude<Actor, 'signed out'>, owner: FixtureAgency) =>
  ({
    viewer: 'viewer@pitf.demo',
    chair: 'chair@pitf.demo',
    admin: 'admin@pitf.demo',
    'own agency': `official.${owner}@pitf.demo`,
    'other agency': `official.${FIXTURE_AGENCIES[owner]}@pitf.demo`,
  })[actor];

const nameOf = (actor: Actor, owner: FixtureAgency) =>
  actor === 'signed out' ? actor : actor.endsWith('agency') ? `${actor} (${emailOf(actor, owner)})` : actor;

const expectation = (outcome: Outcome) =>
  outcome === 401
    ? 'is turned away (401) and changes nothing'
    : outcome === 400
      ? 'gets past authorization, is refused on content (400) and changes nothing'
      : outcome === 403 ? 'is refused (403), changes nothing and is audited' : `succeeds (${outcome})`;

/** Refusals first: an allowed request may move the target on, and then each cell arranges it again. */
const cellOrder = (outcomes: Record<Actor, Outcome>) => [...ACTORS].sort((a, b) => Number(outcomes[a] < 400) - Number(outcomes[b] < 400));

const fillIn = (template: string, params: Record<string, string | number>) =>
  template.replace(/:(\w+)/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${template}: no value for :${name}`);
    return encodeURIComponent(String(params[name]));
  });

test.describe(`authorization matrix: ${ENDPOINTS.length} endpoints × ${ACTORS.length} actors = ${ENDPOINTS.length * ACTORS.length} cells`, () => {
  let db: Database.Database;
  let fx: Fixtures;
  /** One session per signed-in user, made once per worker; the signed-out one has no cookie. */
  const sessions = new Map<string, APIRequestContext>();
  let anonymous: APIRequestContext;

  test.beforeAll(async ({ playwright, baseURL }) => {
    db = openTestDatabase();
    // Signed out, straight to the app: the validation proxy answers a request without the session
    // cookie the document asks for itself (401), and the app's own refusal is what is tested.
    anonymous = await playwright.request.newContext({ baseURL });
    const emails = new Set(ENDPOINTS.flatMap((e) => ACTORS.filter((a) => a !== 'signed out').map((a) => emailOf(a, e.owner))));
    // Every signed-in cell goes through the validation proxy: each answer is checked against the OpenAPI document.
    for (const email of emails) sessions.set(email, await apiSession(playwright, email));
    matrixSignedInAt = Date.now();
    const admin = sessions.get('admin@pitf.demo')!;
    const run = `Authorization matrix ${Date.now().toString(36)}`;
    const deliverableId = (await ok(admin.post('/api/deliverables', { data: { leadAgency: 'nsc', title: `${run}: NSC’s deliverable`, pillar: 'partnership' } }))).id;
    const meetingId = await planMeeting(admin, `${run}: SPOG meeting`);
    const observationId = (
      await ok(
        admin.post('/api/statistics/observations', {
          data: { indicator: 'nap-priority-actions', unit: 'actions', period: '2000', value: 1, sourceId: 1, note: `${run}: a figure to correct.` },
        }),
      )
    ).id;
    const created = await admin.post('/api/admin/users', { data: { email: `target.${Date.now()}@agency.example`, name: `${run}: an account`, role: 'viewer' } });
    const userId = ((await created.json()) as { user: { id: number } }).user.id;
    // Made retired from the start, straight in the file: it never counts as a member.
    const agencySlug = `matrix-${Date.now().toString(36)}`;
    db.prepare('INSERT INTO agencies (slug, name, abbreviation, retired_at) VALUES (?, ?, ?, ?)').run(agencySlug, `${run}: a retired agency`, 'MX', Date.now());
    const cancelMeetingId = await planMeeting(admin, `${run}: a meeting to cancel`);
    const lifecycleDeliverableId = await addNscDeliverable(admin, `${run}: a deliverable to withdraw`);
    const mistakeDeliverableId = await addNscDeliverable(admin, `${run}: a deliverable made by mistake`);
    fx = { run, deliverableId, lifecycleDeliverableId, mistakeDeliverableId, meetingId, reportMeetingId: meetingId, cancelMeetingId, observationId, userId, agencySlug };
  });

  test.afterAll(async () => {
    await Promise.all([anonymous?.dispose(), ...[...sessions.values()].map((s) => s.dispose())]);
    db?.close();
  });

  for (const row of ENDPOINTS) {
    test.describe(`${row.method} ${row.path}`, () => {
      for (const actor of cellOrder(row.outcomes)) {
        const outcome = row.outcomes[actor];
        test(`${nameOf(actor, row.owner)} ${expectation(outcome)}`, async () => {
          const email = actor === 'signed out' ? null : emailOf(actor, row.owner);
          const request = email ? sessions.get(email)! : anonymous;
          const cell: Cell = { actor, email, fx, db, admin: sessions.get('admin@pitf.demo')! };

          await row.arrange?.(cell);
          const actualPath = fillIn(row.path, row.params?.(cell) ?? {});
          const body = row.body?.(cell);
          const before = row.snapshot(cell);
          const lastEvent = scalar(db, 'SELECT coalesce(max(id), 0) AS n FROM audit_events');

          const response = await request.fetch(row.straight && email ? direct(actualPath) : actualPath, { method: row.method, ...(body === undefined ? {} : { data: body }) });
          expect(response.status(), await response.text()).toBe(outcome);

          if (outcome >= 400) {
            expect(row.snapshot(cell)).toEqual(before);
          } else {
            row.changed(before, row.snapshot(cell), cell);
          }
          if (outcome === 403) {
            const userId = get<{ id: number }>(db, 'SELECT id FROM users WHERE email = ?', email)!.id;
            const denied = scalar(
              db,
              `SELECT count(*) AS n FROM audit_events
               WHERE action = 'denied' AND entity = 'request' AND entity_id = ? AND actor_id = ? AND id > ?`,
              `${row.method} ${actualPath}`,
              userId,
              lastEvent,
            );
            expect(denied, `a 'denied' event for ${email} and ${row.method} ${actualPath}`).toBe(1);
          }
        });
      }
    });
  }
});

/** Route files under app/api and the mutating handlers each exports, as `METHOD /api/...`. */
function mutatingHandlers(): string[] {
  const apiDir = path.join(__dirname, '..', 'app', 'api');
  const files = fs.readdirSync(apiDir, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'route.ts');
  const method = new RegExp(`^(${MUTATING_METHODS.join('|')})$`);
  return files.flatMap((file) => {
    const source = fs.readFileSync(path.join(apiDir, file), 'utf8');
    const template = `/api/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, ':$1');
    // `export const POST = …`, `export async function POST(…)` and `export { handler as POST }`.
    const declared = [...source.matchAll(/export\s+(?:const|let|var|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]!);
    const listed = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((item) => item.trim().split(/\s+as\s+/).pop()!));
    return [...declared, ...listed].filter((name) => method.test(name)).map((name) => `${name} ${template}`);
  });
}

test('every mutating route handler has a row in the authorization matrix', () => {
  const found = mutatingHandlers();
  const inMatrix = ENDPOINTS.map((e) => `${e.method} ${e.path}`);
  expect(found.length).toBeGreaterThanOrEqual(inMatrix.length);
  expect(found.filter((h) => !inMatrix.includes(h) && !(h in OUTSIDE_THE_MATRIX)), 'handlers missing from ENDPOINTS').toEqual([]);
  expect(inMatrix.filter((h) => !found.includes(h)), 'rows with no route file').toEqual([]);
  expect(Object.keys(OUTSIDE_THE_MATRIX).filter((h) => !found.includes(h)), 'exemptions with no route file').toEqual([]);
});
