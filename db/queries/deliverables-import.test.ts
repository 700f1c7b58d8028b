import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { readDeliverableImport, type ImportRow } from '@/lib/validations/deliverable-import';
import { commitDeliverableImport, previewDeliverableImport } from './deliverables-import';
import { getSessionUser } from './users';

const db = getDb();

function userByEmail(email: string) {
  const row = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get();
  return getSessionUser(row!.id)!;
}

function rowsOf(csv: string, agency = 'dhs'): ImportRow[] {
  const result = readDeliverableImport(csv, agency);
  if (!result.ok) throw new Error(result.message);
  return result.rows;
}

const countDeliverables = () => db.select({ n: sql<number>`count(*)` }).from(t.deliverables).get()!.n;
const countCreateEvents = () =>
  db.select({ n: sql<number>`count(*)` }).from(t.auditEvents).where(eq(t.auditEvents.action, 'deliverable.create')).get()!.n;

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected an DomainError');
}

const meetingId = db.select({ id: t.meetings.id }).from(t.meetings).limit(1).get()!.id;
const napCode = db.select({ code: t.napActions.code }).from(t.napActions).limit(1).get()!.code;

// The test database is shared with the seed's own tests, which expect only seeded deliverables.
const created: number[] = [];
afterAll(() => {
  if (created.length) db.delete(t.deliverables).where(inArray(t.deliverables.id, created)).run();
});

describe('importing deliverables', () => {
  it('names unknown agencies, meetings and NAP actions on the rows that use them', () => {
    const report = previewDeliverableImport(
      rowsOf(
        'title,pillar,supporting_agencies,announced_at_meeting_id,nap_action\n' +
          `Known references,prevention,doj;hhs,${meetingId},${napCode}\n` +
          'Unknown references,protection,doj;nasa;noaa,999999,9.9.9\n' +
          ',pillars,,999998,\n',
      ),
    );
    expect(report.valid).toBe(1);
    expect(report.invalid).toBe(2);
    expect(report.rows[0]).toEqual({ line: 2, title: 'Known references', errors: {} });
    expect(report.rows[1]!.line).toBe(3);
    expect(report.rows[1]!.errors).toEqual({
      supporting_agencies: ['No agency has the short names "nasa", "noaa".'],
      announced_at_meeting_id: ['No meeting has the id 999999.'],
      nap_action: ['The plan has no priority action 9.9.9 on record.'],
    });
    // A row with bad cells still has its references checked: every error is named at once.
    expect(Object.keys(report.rows[2]!.errors).sort()).toEqual(['announced_at_meeting_id', 'pillar', 'title']);
  });

  it('commits nothing when one row is bad, and reports that row', () => {
    const official = userByEmail('official.dhs@pitf.demo');
    const deliverablesBefore = countDeliverables();
    const eventsBefore = countCreateEvents();
    const error = thrown(() =>
      commitDeliverableImport(
        official,
        rowsOf('title,pillar,announced_at_meeting_id\nFine row one,prevention,\nFine row two,protection,\nBad meeting,prosecution,424242\n'),
      ),
    );
    expect(error.kind).toBe('invalid');
    expect(error.extra).toMatchObject({ valid: 2, invalid: 1 });
    expect((error.extra!.rows as { line: number; errors: object }[])[2]).toEqual({
      line: 4,
      title: 'Bad meeting',
      errors: { announced_at_meeting_id: ['No meeting has the id 424242.'] },
    });
    expect(countDeliverables()).toBe(deliverablesBefore);
    expect(countCreateEvents()).toBe(eventsBefore);
  });

  it('commits every row of a valid file in one go, each with its audit event', () => {
    const official = userByEmail('official.dhs@pitf.demo');
    const deliverablesBefore = countDeliverables();
    const eventsBefore = countCreateEvents();
    const result = commitDeliverableImport(
      official,
      rowsOf(
        'title,pillar,supporting_agencies,due_on,funding_usd\n' +
          'Imported one,prevention,doj,2027-03-31,25000\n' +
          'Imported two,protection,,,\n' +
          '"Imported three, with a comma",partnership,hhs;dol,,\n',
      ),
    );
    created.push(...result.ids);
    expect(result.count).toBe(3);
    expect(countDeliverables()).toBe(deliverablesBefore + 3);
    expect(countCreateEvents()).toBe(eventsBefore + 3);

    const stored = db
      .select({ id: t.deliverables.id, title: t.deliverables.title, lead: t.agencies.slug, createdById: t.deliverables.createdById })
      .from(t.deliverables)
      .innerJoin(t.agencies, eq(t.agencies.id, t.deliverables.leadAgencyId))
      .where(inArray(t.deliverables.id, result.ids))
      .orderBy(t.deliverables.id)
      .all();
    expect(stored.map((d) => d.title)).toEqual(['Imported one', 'Imported two', 'Imported three, with a comma']);
    expect(stored.every((d) => d.lead === 'dhs' && d.createdById === official.id)).toBe(true);
    const events = db
      .select({ entityId: t.auditEvents.entityId, actorId: t.auditEvents.actorId })
      .from(t.auditEvents)
      .where(and(eq(t.auditEvents.action, 'deliverable.create'), inArray(t.auditEvents.entityId, result.ids.map(String))))
      .all();
    expect(events.map((e) => Number(e.entityId)).sort((a, b) => a - b)).toEqual(result.ids);
    expect(events.every((e) => e.actorId === official.id)).toBe(true);
  });

  it('refuses an official importing for another agency, writing nothing', () => {
    const official = userByEmail('official.dhs@pitf.demo');
    const before = countDeliverables();
    const error = thrown(() => commitDeliverableImport(official, rowsOf('title,pillar\nNot ours,prevention\n', 'dos')));
    expect(error.kind).toBe('forbidden');
    expect(countDeliverables()).toBe(before);
  });
});
