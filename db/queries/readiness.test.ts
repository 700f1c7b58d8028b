import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import { listDeliverables } from './deliverables';
import { addProgressUpdate } from './deliverable-writes';
import { deliverableFilterErrors } from './deliverable-filters';
import { createMeeting, updateMeeting } from './meetings';
import {
  GAPS_LISTED,
  getAccountabilityLedger,
  getChangesSinceLastMeeting,
  getCommitmentsAnnouncedAt,
  getReadiness,
  getReadinessSnapshots,
  keepCutoffSnapshots,
  listSubmissionGaps,
} from './readiness';
import { reviewReport, saveStatement, submitReport } from './reports';
import { listOpenReminders, sendReminders } from './reminders';
import { getSessionUser } from './users';

const db = getDb();
const DAY = 86_400_000;

const getMeetingVersion = (id: number) => db.select({ v: t.meetings.version }).from(t.meetings).where(eq(t.meetings.id, id)).get()!.v;

function userByEmail(email: string): SessionUser {
  return getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
}

/**
 * A fixture of our own: a new agency with four deliverables whose state we know, and two
 * working-group meetings (one held 100 days ago, one planned), so nothing else in the database
 * changes what we count.
 */
function fixture() {
  const now = Date.now();
  const agency = db.insert(t.agencies).values({ slug: 'testagency', name: 'Test Agency', abbreviation: 'TA' }).returning().get();
  const pillar = db.select().from(t.pillars).where(eq(t.pillars.slug, 'protection')).get()!;
  const held = db
    .insert(t.meetings)
    .values({ kind: 'working_group', title: 'Held WG', date: new Date(now - 100 * DAY).toISOString().slice(0, 10), status: 'held' })
    .returning()
    .get();
  const chair = userByEmail('chair@pitf.demo');
  const planned = createMeeting(chair, {
    kind: 'working_group',
    title: 'Planned WG',
    date: new Date(now + 30 * DAY).toISOString().slice(0, 10),
    chair: null,
    location: null,
    agenda: [{ title: 'Reports' }],
  });
  const make = (title: string, values: Partial<typeof t.deliverables.$inferInsert>) =>
    db.insert(t.deliverables).values({ leadAgencyId: agency.id, pillarId: pillar.id, title, ...values }).returning().get();
  // Updated 10 days ago: fine for this cycle.
  const fresh = make('Fresh', { status: 'in_progress', lastUpdateAt: new Date(now - 10 * DAY), createdAt: new Date(now - 200 * DAY) });
  // Updated 120 days ago: before the cycle began, and stale. Also overdue. Announced at the held meeting.
  const old = make('Old', {
    status: 'in_progress',
    lastUpdateAt: new Date(now - 120 * DAY),
    createdAt: new Date(now - 200 * DAY),
    dueOn: '2020-01-01',
    announcedAtMeetingId: held.id,
  });
  // At risk, updated recently, but its reason was never written.
  const noReason = make('No reason', { status: 'at_risk', lastUpdateAt: new Date(now - 5 * DAY), createdAt: new Date(now - 50 * DAY) });
  // Completed long ago: closed, so it needs nothing.
  make('Done', { status: 'completed', progress: 100, lastUpdateAt: new Date(now - 300 * DAY), createdAt: new Date(now - 400 * DAY) });
  return { agency, held, planned, fresh, old, noReason };
}

describe('meeting readiness', () => {
  const f = fixture();
  const official = userByEmail('official.dhs@pitf.demo');
  const admin = userByEmail('admin@pitf.demo');
  const chair = userByEmail('chair@pitf.demo');
  const row = () => getReadiness(f.planned.id)!.agencies.find((a) => a.slug === 'testagency')!;

  it('defaults the reporting cutoff to 14 days before the meeting', () => {
    const date = new Date(`${f.planned.date}T00:00:00Z`);
    expect(f.planned.reportingCutoff).toBe(new Date(date.getTime() - 14 * DAY).toISOString().slice(0, 10));
  });

  it('counts open, missing-update, no-reason, overdue and stale deliverables by hand', () => {
    expect(row()).toMatchObject({
      open: 3,
      missingUpdate: 1,
      withoutReason: 1,
      atRiskOrBlocked: 1,
      overdue: 1,
      stale: 1,
      readiness: 'not_started',
    });
    expect(getReadiness(f.planned.id)!.previousMeeting?.id).toBe(f.held.id);
  });

  it('lists exactly what blocks submission', () => {
    expect(listSubmissionGaps(db, f.planned.id, f.agency.id)).toEqual({
      items: [
        { deliverableId: f.noReason.id, title: 'No reason', problem: 'no_reason' },
        { deliverableId: f.old.id, title: 'Old', problem: 'no_update_this_cycle' },
      ],
      deliverables: 2,
      noUpdateThisCycle: 1,
      noReason: 1,
    });
    const holdingUp = listDeliverables({ agency: 'testagency', holdingUp: f.planned.id, page: 1, pageSize: 50 });
    expect(holdingUp.items.map((d) => d.title).sort()).toEqual(['No reason', 'Old']);
    expect(holdingUp.total).toBe(2);
  });

  it('refuses a submission with gaps, and accepts it once they are closed', () => {
    saveStatement(admin, f.planned.id, 'testagency', 'Our statement.');
    expect(row().readiness).toBe('in_progress');
    let error: unknown;
    try {
      submitReport(admin, f.planned.id, 'testagency');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fields?.deliverables).toHaveLength(2);
    expect(row().readiness).toBe('in_progress');

    addProgressUpdate(admin, f.old.id, { status: 'in_progress', progress: 40, note: 'Back on track.' });
    addProgressUpdate(admin, f.noReason.id, { status: 'at_risk', progress: 20, note: '', reason: 'Vendor delay.' });
    submitReport(admin, f.planned.id, 'testagency');
    expect(row()).toMatchObject({ readiness: 'awaiting_review', missingUpdate: 0, withoutReason: 0, stale: 0 });
  });

  it('lets only the chair or an admin review, and counts an approved agency as ready', () => {
    expect(() => reviewReport(official, f.planned.id, 'testagency', 'approve', null)).toThrow(DomainError);
    const sharesBefore = getReadiness(f.planned.id)!.counts.ready;
    reviewReport(chair, f.planned.id, 'testagency', 'approve', null);
    const after = getReadiness(f.planned.id)!;
    expect(row().readiness).toBe('ready');
    expect(after.counts.ready).toBe(sharesBefore + 1);
    expect(after.shareReady).toBeCloseTo(after.counts.ready / after.agencies.length);
  });

  it('puts the held meeting’s commitments in the ledger with their status now', () => {
    const ledger = getAccountabilityLedger(f.planned.id);
    expect(ledger.previousMeeting?.id).toBe(f.held.id);
    expect(ledger.commitments.map((c) => [c.title, c.status])).toEqual([['Old', 'in_progress']]);
    expect(ledger.total).toBe(1);
    expect(ledger.byStatus).toEqual({ not_started: 0, in_progress: 1, at_risk: 0, blocked: 0, completed: 0 });
  });

  it('shows a reminder only to the agency reminded, and only until it submits', () => {
    const other = createMeeting(chair, {
      kind: 'spog',
      title: 'SPOG reminder test',
      date: new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10),
      chair: null,
      location: null,
      agenda: [],
    });
    const dhs = db.select().from(t.agencies).where(eq(t.agencies.slug, 'dhs')).get()!;
    const fbi = db.select().from(t.agencies).where(eq(t.agencies.slug, 'fbi')).get()!;
    expect(sendReminders(chair, other.id, { agency: 'dhs' }, 'Please report.')).toEqual(['dhs']);
    expect(listOpenReminders(dhs.id).map((r) => r.message)).toContain('Please report.');
    expect(listOpenReminders(fbi.id).map((r) => r.message)).not.toContain('Please report.');
    expect(() => sendReminders(official, other.id, { notReady: true }, 'x')).toThrow(DomainError);
  });

  it('records a held meeting’s outcome: status, summary, commitments and awards', () => {
    const meeting = updateMeeting(chair, f.planned.id, {
      version: f.planned.version,
      status: 'held',
      summary: 'Reviewed progress.',
      commitments: [f.fresh.id],
      awards: [{ awardYear: 2027, recipient: 'A test organization', kind: 'organization', reason: null }],
    });
    expect(meeting).toMatchObject({ status: 'held', summary: 'Reviewed progress.', commitments: [f.fresh.id] });
    expect(meeting.awards.map((a) => a.recipient)).toEqual(['A test organization']);
    expect(() => updateMeeting(chair, f.planned.id, { version: f.planned.version, title: 'Stale' })).toThrow(DomainError);
    expect(() => updateMeeting(official, f.planned.id, { version: meeting.version, title: 'Not mine' })).toThrow(DomainError);
  });

  it('keeps readiness when the meeting is marked held, and later changes do not alter it', () => {
    const kept = getReadinessSnapshots(f.planned.id);
    const ours = (s: typeof kept.meeting) => s!.agencies.find((a) => a.slug === 'testagency');
    expect(ours(kept.meeting)).toMatchObject({ readiness: 'ready', reportState: 'approved', open: 3, atRiskOrBlocked: 1, missingUpdate: 0 });
    // The cutoff had not been kept by the scheduled pass, so marking held keeps it too.
    expect(ours(kept.cutoff)?.readiness).toBe('ready');
    expect(kept.meeting!.counts.ready).toBe(kept.meeting!.agencies.filter((a) => a.readiness === 'ready').length);

    addProgressUpdate(admin, f.fresh.id, { status: 'blocked', progress: 10, note: '', reason: 'Funding withdrawn.' });
    db.update(t.agencyReports).set({ state: 'returned' }).where(eq(t.agencyReports.meetingId, f.planned.id)).run();
    expect(getReadinessSnapshots(f.planned.id)).toEqual(kept);

    // Set back to planned, the meeting forgets the readiness kept at it (not the cutoff's, which has passed).
    const current = getMeetingVersion(f.planned.id);
    updateMeeting(chair, f.planned.id, { version: current, status: 'planned' });
    expect(getReadinessSnapshots(f.planned.id).meeting).toBeNull();
    updateMeeting(chair, f.planned.id, { version: current + 1, status: 'held' });
    expect(ours(getReadinessSnapshots(f.planned.id).meeting)).toMatchObject({ readiness: 'in_progress', atRiskOrBlocked: 2 });
  });

  it('lists the commitments announced at a meeting with their status now, by pillar and agency', () => {
    const announced = getCommitmentsAnnouncedAt(f.held.id);
    expect(announced.total).toBe(1);
    expect(announced.byStatus.in_progress).toBe(1);
    expect(announced.commitments).toEqual([
      expect.objectContaining({ id: f.old.id, title: 'Old', pillar: 'protection', agency: 'TA', agencySlug: 'testagency' }),
    ]);
    expect(getCommitmentsAnnouncedAt(f.planned.id).commitments.map((c) => [c.title, c.status])).toEqual([['Fresh', 'blocked']]);
  });

  it('says nothing was kept for a meeting held before readiness was kept', () => {
    expect(getReadinessSnapshots(f.held.id)).toEqual({ cutoff: null, meeting: null });
  });

  it('keeps a planned meeting’s readiness once its cutoff has passed, once, and forgets it when the cutoff moves ahead', () => {
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    const m = createMeeting(chair, { kind: 'working_group', title: 'Cutoff passed', date: day(60), reportingCutoff: day(-2), chair: null, location: null, agenda: [] });
    expect(getReadinessSnapshots(m.id).cutoff).toBeNull();
    expect(keepCutoffSnapshots(new Date())).toBeGreaterThanOrEqual(1);
    const cutoff = getReadinessSnapshots(m.id).cutoff;
    expect(cutoff?.agencies.length).toBe(getReadiness(m.id)!.agencies.length);
    expect(keepCutoffSnapshots(new Date())).toBe(0);
    expect(getReadinessSnapshots(m.id).cutoff).toEqual(cutoff);
    updateMeeting(chair, m.id, { version: m.version, reportingCutoff: day(30) });
    expect(getReadinessSnapshots(m.id).cutoff).toBeNull();
  });
});

describe('an agency with more gaps than are listed by name', () => {
  const admin = userByEmail('admin@pitf.demo');
  const count = GAPS_LISTED + 5;
  let f: { agencyId: number; plannedId: number; ids: number[] };

  // Set up when this block starts, after the block above: its held meeting would change their cycle.
  beforeAll(() => {
    const now = Date.now();
    const agency = db.insert(t.agencies).values({ slug: 'manygaps', name: 'Many Gaps Agency', abbreviation: 'MGA' }).returning().get();
    const pillar = db.select().from(t.pillars).where(eq(t.pillars.slug, 'prevention')).get()!;
    // The cycle begins at a working group held two days ago, the latest one held before the planned one.
    db.insert(t.meetings)
      .values({ kind: 'working_group', title: 'Held WG before many gaps', date: new Date(now - 2 * DAY).toISOString().slice(0, 10), status: 'held' })
      .run();
    const planned = createMeeting(userByEmail('chair@pitf.demo'), {
      kind: 'working_group',
      title: 'Planned WG with many gaps',
      date: new Date(now + 20 * DAY).toISOString().slice(0, 10),
      chair: null,
      location: null,
      agenda: [],
    });
    const ids = Array.from({ length: count }, (_, i) =>
      db
        .insert(t.deliverables)
        .values({ leadAgencyId: agency.id, pillarId: pillar.id, title: `Gap ${String(i).padStart(2, '0')}`, status: 'not_started' })
        .returning()
        .get().id,
    );
    f = { agencyId: agency.id, plannedId: planned.id, ids };
  });

  it('names the first by title and counts them all', () => {
    const gaps = listSubmissionGaps(db, f.plannedId, f.agencyId);
    expect(gaps.items.map((g) => g.title)).toEqual(f.ids.slice(0, GAPS_LISTED).map((_, i) => `Gap ${String(i).padStart(2, '0')}`));
    expect(gaps).toMatchObject({ deliverables: count, noUpdateThisCycle: count, noReason: 0 });
    expect(listDeliverables({ agency: 'manygaps', holdingUp: f.plannedId, page: 1, pageSize: 10 }).total).toBe(count);
  });

  it('refuses a submission naming the first and counting the rest, and counts one fewer after an update', () => {
    saveStatement(admin, f.plannedId, 'manygaps', 'Our statement.');
    let error: unknown;
    try {
      submitReport(admin, f.plannedId, 'manygaps');
    } catch (e) {
      error = e;
    }
    const messages = (error as DomainError).fields?.deliverables ?? [];
    expect(messages).toHaveLength(GAPS_LISTED + 1);
    expect(messages[0]).toBe('“Gap 00” has no progress update since the last meeting.');
    expect(messages.at(-1)).toBe('5 more deliverables need an update or a reason.');

    addProgressUpdate(admin, f.ids[0]!, { status: 'in_progress', progress: 10, note: 'Started.' });
    expect(listSubmissionGaps(db, f.plannedId, f.agencyId).deliverables).toBe(count - 1);
    expect(listDeliverables({ agency: 'manygaps', holdingUp: f.plannedId, page: 1, pageSize: 10 }).total).toBe(count - 1);
  });

  it('counts each agency’s updates, completions and new deliverables since the last meeting, as counted by hand', () => {
    const since = getReadiness(f.plannedId)!.cycleStart;
    expect(since).toBeLessThan(Date.now());
    const all = db.select().from(t.deliverables).all();
    const leadOf = new Map(all.map((d) => [d.id, d.leadAgencyId]));
    const updates = db.select().from(t.progressUpdates).all().filter((u) => u.createdAt.getTime() >= since);
    const changes = getChangesSinceLastMeeting(f.plannedId);
    expect(changes.find((c) => c.agencyId === f.agencyId)).toMatchObject({ updates: 1, created: count, completed: 0 });
    for (const change of changes) {
      const own = all.filter((d) => d.leadAgencyId === change.agencyId);
      expect(change).toEqual({
        agencyId: change.agencyId,
        updates: updates.filter((u) => leadOf.get(u.deliverableId) === change.agencyId).length,
        completed: own.filter((d) => d.status === 'completed' && (d.lastUpdateAt?.getTime() ?? 0) >= since).length,
        created: own.filter((d) => d.createdAt.getTime() >= since).length,
        nowAtRiskOrBlocked: own.filter((d) => ['at_risk', 'blocked'].includes(d.status) && (d.lastUpdateAt?.getTime() ?? 0) >= since).length,
      });
    }
  });

  it('lists nothing as holding up a report once it is approved, and names a meeting that does not exist', () => {
    const before = listDeliverables({ agency: 'manygaps', holdingUp: f.plannedId, page: 1, pageSize: 10 }).total;
    expect(before).toBeGreaterThan(0);
    db.update(t.agencyReports)
      .set({ state: 'approved' })
      .where(and(eq(t.agencyReports.meetingId, f.plannedId), eq(t.agencyReports.agencyId, f.agencyId)))
      .run();
    expect(listDeliverables({ agency: 'manygaps', holdingUp: f.plannedId, page: 1, pageSize: 10 }).total).toBe(0);
    expect(deliverableFilterErrors({ holdingUp: 999_999, agency: 'nasa' })).toEqual({
      agency: ['No agency has the short name "nasa".'],
      holdingUp: ['No meeting has the id 999999.'],
    });
    expect(deliverableFilterErrors({ holdingUp: f.plannedId, agency: 'manygaps' })).toBeNull();
  });
});
