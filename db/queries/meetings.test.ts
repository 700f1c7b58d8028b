import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { addDays, todayIso } from '@/lib/dates';
import type { SessionUser } from '@/lib/authorization';
import { cancelMeetingSchema } from '@/lib/validations/meetings';
import { cancelMeeting, createMeeting, postponeMeeting, updateMeeting } from './meetings';
import { getCycle } from './cycles';
import { keepCutoffSnapshots, getReadinessSnapshots } from './readiness';
import { sendReminders } from './reminders';
import { saveStatement } from './reports';
import { getSessionUser } from './users';

const db = getDb();
const userByEmail = (email: string): SessionUser =>
  getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const chair = userByEmail('chair@pitf.demo');
const official = userByEmail('official.ed@pitf.demo');
const today = todayIso();

const notices = (meetingId: number) =>
  db.select().from(t.notifications).where(eq(t.notifications.meetingId, meetingId)).all().filter((n) => n.kind === 'meeting_changed');
const lastAudit = (meetingId: number) =>
  db.select().from(t.auditEvents).where(eq(t.auditEvents.entityId, String(meetingId))).all().filter((e) => e.entity === 'meeting').at(-1)!;

function refusal(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

let seq = 0;
const plan = (date: string, reportingCutoff?: string | null) =>
  createMeeting(chair, { kind: 'working_group', title: `Meeting to change ${++seq}`, date, reportingCutoff, chair: null, location: null, agenda: [] });

describe('postponing a meeting', () => {
  it('moves it to a later date with its cutoff the same number of days before, keeps the first date, and tells everyone', () => {
    const m = plan(addDays(today, 300), addDays(today, 290));
    const once = postponeMeeting(chair, m.id, { version: m.version, date: addDays(today, 330) });
    expect(once).toMatchObject({ status: 'planned', date: addDays(today, 330), reportingCutoff: addDays(today, 320), postponedFrom: addDays(today, 300) });
    const twice = postponeMeeting(chair, m.id, { version: once.version, date: addDays(today, 340), reportingCutoff: addDays(today, 335) });
    expect(twice).toMatchObject({ date: addDays(today, 340), reportingCutoff: addDays(today, 335), postponedFrom: addDays(today, 300) });

    const sent = notices(m.id);
    expect(sent.filter((n) => n.subject.startsWith('Postponed: ')).length).toBeGreaterThan(0);
    expect(sent.find((n) => n.userId === official.id && n.eventKey === `meeting_changed:${m.id}:${twice.version}`)?.subject).toMatch(/^Postponed: /);
    expect(lastAudit(m.id)).toMatchObject({ action: 'meeting.postpone' });
  });

  it('refuses an earlier or the same date, naming the date, and changes nothing', () => {
    const m = plan(addDays(today, 300));
    const error = refusal(() => postponeMeeting(chair, m.id, { version: m.version, date: addDays(today, 299) }));
    expect(error.kind).toBe('invalid');
    expect(Object.keys(error.fields ?? {})).toEqual(['date']);
    expect(db.select().from(t.meetings).where(eq(t.meetings.id, m.id)).get()).toMatchObject({ date: addDays(today, 300), version: m.version, postponedFrom: null });
    expect(refusal(() => postponeMeeting(official, m.id, { version: m.version, date: addDays(today, 310) })).kind).toBe('forbidden');
  });
});

describe('cancelling a meeting', () => {
  it('needs a reason', () => {
    const parsed = cancelMeetingSchema.safeParse({ version: 1, reason: '  ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
  });

  it('marks it cancelled with the reason, tells everyone with a calendar file that removes it, and freezes its reports and reminders', () => {
    const m = plan(addDays(today, 280), addDays(today, -1));
    const cancelled = cancelMeeting(chair, m.id, { version: m.version, reason: 'The principals could not attend.' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledReason: 'The principals could not attend.' });

    const told = notices(m.id).find((n) => n.userId === official.id)!;
    expect(told.subject).toMatch(/^Cancelled: /);
    expect(told.bodyText).toContain('The principals could not attend.');
    expect(told.calendar).toContain('STATUS:CANCELLED');
    expect(lastAudit(m.id)).toMatchObject({ action: 'meeting.cancel' });

    expect(refusal(() => saveStatement(official, m.id, 'ed', 'Our statement.')).message).toMatch(/cancelled/);
    expect(refusal(() => sendReminders(chair, m.id, { agency: 'ed' }, 'Please report.')).message).toMatch(/cancelled/);
    // Its cutoff has passed, but a cancelled meeting keeps no readiness.
    keepCutoffSnapshots(new Date());
    expect(getReadinessSnapshots(m.id).cutoff).toBeNull();
    // Nothing else changes until it is reinstated; reinstated, it drops the reason.
    expect(refusal(() => updateMeeting(chair, m.id, { version: cancelled.version, title: 'Renamed' })).kind).toBe('conflict');
    expect(refusal(() => cancelMeeting(chair, m.id, { version: cancelled.version, reason: 'Again.' })).kind).toBe('conflict');
    const back = updateMeeting(chair, m.id, { version: cancelled.version, status: 'planned' });
    expect(back).toMatchObject({ status: 'planned', cancelledReason: null });
    expect(notices(m.id).find((n) => n.userId === official.id && n.eventKey === `meeting_changed:${m.id}:${back.version}`)?.subject).toMatch(/^Back on: /);
  });

  it('leaves the reporting cycle to the next meeting of its kind, which begins where the last held one ended', () => {
    const held = db
      .insert(t.meetings)
      .values({ kind: 'cabinet', title: 'Held cabinet for the cycle test', date: addDays(today, 250), status: 'held' })
      .returning()
      .get();
    const toCancel = createMeeting(chair, { kind: 'cabinet', title: 'Cabinet to cancel', date: addDays(today, 260), chair: null, location: null, agenda: [] });
    const next = createMeeting(chair, { kind: 'cabinet', title: 'Cabinet after it', date: addDays(today, 270), chair: null, location: null, agenda: [] });
    cancelMeeting(chair, toCancel.id, { version: toCancel.version, reason: 'Merged with the next one.' });
    expect(getCycle(db, next.id)?.previous?.id).toBe(held.id);
    // Tidy: no later test should find these as the latest cabinet meetings.
    db.delete(t.meetings).where(eq(t.meetings.id, next.id)).run();
    db.delete(t.meetings).where(eq(t.meetings.id, toCancel.id)).run();
    db.delete(t.meetings).where(eq(t.meetings.id, held.id)).run();
  });
});
