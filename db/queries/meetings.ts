import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, not, sql } from 'drizzle-orm';
import { DEFAULT_CUTOFF_DAYS, type MeetingKind, type MeetingStatus } from '@/lib/domain';
import { addDays, daysBetween, todayIso } from '@/lib/dates';
import { formatCalendarDate } from '@/lib/format';
import { invalid, conflict, forbidden, notFound } from '@/lib/errors';
import { canManageMeetings, type SessionUser } from '@/lib/authorization';
import type { CancelMeetingInput, CreateMeetingInput, PostponeMeetingInput, UpdateMeetingInput } from '@/lib/validations/meetings';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import { getDb, type Tx } from '../index';
import { agencies, agencyReports, agendaItems, awards, deliverableSupporters, deliverables, meetings, sources } from '../schema';
import { recordAudit } from './audit';
import { forgetReadinessSnapshot, keepReadinessSnapshot } from './readiness';
import { meetingCalendarFile, meetingFacts, notify, taskForceDay, usersWithRoles } from './notifications';

export type MeetingFilters = {
  kind?: MeetingKind;
  status?: MeetingStatus;
  /** Upcoming: planned for today or later, soonest first. Past: every other meeting, newest first. */
  timing?: 'upcoming' | 'past';
  page: number;
  pageSize: number;
};

export function listMeetings(f: MeetingFilters, today = todayIso()) {
  const db = getDb();
  const upcoming = and(eq(meetings.status, 'planned'), gte(meetings.date, today));
  const where = and(
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.status ? eq(meetings.status, f.status) : undefined,
    f.timing === 'upcoming' ? upcoming : f.timing === 'past' ? not(upcoming!) : undefined,
  );
  const items = db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      date: meetings.date,
      datePrecision: meetings.datePrecision,
      chair: meetings.chair,
      location: meetings.location,
      status: meetings.status,
      reportingCutoff: meetings.reportingCutoff,
      // Written out with table names: in a correlated subquery an unqualified "id" would be the inner table's.
      awards: sql<number>`(SELECT count(*) FROM awards a WHERE a.presented_at_meeting_id = "meetings"."id")`,
      source: { title: sources.title, url: sources.url },
    })
    .from(meetings)
    .leftJoin(sources, eq(sources.id, meetings.sourceId))
    .where(where)
    .orderBy(f.timing === 'upcoming' ? asc(meetings.date) : desc(meetings.date), asc(meetings.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  const total = db.select({ n: count() }).from(meetings).where(where).get()?.n ?? 0;
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/** The next planned meeting on or after today, with how its agencies' reports stand. */
export function getNextMeeting(today = todayIso()) {
  const db = getDb();
  const meeting = db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      date: meetings.date,
      chair: meetings.chair,
      location: meetings.location,
      reportingCutoff: meetings.reportingCutoff,
    })
    .from(meetings)
    .where(and(eq(meetings.status, 'planned'), gte(meetings.date, today)))
    .orderBy(asc(meetings.date))
    .limit(1)
    .get();
  if (!meeting) return null;
  const reports = db
    .select({ state: agencyReports.state, count: count() })
    .from(agencyReports)
    .innerJoin(agencies, eq(agencies.id, agencyReports.agencyId))
    .where(and(eq(agencyReports.meetingId, meeting.id), sql`${agencies.retiredAt} IS NULL`))
    .groupBy(agencyReports.state)
    .all();
  const memberAgencies = db.select({ n: count() }).from(agencies).where(sql`${agencies.retiredAt} IS NULL`).get()?.n ?? 0;
  const byState = Object.fromEntries(reports.map((r) => [r.state, r.count])) as Record<string, number>;
  return {
    ...meeting,
    memberAgencies,
    approved: byState.approved ?? 0,
    submitted: byState.submitted ?? 0,
    inProgress: (byState.draft ?? 0) + (byState.returned ?? 0),
  };
}

/**
 * Meetings at which at least one deliverable the agency leads was announced (with `supported`, one
 * it supports), newest first.
 */
export function listMeetingsAnnouncingFor(agencyId: number, { supported = false } = {}) {
  const ofAgency = supported
    ? sql`${deliverables.id} IN (SELECT ${deliverableSupporters.deliverableId} FROM ${deliverableSupporters} WHERE ${deliverableSupporters.agencyId} = ${agencyId})`
    : sql`${deliverables.leadAgencyId} = ${agencyId}`;
  return getDb()
    .select({ id: meetings.id, title: meetings.title, date: meetings.date, datePrecision: meetings.datePrecision })
    .from(meetings)
    .where(sql`${meetings.id} IN (SELECT ${deliverables.announcedAtMeetingId} FROM ${deliverables} WHERE ${ofAgency})`)
    .orderBy(desc(meetings.date))
    .all();
}

/** Every meeting as a choice for "announced at", newest first. */
export function listMeetingOptions() {
  return getDb()
    .select({ id: meetings.id, title: meetings.title, date: meetings.date, datePrecision: meetings.datePrecision, status: meetings.status })
    .from(meetings)
    .orderBy(desc(meetings.date))
    .all();
}

/** One meeting with its agenda and the awards presented at it. */
export function getMeeting(id: number): MeetingDetail | null {
  const db = getDb();
  const meeting = db
    .select({
      id: meetings.id,
      kind: meetings.kind,
      title: meetings.title,
      date: meetings.date,
      datePrecision: meetings.datePrecision,
      chair: meetings.chair,
      location: meetings.location,
      status: meetings.status,
      reportingCutoff: meetings.reportingCutoff,
      summary: meetings.summary,
      cancelledReason: meetings.cancelledReason,
      postponedFrom: meetings.postponedFrom,
      isDemo: meetings.isDemo,
      version: meetings.version,
      source: { title: sources.title, url: sources.url, publishedOn: sources.publishedOn },
    })
    .from(meetings)
    .leftJoin(sources, eq(sources.id, meetings.sourceId))
    .where(eq(meetings.id, id))
    .get();
  if (!meeting) return null;
  const agenda = db
    .select({ position: agendaItems.position, title: agendaItems.title, presenter: agendaItems.presenter })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, id))
    .orderBy(asc(agendaItems.position))
    .all();
  const presented = db
    .select({ id: awards.id, awardYear: awards.awardYear, recipient: awards.recipient, kind: awards.kind, reason: awards.reason })
    .from(awards)
    .where(eq(awards.presentedAtMeetingId, id))
    .orderBy(asc(awards.recipient))
    .all();
  const commitments = db
    .select({ id: deliverables.id })
    .from(deliverables)
    .where(eq(deliverables.announcedAtMeetingId, id))
    .all()
    .map((d) => d.id);
  return {
    ...meeting,
    kind: meeting.kind,
    status: meeting.status,
    source: meeting.source?.url ? meeting.source : null,
    agenda,
    awards: presented,
    commitments,
  };
}

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

function replaceAgenda(tx: Tx, meetingId: number, agenda: { title: string; presenter?: string | null }[]) {
  tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId)).run();
  agenda.forEach((item, index) =>
    tx.insert(agendaItems).values({ meetingId, position: index + 1, title: item.title, presenter: item.presenter ?? null }).run(),
  );
}

export function createMeeting(user: SessionUser, input: CreateMeetingInput): MeetingDetail {
  if (!canManageMeetings(user)) throw forbidden('Only the chair’s staff and administrators manage meetings.');
  const id = getDb().transaction((tx) => {
    const now = new Date();
    const reportingCutoff = input.reportingCutoff === undefined ? addDays(input.date, -DEFAULT_CUTOFF_DAYS) : input.reportingCutoff;
    const row = tx
      .insert(meetings)
      .values({
        kind: input.kind,
        title: input.title,
        date: input.date,
        chair: input.chair,
        location: input.location,
        reportingCutoff,
        status: 'planned',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: meetings.id })
      .get();
    replaceAgenda(tx, row.id, input.agenda);
    recordAudit(tx, { actor: actorOf(user), action: 'meeting.create', entity: 'meeting', entityId: row.id, after: { ...input, reportingCutoff }, at: now });
    // Every agency's officials hear of a meeting still to come, and of the cutoff for their report.
    if (input.date >= taskForceDay(now)) {
      const created = tx.select().from(meetings).where(eq(meetings.id, row.id)).get()!;
      notify(tx, usersWithRoles(tx, ['official']), { kind: 'meeting_planned', meeting: meetingFacts(created) }, {
        eventKey: `meeting_planned:${row.id}`,
        meetingId: row.id,
        calendar: meetingCalendarFile(created),
        now,
      });
    }
    return row.id;
  });
  return getMeeting(id)!;
}

/**
 * PATCH: details, agenda, and the outcome of a held meeting (status, summary, the deliverables
 * announced there, the awards presented). A stale version gets 409 and changes nothing.
 */
export function updateMeeting(user: SessionUser, id: number, input: UpdateMeetingInput): MeetingDetail {
  return changeMeeting(user, id, input, { action: 'meeting.update' });
}

/**
 * Postpones a planned meeting to a later date. The reporting cutoff moves with it, the same number
 * of days before, unless another is given; the date first planned is kept. Everyone is told.
 */
export function postponeMeeting(user: SessionUser, id: number, input: PostponeMeetingInput): MeetingDetail {
  if (!canManageMeetings(user)) throw forbidden('Only the chair’s staff and administrators manage meetings.');
  const current = getMeeting(id);
  if (!current) throw notFound('The meeting');
  if (current.status !== 'planned') throw conflict(`Only a planned meeting can be postponed; this one is ${current.status}.`);
  if (input.date <= current.date) {
    throw invalid('Invalid input: date.', { date: [`A postponed meeting moves to a later date than ${formatCalendarDate(current.date)}.`] });
  }
  const reportingCutoff =
    input.reportingCutoff !== undefined
      ? input.reportingCutoff
      : current.reportingCutoff
        ? addDays(input.date, -daysBetween(current.reportingCutoff, current.date))
        : null;
  return changeMeeting(
    user,
    id,
    { version: input.version, date: input.date, reportingCutoff },
    { action: 'meeting.postpone', set: { postponedFrom: current.postponedFrom ?? current.date }, change: { kind: 'postponed' } },
  );
}

/**
 * Cancels a planned meeting, with the reason. Its reports can no longer change and no reminder or
 * cutoff notice is sent for it; the next meeting of its kind takes up the reporting cycle. Everyone
 * is told, with a calendar file that removes it.
 */
export function cancelMeeting(user: SessionUser, id: number, input: CancelMeetingInput): MeetingDetail {
  if (!canManageMeetings(user)) throw forbidden('Only the chair’s staff and administrators manage meetings.');
  const current = getMeeting(id);
  if (!current) throw notFound('The meeting');
  if (current.status !== 'planned') throw conflict(`Only a planned meeting can be cancelled; this one is ${current.status}.`);
  return changeMeeting(
    user,
    id,
    { version: input.version },
    { action: 'meeting.cancel', set: { status: 'cancelled', cancelledReason: input.reason }, change: { kind: 'cancelled', reason: input.reason } },
  );
}

type MeetingChange = {
  action: 'meeting.update' | 'meeting.postpone' | 'meeting.cancel';
  /** Columns set besides the input's (postponement's first date, cancellation's status and reason). */
  set?: Partial<typeof meetings.$inferInsert>;
  change?: { kind: 'postponed' } | { kind: 'cancelled'; reason: string };
};

function changeMeeting(user: SessionUser, id: number, input: UpdateMeetingInput, how: MeetingChange): MeetingDetail {
  if (!canManageMeetings(user)) throw forbidden('Only the chair’s staff and administrators manage meetings.');
  getDb().transaction((tx) => {
    const current = getMeeting(id);
    if (!current) throw notFound('The meeting');
    if (current.version !== input.version) {
      throw conflict('Someone else changed this meeting after you opened it.', { current });
    }
    if (current.status === 'cancelled' && input.status !== 'planned') {
      throw conflict('This meeting is cancelled: reinstate it (status planned) before changing it.');
    }
    const set: Partial<typeof meetings.$inferInsert> = { ...how.set };
    for (const key of ['kind', 'title', 'date', 'chair', 'location', 'reportingCutoff', 'status', 'summary'] as const) {
      if (input[key] !== undefined) Object.assign(set, { [key]: input[key] });
    }
    // Reinstated, a cancelled meeting drops its reason.
    if (current.status === 'cancelled' && input.status === 'planned') set.cancelledReason = null;
    const date = set.date ?? current.date;
    const cutoff = set.reportingCutoff === undefined ? current.reportingCutoff : set.reportingCutoff;
    if (cutoff && cutoff > date) {
      throw invalid('Invalid input: reportingCutoff.', { reportingCutoff: ['The reporting cutoff must be on or before the meeting date.'] });
    }
    if (input.commitments) {
      const found = input.commitments.length
        ? tx.select({ id: deliverables.id }).from(deliverables).where(inArray(deliverables.id, input.commitments)).all()
        : [];
      const missing = input.commitments.filter((c) => !found.some((f) => f.id === c));
      if (missing.length) throw invalid('Invalid input: commitments.', { commitments: [`No deliverable has the id ${missing.join(', ')}.`] });
      tx.update(deliverables).set({ announcedAtMeetingId: null }).where(eq(deliverables.announcedAtMeetingId, id)).run();
      if (input.commitments.length) {
        tx.update(deliverables).set({ announcedAtMeetingId: id }).where(inArray(deliverables.id, input.commitments)).run();
      }
    }
    if (input.agenda) replaceAgenda(tx, id, input.agenda);
    if (input.awards) {
      tx.delete(awards).where(eq(awards.presentedAtMeetingId, id)).run();
      for (const a of input.awards) {
        tx.insert(awards)
          .values({ awardYear: a.awardYear, recipient: a.recipient, kind: a.kind, reason: a.reason ?? null, presentedAtMeetingId: id })
          .run();
      }
    }
    const now = new Date();
    keepOrForgetReadiness(tx, current, { status: set.status ?? current.status, cutoff }, now);
    tx.update(meetings)
      .set({ ...set, version: current.version + 1, updatedAt: now })
      .where(eq(meetings.id, id))
      .run();
    const { version: _v, ...inputChanges } = input;
    const changes = { ...inputChanges, ...how.set };
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (current as unknown as Record<string, unknown>)[k]]));
    recordAudit(tx, { actor: actorOf(user), action: how.action, entity: 'meeting', entityId: id, before, after: changes, at: now });
    // A planned meeting that moves (its date or its cutoff), or is cancelled, is news to everyone.
    const moved = date !== current.date || cutoff !== current.reportingCutoff;
    const updated = tx.select().from(meetings).where(eq(meetings.id, id)).get()!;
    const reinstated = current.status === 'cancelled' && updated.status === 'planned';
    if ((moved && updated.status === 'planned') || how.change?.kind === 'cancelled' || reinstated) {
      notify(
        tx,
        usersWithRoles(tx, ['official', 'chair', 'viewer', 'admin']),
        {
          kind: 'meeting_changed',
          meeting: meetingFacts(updated),
          before: { date: current.date, reportingCutoff: current.reportingCutoff },
          change: how.change ?? (reinstated ? { kind: 'reinstated' } : { kind: 'moved' }),
        },
        { eventKey: `meeting_changed:${id}:${updated.version}`, meetingId: id, calendar: meetingCalendarFile(updated), now },
      );
    }
  });
  return getMeeting(id)!;
}

/**
 * A meeting marked held keeps its readiness as it stands (and, if the scheduled pass has not kept
 * it yet, as it stood at the cutoff); set back to planned it forgets the meeting's; a cutoff moved
 * to a day not yet passed forgets the cutoff's.
 */
function keepOrForgetReadiness(tx: Tx, current: MeetingDetail, next: { status: MeetingStatus; cutoff: string | null }, now: Date) {
  if (current.status === 'planned' && next.status === 'held') {
    if (next.cutoff) keepReadinessSnapshot(tx, current.id, 'cutoff', now.getTime());
    keepReadinessSnapshot(tx, current.id, 'meeting', now.getTime());
  } else if (current.status === 'held' && next.status === 'planned') {
    forgetReadinessSnapshot(tx, current.id, 'meeting');
  }
  if (next.cutoff !== current.reportingCutoff && (next.cutoff === null || next.cutoff >= taskForceDay(now))) {
    forgetReadinessSnapshot(tx, current.id, 'cutoff');
  }
}
