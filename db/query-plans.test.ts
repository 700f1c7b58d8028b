/**
 * Every statement the pages and handlers run reads the large tables (deliverables, progress
 * updates, audit events) through an index, never by walking the whole table — except the few
 * that count every row by definition, which say so with a marker in their SQL; the markers
 * allowed are listed below with why.
 *
 * The test records each SELECT the data layer prepares while doing what the pages do, then asks
 * SQLite for its plan with the same parameters.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import * as t from '@/db/schema';
import { listAgencies, listAgencySummaries } from './queries/agencies';
import { listUsers, listRecentSignIns } from './queries/admin-users';
import { listAuditActions, listAuditActors, listAuditEntities, listAuditEvents } from './queries/audit-log';
import { countLedByAgencyAndStatus, getBriefing, listLatestUpdates, listMeetingReports } from './queries/briefing';
import { getDeliverable, getDeliverableSummary, listDeliverables, listMostInNeedByAgency, listUpdates } from './queries/deliverables';
import { getMeeting, getNextMeeting, listMeetings, listMeetingsAnnouncingFor } from './queries/meetings';
import { getAgencyPillarMatrix, getCompletionSeries, getPillarSummary } from './queries/pillars';
import { getPlanCoverage } from './queries/plan-coverage';
import { getAccountabilityLedger, getChangesSinceLastMeeting, getReadiness } from './queries/readiness';
import { getReport } from './queries/reports';
import { getMeetingDocumentData } from './queries/meeting-documents';
import { listOpenReminders } from './queries/reminders';
import { checkSession } from './queries/sessions';
import { getSessionUser } from './queries/users';
import type { PlanExemption } from './queries/plan-exempt';

const LARGE_TABLES = ['deliverables', 'progress_updates', 'audit_events'];

/**
 * The markers a statement may carry to read a large table whole (db/queries/plan-exempt.ts), each
 * with why that is acceptable. Each is remembered until a table it reads changes
 * (db/queries/until-change.ts) or read once per page, never per row.
 */
const ALLOWED_EXEMPTIONS: Record<PlanExemption, string> = {
  'paging-total': 'a list with no filter counts every row once, to say how many pages there are (a filtered total is checked)',
  'overview-figures': 'the overview counts every deliverable that is stale or overdue',
  'pillar-figures': 'the pillars page, unfiltered, counts every deliverable by pillar and status, and by agency and pillar',
  'meeting-changes': 'the meeting page counts, per agency, what changed since the last meeting across every deliverable',
  'briefing-book': 'the briefing book counts every agency’s deliverables by status and ranks them to list each one’s most in need of attention',
};
const MARKER = /\/\* plan-exempt: ([a-z-]+) \*\//g;

type Recorded = { sql: string; params: unknown[] };

describe('query plans', () => {
  const recorded = new Map<string, Recorded>();
  const sqlite = getSqlite();
  const prepare = sqlite.prepare.bind(sqlite);

  beforeAll(() => {
    // Record each statement with the parameters of its first use.
    sqlite.prepare = ((source: string) => {
      const statement = prepare(source) as unknown as Record<'get' | 'all' | 'iterate', (...params: unknown[]) => unknown>;
      for (const method of ['get', 'all', 'iterate'] as const) {
        const original = statement[method].bind(statement);
        statement[method] = (...params: unknown[]) => {
          if (/^\s*(select|with)/i.test(source) && !recorded.has(source)) recorded.set(source, { sql: source, params });
          return original(...params);
        };
      }
      return statement;
    }) as typeof sqlite.prepare;
  });

  afterAll(() => {
    sqlite.prepare = prepare;
  });

  it('reads deliverables, updates and audit events through indexes', () => {
    const db = getDb();
    const dhs = db.select().from(t.agencies).where(eq(t.agencies.slug, 'dhs')).get()!;
    const meeting = db.select().from(t.meetings).where(eq(t.meetings.key, 'demo-upcoming-cabinet')).get()!;
    const deliverable = db.select().from(t.deliverables).where(eq(t.deliverables.leadAgencyId, dhs.id)).get()!;
    const admin = db.select().from(t.users).where(eq(t.users.email, 'admin@pitf.demo')).get()!;

    // What the pages and endpoints do.
    getSessionUser(admin.id);
    checkSession('no-such-session', Date.now(), { touch: false });
    listAgencies();
    listAgencySummaries(Date.now() + 1);
    getDeliverableSummary();
    listDeliverables({ page: 1, pageSize: 50 });
    listDeliverables({ agency: 'dhs', page: 1, pageSize: 200 });
    listDeliverables({ status: 'blocked', page: 1, pageSize: 50 });
    listDeliverables({ agency: 'dhs', status: 'in_progress', sort: 'recent', page: 2, pageSize: 25 });
    listDeliverables({ q: 'screening', page: 1, pageSize: 50 });
    getDeliverable(deliverable.id);
    listUpdates(deliverable.id, { page: 1, pageSize: 50 });
    listMeetings({ page: 1, pageSize: 50 });
    listMeetings({ timing: 'upcoming', page: 1, pageSize: 50 });
    listMeetings({ timing: 'past', page: 2, pageSize: 50 });
    getNextMeeting();
    getMeeting(meeting.id);
    listMeetingsAnnouncingFor(dhs.id);
    getReadiness(meeting.id, Date.now() + 2);
    getChangesSinceLastMeeting(meeting.id);
    getAccountabilityLedger(meeting.id);
    getReport(meeting.id, 'dhs');
    getMeetingDocumentData(meeting.id);
    listOpenReminders(dhs.id);
    listMeetingReports(meeting.id);
    countLedByAgencyAndStatus();
    listLatestUpdates([...listMostInNeedByAgency(25).values()].flat().map((d) => d.id));
    getBriefing(meeting.id);
    getPillarSummary({ agency: 'dhs' });
    getPillarSummary({});
    getAgencyPillarMatrix({});
    getCompletionSeries({ agency: 'dhs' });
    getCompletionSeries({});
    getPlanCoverage();
    listUsers({ page: 1, pageSize: 50 });
    listRecentSignIns(admin.id);
    listAuditEvents({ entity: 'deliverable', entityId: String(deliverable.id), page: 1, pageSize: 50 });
    listAuditEvents({ actor: admin.id, page: 1, pageSize: 50 });
    listAuditEvents({ page: 1, pageSize: 50 });
    listAuditActions();
    listAuditEntities();
    listAuditActors();

    expect(recorded.size).toBeGreaterThan(30);
    const offenders: string[] = [];
    const used = new Set<string>();
    for (const { sql, params } of recorded.values()) {
      const markers = [...sql.matchAll(MARKER)].map((m) => m[1]!);
      for (const marker of markers) {
        if (marker in ALLOWED_EXEMPTIONS) used.add(marker);
        else offenders.push(`unknown exemption "${marker}"\n  in: ${sql.slice(0, 300)}`);
      }
      if (markers.length > 0) continue;
      const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      // Walking an index in the ORDER BY's own order and stopping at the LIMIT reads one page, not the table.
      const pageWalk = /\blimit\b/i.test(sql) && !plan.some((line) => line.includes('TEMP B-TREE FOR ORDER BY'));
      for (const line of plan) {
        const scanned = /^SCAN (\w+)/.exec(line)?.[1];
        if (pageWalk && line.includes('USING INDEX')) continue;
        if (scanned && LARGE_TABLES.includes(tableOf(sql, scanned))) offenders.push(`${plan.join(' | ')}\n  in: ${sql.slice(0, 300)}`);
      }
    }
    expect(offenders).toEqual([]);
    // An exemption no statement uses any more is one to remove.
    expect([...used].sort()).toEqual(Object.keys(ALLOWED_EXEMPTIONS).sort());
  });
});

/** The table a plan's name stands for: the name itself, or the table it aliases in the SQL. */
function tableOf(sql: string, name: string): string {
  if (LARGE_TABLES.includes(name)) return name;
  const alias = new RegExp(`"?(${LARGE_TABLES.join('|')})"?\\s+(?:as\\s+)?"?${name}"?\\b`, 'i').exec(sql);
  return alias?.[1] ?? name;
}
