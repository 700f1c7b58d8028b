import 'server-only';
import { and, desc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { invalid, conflict, forbidden, notFound } from '@/lib/errors';
import { canSendReminders, type SessionUser } from '@/lib/authorization';
import { getDb } from '../index';
import { agencies, agencyReports, meetings, notifications, reminders, users } from '../schema';
import type { OpenReminder } from '@/lib/contracts/meetings';
import { recordAudit } from './audit';
import { meetingFacts, notify, officialsOf } from './notifications';

/**
 * Sends a reminder to one agency, or to every member agency whose report is not yet submitted
 * or approved: the agency's officials are notified in the same transaction. Returns the agencies
 * reminded.
 */
export function sendReminders(
  user: SessionUser,
  meetingId: number,
  target: { agency: string } | { notReady: true },
  message: string,
) {
  return getDb().transaction((tx) => {
    if (!canSendReminders(user)) throw forbidden('Only the chair’s staff and administrators send reminders.');
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) throw notFound('The meeting');
    if (meeting.status !== 'planned') {
      throw conflict(`The meeting ${meeting.status === 'cancelled' ? 'is cancelled' : 'has been held'}; there is nothing left to remind about.`);
    }

    let targets: { id: number; slug: string; name: string }[];
    if ('agency' in target) {
      const agency = tx.select().from(agencies).where(and(eq(agencies.slug, target.agency), isNull(agencies.retiredAt))).get();
      if (!agency) throw invalid('Invalid input: agency.', { agency: [`No member agency has the short name "${target.agency}".`] });
      targets = [agency];
    } else {
      const done = tx
        .select({ agencyId: agencyReports.agencyId })
        .from(agencyReports)
        .where(and(eq(agencyReports.meetingId, meetingId), inArray(agencyReports.state, ['submitted', 'approved'])));
      targets = tx
        .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
        .from(agencies)
        .where(and(isNull(agencies.retiredAt), notInArray(agencies.id, done)))
        .all();
    }
    const now = new Date();
    for (const agency of targets) {
      const row = tx.insert(reminders).values({ meetingId, agencyId: agency.id, sentById: user.id, message, sentAt: now }).returning().get();
      recordAudit(tx, {
        actor: { id: user.id, email: user.email },
        action: 'reminder.send',
        entity: 'reminder',
        entityId: row.id,
        agencyId: agency.id,
        after: { meetingId, message },
        at: now,
      });
      notify(
        tx,
        officialsOf(tx, agency.id),
        { kind: 'reminder', meeting: meetingFacts(meeting), agencyName: agency.name, message, sentBy: user.name, sentByAdministrator: user.role === 'admin' },
        { eventKey: `reminder:${row.id}`, meetingId, now },
      );
    }
    return targets.map((a) => a.slug);
  });
}

/**
 * Reminders an agency's officials still need to see: for planned meetings whose report from
 * this agency is not yet submitted or approved. Newest first.
 */
export function listOpenReminders(agencyId: number): OpenReminder[] {
  return getDb()
    .select({
      id: reminders.id,
      message: reminders.message,
      sentAt: reminders.sentAt,
      sentBy: users.name,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      reportingCutoff: meetings.reportingCutoff,
    })
    .from(reminders)
    .innerJoin(meetings, eq(meetings.id, reminders.meetingId))
    .leftJoin(users, eq(users.id, reminders.sentById))
    .leftJoin(agencyReports, and(eq(agencyReports.meetingId, reminders.meetingId), eq(agencyReports.agencyId, reminders.agencyId)))
    .where(
      and(
        eq(reminders.agencyId, agencyId),
        eq(meetings.status, 'planned'),
        or(isNull(agencyReports.state), sql`${agencyReports.state} NOT IN ('submitted','approved')`),
      ),
    )
    .orderBy(desc(reminders.sentAt))
    .limit(5)
    .all()
    .map((reminder) => ({ ...reminder, sentAt: reminder.sentAt.getTime() }));
}

/**
 * Every reminder sent for a meeting, newest first: when, by whom, to which agency, the message,
 * and how many of the agency's officials were notified and e-mailed.
 */
export function listRemindersSent(meetingId: number) {
  return getDb()
    .select({
      id: reminders.id,
      sentAt: reminders.sentAt,
      sentBy: users.name,
      agencyName: agencies.name,
      agencySlug: agencies.slug,
      message: reminders.message,
      notified: sql<number>`(SELECT count(*) FROM ${notifications} WHERE ${notifications.eventKey} = 'reminder:' || ${reminders.id})`,
      emailed: sql<number>`(SELECT count(*) FROM ${notifications} WHERE ${notifications.eventKey} = 'reminder:' || ${reminders.id} AND ${notifications.emailState} IN ('sent','in_digest'))`,
    })
    .from(reminders)
    .innerJoin(agencies, eq(agencies.id, reminders.agencyId))
    .leftJoin(users, eq(users.id, reminders.sentById))
    .where(eq(reminders.meetingId, meetingId))
    .orderBy(desc(reminders.sentAt), desc(reminders.id))
    .all()
    .map((r) => ({ ...r, sentAt: r.sentAt.getTime() }));
}

/** Every reminder the agency received for the meeting, newest first, with who sent it. */
export function listRemindersReceived(meetingId: number, agencyId: number) {
  return getDb()
    .select({ id: reminders.id, message: reminders.message, sentAt: reminders.sentAt, sentBy: users.name })
    .from(reminders)
    .leftJoin(users, eq(users.id, reminders.sentById))
    .where(and(eq(reminders.agencyId, agencyId), eq(reminders.meetingId, meetingId)))
    .orderBy(desc(reminders.sentAt), desc(reminders.id))
    .all()
    .map((r) => ({ ...r, sentAt: r.sentAt.getTime() }));
}
