import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { STATUSES } from '@/lib/domain';
import { countLedByAgencyAndStatus, listLatestUpdates, listMeetingReports } from './briefing';
import { listDeliverables, listMostInNeedByAgency } from './deliverables';

const db = getDb();
const agencies = db.select().from(t.agencies).all();

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
        submittedAt: report.submittedAt,
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
