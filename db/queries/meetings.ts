import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { MeetingKind, MeetingStatus } from '@/lib/domain';
import { todayIso } from '@/lib/dates';
import { getDb } from '../index';
import { agencies, agencyReports, awards, deliverables, meetings, sources } from '../schema';

export type MeetingFilters = { kind?: MeetingKind; status?: MeetingStatus; page: number; pageSize: number };

export function listMeetings(f: MeetingFilters) {
  const db = getDb();
  const where = and(
    f.kind ? eq(meetings.kind, f.kind) : undefined,
    f.status ? eq(meetings.status, f.status) : undefined,
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
      awards: sql<number>`(SELECT count(*) FROM ${awards} WHERE ${awards.presentedAtMeetingId} = ${meetings.id})`,
      source: { title: sources.title, url: sources.url },
    })
    .from(meetings)
    .leftJoin(sources, eq(sources.id, meetings.sourceId))
    .where(where)
    .orderBy(desc(meetings.date))
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

/** Meetings at which the agency announced at least one of its deliverables, newest first. */
export function listMeetingsAnnouncingFor(agencyId: number) {
  return getDb()
    .select({ id: meetings.id, title: meetings.title, date: meetings.date })
    .from(meetings)
    .where(
      sql`${meetings.id} IN (SELECT ${deliverables.announcedAtMeetingId} FROM ${deliverables} WHERE ${deliverables.leadAgencyId} = ${agencyId})`,
    )
    .orderBy(desc(meetings.date))
    .all();
}

/** Every meeting as a choice for "announced at", newest first. */
export function listMeetingOptions() {
  return getDb()
    .select({ id: meetings.id, title: meetings.title, date: meetings.date })
    .from(meetings)
    .orderBy(desc(meetings.date))
    .all();
}
