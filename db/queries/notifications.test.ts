import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { addDays } from '@/lib/dates';
import { DomainError } from '@/lib/errors';
import { readUnsubscribeToken, unsubscribeToken } from '@/lib/notification-tokens';
import { cutoffThreshold } from '@/lib/notifications';
import { deliverDue } from '@/lib/server/notification-worker';
import type { SessionUser } from '@/lib/authorization';
import { startSmtpCapture, type RunningSmtp } from '@/e2e/services/smtp-capture.mjs';
import { updateUser } from './admin-users';
import { createMeeting, updateMeeting } from './meetings';
import {
  CLAIM_MS,
  claimDueEmails,
  getPreferences,
  RETRY_DELAYS_MS,
  setPreferences,
  taskForceDay,
  unsubscribe,
  writeCutoffNotices,
  writeDigests,
  writeReadinessDigest,
} from './notifications';
import { sendReminders } from './reminders';
import { reviewReport, saveStatement, submitReport } from './reports';
import { getSessionUser } from './users';

const db = getDb();
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

const userByEmail = (email: string): SessionUser =>
  getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const agencyId = (slug: string) => db.select({ id: t.agencies.id }).from(t.agencies).where(eq(t.agencies.slug, slug)).get()!.id;

function addUser(email: string, role: 'official' | 'chair' | 'viewer', agency: string | null, active = true) {
  return db
    .insert(t.users)
    .values({ email, name: email.split('@')[0]!, role, agencyId: agency ? agencyId(agency) : null, passwordHash: 'x', active })
    .returning({ id: t.users.id })
    .get().id;
}

const rowsFor = (eventKey: string) => db.select().from(t.notifications).where(eq(t.notifications.eventKey, eventKey)).all();
const activeOfficials = (slug: string) =>
  db
    .select({ id: t.users.id })
    .from(t.users)
    .where(and(eq(t.users.agencyId, agencyId(slug)), eq(t.users.role, 'official'), eq(t.users.active, true)))
    .all()
    .map((u) => u.id)
    .sort();

let meetingSeq = 0;
/** A planned working-group meeting far enough ahead not to be anyone's next meeting, with the cutoff given. */
function plannedMeeting(cutoffInDays: number, title = `Notification test meeting ${++meetingSeq}`) {
  const today = taskForceDay();
  return createMeeting(userByEmail('chair@pitf.demo'), {
    kind: 'working_group',
    title,
    date: addDays(today, 300),
    chair: null,
    location: 'Washington, D.C.',
    reportingCutoff: addDays(today, cutoffInDays),
    agenda: [],
  });
}

let smtp: RunningSmtp;
const mailEnv = () => ({
  PITF_SMTP_HOST: '127.0.0.1',
  PITF_SMTP_PORT: String(smtp.port),
  PITF_SMTP_SECURITY: 'none',
  PITF_MAIL_FROM: 'PITF Dashboard <pitf@example.gov>',
});

beforeAll(async () => {
  smtp = await startSmtpCapture();
  Object.assign(process.env, mailEnv());
});

afterAll(async () => {
  for (const key of Object.keys(mailEnv())) delete process.env[key];
  await smtp.close();
});

describe('notifications written with the change', () => {
  it('a reminder reaches the agency’s active officials and nobody else, naming the meeting, the cutoff and the days left', () => {
    addUser('second.dhs@pitf.test', 'official', 'dhs');
    addUser('gone.dhs@pitf.test', 'official', 'dhs', false);
    const meeting = plannedMeeting(10);
    sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'dhs' }, 'Please report <by Friday> & include the UFLPA figures.');
    const reminder = db.select().from(t.reminders).where(eq(t.reminders.meetingId, meeting.id)).get()!;
    const rows = rowsFor(`reminder:${reminder.id}`);

    expect(rows.map((r) => r.userId).sort()).toEqual(activeOfficials('dhs'));
    expect(rows).toHaveLength(2);
    const [row] = rows;
    expect(row!.kind).toBe('reminder');
    expect(row!.emailState).toBe('pending');
    expect(row!.subject).toContain(meeting.title);
    expect(row!.link).toBe(`/meetings/${meeting.id}#report`);
    expect(row!.bodyText).toContain('Please report <by Friday> & include the UFLPA figures.');
    expect(row!.bodyText).toMatch(/Reporting cutoff: \w{3} \d{1,2}, \d{4} \(10 days left\)/);
    expect(row!.bodyText).toContain(`/meetings/${meeting.id}#report`);
    expect(row!.bodyHtml).toContain('<html lang="en">');
    expect(row!.bodyHtml).toContain(`<title>${row!.subject.replace(/'/g, '&#39;')}</title>`);
    expect(row!.bodyHtml).toContain('Please report &lt;by Friday&gt; &amp; include');
    expect(row!.bodyHtml).not.toContain('<by Friday>');
  });

  it('a change that is refused writes no notification', () => {
    const meeting = plannedMeeting(10);
    const before = db.select().from(t.notifications).all().length;
    expect(() => sendReminders(userByEmail('official.dhs@pitf.demo'), meeting.id, { agency: 'doj' }, 'Not mine to send')).toThrow();
    db.update(t.meetings).set({ status: 'held' }).where(eq(t.meetings.id, meeting.id)).run();
    expect(() => sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'doj' }, 'Too late')).toThrow();
    expect(db.select().from(t.notifications).all().length).toBe(before);
  });

  it('a returned report tells the agency’s officials with the comment; a submitted one tells the chair’s staff only', () => {
    const meeting = plannedMeeting(20);
    const now = new Date();
    const report = db
      .insert(t.agencyReports)
      .values({ meetingId: meeting.id, agencyId: agencyId('dol'), statement: 'Our statement', state: 'submitted', createdAt: now, updatedAt: now, submittedAt: now })
      .returning()
      .get();
    reviewReport(userByEmail('chair@pitf.demo'), meeting.id, 'dol', 'return', 'Add the figures for the second quarter.');
    const returned = db.select().from(t.notifications).where(and(eq(t.notifications.kind, 'report_returned'), eq(t.notifications.meetingId, meeting.id))).all();
    expect(returned.map((r) => r.userId).sort()).toEqual(activeOfficials('dol'));
    expect(returned[0]!.bodyText).toContain('Add the figures for the second quarter.');
    expect(returned[0]!.subject).toMatch(/^Returned: /);

    // Submitted again (as the seeded official would after fixing it): only chair staff hear of it.
    db.update(t.agencyReports).set({ state: 'submitted' }).where(eq(t.agencyReports.id, report.id)).run();
    reviewReport(userByEmail('chair@pitf.demo'), meeting.id, 'dol', 'approve', null);
    const approved = db.select().from(t.notifications).where(and(eq(t.notifications.kind, 'report_approved'), eq(t.notifications.meetingId, meeting.id))).all();
    expect(approved.map((r) => r.userId).sort()).toEqual(activeOfficials('dol'));
  });

  it('a report submitted by its official tells the chair’s staff, with a link to review it, and no official', () => {
    // DPC leads no deliverable: nothing holds its report up.
    const meeting = plannedMeeting(25);
    const official = userByEmail('official.dpc@pitf.demo');
    saveStatement(official, meeting.id, 'dpc', 'The Council convened the working group twice.');
    submitReport(official, meeting.id, 'dpc');
    const rows = db.select().from(t.notifications).where(and(eq(t.notifications.kind, 'report_submitted'), eq(t.notifications.meetingId, meeting.id))).all();
    const chairs = db.select({ id: t.users.id }).from(t.users).where(and(eq(t.users.role, 'chair'), eq(t.users.active, true))).all();
    expect(rows.map((r) => r.userId).sort()).toEqual(chairs.map((c) => c.id).sort());
    expect(rows[0]!.subject).toMatch(/^Submitted: Domestic Policy Council's report for /);
    expect(rows[0]!.link).toBe(`/meetings/${meeting.id}?agency=dpc#report`);
    expect(rows[0]!.bodyText).toContain('DPC Official submitted');
  });

  it('a planned meeting tells every official with its calendar file; moving it tells everyone once per move', () => {
    const meeting = plannedMeeting(30);
    const planned = rowsFor(`meeting_planned:${meeting.id}`);
    const officials = db.select({ id: t.users.id }).from(t.users).where(and(eq(t.users.role, 'official'), eq(t.users.active, true))).all();
    expect(planned).toHaveLength(officials.length);
    expect(planned[0]!.calendar).toContain('BEGIN:VCALENDAR');

    const moved = updateMeeting(userByEmail('chair@pitf.demo'), meeting.id, { version: meeting.version, date: addDays(meeting.date, 7) });
    const rows = rowsFor(`meeting_changed:${meeting.id}:${moved.version}`);
    const everyone = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, true)).all();
    expect(rows).toHaveLength(everyone.length);
    expect(rows[0]!.subject).toMatch(/^Moved: /);
    expect(rows[0]!.bodyText).toContain('→');
    expect(rows[0]!.calendar).toContain(`DTSTART;VALUE=DATE:${moved.date.replace(/-/g, '')}`);

    // A change that does not move it (the title) is not news.
    updateMeeting(userByEmail('chair@pitf.demo'), meeting.id, { version: moved.version, title: `${meeting.title} (renamed)` });
    expect(rowsFor(`meeting_changed:${meeting.id}:${moved.version + 1}`)).toHaveLength(0);
  });
});

describe('preferences', () => {
  it('an official may send a kind to the digest or switch it off, but not switch off the chair’s reminders; a refusal names the kind and changes nothing', () => {
    const official = userByEmail('official.hhs@pitf.demo');
    const refused = (() => {
      try {
        setPreferences(official, { reminder: 'off', report_approved: 'off' });
      } catch (error) {
        return error as DomainError;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused!.kind).toBe('invalid');
    expect(Object.keys(refused!.details.fields!)).toEqual(['reminder']);
    expect(getPreferences(official).every((p) => p.delivery === 'immediate')).toBe(true);

    expect(() => setPreferences(official, { report_submitted: 'off' })).toThrow(DomainError);

    const saved = setPreferences(official, { reminder: 'digest', meeting_planned: 'off' });
    expect(saved.find((p) => p.kind === 'reminder')).toMatchObject({ delivery: 'digest', choices: ['immediate', 'digest'] });
    expect(saved.find((p) => p.kind === 'meeting_planned')!.delivery).toBe('off');
    expect(saved.map((p) => p.kind)).toEqual(['reminder', 'report_returned', 'report_approved', 'meeting_planned', 'cutoff_approaching', 'meeting_changed']);
  });

  afterAll(() => {
    // Back to the defaults, for the delivery tests below.
    db.delete(t.notificationPreferences).run();
  });

  it('what goes to the digest waits, then leaves in one e-mail; what is switched off stays in the app only', () => {
    const official = userByEmail('official.hhs@pitf.demo');
    const meeting = plannedMeeting(40);
    const planned = rowsFor(`meeting_planned:${meeting.id}`).find((r) => r.userId === official.id)!;
    expect(planned.emailState).toBe('not_emailed');
    sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'hhs' }, 'Digest me.');
    const reminder = db.select().from(t.notifications).where(and(eq(t.notifications.userId, official.id), like(t.notifications.eventKey, 'reminder:%'), eq(t.notifications.meetingId, meeting.id))).get()!;
    expect(reminder.emailState).toBe('held_for_digest');

    expect(writeDigests()).toBeGreaterThanOrEqual(1);
    const gathered = db.select().from(t.notifications).where(eq(t.notifications.id, reminder.id)).get()!;
    expect(gathered.emailState).toBe('in_digest');
    const digest = db.select().from(t.notifications).where(eq(t.notifications.id, gathered.digestId!)).get()!;
    expect(digest).toMatchObject({ kind: 'digest', userId: official.id, emailState: 'pending' });
    expect(digest.bodyText).toContain(reminder.subject);
    // One digest a day: what is held after today's waits for tomorrow's.
    sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'hhs' }, 'Held until tomorrow.');
    writeDigests();
    expect(db.select().from(t.notifications).where(and(eq(t.notifications.userId, official.id), eq(t.notifications.kind, 'digest'))).all()).toHaveLength(1);
    const waiting = db.select().from(t.notifications).where(and(eq(t.notifications.userId, official.id), like(t.notifications.bodyText, '%Held until tomorrow.%'))).get()!;
    expect(waiting.emailState).toBe('held_for_digest');
    const tomorrow = new Date(Date.now() + 86_400_000);
    writeDigests(tomorrow);
    expect(db.select().from(t.notifications).where(eq(t.notifications.id, waiting.id)).get()!.emailState).toBe('in_digest');
  });

  it('an unsubscribe token works only as signed: it switches its kind off, or to the digest when the role may not switch it off', () => {
    const official = userByEmail('official.doj@pitf.demo');
    const token = unsubscribeToken(official.id, 'cutoff_approaching');
    expect(readUnsubscribeToken(token)).toEqual({ userId: official.id, kind: 'cutoff_approaching' });
    expect(readUnsubscribeToken(token.replace(`${official.id}.`, `${official.id + 1}.`))).toBeNull();
    expect(readUnsubscribeToken(token.replace('cutoff_approaching', 'reminder'))).toBeNull();
    expect(readUnsubscribeToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();

    expect(unsubscribe(official.id, 'cutoff_approaching')).toMatchObject({ delivery: 'off' });
    expect(unsubscribe(official.id, 'reminder')).toMatchObject({ delivery: 'digest' });
    expect(unsubscribe(official.id, 'report_submitted')).toBeNull();
    const choices = Object.fromEntries(getPreferences(official).map((p) => [p.kind, p.delivery]));
    expect(choices).toMatchObject({ cutoff_approaching: 'off', reminder: 'digest', report_returned: 'immediate' });
  });
});

describe('the chair’s daily readiness digest', () => {
  let meeting = { id: 0, title: 'Digest meeting', date: '2027-03-01', reportingCutoff: '2027-02-15' as string | null };
  beforeAll(() => {
    const created = plannedMeeting(45, 'Digest meeting');
    meeting = { id: created.id, title: created.title, date: created.date, reportingCutoff: created.reportingCutoff };
  });
  const state = (dos: 'not_started' | 'awaiting_review' | 'ready', doj: 'not_started' | 'in_progress') => ({
    meeting,
    agencies: [
      { slug: 'dos', name: 'Department of State', readiness: dos },
      { slug: 'doj', name: 'Department of Justice', readiness: doj },
    ],
    counts: { ready: dos === 'ready' ? 1 : 0, awaiting_review: dos === 'awaiting_review' ? 1 : 0, in_progress: doj === 'in_progress' ? 1 : 0, not_started: (dos === 'not_started' ? 1 : 0) + (doj === 'not_started' ? 1 : 0) },
  });
  const digests = () => db.select().from(t.notifications).where(eq(t.notifications.kind, 'readiness_digest')).all();

  it('records where things stand first, then tells the chair’s staff once a day what changed, and nothing when nothing did', () => {
    const before = digests().length;
    expect(writeReadinessDigest(() => state('not_started', 'not_started'), new Date('2027-02-01T13:00:00Z'))).toBe(0);
    // The next morning: State submitted and Justice started.
    const chairs = db.select({ id: t.users.id }).from(t.users).where(and(eq(t.users.role, 'chair'), eq(t.users.active, true))).all();
    expect(writeReadinessDigest(() => state('awaiting_review', 'in_progress'), new Date('2027-02-02T13:00:00Z'))).toBe(chairs.length);
    const [digest] = digests().slice(before);
    expect(digest!.bodyText).toContain('- Department of State: Not started → Awaiting review');
    expect(digest!.bodyText).toContain('- Department of Justice: Not started → In progress');
    expect(digest!.bodyText).toContain('Now: 0 ready, 1 awaiting review, 1 in progress, 0 not started.');
    expect(digest!.subject).toBe('Readiness for Digest meeting: 0 ready, 1 awaiting review');
    // Later the same day, another change waits for tomorrow's digest.
    expect(writeReadinessDigest(() => state('ready', 'in_progress'), new Date('2027-02-02T20:00:00Z'))).toBe(0);
    // A day on which nothing changed since the last digest sends nothing.
    expect(writeReadinessDigest(() => state('awaiting_review', 'in_progress'), new Date('2027-02-03T13:00:00Z'))).toBe(0);
    expect(digests()).toHaveLength(before + chairs.length);
  });
});

describe('cutoff notices', () => {
  it('reach 14, 7 and 1 days before, the nearest threshold once: a meeting planned 5 days before its cutoff gets the 7-day notice', () => {
    expect([20, 15, 14, 8, 7, 5, 2, 1, 0, -1].map(cutoffThreshold)).toEqual([null, null, 14, 14, 7, 7, 7, 1, 1, null]);
  });

  it('count days in the task force’s time zone, which can be set', () => {
    const lateEvening = new Date('2026-12-03T03:30:00Z');
    expect(taskForceDay(lateEvening)).toBe('2026-12-02');
    process.env.PITF_TIME_ZONE = 'Asia/Tokyo';
    try {
      expect(taskForceDay(lateEvening)).toBe('2026-12-03');
    } finally {
      delete process.env.PITF_TIME_ZONE;
    }
  });

  it('a cutoff 7 days away writes one notice per official of each agency whose report is not submitted, and a second pass none', () => {
    const meeting = plannedMeeting(7);
    const now = new Date();
    db.insert(t.agencyReports)
      .values({ meetingId: meeting.id, agencyId: agencyId('dos'), statement: 'Done', state: 'submitted', createdAt: now, updatedAt: now, submittedAt: now })
      .run();
    writeCutoffNotices();
    const rows = rowsFor(`cutoff:${meeting.id}:${meeting.reportingCutoff}:7`);
    const waiting = db
      .select({ id: t.users.id })
      .from(t.users)
      .innerJoin(t.agencies, eq(t.agencies.id, t.users.agencyId))
      .where(and(eq(t.users.role, 'official'), eq(t.users.active, true)))
      .all()
      .filter((u) => !activeOfficials('dos').includes(u.id));
    expect(rows.map((r) => r.userId).sort()).toEqual(waiting.map((u) => u.id).sort());
    expect(rows[0]!.subject).toMatch(/^7 days left: /);
    writeCutoffNotices();
    expect(rowsFor(`cutoff:${meeting.id}:${meeting.reportingCutoff}:7`)).toHaveLength(rows.length);
  });
});

describe('delivery over SMTP', () => {
  it('sends each due e-mail once, with both parts, the one-click unsubscribe headers and the meeting’s calendar file', async () => {
    const meeting = plannedMeeting(50, 'Delivery check meeting');
    smtp.clear();
    const tally = await deliverDue();
    expect(tally.failed).toBe(0);
    const about = smtp.messages.filter((m) => m.subject.includes('Delivery check meeting'));
    const officials = db.select({ email: t.users.email }).from(t.users).where(and(eq(t.users.role, 'official'), eq(t.users.active, true))).all();
    expect(about.map((m) => m.to[0]).sort()).toEqual(officials.map((o) => o.email).sort());
    const [mail] = about;
    expect(mail!.from).toBe('pitf@example.gov');
    expect(mail!.text).toContain('Delivery check meeting');
    expect(mail!.html).toContain('lang="en"');
    expect(mail!.headers['list-unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/api\/unsubscribe\?token=.+>$/);
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]).toMatchObject({ filename: 'meeting.ics' });
    expect(mail!.attachments[0]!.content).toContain(`DTSTART;VALUE=DATE:${meeting.date.replace(/-/g, '')}`);
    expect(new Set(about.map((m) => m.messageId)).size).toBe(about.length);

    const states = rowsFor(`meeting_planned:${meeting.id}`).map((r) => r.emailState);
    expect(new Set(states)).toEqual(new Set(['sent']));
    smtp.clear();
    expect((await deliverDue()).sent).toBe(0);
    expect(smtp.messages).toHaveLength(0);
  }, 60_000);

  it('a refused send is tried again after the delay and delivered once; the attempt and the server’s answer are recorded', async () => {
    await deliverDue();
    const meeting = plannedMeeting(60);
    sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'doc' }, 'Refused, then accepted.');
    const key = `reminder:${db.select().from(t.reminders).where(eq(t.reminders.meetingId, meeting.id)).get()!.id}`;
    // The meeting notice went to every official; only the reminder is sent under refusal.
    await deliverDue();
    db.update(t.notifications).set({ emailState: 'pending', attempts: 0, sentAt: null }).where(eq(t.notifications.eventKey, key)).run();
    smtp.clear();
    smtp.refuse(activeOfficials('doc').length);
    const first = await deliverDue();
    expect(first).toMatchObject({ sent: 0, retried: activeOfficials('doc').length });
    const waiting = rowsFor(key)[0]!;
    expect(waiting).toMatchObject({ emailState: 'pending', attempts: 1 });
    expect(waiting.lastError).toMatch(/451/);
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + RETRY_DELAYS_MS[0]! - 5_000);

    // Not before its time.
    expect((await deliverDue()).sent).toBe(0);
    const later = Date.now() + RETRY_DELAYS_MS[0]! + 1_000;
    const second = await deliverDue(() => later);
    expect(second.sent).toBe(activeOfficials('doc').length);
    const delivered = smtp.messages.filter((m) => m.text.includes('Refused, then accepted.'));
    expect(delivered).toHaveLength(activeOfficials('doc').length);
    expect(rowsFor(key)[0]).toMatchObject({ emailState: 'sent', attempts: 2 });
    expect(rowsFor(key)[0]!.lastError).toMatch(/451/);
  });

  it('what a worker claimed and never finished goes out once its claim has expired, and only then', async () => {
    await deliverDue();
    const meeting = plannedMeeting(70);
    sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'usaid' }, 'Claimed by a worker that died.');
    const key = `reminder:${db.select().from(t.reminders).where(eq(t.reminders.meetingId, meeting.id)).get()!.id}`;
    const now = Date.now();
    const claimed = claimDueEmails('worker-that-died', now, 1000);
    expect(claimed.some((c) => c.eventKey === key)).toBe(true);
    smtp.clear();
    expect((await deliverDue(() => now + 1_000)).sent).toBe(0);
    const after = await deliverDue(() => now + CLAIM_MS + 1_000);
    expect(after.sent).toBeGreaterThanOrEqual(activeOfficials('usaid').length);
    expect(smtp.messages.filter((m) => m.text.includes('Claimed by a worker that died.'))).toHaveLength(activeOfficials('usaid').length);
  });
});

describe('people whose account changed', () => {
  it('a deactivated account is sent nothing more; a changed role or agency takes away what was told before', async () => {
    await deliverDue();
    const leaving = addUser('leaving.doc@pitf.test', 'official', 'doc');
    const moving = addUser('moving.doc@pitf.test', 'official', 'doc');
    const meeting = plannedMeeting(90);
    sendReminders(userByEmail('chair@pitf.demo'), meeting.id, { agency: 'doc' }, 'Before they left.');
    const key = `reminder:${db.select().from(t.reminders).where(eq(t.reminders.meetingId, meeting.id)).get()!.id}`;
    expect(rowsFor(key).map((r) => r.userId)).toEqual(expect.arrayContaining([leaving, moving]));

    updateUser(userByEmail('admin@pitf.demo'), leaving, { active: false });
    updateUser(userByEmail('admin@pitf.demo'), moving, { agency: 'doj' });
    smtp.clear();
    await deliverDue();
    expect(smtp.messages.filter((m) => m.text.includes('Before they left.')).flatMap((m) => m.to)).not.toContain('leaving.doc@pitf.test');
    expect(smtp.messages.flatMap((m) => m.to)).not.toContain('moving.doc@pitf.test');
    expect(rowsFor(key).find((r) => r.userId === leaving)).toMatchObject({ emailState: 'not_emailed' });
    expect(db.select().from(t.notifications).where(eq(t.notifications.userId, moving)).all()).toHaveLength(0);
  });
});

describe('the outbox across processes', () => {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const env = () => ({ ...process.env, ...mailEnv(), DATABASE_URL: process.env.DATABASE_URL });

  it('two notification passes started at once write and send each cutoff notice once', async () => {
    await deliverDue();
    const meeting = plannedMeeting(7, 'Two schedulers meeting');
    smtp.clear();
    const pass = () => run(tsx, ['--conditions=react-server', 'scripts/notify-once.ts'], { cwd: ROOT, env: env() });
    const outputs = await Promise.all([pass(), pass()]);
    const rows = rowsFor(`cutoff:${meeting.id}:${meeting.reportingCutoff}:7`);
    const officials = db.select({ id: t.users.id }).from(t.users).where(and(eq(t.users.role, 'official'), eq(t.users.active, true))).all();
    expect(rows).toHaveLength(officials.length);
    const received = smtp.messages.filter((m) => m.subject.startsWith('7 days left') && m.subject.includes('Two schedulers meeting'));
    expect(received).toHaveLength(officials.length);
    expect(new Set(received.map((m) => m.to[0])).size).toBe(officials.length);
    expect(outputs.map((o) => o.stdout).join('')).toMatch(/Pass run/);
  });

  it('a change whose process is killed before delivery is delivered once after the restart', async () => {
    await deliverDue();
    const meeting = plannedMeeting(80, 'Crash test meeting');
    await deliverDue();
    smtp.clear();
    const crashed = await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'test/outbox-crash.ts', String(meeting.id), 'hhs', 'Sent just before the crash.'], { cwd: ROOT, env: env() }).then(
      () => null,
      (error: { signal?: string }) => error.signal,
    );
    expect(crashed).toBe('SIGKILL');
    expect(smtp.messages).toHaveLength(0);
    const key = `reminder:${db.select().from(t.reminders).where(eq(t.reminders.meetingId, meeting.id)).get()!.id}`;
    expect(rowsFor(key).map((r) => r.emailState)).toEqual(rowsFor(key).map(() => 'pending'));

    await run(tsx, ['--conditions=react-server', 'scripts/notify-once.ts'], { cwd: ROOT, env: env() });
    await run(tsx, ['--conditions=react-server', 'scripts/notify-once.ts'], { cwd: ROOT, env: env() });
    const received = smtp.messages.filter((m) => m.text.includes('Sent just before the crash.'));
    expect(received.map((m) => m.to[0]).sort()).toEqual(
      db.select({ email: t.users.email }).from(t.users).where(and(eq(t.users.agencyId, agencyId('hhs')), eq(t.users.role, 'official'), eq(t.users.active, true))).all().map((u) => u.email).sort(),
    );
  });
});
