import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import * as t from '@/db/schema';
import { parseCsv } from '@/lib/csv';
import type { SessionUser } from '@/lib/authorization';
import { recordAudit } from './audit';
import {
  auditEventsCsv,
  auditFilterErrors,
  auditListSql,
  listAuditActions,
  listAuditActors,
  listAuditEntities,
  listAuditEvents,
  type AuditFilters,
} from './audit-log';
import { addProgressUpdate, createDeliverable, updateDeliverable } from './deliverable-writes';
import { getSessionUser } from './users';

const db = getDb();

function userByEmail(email: string): SessionUser {
  const row = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get();
  return getSessionUser(row!.id)!;
}

// Other test files write to the same database: every check filters to events made here.
const TEST_ENTITY = 'audit_log_test';

/** Events on this file's own entity, each with its own id, at chosen instants. */
function recordTestEvents(entityId: string, instants: string[], extra: Partial<Parameters<typeof recordAudit>[1]> = {}) {
  db.transaction((tx) => {
    for (const at of instants) {
      recordAudit(tx, { actor: { id: null, email: 'clock@test' }, action: 'test.tick', entity: TEST_ENTITY, entityId, after: { at }, at: new Date(at), ...extra });
    }
  });
}

const page = (f: AuditFilters, pageNo = 1, pageSize = 50) => listAuditEvents({ ...f, page: pageNo, pageSize });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('the audit log of one deliverable', () => {
  let official: SessionUser;
  let admin: SessionUser;
  let id: number;

  beforeAll(() => {
    official = userByEmail('official.dhs@pitf.demo');
    admin = userByEmail('admin@pitf.demo');
    const created = createDeliverable(official, {
      leadAgency: 'dhs',
      title: 'Audit log test: screen visa applicants for trafficking indicators',
      description: '',
      pillar: 'prevention',
      supportingAgencies: [],
      announcedAtMeetingId: null,
      dueOn: null,
      fundingUsd: null,
      napAction: null,
      objectiveId: null,
      measure: null,
    });
    id = created.id;
    const { version } = addProgressUpdate(official, id, { status: 'at_risk', progress: 20, note: 'Contract delayed.', reason: 'Vendor protest.' });
    updateDeliverable(admin, id, { version, title: 'Audit log test: screen visa applicants (renamed)' });
  });

  it('lists its events newest first, each with its actor and its before and after', () => {
    const result = page({ entity: 'deliverable', entityId: String(id) });
    expect(result.total).toBe(3);
    expect(result.items.map((e) => e.action)).toEqual(['deliverable.update', 'deliverable.progress_update', 'deliverable.create']);
    const [edit, update] = result.items;
    expect(edit!.actorEmail).toBe('admin@pitf.demo');
    expect(edit!.before).toEqual({ title: 'Audit log test: screen visa applicants for trafficking indicators' });
    expect(edit!.after).toEqual({ title: 'Audit log test: screen visa applicants (renamed)' });
    expect(update!.actorEmail).toBe('official.dhs@pitf.demo');
    expect(update!.actorName).toBe(official.name);
    expect(update!.agencySlug).toBe('dhs');
    expect(update!.before).toMatchObject({ status: 'not_started', progress: 0 });
    expect(update!.after).toMatchObject({ status: 'at_risk', progress: 20, statusReason: 'Vendor protest.' });
    expect(result.items[0]!.at).toBeGreaterThanOrEqual(result.items[2]!.at);
  });

  it('narrows by actor, action and agency together with the entity', () => {
    const one = { entity: 'deliverable', entityId: String(id) };
    expect(page({ ...one, actor: official.id }).items.map((e) => e.action)).toEqual(['deliverable.progress_update', 'deliverable.create']);
    expect(page({ ...one, actor: admin.id }).items.map((e) => e.action)).toEqual(['deliverable.update']);
    expect(page({ ...one, action: 'deliverable.progress_update' }).total).toBe(1);
    expect(page({ ...one, agency: 'dhs' }).total).toBe(3);
    expect(page({ ...one, agency: 'dol' }).total).toBe(0);
    expect(page({ actor: official.id, action: 'deliverable.create' }).items.some((e) => e.entityId === String(id))).toBe(true);
  });

  it('offers the actors, actions and entities that appear in the log', () => {
    expect(listAuditActors()).toEqual(expect.arrayContaining([{ id: official.id, name: official.name, email: official.email }]));
    expect(listAuditActions()).toEqual(expect.arrayContaining(['deliverable.create', 'deliverable.progress_update', 'deliverable.update']));
    expect(listAuditEntities()).toContain('deliverable');
    const actions = listAuditActions();
    expect([...actions].sort()).toEqual(actions);
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('exports exactly the filtered events as CSV, newest first, with the JSON before and after', async () => {
    const { records } = parseCsv(await readAll(auditEventsCsv({ entity: 'deliverable', entityId: String(id) })));
    expect(records[0]!.cells).toEqual(['id', 'time', 'actor_email', 'action', 'entity', 'entity_id', 'agency', 'before', 'after', 'hash']);
    const rows = records.slice(1).map((r) => r.cells);
    expect(rows.map((r) => r[3])).toEqual(['deliverable.update', 'deliverable.progress_update', 'deliverable.create']);
    const update = rows[1]!;
    expect(update[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(update.slice(2, 7)).toEqual(['official.dhs@pitf.demo', 'deliverable.progress_update', 'deliverable', String(id), 'dhs']);
    expect(JSON.parse(update[7]!)).toMatchObject({ status: 'not_started' });
    expect(JSON.parse(update[8]!)).toMatchObject({ status: 'at_risk', progress: 20 });
    // Signed with the audit key: `<keyId>:<HMAC hex>`.
    expect(update[9]).toMatch(/^[A-Za-z0-9_.-]+:[0-9a-f]{64}$/);
  });
});

describe('the audit log’s date range', () => {
  const entityId = randomUUID();
  beforeAll(() => {
    recordTestEvents(entityId, ['2001-03-03T23:59:59.999Z', '2001-03-04T00:00:00.000Z', '2001-03-04T23:59:59.999Z', '2001-03-05T00:00:00.000Z']);
  });
  const times = (f: Partial<AuditFilters>) =>
    page({ entity: TEST_ENTITY, entityId, tz: 'UTC', ...f }).items.map((e) => new Date(e.at).toISOString());

  it('includes the whole of both calendar days, in UTC', () => {
    expect(times({ from: '2001-03-04', to: '2001-03-04' })).toEqual(['2001-03-04T23:59:59.999Z', '2001-03-04T00:00:00.000Z']);
    expect(times({ from: '2001-03-03', to: '2001-03-05' })).toHaveLength(4);
  });

  it('takes either bound alone', () => {
    expect(times({ from: '2001-03-04' })).toEqual(['2001-03-05T00:00:00.000Z', '2001-03-04T23:59:59.999Z', '2001-03-04T00:00:00.000Z']);
    expect(times({ to: '2001-03-04' })).toEqual(['2001-03-04T23:59:59.999Z', '2001-03-04T00:00:00.000Z', '2001-03-03T23:59:59.999Z']);
    expect(times({ from: '2001-03-06' })).toEqual([]);
  });

  it('counts whole days in the reader’s time zone, either side of its midnight', () => {
    const zoned = randomUUID();
    // New York's 1 December runs from 05:00 UTC that day to 05:00 UTC on 2 December; Tokyo's from 15:00 UTC on 30 November.
    recordTestEvents(zoned, ['2026-12-01T04:59:59.999Z', '2026-12-01T05:00:00.000Z', '2026-12-02T04:59:59.999Z', '2026-12-02T05:00:00.000Z']);
    const inZone = (tz: string | undefined, from: string, to = from) =>
      page({ entity: TEST_ENTITY, entityId: zoned, from, to, ...(tz ? { tz } : {}) }).items.map((e) => new Date(e.at).toISOString());
    expect(inZone('America/New_York', '2026-12-01')).toEqual(['2026-12-02T04:59:59.999Z', '2026-12-01T05:00:00.000Z']);
    expect(inZone('America/New_York', '2026-11-30')).toEqual(['2026-12-01T04:59:59.999Z']);
    expect(inZone('America/New_York', '2026-12-02')).toEqual(['2026-12-02T05:00:00.000Z']);
    // Without a zone, the task force's days.
    expect(inZone(undefined, '2026-12-01')).toEqual(inZone('America/New_York', '2026-12-01'));
    expect(inZone('Asia/Tokyo', '2026-12-01')).toEqual(['2026-12-01T05:00:00.000Z', '2026-12-01T04:59:59.999Z']);
    expect(inZone('Asia/Tokyo', '2026-12-02')).toEqual(['2026-12-02T05:00:00.000Z', '2026-12-02T04:59:59.999Z']);
    expect(inZone('UTC', '2026-12-01')).toEqual(['2026-12-01T05:00:00.000Z', '2026-12-01T04:59:59.999Z']);
  });

  it('orders by the event’s time, not by when it was written', () => {
    const laterFirst = randomUUID();
    recordTestEvents(laterFirst, ['2001-05-02T10:00:00.000Z', '2001-05-01T10:00:00.000Z']);
    expect(page({ entity: TEST_ENTITY, entityId: laterFirst }).items.map((e) => new Date(e.at).toISOString())).toEqual([
      '2001-05-02T10:00:00.000Z',
      '2001-05-01T10:00:00.000Z',
    ]);
  });
});

describe('the audit log’s pages', () => {
  const entityId = randomUUID();
  const instants = Array.from({ length: 5 }, (_, i) => `2002-01-0${i + 1}T12:00:00.000Z`);
  beforeAll(() => recordTestEvents(entityId, instants));

  it('counts every match and splits them into pages without overlap or gap', () => {
    const f = { entity: TEST_ENTITY, entityId };
    const pages = [1, 2, 3, 4].map((n) => page(f, n, 2));
    expect(pages[0]).toMatchObject({ total: 5, pageCount: 3, page: 1, pageSize: 2 });
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1, 0]);
    expect(pages.flatMap((p) => p.items.map((e) => new Date(e.at).toISOString()))).toEqual([...instants].reverse());
  });

  it('says one page when nothing matches', () => {
    expect(page({ entity: TEST_ENTITY, entityId: randomUUID() })).toMatchObject({ total: 0, pageCount: 1, items: [] });
  });
});

describe('the audit log’s filters', () => {
  it('names an agency that does not exist', () => {
    expect(auditFilterErrors({ agency: 'nasa' })).toEqual({ agency: ['No agency has the short name "nasa".'] });
    expect(auditFilterErrors({ agency: 'dhs' })).toBeNull();
  });

  it('reads every filter through an index, the most selective one leading, already in time order', () => {
    const cases: [AuditFilters, string][] = [
      [{}, 'audit_events_at'],
      [{ entity: 'deliverable', entityId: '1' }, 'audit_events_entity_id_at'],
      [{ entity: 'deliverable', entityId: '1', action: 'deliverable.update', from: '2020-01-01' }, 'audit_events_entity_id_at'],
      [{ actor: 1, action: 'sign_in.success' }, 'audit_events_actor_at'],
      [{ actor: 1, from: '2020-01-01', to: '2020-12-31' }, 'audit_events_actor_at'],
      [{ agency: 'dhs', entity: 'deliverable' }, 'audit_events_agency_at'],
      [{ action: 'denied', entity: 'request' }, 'audit_events_action_at'],
      [{ from: '2020-01-01', entity: 'deliverable' }, 'audit_events_at'],
      [{ entity: 'deliverable' }, 'audit_events_entity_at'],
    ];
    for (const [filters, index] of cases) {
      const { sql, params } = auditListSql({ ...filters, page: 1, pageSize: 50 });
      const plan = (getSqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const events = plan.find((d) => / audit_events( |$)/.test(d));
      expect(events, JSON.stringify(filters)).toMatch(new RegExp(`INDEX ${index}( |$)`));
      // A page is read in order from the index and stops at its end: no sort of every match.
      expect(plan.join('\n'), JSON.stringify(filters)).not.toContain('TEMP B-TREE');
    }
  });
});

describe('the streamed CSV export', () => {
  const entityId = randomUUID();
  beforeAll(() => {
    recordTestEvents(
      entityId,
      Array.from({ length: 450 }, (_, i) => new Date(Date.UTC(2003, 0, 1) + i * 1000).toISOString()),
    );
  });

  it('holds every match, not one page, and lets the app write while it is being read', async () => {
    const reader = auditEventsCsv({ entity: TEST_ENTITY, entityId }).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    text += decoder.decode((await reader.read()).value, { stream: true });
    // The export's rows are still being read: a write on the app's connection goes ahead.
    const other = randomUUID();
    recordTestEvents(other, ['2003-02-01T00:00:00.000Z']);
    expect(page({ entity: TEST_ENTITY, entityId: other }).total).toBe(1);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    const rows = parseCsv(text).records.slice(1);
    expect(rows).toHaveLength(450);
    expect(rows[0]!.cells[1]).toBe(new Date(Date.UTC(2003, 0, 1) + 449 * 1000).toISOString());
    expect(new Set(rows.map((r) => r.cells[0])).size).toBe(450);
  });

  it('writes a value a spreadsheet would run as a formula as text', async () => {
    const entityId = '=HYPERLINK("http://evil.example")';
    recordTestEvents(entityId, ['2004-01-01T00:00:00.000Z'], { actor: { id: null, email: '@SUM(A1)' } });
    const [, row] = parseCsv(await readAll(auditEventsCsv({ entity: TEST_ENTITY, entityId }))).records;
    expect(row!.cells[2]).toBe("'@SUM(A1)");
    expect(row!.cells[5]).toBe(`'${entityId}`);
  });
});
