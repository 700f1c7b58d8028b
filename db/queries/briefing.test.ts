import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import type { SessionUser } from '@/lib/authorization';
import { STATUSES } from '@/lib/domain';
import { countLedByAgencyAndStatus, getBriefing, hasNothingToReport, listLatestUpdates, listMeetingReports } from './briefing';
import { listDeliverables, listMostInNeedByAgency } from './deliverables';
import { cancelMeeting, createMeeting, updateMeeting } from './meetings';
import { getAccountabilityLedger, getReadiness, getReadinessSnapshots } from './readiness';
import { saveStatement } from './reports';
import { getSessionUser } from './users';

const db = getDb();
const agencies = db.select().from(t.agencies).all();

const meetingByKey = (key: string) => db.select().from(t.meetings).where(eq(t.meetings.key, key)).get()!;
const userByEmail = (email: string): SessionUser => getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
const slugs = (list: { slug: string }[]) => list.map((a) => a.slug);

describe('the briefing book’s reads, every agency at once', () => {
  it('lists each agency’s deliverables most in need of attention exactly as its own list would', () => {
    const listed = listMostInNeedByAgency(3);
    for (const agency of agencies) {
      const own = listDeliverables({ agency: agency.slug, sort: 'concern', page: 1, pageSize: 3 }).items;
      expect({ agency: agency.slug, items: listed.get(agency.id) ?? [] }).toEqual({ agency: agency.slug, items: own });
    }
  });

  it('counts each agency’s deliverables by status as its own list counts them', () => {
    const counts = countLedByAgencyAndStatus();
    for (const agency of agencies) {
      for (const status of STATUSES) {
        const own = listDeliverables({ agency: agency.slug, status, page: 1, pageSize: 1 }).total;
        expect({ agency: agency.slug, status, n: counts.get(agency.id)?.[status] ?? 0 }).toEqual({ agency: agency.slug, status, n: own });
      }
    }
  });

  it('reads the meeting’s reports, one per agency that has begun one', () => {
    const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, 'demo-upcoming-cabinet')).get()!;
    const stored = db.select().from(t.agencyReports).where(eq(t.agencyReports.meetingId, meeting.id)).all();
    const reports = listMeetingReports(meeting.id);
    expect(stored.length).toBeGreaterThan(0);
    expect(reports.size).toBe(stored.length);
    for (const report of stored) {
      expect(reports.get(report.agencyId)).toEqual({
        statement: report.statement,
        state: report.state,
        reviewerComment: report.reviewerComment,
        submittedAt: report.submittedAt?.getTime() ?? null,
      });
    }
  });

  it('quotes the latest update of each listed deliverable, and nothing for one never updated', () => {
    const ids = [...listMostInNeedByAgency(5).values()].flat().map((d) => d.id);
    const latest = listLatestUpdates(ids);
    for (const id of ids) {
      const newest = db
        .select()
        .from(t.progressUpdates)
        .where(eq(t.progressUpdates.deliverableId, id))
        .all()
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0];
      expect(latest.get(id)).toEqual(newest ? { note: newest.note, reason: newest.reason, createdAt: newest.createdAt.getTime() } : undefined);
    }
  });
});

describe('the briefing book', () => {
  const chair = userByEmail('chair@pitf.demo');
  const admin = userByEmail('admin@pitf.demo');
  const planned = meetingByKey('demo-upcoming-cabinet');
  // Meetings of our own, long after any other test's, so that none becomes another's previous meeting.
  const spog = (title: string, date: string) => createMeeting(chair, { kind: 'spog', title, date, chair: null, location: null, agenda: [] });

  it('prints a planned meeting’s readiness as it stands now, and the ledger the meeting page shows', () => {
    const briefing = getBriefing(planned.id)!;
    const live = getReadiness(planned.id)!;
    expect(briefing.readiness).toEqual({
      moment: 'now',
      shown: { takenAt: null, agencies: live.agencies, counts: live.counts, shareReady: live.shareReady },
      cutoff: null,
    });
    expect(briefing.ledger).toEqual(getAccountabilityLedger(planned.id));
    expect(briefing.ledger.previousMeeting?.title).toBe(live.previousMeeting?.title);
  });

  it('names together the agencies that lead nothing, changed nothing and have not begun a report, and gives every other one a section', () => {
    const briefing = getBriefing(planned.id)!;
    const members = getReadiness(planned.id)!.agencies;
    expect(slugs([...briefing.reporting, ...briefing.nothingToReport]).sort()).toEqual(slugs(members).sort());
    // By hand: an agency with nothing to report leads no deliverable (so none changed) and has no report for the meeting.
    const leads = (agencyId: number) => db.select({ n: count() }).from(t.deliverables).where(eq(t.deliverables.leadAgencyId, agencyId)).get()!.n;
    const reported = (agencyId: number) =>
      db.select({ n: count() }).from(t.agencyReports).where(and(eq(t.agencyReports.agencyId, agencyId), eq(t.agencyReports.meetingId, planned.id))).get()!.n;
    const quiet = members.filter((a) => leads(a.agencyId) === 0 && reported(a.agencyId) === 0);
    expect(quiet.length).toBeGreaterThan(1);
    expect(slugs(briefing.nothingToReport)).toEqual(slugs(quiet));
    for (const agency of briefing.reporting) {
      const { deliverables, change, report } = agency;
      expect({ agency: agency.slug, something: deliverables.total > 0 || report.state !== null || change.updates > 0 }).toEqual({
        agency: agency.slug,
        something: true,
      });
    }
  });

  it('gives an agency that leads nothing a section of its own once it begins a report', () => {
    const meeting = spog('Briefing: a report begun', '2098-03-02');
    const quiet = getBriefing(meeting.id)!.nothingToReport[0]!;
    saveStatement(admin, meeting.id, quiet.slug, 'We have begun our report.');
    const briefing = getBriefing(meeting.id)!;
    expect(slugs(briefing.reporting)).toContain(quiet.slug);
    expect(slugs(briefing.nothingToReport)).not.toContain(quiet.slug);
    expect(briefing.reporting.find((a) => a.slug === quiet.slug)!.report).toMatchObject({ state: 'draft', statement: 'We have begun our report.' });
  });

  it('prints a held meeting’s readiness as kept when it was marked held, never today’s', () => {
    const meeting = spog('Briefing: held with readiness kept', '2098-06-01');
    const quiet = getBriefing(meeting.id)!.nothingToReport[0]!;
    saveStatement(admin, meeting.id, quiet.slug, 'Our report, still a draft.');
    updateMeeting(chair, meeting.id, { version: meeting.version, status: 'held' });
    const kept = getReadinessSnapshots(meeting.id);
    expect(kept.meeting).not.toBeNull();

    // The report is approved afterwards, behind the record's back: today's readiness follows, the kept one does not.
    db.update(t.agencyReports).set({ state: 'approved' }).where(eq(t.agencyReports.meetingId, meeting.id)).run();
    spog('Briefing: a change that makes readiness be computed again', '2098-09-01');
    expect(getReadiness(meeting.id)!.agencies.find((a) => a.slug === quiet.slug)!.readiness).toBe('ready');

    const briefing = getBriefing(meeting.id)!;
    expect(briefing.readiness).toEqual({ moment: 'meeting', shown: kept.meeting, cutoff: kept.cutoff });
    expect(briefing.reporting.find((a) => a.slug === quiet.slug)!.readiness?.readiness).toBe('in_progress');
  });

  it('prints no readiness for a meeting held before readiness was kept, nor for a cancelled one, and still a section per agency', () => {
    const held2023 = getBriefing(meetingByKey('cabinet-2023-02-13').id)!;
    expect(held2023.readiness).toEqual({ moment: 'meeting', shown: null, cutoff: null });
    expect(held2023.reporting.length + held2023.nothingToReport.length).toBe(getReadiness(meetingByKey('cabinet-2023-02-13').id)!.agencies.length);
    expect(held2023.reporting.every((a) => a.readiness === null)).toBe(true);

    const meeting = spog('Briefing: cancelled', '2097-04-01');
    cancelMeeting(chair, meeting.id, { version: meeting.version, reason: 'Merged with the cabinet meeting.' });
    expect(getBriefing(meeting.id)!.readiness.shown).toBeNull();
    expect(getBriefing(999_999_999)).toBeNull();
  });

  it('counts an agency as having something to report for a deliverable it leads, any change, or a report begun', () => {
    const nothing = {
      deliverables: { items: [], total: 0 },
      change: { updates: 0, completed: 0, created: 0, nowAtRiskOrBlocked: 0 },
      report: { statement: '', state: null, reviewerComment: null, submittedAt: null },
    };
    expect(hasNothingToReport(nothing)).toBe(true);
    expect(hasNothingToReport({ ...nothing, deliverables: { items: [], total: 1 } })).toBe(false);
    expect(hasNothingToReport({ ...nothing, change: { ...nothing.change, updates: 1 } })).toBe(false);
    expect(hasNothingToReport({ ...nothing, change: { ...nothing.change, nowAtRiskOrBlocked: 1 } })).toBe(false);
    expect(hasNothingToReport({ ...nothing, report: { ...nothing.report, state: 'draft' } })).toBe(false);
  });
});
