/**
 * Synthetic data on top of the seed, for measuring the app at a hundred times the task force's
 * size: users, meetings with every agency's report, deliverables and five years of progress
 * updates, each with the audit event the app would have written for it.
 *
 * Everything is planned first from one seeded random generator, then written in time order in
 * batches (one transaction each, prepared statements), so the ids and the audit trail run forward
 * in time like a real history and the same seed and day always give the same rows.
 */
import type Database from 'better-sqlite3';
import { auditHash } from '@/db/queries/audit';
import { addDays } from '@/lib/dates';
import type { MeetingKind, ReportState, Role, Status } from '@/lib/domain';
import { progressFor } from '@/lib/measures';
import { cumulativeOf, mulberry32, type Random } from './random';
import * as words from './words';

/** The rows added at scale 1; every count is multiplied by the scale and rounded, never below 1. */
export const FULL_SCALE = { users: 200, meetings: 40, deliverables: 10_000, progressUpdates: 200_000 } as const;
export type Counts = { [K in keyof typeof FULL_SCALE]: number };

export function scaledCounts(scale: number): Counts {
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    users: scaled(FULL_SCALE.users),
    meetings: scaled(FULL_SCALE.meetings),
    deliverables: scaled(FULL_SCALE.deliverables),
    progressUpdates: scaled(FULL_SCALE.progressUpdates),
  };
}

/** Synthetic accounts exist to author rows; this is not a password hash, so nobody signs in as them. */
export const SYNTHETIC_PASSWORD_HASH = 'synthetic$no-password';

export type LargeOptions = {
  scale: number;
  seed: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
};
export type LargeResult = { counts: Counts; rows: number };

const DAY = 86_400_000;
const HISTORY_DAYS = 5 * 365;
const BATCH = 2_000;

type Actor = { id: number; email: string };
type Op = { at: number; seq: number; run: () => void };
type Context = {
  r: Random;
  now: number;
  start: number;
  agencies: { id: number; slug: string }[];
  pillars: { id: number; slug: string }[];
  objectives: { id: number; pillarId: number }[];
  chair: Actor;
  admin: Actor;
  officials: Map<number, Actor[]>;
  stmt: ReturnType<typeof prepare>;
  audit: ReturnType<typeof auditWriter>;
  ops: Op[];
};

export function generateLargeData(sqlite: Database.Database, options: LargeOptions): LargeResult {
  const counts = scaledCounts(options.scale);
  const now = options.now.getTime();
  const ctx: Context = {
    r: mulberry32(options.seed),
    now,
    start: now - HISTORY_DAYS * DAY,
    agencies: sqlite.prepare('SELECT id, slug FROM agencies WHERE retired_at IS NULL ORDER BY id').all() as { id: number; slug: string }[],
    pillars: sqlite.prepare('SELECT id, slug FROM pillars ORDER BY position').all() as { id: number; slug: string }[],
    objectives: sqlite.prepare('SELECT id, pillar_id AS pillarId FROM plan_objectives WHERE retired_at IS NULL ORDER BY id').all() as { id: number; pillarId: number }[],
    chair: demoActor(sqlite, 'chair@pitf.demo'),
    admin: demoActor(sqlite, 'admin@pitf.demo'),
    officials: demoOfficials(sqlite),
    stmt: prepare(sqlite),
    audit: auditWriter(sqlite),
    ops: [],
  };

  planUsers(ctx, counts.users);
  const meetings = planMeetings(ctx, counts.meetings);
  planReports(ctx, meetings);
  planDeliverables(ctx, meetings, counts.deliverables, counts.progressUpdates);

  const ops = ctx.ops.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (let i = 0; i < ops.length; i += BATCH) {
    const batch = ops.slice(i, i + BATCH);
    sqlite.transaction(() => batch.forEach((op) => op.run()))();
    options.onProgress?.(i + batch.length, ops.length);
  }
  return { counts, rows: ctx.stmt.rows() + ctx.audit.written() };
}

function demoActor(sqlite: Database.Database, email: string): Actor {
  const row = sqlite.prepare('SELECT id, email FROM users WHERE email = ?').get(email) as Actor | undefined;
  if (!row) throw new Error(`The seed has no ${email}: seed with the demo data first`);
  return row;
}

function demoOfficials(sqlite: Database.Database): Map<number, Actor[]> {
  const rows = sqlite.prepare("SELECT id, email, agency_id AS agencyId FROM users WHERE role = 'official' ORDER BY id").all() as (Actor & { agencyId: number })[];
  const byAgency = new Map<number, Actor[]>();
  for (const { agencyId, ...actor } of rows) byAgency.set(agencyId, [...(byAgency.get(agencyId) ?? []), actor]);
  return byAgency;
}

function prepare(sqlite: Database.Database) {
  let rows = 0;
  const statement = (sql: string) => {
    const s = sqlite.prepare(sql);
    return (...params: unknown[]) => {
      rows++;
      return Number(s.run(...params).lastInsertRowid);
    };
  };
  return {
    rows: () => rows,
    user: statement(
      `INSERT INTO users (email, name, role, agency_id, password_hash, active, is_demo, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?)`,
    ),
    meeting: statement(
      `INSERT INTO meetings (key, kind, title, date, chair, location, status, reporting_cutoff, summary, is_demo, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    deliverable: statement(
      `INSERT INTO deliverables (key, lead_agency_id, pillar_id, title, description, announced_at_meeting_id, due_on, status,
         progress, status_reason, funding_usd, measure_label, measure_unit, measure_target, measure_actual, last_update_at,
         created_by_id, is_demo, version, created_at, updated_at, objective_id, publishable)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    ),
    supporter: statement('INSERT INTO deliverable_supporters (deliverable_id, agency_id) VALUES (?, ?)'),
    update: statement(
      `INSERT INTO progress_updates (deliverable_id, author_id, created_at, status, progress, measure_actual, note, reason, is_demo)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    ),
    report: statement(
      `INSERT INTO agency_reports (meeting_id, agency_id, statement, state, reviewer_comment, submitted_at, submitted_by_id,
         reviewed_at, reviewed_by_id, is_demo, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ),
    reportEvent: statement(
      'INSERT INTO agency_report_events (report_id, from_state, to_state, actor_id, comment, at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  };
}

type AuditEntry = {
  at: number;
  actor: Actor;
  action: string;
  entity: string;
  entityId: number;
  agencyId: number | null;
  before?: unknown;
  after: unknown;
};

/** Appends events to the hash chain exactly as recordAudit does, without re-reading the last hash each time. */
function auditWriter(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    `INSERT INTO audit_events (at, actor_id, actor_email, action, entity, entity_id, agency_id, before, after, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const last = sqlite.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
  let previous = last ?? '0'.repeat(64);
  let written = 0;
  return {
    written: () => written,
    record(e: AuditEntry) {
      const row = {
        at: e.at,
        actorId: e.actor.id,
        actorEmail: e.actor.email,
        action: e.action,
        entity: e.entity,
        entityId: String(e.entityId),
        agencyId: e.agencyId,
        before: e.before ?? null,
        after: e.after ?? null,
      };
      const hash = auditHash(previous, row);
      const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
      insert.run(row.at, row.actorId, row.actorEmail, row.action, row.entity, row.entityId, row.agencyId, json(row.before), json(row.after), previous, hash);
      previous = hash;
      written++;
    },
  };
}

function schedule(ctx: Context, at: number, run: () => void) {
  ctx.ops.push({ at, seq: ctx.ops.length, run });
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const midday = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/** Agencies lead unevenly (the first in the seed's order most), so one board is clearly the largest. */
function agencyWeights(ctx: Context): number[] {
  return cumulativeOf(ctx.agencies.map((_, i) => 1 / (i + 1) ** 0.8));
}

function officialOf(ctx: Context, agencyId: number): Actor {
  const list = ctx.officials.get(agencyId);
  if (!list?.length) throw new Error(`Agency ${agencyId} has no official to author its rows`);
  return ctx.r.pick(list);
}

const ROLE_CYCLE: Role[] = ['admin', 'chair', 'viewer', 'viewer', ...Array<Role>(21).fill('official')];

/** Mostly officials across the agencies, a few chair staff, viewers and administrators; all before the history starts. */
function planUsers(ctx: Context, count: number) {
  const weights = agencyWeights(ctx);
  for (let i = 0; i < count; i++) {
    const role = ROLE_CYCLE[i % ROLE_CYCLE.length] ?? 'official';
    const agency = role === 'official' ? ctx.agencies[ctx.r.weighted(weights)] : undefined;
    const email = `synthetic.${role}.${String(i + 1).padStart(3, '0')}@pitf.demo`;
    const name = words.personName(ctx.r);
    const at = ctx.start - 30 * DAY + i * 60_000;
    const user = { id: 0, email };
    // Officials are known from the plan on, so deliverables can be authored by them.
    if (agency) ctx.officials.set(agency.id, [...(ctx.officials.get(agency.id) ?? []), user]);
    schedule(ctx, at, () => {
      user.id = ctx.stmt.user(email, name, role, agency?.id ?? null, SYNTHETIC_PASSWORD_HASH, at, at);
      ctx.audit.record({
        at,
        actor: ctx.admin,
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        agencyId: agency?.id ?? null,
        after: { email, name, role, agency: agency?.slug ?? null },
      });
    });
  }
}

type PlannedMeeting = { id: number; date: string; cutoff: string; status: 'planned' | 'held' };

const KIND_NAMES: Record<MeetingKind, { title: string; chair: string }> = {
  cabinet: { title: 'cabinet-level meeting', chair: 'Secretary of State' },
  spog: { title: 'SPOG meeting', chair: 'Senior Policy Operating Group chair' },
  working_group: { title: 'working group meeting', chair: 'Working group chair' },
};

/** Evenly spread from three months into the history to four months ahead; those ahead are planned. */
function planMeetings(ctx: Context, count: number): PlannedMeeting[] {
  const first = ctx.start + 90 * DAY;
  const span = ctx.now + 120 * DAY - first;
  const today = isoDate(ctx.now);
  return Array.from({ length: count }, (_, i) => {
    const date = isoDate(first + ((i + 0.5) / count) * span + ctx.r.int(-5, 5) * DAY);
    const kind: MeetingKind = i % 4 === 3 ? 'cabinet' : i % 2 === 0 ? 'spog' : 'working_group';
    const status = date > today ? 'planned' : 'held';
    const meeting: PlannedMeeting = { id: 0, date, cutoff: addDays(date, -14), status };
    const title = `Synthetic ${KIND_NAMES[kind].title} ${i + 1}`;
    const location = words.location(ctx.r);
    const summary = status === 'held' ? words.meetingSummary(ctx.r) : null;
    const at = Math.min(midday(date) - 75 * DAY, ctx.now - 20 * DAY);
    schedule(ctx, at, () => {
      const key = `synthetic-meeting-${String(i + 1).padStart(3, '0')}`;
      meeting.id = ctx.stmt.meeting(key, kind, title, date, KIND_NAMES[kind].chair, location, status, meeting.cutoff, summary, at, at);
      ctx.audit.record({
        at,
        actor: ctx.chair,
        action: 'meeting.create',
        entity: 'meeting',
        entityId: meeting.id,
        agencyId: null,
        after: { kind, title, date, chair: KIND_NAMES[kind].chair, location, reportingCutoff: meeting.cutoff },
      });
    });
    return meeting;
  });
}

type Step = { to: ReportState; by: 'official' | 'chair'; comment: string | null };

/** A report's path to its final state, as the app allows it: draft → submitted → returned or approved. */
function reportPath(r: Random, planned: boolean): Step[] | null {
  const roll = r.next();
  const draft: Step = { to: 'draft', by: 'official', comment: null };
  const submit: Step = { to: 'submitted', by: 'official', comment: null };
  const back: Step = { to: 'returned', by: 'chair', comment: 'Synthetic review: add the missing figures and resubmit.' };
  const approve: Step = { to: 'approved', by: 'chair', comment: null };
  if (planned && roll < 0.2) return null;
  if (roll < (planned ? 0.35 : 0.03)) return [draft];
  if (roll < (planned ? 0.55 : 0.06)) return [draft, submit];
  if (roll < (planned ? 0.7 : 0.09)) return [draft, submit, back];
  return r.chance(0.2) ? [draft, submit, back, submit, approve] : [draft, submit, approve];
}

/** One report per agency per meeting; reports for a planned meeting are still in every state, or not begun. */
function planReports(ctx: Context, meetings: PlannedMeeting[]) {
  for (const meeting of meetings) {
    const planned = meeting.status === 'planned';
    for (const agency of ctx.agencies) {
      const path = reportPath(ctx.r, planned);
      if (!path) continue;
      const official = officialOf(ctx, agency.id);
      const statement = words.reportStatement(ctx.r);
      // Every step lies in the twelve days before the cutoff (or before today, for a meeting ahead).
      let at = Math.min(midday(meeting.cutoff), ctx.now) - 12 * DAY + ctx.r.int(0, 2 * 24) * 3_600_000;
      const times = path.map(() => (at += ctx.r.int(20, 48) * 3_600_000));
      planReport(ctx, { meeting, agency, official, statement, path, times });
    }
  }
}

function planReport(
  ctx: Context,
  p: { meeting: PlannedMeeting; agency: { id: number; slug: string }; official: Actor; statement: string; path: Step[]; times: number[] },
) {
  const report = { id: 0 };
  const final = p.path.at(-1)!;
  const last = (state: ReportState) => p.times[p.path.map((s) => s.to).lastIndexOf(state)] ?? null;
  const reviewedAt = final.to === 'approved' || final.to === 'returned' ? last(final.to) : null;
  p.path.forEach((step, i) => {
    const at = p.times[i]!;
    const actor = step.by === 'chair' ? ctx.chair : p.official;
    const from = i === 0 ? null : p.path[i - 1]!.to;
    schedule(ctx, at, () => {
      if (i === 0) {
        report.id = ctx.stmt.report(
          p.meeting.id, p.agency.id, p.statement, final.to, final.comment, last('submitted'),
          last('submitted') === null ? null : p.official.id, reviewedAt, reviewedAt === null ? null : ctx.chair.id,
          p.path.length, at, p.times.at(-1),
        );
      }
      ctx.stmt.reportEvent(report.id, from, step.to, actor.id, step.comment, at);
      ctx.audit.record({
        at,
        actor,
        action: `report.${i === 0 ? 'create' : { draft: 'edit', submitted: 'submit', approved: 'approve', returned: 'return' }[step.to]}`,
        entity: 'agency_report',
        entityId: report.id,
        agencyId: p.agency.id,
        before: i === 0 ? null : { state: from },
        after: i === 0 ? { statement: p.statement, state: 'draft' } : { state: step.to, ...(step.comment ? { comment: step.comment } : {}) },
      });
    });
  });
}

type PlannedUpdate = { at: number; status: Status; progress: number; note: string; reason: string | null };

/** Deliverables across the agencies and pillars; updates go to each in proportion to its age. */
function planDeliverables(ctx: Context, meetings: PlannedMeeting[], count: number, updateCount: number) {
  const weights = agencyWeights(ctx);
  const held = meetings.filter((m) => m.status === 'held');
  const plans = Array.from({ length: count }, () => {
    const meeting = held.length && ctx.r.chance(0.35) ? ctx.r.pick(held) : null;
    const createdAt = meeting ? midday(meeting.date) : ctx.start + ctx.r.int(0, HISTORY_DAYS - 2) * DAY + ctx.r.int(8, 18) * 3_600_000;
    return { meeting, createdAt, agency: ctx.agencies[ctx.r.weighted(weights)]! };
  });
  const updatesPer = new Array<number>(count).fill(0);
  const byAge = cumulativeOf(plans.map((p) => ctx.now - p.createdAt));
  for (let i = 0; i < updateCount; i++) updatesPer[ctx.r.weighted(byAge)]!++;
  plans.forEach((p, i) => planDeliverable(ctx, { ...p, index: i, updates: planUpdates(ctx, p.createdAt, updatesPer[i]!) }));
}

/**
 * A plausible history: work starts, progress climbs towards where the deliverable ends, with
 * spells at risk or blocked (each with a reason); older deliverables are more often completed.
 */
function planUpdates(ctx: Context, createdAt: number, count: number): PlannedUpdate[] {
  const { r } = ctx;
  const age = ctx.now - createdAt;
  const completes = r.chance(0.6 * Math.min(1, age / (3 * 365 * DAY)));
  const end = completes ? 100 : r.int(5, 95);
  const times = Array.from({ length: count }, () => createdAt + 3_600_000 + Math.floor(r.next() * (age - 2 * 3_600_000))).sort((a, b) => a - b);
  let progress = 0;
  return times.map((at, i) => {
    const lastOne = i === count - 1;
    const planned = Math.round((end * (i + 1)) / count);
    progress = Math.min(lastOne ? end : 99, Math.max(progress, planned + r.int(-4, 4)));
    let status: Status = 'in_progress';
    if (lastOne && completes) status = 'completed';
    else if (lastOne) status = r.pick<Status>(['in_progress', 'in_progress', 'in_progress', 'at_risk', 'blocked']);
    else if (r.chance(0.08)) status = 'at_risk';
    else if (r.chance(0.03)) status = 'blocked';
    const needsReason = status === 'at_risk' || status === 'blocked';
    return { at, status, progress: status === 'completed' ? 100 : progress, note: words.updateNote(r), reason: needsReason ? words.reason(r) : null };
  });
}

function planDeliverable(
  ctx: Context,
  p: { index: number; meeting: PlannedMeeting | null; createdAt: number; agency: { id: number; slug: string }; updates: PlannedUpdate[] },
) {
  const { r } = ctx;
  const pillar = r.pick(ctx.pillars);
  const title = words.deliverableTitle(r);
  const description = words.deliverableDescription(r);
  const dueOn = isoDate(p.createdAt + r.int(120, 1000) * DAY);
  const supporters = [...new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(ctx.agencies)))].filter((a) => a.id !== p.agency.id);
  const fundingUsd = r.chance(0.3) ? r.int(5, 2000) * 10_000 : null;
  const measure = r.chance(0.2) ? words.measure(r) : null;
  const author = officialOf(ctx, p.agency.id);
  const final = p.updates.at(-1);
  const deliverable = { id: 0 };
  const key = `synthetic-${String(p.index + 1).padStart(5, '0')}`;

  // A measured deliverable's count after each update is where that update's planned progress puts
  // it, and the progress recorded follows from the count, as the app computes it.
  const countAt = (planned: number) => (measure ? Math.round((measure.target * planned) / 100) : null);
  const progressAt = (status: Status, planned: number) =>
    progressFor(status, measure && { target: measure.target, actual: countAt(planned)! }, planned);
  const actual = countAt(final?.progress ?? 0);
  const progress = progressAt(final?.status ?? 'not_started', final?.progress ?? 0);
  // An objective of its own pillar, as the secretariat maps them; about one in twenty announced without one.
  const ofPillar = ctx.objectives.filter((o) => o.pillarId === pillar.id);
  const objective = ofPillar.length && !r.chance(0.05) ? r.pick(ofPillar) : null;
  // About a third marked publishable by their agency, so a release has a realistic size.
  const publishable = r.chance(0.3) ? 1 : 0;

  schedule(ctx, p.createdAt, () => {
    deliverable.id = ctx.stmt.deliverable(
      key, p.agency.id, pillar.id, title, description, p.meeting?.id ?? null, dueOn, final?.status ?? 'not_started',
      progress, final?.reason ?? null, fundingUsd, measure?.label ?? null, measure?.unit ?? null,
      measure?.target ?? null, actual,
      final?.at ?? null, author.id, 1 + p.updates.length, p.createdAt, final?.at ?? p.createdAt,
      objective?.id ?? null, publishable,
    );
    for (const s of supporters) ctx.stmt.supporter(deliverable.id, s.id);
    ctx.audit.record({
      at: p.createdAt,
      actor: author,
      action: 'deliverable.create',
      entity: 'deliverable',
      entityId: deliverable.id,
      agencyId: p.agency.id,
      after: {
        leadAgency: p.agency.slug,
        title,
        pillar: pillar.slug,
        description,
        supportingAgencies: supporters.map((s) => s.slug),
        dueOn,
        ...(fundingUsd === null ? {} : { fundingUsd }),
        ...(p.meeting ? { announcedAtMeetingId: p.meeting.id } : {}),
        ...(measure ? { measure: { label: measure.label, unit: measure.unit, target: measure.target } } : {}),
      },
    });
  });

  let before = { status: 'not_started' as Status, progress: 0, statusReason: null as string | null };
  for (const u of p.updates) {
    const previous = before;
    const updater = officialOf(ctx, p.agency.id);
    const progress = progressAt(u.status, u.progress);
    schedule(ctx, u.at, () => {
      const updateId = ctx.stmt.update(deliverable.id, updater.id, u.at, u.status, progress, countAt(u.progress), u.note, u.reason);
      ctx.audit.record({
        at: u.at,
        actor: updater,
        action: 'deliverable.progress_update',
        entity: 'deliverable',
        entityId: deliverable.id,
        agencyId: p.agency.id,
        before: previous,
        after: { status: u.status, progress, statusReason: u.reason, note: u.note, updateId },
      });
    });
    before = { status: u.status, progress, statusReason: u.reason };
  }
}
