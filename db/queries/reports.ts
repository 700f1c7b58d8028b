/**
 * An agency's report for a meeting: its statement, and its way from draft to approved.
 * draft → submitted (the agency's official or an admin, only when nothing is missing)
 * submitted → approved | returned (the chair or an admin; returning needs a comment)
 * returned → submitted again. Each transition is stored with who and when, and audited.
 */
import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { todayIso } from '@/lib/dates';
import type { ReportState } from '@/lib/domain';
import type { AgencyReportView } from '@/lib/contracts/meetings';
import { invalid, conflict, forbidden, notFound } from '@/lib/errors';
import { canEditAgencyReport, canReviewReports, type SessionUser } from '@/lib/authorization';
import { getDb, type DbOrTx, type Tx } from '../index';
import { agencies, agencyReportEvents, agencyReports, meetings, users } from '../schema';
import { recordAudit } from './audit';
import { meetingFacts, notify, officialsOf, usersWithRoles } from './notifications';
import { listSubmissionGaps } from './readiness';

const actorOf = (user: SessionUser) => ({ id: user.id, email: user.email });

function meetingAndAgency(tx: Tx, meetingId: number, agencySlug: string) {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw notFound('The meeting');
  const agency = tx.select().from(agencies).where(eq(agencies.slug, agencySlug)).get();
  if (!agency || agency.retiredAt) throw notFound('The agency');
  return { meeting, agency };
}

function reportOf(tx: Tx, meetingId: number, agencyId: number) {
  return (
    tx
      .select()
      .from(agencyReports)
      .where(and(eq(agencyReports.meetingId, meetingId), eq(agencyReports.agencyId, agencyId)))
      .get() ?? null
  );
}

/** The report (or an empty draft that does not exist yet) with its history. */
export function getReport(meetingId: number, agencySlug: string): AgencyReportView {
  const db = getDb();
  return db.transaction((tx) => {
    const { meeting, agency } = meetingAndAgency(tx, meetingId, agencySlug);
    const report = reportOf(tx, meetingId, agency.id);
    const history = report
      ? tx
          .select({
            fromState: agencyReportEvents.fromState,
            toState: agencyReportEvents.toState,
            comment: agencyReportEvents.comment,
            at: agencyReportEvents.at,
            actor: users.name,
          })
          .from(agencyReportEvents)
          .leftJoin(users, eq(users.id, agencyReportEvents.actorId))
          .where(eq(agencyReportEvents.reportId, report.id))
          .orderBy(asc(agencyReportEvents.at), asc(agencyReportEvents.id))
          .all()
      : [];
    return {
      meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
      agency: { id: agency.id, slug: agency.slug, name: agency.name },
      statement: report?.statement ?? '',
      state: report?.state ?? null,
      reviewerComment: report?.reviewerComment ?? null,
      version: report?.version ?? 0,
      submittedAt: report?.submittedAt?.getTime() ?? null,
      reviewedAt: report?.reviewedAt?.getTime() ?? null,
      history: history.map((event) => ({ ...event, at: event.at.getTime() })),
      ...gapsOf(tx, meetingId, agency.id),
    };
  });
}

/**
 * What holds up the report: `gaps` names the first GAPS_LISTED deliverables (by title) with each
 * problem they have, and `gapCounts` counts them all.
 */
function gapsOf(db: DbOrTx, meetingId: number, agencyId: number) {
  const { items, ...gapCounts } = listSubmissionGaps(db, meetingId, agencyId);
  return { gaps: items, gapCounts };
}

const GAP_MESSAGES = {
  no_update_this_cycle: (title: string) => `“${title}” has no progress update since the last meeting.`,
  no_reason: (title: string) => `“${title}” is at risk or blocked without a reason.`,
};

/**
 * Moves the report to its next state, with its history event and audit event, and tells who must
 * hear of it: the chair's staff of a submission, the agency's officials of a return or approval.
 */
function transition(
  tx: Tx,
  user: SessionUser,
  context: { meeting: typeof meetings.$inferSelect; agency: { id: number; name: string; slug: string } },
  report: { id: number; state: ReportState; agencyId: number },
  to: ReportState,
  comment: string | null,
  set: Partial<typeof agencyReports.$inferInsert>,
) {
  const now = new Date();
  tx.update(agencyReports)
    .set({ ...set, state: to, updatedAt: now, version: sql`${agencyReports.version} + 1` })
    .where(eq(agencyReports.id, report.id))
    .run();
  const event = tx
    .insert(agencyReportEvents)
    .values({ reportId: report.id, fromState: report.state, toState: to, actorId: user.id, comment, at: now })
    .returning({ id: agencyReportEvents.id })
    .get();
  const meeting = meetingFacts(context.meeting);
  const agencyName = context.agency.name;
  const options = { eventKey: `report_event:${event.id}`, meetingId: context.meeting.id, now };
  if (to === 'submitted') {
    notify(tx, usersWithRoles(tx, ['chair']), { kind: 'report_submitted', meeting, agencyName, agencySlug: context.agency.slug, submittedBy: user.name }, options);
  } else if (to === 'returned') {
    notify(tx, officialsOf(tx, report.agencyId), { kind: 'report_returned', meeting, agencyName, comment: comment ?? '', reviewer: user.name }, options);
  } else if (to === 'approved') {
    notify(tx, officialsOf(tx, report.agencyId), { kind: 'report_approved', meeting, agencyName, reviewer: user.name }, options);
  }
  recordAudit(tx, {
    actor: actorOf(user),
    action: `report.${to === 'submitted' ? 'submit' : to === 'approved' ? 'approve' : to === 'returned' ? 'return' : 'edit'}`,
    entity: 'agency_report',
    entityId: report.id,
    agencyId: report.agencyId,
    before: { state: report.state },
    after: { state: to, ...(comment ? { comment } : {}) },
    at: now,
  });
}

function assertPlanned(meeting: { status: string }) {
  if (meeting.status !== 'planned') {
    throw conflict(`The meeting ${meeting.status === 'cancelled' ? 'is cancelled' : 'has been held'}; its reports can no longer change.`);
  }
}

/** Saves the statement (creating the draft on first save). A submitted or approved report is locked. */
export function saveStatement(user: SessionUser, meetingId: number, agencySlug: string, statement: string) {
  getDb().transaction((tx) => {
    const { meeting, agency } = meetingAndAgency(tx, meetingId, agencySlug);
    if (!canEditAgencyReport(user, agency.id)) throw forbidden('Only the agency’s officials and administrators can edit its report.');
    assertPlanned(meeting);
    const report = reportOf(tx, meetingId, agency.id);
    const now = new Date();
    if (!report) {
      const created = tx
        .insert(agencyReports)
        .values({ meetingId, agencyId: agency.id, statement, state: 'draft', createdAt: now, updatedAt: now })
        .returning()
        .get();
      tx.insert(agencyReportEvents).values({ reportId: created.id, fromState: null, toState: 'draft', actorId: user.id, at: now }).run();
      recordAudit(tx, {
        actor: actorOf(user),
        action: 'report.create',
        entity: 'agency_report',
        entityId: created.id,
        agencyId: agency.id,
        after: { statement, state: 'draft' },
        at: now,
      });
      return;
    }
    if (report.state === 'submitted' || report.state === 'approved') {
      throw conflict(`The report is ${report.state}; it can be edited again only if the chair returns it.`);
    }
    if (report.statement === statement) return;
    tx.update(agencyReports)
      .set({ statement, updatedAt: now, version: report.version + 1 })
      .where(eq(agencyReports.id, report.id))
      .run();
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'report.edit',
      entity: 'agency_report',
      entityId: report.id,
      agencyId: agency.id,
      before: { statement: report.statement },
      after: { statement },
      at: now,
    });
  });
  return getReport(meetingId, agencySlug);
}

/** Submits the report, or refuses with every missing update and reason listed. */
export function submitReport(user: SessionUser, meetingId: number, agencySlug: string) {
  getDb().transaction((tx) => {
    const { meeting, agency } = meetingAndAgency(tx, meetingId, agencySlug);
    if (!canEditAgencyReport(user, agency.id)) throw forbidden('Only the agency’s officials and administrators can submit its report.');
    assertPlanned(meeting);
    let report = reportOf(tx, meetingId, agency.id);
    if (report && (report.state === 'submitted' || report.state === 'approved')) {
      throw conflict(`The report is already ${report.state}.`);
    }
    const statement = report?.statement.trim() ?? '';
    const { gaps, gapCounts } = gapsOf(tx, meetingId, agency.id);
    if (!statement || gapCounts.deliverables) {
      const fields: Record<string, string[]> = {};
      if (!statement) fields.statement = ['Write the agency’s statement before submitting.'];
      if (gapCounts.deliverables) {
        fields.deliverables = gaps.map((g) => GAP_MESSAGES[g.problem](g.title));
        const unnamed = gapCounts.deliverables - new Set(gaps.map((g) => g.deliverableId)).size;
        if (unnamed > 0) fields.deliverables.push(`${unnamed} more ${unnamed === 1 ? 'deliverable needs' : 'deliverables need'} an update or a reason.`);
      }
      throw invalid('The report cannot be submitted yet: something is missing.', fields, { code: 'report_incomplete', extra: { missing: gaps, gapCounts } });
    }
    report = report!;
    transition(tx, user, { meeting, agency }, report, 'submitted', null, { submittedAt: new Date(), submittedById: user.id, reviewerComment: report.reviewerComment });
  });
  return getReport(meetingId, agencySlug);
}

export function reviewReport(user: SessionUser, meetingId: number, agencySlug: string, decision: 'approve' | 'return', comment: string | null) {
  getDb().transaction((tx) => {
    const { meeting, agency } = meetingAndAgency(tx, meetingId, agencySlug);
    if (!canReviewReports(user)) throw forbidden('Only the chair’s staff and administrators review reports.');
    assertPlanned(meeting);
    const report = reportOf(tx, meetingId, agency.id);
    if (!report || report.state !== 'submitted') {
      throw conflict(`Only a submitted report can be reviewed; this one is ${report?.state ?? 'not started'}.`);
    }
    if (decision === 'return' && !comment?.trim()) {
      throw invalid('Invalid input: comment.', { comment: ['Say what the agency should change.'] });
    }
    transition(tx, user, { meeting, agency }, report, decision === 'approve' ? 'approved' : 'returned', comment?.trim() || null, {
      reviewedAt: new Date(),
      reviewedById: user.id,
      reviewerComment: comment?.trim() || null,
    });
  });
  return getReport(meetingId, agencySlug);
}

/**
 * The agency added an open deliverable that has no update yet: each of its submitted or approved
 * reports for a meeting still to come no longer holds, so it goes back to draft (in progress),
 * with a history event and audit event, and the chair's staff are told. Called inside the
 * transaction that adds the deliverable.
 */
export function reopenReportsAfterNewDeliverable(tx: Tx, user: SessionUser, agencyId: number, deliverableTitle: string, now = new Date()) {
  const open = tx
    .select({ report: agencyReports, meeting: meetings, agency: { id: agencies.id, name: agencies.name, slug: agencies.slug } })
    .from(agencyReports)
    .innerJoin(meetings, eq(meetings.id, agencyReports.meetingId))
    .innerJoin(agencies, eq(agencies.id, agencyReports.agencyId))
    .where(
      and(
        eq(agencyReports.agencyId, agencyId),
        inArray(agencyReports.state, ['submitted', 'approved']),
        eq(meetings.status, 'planned'),
        gte(meetings.date, todayIso(now)),
      ),
    )
    .all();
  for (const { report, meeting, agency } of open) {
    const from = report.state as 'submitted' | 'approved';
    const comment = `Reopened: “${deliverableTitle}” was added without an update.`;
    tx.update(agencyReports)
      .set({ state: 'draft', updatedAt: now, version: sql`${agencyReports.version} + 1` })
      .where(eq(agencyReports.id, report.id))
      .run();
    const event = tx
      .insert(agencyReportEvents)
      .values({ reportId: report.id, fromState: from, toState: 'draft', actorId: user.id, comment, at: now })
      .returning({ id: agencyReportEvents.id })
      .get();
    notify(
      tx,
      usersWithRoles(tx, ['chair']),
      { kind: 'report_submitted', meeting: meetingFacts(meeting), agencyName: agency.name, agencySlug: agency.slug, submittedBy: user.name, reopened: { from, deliverableTitle } },
      { eventKey: `report_event:${event.id}`, meetingId: meeting.id, now },
    );
    recordAudit(tx, {
      actor: actorOf(user),
      action: 'report.reopen',
      entity: 'agency_report',
      entityId: report.id,
      agencyId,
      before: { state: from },
      after: { state: 'draft', comment },
      at: now,
    });
  }
}

export type ReportAwaitingReview = {
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  agencySlug: string;
  agencyName: string;
  agencyAbbreviation: string;
  submittedAt: number | null;
  submittedBy: string | null;
};

/**
 * Every report submitted and not yet reviewed, for planned meetings: the meeting soonest first,
 * then the longest waiting first.
 */
export function listReportsAwaitingReview(): ReportAwaitingReview[] {
  return getDb()
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      agencySlug: agencies.slug,
      agencyName: agencies.name,
      agencyAbbreviation: agencies.abbreviation,
      submittedAt: agencyReports.submittedAt,
      submittedBy: users.name,
    })
    .from(agencyReports)
    .innerJoin(meetings, eq(meetings.id, agencyReports.meetingId))
    .innerJoin(agencies, eq(agencies.id, agencyReports.agencyId))
    .leftJoin(users, eq(users.id, agencyReports.submittedById))
    .where(and(eq(agencyReports.state, 'submitted'), eq(meetings.status, 'planned'), isNull(agencies.retiredAt)))
    .orderBy(asc(meetings.date), asc(meetings.id), asc(agencyReports.submittedAt), asc(agencies.name))
    .all()
    .map((r) => ({ ...r, submittedAt: r.submittedAt?.getTime() ?? null }));
}

export type ReportEvent = {
  id: number;
  at: number;
  toState: 'submitted' | 'approved' | 'returned';
  comment: string | null;
  actor: string | null;
  agencySlug: string;
  agencyAbbreviation: string;
  meetingId: number;
  meetingTitle: string;
};

/** Reports submitted, approved or returned since an instant, newest first (at most `limit`), and how many. */
export function listReportEventsSince(since: number, limit = 25): { total: number; items: ReportEvent[] } {
  const db = getDb();
  const where = and(gte(agencyReportEvents.at, new Date(since)), inArray(agencyReportEvents.toState, ['submitted', 'approved', 'returned']));
  const total = db.select({ n: count() }).from(agencyReportEvents).where(where).get()?.n ?? 0;
  const items = db
    .select({
      id: agencyReportEvents.id,
      at: agencyReportEvents.at,
      toState: agencyReportEvents.toState,
      comment: agencyReportEvents.comment,
      actor: users.name,
      agencySlug: agencies.slug,
      agencyAbbreviation: agencies.abbreviation,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
    })
    .from(agencyReportEvents)
    .innerJoin(agencyReports, eq(agencyReports.id, agencyReportEvents.reportId))
    .innerJoin(agencies, eq(agencies.id, agencyReports.agencyId))
    .innerJoin(meetings, eq(meetings.id, agencyReports.meetingId))
    .leftJoin(users, eq(users.id, agencyReportEvents.actorId))
    .where(where)
    .orderBy(desc(agencyReportEvents.at), desc(agencyReportEvents.id))
    .limit(limit)
    .all()
    .map((e) => ({ ...e, at: e.at.getTime(), toState: e.toState as ReportEvent['toState'] }));
  return { total, items };
}
