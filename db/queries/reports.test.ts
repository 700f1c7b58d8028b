import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { addDays, todayIso } from '@/lib/dates';
import type { SessionUser } from '@/lib/authorization';
import { createDeliverableSchema } from '@/lib/validations/deliverables';
import { createDeliverable } from './deliverable-writes';
import { createMeeting } from './meetings';
import { getReport, reviewReport, saveStatement, submitReport } from './reports';
import { getSessionUser } from './users';

const db = getDb();
const userByEmail = (email: string): SessionUser =>
  getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const chair = userByEmail('chair@pitf.demo');
// DPC leads no deliverable: its report can be submitted as soon as it has a statement.
const official = userByEmail('official.dpc@pitf.demo');

describe('a report that no longer holds', () => {
  it('goes back to in progress when its agency adds a deliverable without an update, and the chair is told', () => {
    const meeting = createMeeting(chair, { kind: 'working_group', title: 'Labor trafficking working group', date: addDays(todayIso(), 20), chair: null, location: null, agenda: [] });
    saveStatement(official, meeting.id, 'dpc', 'Our policy review is on schedule.');
    submitReport(official, meeting.id, 'dpc');
    reviewReport(chair, meeting.id, 'dpc', 'approve', null);
    expect(getReport(meeting.id, 'dpc').state).toBe('approved');

    createDeliverable(official, createDeliverableSchema.parse({ leadAgency: 'dpc', pillar: 'prevention', title: 'Guidance on survivor housing' }));

    const report = getReport(meeting.id, 'dpc');
    expect(report.state).toBe('draft');
    expect(report.history.at(-1)).toMatchObject({ fromState: 'approved', toState: 'draft', comment: 'Reopened: “Guidance on survivor housing” was added without an update.' });
    expect(report.gapCounts.noUpdateThisCycle).toBe(1);
    const told = db
      .select({ subject: t.notifications.subject })
      .from(t.notifications)
      .where(and(eq(t.notifications.userId, chair.id), eq(t.notifications.meetingId, meeting.id)))
      .all()
      .map((n) => n.subject);
    expect(told).toContain(`Reopened: Domestic Policy Council's report for Labor trafficking working group`);
  });
});
