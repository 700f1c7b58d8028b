/**
 * What the landing pages read: the list's supporting-agency, needs-attention and several-status
 * filters; the previous visit; what changed since an instant; the reports awaiting review and the
 * report events; the agencies not started near a cutoff. Each test makes its own agencies,
 * deliverables and times, so that nothing else in the shared database changes what is counted.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import type { SessionUser } from '@/lib/authorization';
import type { DeliverableState } from '@/lib/domain';
import { countLedAndSupported, listDeliverables } from './deliverables';
import { deliverableFilterErrors } from './deliverable-filters';
import { listMeetingsAnnouncingFor, createMeeting } from './meetings';
import { listChangesSince } from './progress-updates';
import { notStartedNearCutoff } from './readiness';
import { listRemindersReceived, sendReminders } from './reminders';
import { listReportEventsSince, listReportsAwaitingReview, reviewReport, saveStatement, submitReport } from './reports';
import { previousVisitAt, sinceLastVisit, startSession } from './sessions';
import { getSessionUser } from './users';

const db = getDb();
const DAY = 86_400_000;
const HOUR = 3_600_000;

function userByEmail(email: string): SessionUser {
  return getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
}
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pillarId = () => db.select().from(t.pillars).where(eq(t.pillars.slug, 'partnership')).get()!.id;

function newAgency(slug: string) {
  return db.insert(t.agencies).values({ slug, name: `Agency ${slug}`, abbreviation: slug.toUpperCase() }).returning().get();
}

function newDeliverable(leadAgencyId: number, title: string, values: Partial<typeof t.deliverables.$inferInsert> = {}) {
  return db
    .insert(t.deliverables)
    .values({ leadAgencyId, pillarId: pillarId(), title, lastUpdateAt: new Date(), ...values })
    .returning()
    .get();
}

const filters = { page: 1, pageSize: 200 };

describe('the deliverables list’s filters', () => {
  it('supportedBy lists what other agencies lead with the agency’s support, not what it leads', () => {
    const lead = newAgency('landlead');
    const helper = newAgency('landhelp');
    const supported = [newDeliverable(lead.id, 'Shared one'), newDeliverable(lead.id, 'Shared two', { status: 'completed' })];
    newDeliverable(lead.id, 'Lead alone');
    const own = newDeliverable(helper.id, 'Helper leads this');
    for (const d of supported) db.insert(t.deliverableSupporters).values({ deliverableId: d.id, agencyId: helper.id }).run();

    const list = listDeliverables({ ...filters, supportedBy: 'landhelp' });
    expect(list.items.map((d) => d.title).sort()).toEqual(['Shared one', 'Shared two']);
    expect(list.total).toBe(2);
    expect(list.items.every((d) => d.leadAgency === 'landlead')).toBe(true);
    expect(list.items.map((d) => d.id)).not.toContain(own.id);
    expect(listDeliverables({ ...filters, supportedBy: 'landhelp', status: 'completed' }).total).toBe(1);
    expect(listDeliverables({ ...filters, supportedBy: 'landlead' }).total).toBe(0);
    expect(countLedAndSupported(helper.id)).toEqual({ led: 1, supported: 2 });

    expect(deliverableFilterErrors({ supportedBy: 'nosuchagency' })).toEqual({ supportedBy: ['No agency has the short name "nosuchagency".'] });
    expect(deliverableFilterErrors({ supportedBy: 'landhelp' })).toBeNull();
  });

  it('attention lists the open deliverables blocked, at risk, overdue or stale, the most urgent first', () => {
    const agency = newAgency('landattn');
    const now = Date.now();
    newDeliverable(agency.id, 'Fresh and on time', { status: 'in_progress', dueOn: isoDay(now + 30 * DAY) });
    newDeliverable(agency.id, 'Completed late', { status: 'completed', dueOn: isoDay(now - 30 * DAY) });
    newDeliverable(agency.id, 'Stale', { status: 'not_started', lastUpdateAt: new Date(now - 100 * DAY) });
    newDeliverable(agency.id, 'Overdue', { status: 'in_progress', dueOn: isoDay(now - 3 * DAY) });
    newDeliverable(agency.id, 'At risk', { status: 'at_risk', statusReason: 'Funding' });
    newDeliverable(agency.id, 'Blocked', { status: 'blocked', statusReason: 'Waiting on a rule' });

    const attention = listDeliverables({ ...filters, agency: 'landattn', attention: true, sort: 'concern' });
    expect(attention.items.map((d) => d.title)).toEqual(['Blocked', 'At risk', 'Overdue', 'Stale']);
    const rest = listDeliverables({ ...filters, agency: 'landattn', attention: false });
    expect(rest.items.map((d) => d.title).sort()).toEqual(['Completed late', 'Fresh and on time']);
  });

  it('status takes several statuses at once', () => {
    const agency = newAgency('landmany');
    for (const status of ['not_started', 'at_risk', 'blocked', 'completed'] as const) {
      newDeliverable(agency.id, `Now ${status}`, { status, statusReason: status === 'at_risk' || status === 'blocked' ? 'Why' : null });
    }
    const list = listDeliverables({ ...filters, agency: 'landmany', status: ['at_risk', 'blocked'] });
    expect(list.items.map((d) => d.status).sort()).toEqual(['at_risk', 'blocked']);
    expect(list.total).toBe(2);
  });

  it('the board’s meeting choices follow what the agency leads or supports', () => {
    const lead = newAgency('landmeet');
    const helper = newAgency('landmeeh');
    const meeting = db.insert(t.meetings).values({ kind: 'spog', title: 'Where it was announced', date: '2024-05-01', status: 'held' }).returning().get();
    const d = newDeliverable(lead.id, 'Announced there', { announcedAtMeetingId: meeting.id });
    db.insert(t.deliverableSupporters).values({ deliverableId: d.id, agencyId: helper.id }).run();
    expect(listMeetingsAnnouncingFor(helper.id).map((m) => m.id)).toEqual([]);
    expect(listMeetingsAnnouncingFor(helper.id, { supported: true }).map((m) => m.id)).toEqual([meeting.id]);
    expect(listMeetingsAnnouncingFor(lead.id).map((m) => m.id)).toEqual([meeting.id]);
  });
});

describe('the previous visit', () => {
  const newUser = (email: string) =>
    db.insert(t.users).values({ email, name: 'Visitor', role: 'chair', passwordHash: 'not-a-hash' }).returning().get();

  it('is the last request of the sessions begun before this one, and null on a first sign-in', () => {
    const user = newUser('landing.visitor@agency.example');
    const now = Date.now();
    const first = startSession(user.id, {}, now - 30 * HOUR);
    expect(previousVisitAt(user.id, first)).toBeNull();
    expect(sinceLastVisit(user.id, first, 7, now).since).toBe(now - 7 * DAY);

    db.update(t.sessions).set({ lastSeenAt: new Date(now - 29 * HOUR) }).where(eq(t.sessions.id, first)).run();
    const current = startSession(user.id, {}, now - HOUR);
    expect(previousVisitAt(user.id, current)).toBe(now - 29 * HOUR);
    expect(sinceLastVisit(user.id, current, 7, now)).toEqual({ previous: now - 29 * HOUR, since: now - 29 * HOUR });
    // Someone else's session says nothing about this user's visits.
    expect(previousVisitAt(userByEmail('viewer@pitf.demo').id, current)).toBeNull();
  });

  it('is never later than this sign-in, when an earlier session stays open in another browser', () => {
    const user = newUser('landing.two.browsers@agency.example');
    const now = Date.now();
    const other = startSession(user.id, {}, now - 5 * HOUR);
    const current = startSession(user.id, {}, now - 2 * HOUR);
    db.update(t.sessions).set({ lastSeenAt: new Date(now - 60_000) }).where(eq(t.sessions.id, other)).run();
    expect(previousVisitAt(user.id, current)).toBe(now - 2 * HOUR);
  });
});

describe('what changed since an instant', () => {
  it('counts the updates and lists those that changed a status, newest first', () => {
    const agency = newAgency('landchg');
    // Far ahead, so that no other update falls in the window.
    const base = Date.now() + 1000 * DAY;
    const author = userByEmail('admin@pitf.demo');
    const update = (deliverableId: number, at: number, status: DeliverableState) =>
      db
        .insert(t.progressUpdates)
        .values({ deliverableId, authorId: author.id, createdAt: new Date(at), status, progress: 10, reason: status === 'at_risk' ? 'Why' : null })
        .run();
    const a = newDeliverable(agency.id, 'Goes at risk');
    update(a.id, base - 5 * DAY, 'in_progress'); // before the window: the status it starts from
    update(a.id, base - 3 * DAY, 'in_progress'); // no change
    update(a.id, base - 2 * DAY, 'at_risk'); // in progress → at risk
    update(a.id, base - 1 * DAY, 'at_risk'); // no change
    const b = newDeliverable(agency.id, 'Done at once');
    update(b.id, base - 1 * DAY + 1, 'completed'); // first update: not started → completed
    const c = newDeliverable(agency.id, 'Still not started');
    update(c.id, base - 2 * DAY, 'not_started'); // first update, same status

    const changes = listChangesSince(base - 4 * DAY);
    expect(changes).toMatchObject({ updates: 5, deliverables: 3, statusChanges: 2 });
    expect(changes.items.map((i) => [i.deliverableTitle, i.from, i.to, i.agency])).toEqual([
      ['Done at once', 'not_started', 'completed', 'LANDCHG'],
      ['Goes at risk', 'in_progress', 'at_risk', 'LANDCHG'],
    ]);
    expect(changes.items[0]!.author).toBe(author.name);
    expect(listChangesSince(base)).toMatchObject({ updates: 0, deliverables: 0, statusChanges: 0, items: [] });
  });
});

describe('what awaits the chair’s staff', () => {
  it('lists submitted reports until they are reviewed, and every submission and review since an instant', () => {
    const agency = newAgency('landrep');
    const admin = userByEmail('admin@pitf.demo');
    const chair = userByEmail('chair@pitf.demo');
    const meeting = createMeeting(chair, { kind: 'working_group', title: 'Landing review', date: isoDay(Date.now() + 40 * DAY), chair: null, location: null, agenda: [] });
    const before = new Date(Date.now() - 1000);
    const awaitingHere = () => listReportsAwaitingReview().filter((r) => r.meetingId === meeting.id);

    saveStatement(admin, meeting.id, 'landrep', 'What we did.');
    expect(awaitingHere()).toEqual([]);
    submitReport(admin, meeting.id, 'landrep');
    expect(awaitingHere()).toEqual([
      expect.objectContaining({ agencySlug: 'landrep', agencyName: 'Agency landrep', meetingTitle: 'Landing review', submittedBy: admin.name }),
    ]);
    reviewReport(chair, meeting.id, 'landrep', 'return', 'Add the dates.');
    expect(awaitingHere()).toEqual([]);
    submitReport(admin, meeting.id, 'landrep');
    reviewReport(chair, meeting.id, 'landrep', 'approve', null);
    expect(awaitingHere()).toEqual([]);

    const events = listReportEventsSince(before.getTime()).items.filter((e) => e.meetingId === meeting.id);
    expect(events.map((e) => [e.toState, e.actor, e.comment])).toEqual([
      ['approved', chair.name, null],
      ['submitted', admin.name, null],
      ['returned', chair.name, 'Add the dates.'],
      ['submitted', admin.name, null],
    ]);
    expect(events.every((e) => e.agencySlug === 'landrep' && e.agencyAbbreviation === 'LANDREP')).toBe(true);
    expect(agency.id).toBeGreaterThan(0);
  });

  it('lists the agencies not started, and says the cutoff is close within 7 days or once past', () => {
    const agency = newAgency('landlate');
    const chair = userByEmail('chair@pitf.demo');
    const now = Date.now();
    const soon = createMeeting(chair, {
      kind: 'working_group',
      title: 'Cutoff in 3 days',
      date: isoDay(now + 10 * DAY),
      reportingCutoff: isoDay(now + 3 * DAY),
      chair: null,
      location: null,
      agenda: [],
    });
    const later = createMeeting(chair, { kind: 'working_group', title: 'Cutoff in a month', date: isoDay(now + 44 * DAY), chair: null, location: null, agenda: [] });

    const close = notStartedNearCutoff(soon.id)!;
    expect(close.close).toBe(true);
    expect(close.daysToCutoff).toBeGreaterThanOrEqual(2);
    expect(close.agencies.map((a) => a.slug)).toContain('landlate');
    expect(notStartedNearCutoff(later.id)!.close).toBe(false);
    // Once the agency begins its report it is no longer listed.
    saveStatement(userByEmail('admin@pitf.demo'), soon.id, 'landlate', 'Begun.');
    expect(notStartedNearCutoff(soon.id, now + 61_000)!.agencies.map((a) => a.slug)).not.toContain('landlate');
    // A cutoff passed is as close as it gets.
    expect(notStartedNearCutoff(soon.id, now + 5 * DAY)!.close).toBe(true);
    expect(notStartedNearCutoff(999_999)).toBeNull();
    expect(agency.id).toBeGreaterThan(0);
  });

  it('lists every reminder an agency received for a meeting, newest first', () => {
    const agency = newAgency('landrem');
    const chair = userByEmail('chair@pitf.demo');
    const meeting = createMeeting(chair, { kind: 'working_group', title: 'Reminded', date: isoDay(Date.now() + 20 * DAY), chair: null, location: null, agenda: [] });
    sendReminders(chair, meeting.id, { agency: 'landrem' }, 'First nudge.');
    sendReminders(chair, meeting.id, { agency: 'landrem' }, 'Second nudge.');
    const received = listRemindersReceived(meeting.id, agency.id);
    expect(received.map((r) => [r.message, r.sentBy])).toEqual([
      ['Second nudge.', chair.name],
      ['First nudge.', chair.name],
    ]);
  });
});
