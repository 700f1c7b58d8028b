import Papa from 'papaparse';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { readDeliverableImport, IMPORT_COLUMNS } from '@/lib/validations/deliverable-import';
import { createDeliverableSchema } from '@/lib/validations/deliverables';
import { getDeliverable, listDeliverables, listUpdates } from './deliverables';
import { addProgressUpdate, createDeliverable, updateDeliverable } from './deliverable-writes';
import { deliverablesCsv } from './deliverables-export';
import { commitDeliverableImport } from './deliverables-import';
import { getSessionUser } from './users';

const db = getDb();

function userByEmail(email: string) {
  const row = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get();
  return getSessionUser(row!.id)!;
}
const official = () => userByEmail('official.dol@pitf.demo');

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected an DomainError');
}

// The test database is shared with the seed's own tests, which expect only seeded deliverables.
const created: number[] = [];
afterAll(() => {
  if (created.length) db.delete(t.deliverables).where(inArray(t.deliverables.id, created)).run();
});

function measured(title: string, measure: { label: string; unit?: string | null; target: number; actual?: number } | null) {
  const d = createDeliverable(official(), createDeliverableSchema.parse({ leadAgency: 'dol', title, pillar: 'prevention', measure }));
  created.push(d.id);
  return d;
}

const row = (id: number) => db.select().from(t.deliverables).where(eq(t.deliverables.id, id)).get()!;

describe('a deliverable with a measure', () => {
  it('is created with its progress computed from the count, and lists and reads back its measure', () => {
    const d = measured('Train wage and hour investigators', { label: 'investigators trained', target: 1200, actual: 640 });
    expect(d.measure).toEqual({ label: 'investigators trained', unit: null, target: 1200, actual: 640 });
    expect(d.progress).toBe(53);
    const listed = listDeliverables({ agency: 'dol', q: 'wage and hour investigators', page: 1, pageSize: 10 }).items.find((i) => i.id === d.id);
    expect(listed?.measure).toEqual(d.measure);
    expect(listed?.progress).toBe(53);
  });

  it('a progress update with a new count moves the progress and keeps the count in the history', () => {
    const d = measured('Train labor inspectors', { label: 'inspectors trained', target: 400, actual: 100 });
    const posted = addProgressUpdate(official(), d.id, { status: 'in_progress', measureActual: 300, note: 'Two regions done.' });
    expect(posted.update.progress).toBe(75);
    expect(getDeliverable(d.id)).toMatchObject({ progress: 75, status: 'in_progress', measure: { actual: 300, target: 400 } });
    // An update that does not send the count keeps it, and the history says what it was.
    addProgressUpdate(official(), d.id, { status: 'at_risk', reason: 'Travel funds are late.', note: '' });
    const history = listUpdates(d.id, { page: 1, pageSize: 10 }).items;
    expect(history.map((u) => [u.status, u.progress, u.measureActual])).toEqual([
      ['at_risk', 75, 300],
      ['in_progress', 75, 300],
    ]);
  });

  it('a completed deliverable is at 100% even when its count fell short; reopened, it follows the count again', () => {
    const d = measured('Reach shelters', { label: 'shelters reached', target: 50, actual: 10 });
    addProgressUpdate(official(), d.id, { status: 'completed', measureActual: 45, note: 'Programme closed.' });
    expect(getDeliverable(d.id)).toMatchObject({ progress: 100, measure: { actual: 45 } });
    addProgressUpdate(official(), d.id, { status: 'in_progress', note: 'Reopened.' });
    expect(getDeliverable(d.id)!.progress).toBe(90);
  });

  it('refuses a typed progress on a measured deliverable, and a count on one without a measure, changing nothing', () => {
    const withCount = measured('Count grants', { label: 'grants awarded', target: 20, actual: 5 });
    const without = measured('Publish a guide', null);
    const before = [row(withCount.id), row(without.id)];
    const updatesBefore = [withCount.id, without.id].map((id) => listUpdates(id, { page: 1, pageSize: 10 }).total);

    const typed = caught(() => addProgressUpdate(official(), withCount.id, { status: 'in_progress', progress: 60, note: '' }));
    expect(typed.kind).toBe('invalid');
    expect(typed.fields).toEqual({ progress: ['Progress follows the count (5 of 20 grants awarded): send the count so far instead.'] });
    const counted = caught(() => addProgressUpdate(official(), without.id, { status: 'in_progress', measureActual: 3, note: '' }));
    expect(counted.kind).toBe('invalid');
    expect(Object.keys(counted.fields ?? {})).toEqual(['measureActual']);

    expect([row(withCount.id), row(without.id)]).toEqual(before);
    expect([withCount.id, without.id].map((id) => listUpdates(id, { page: 1, pageSize: 10 }).total)).toEqual(updatesBefore);
  });

  it('an edit that sets or changes the measure recomputes the progress; taking it away keeps the progress reached', () => {
    const d = measured('Run outreach sessions', null);
    addProgressUpdate(official(), d.id, { status: 'in_progress', progress: 30, note: '' });
    const set = updateDeliverable(official(), d.id, { version: row(d.id).version, measure: { label: 'sessions held', unit: null, target: 80, actual: 60 } });
    expect(set).toMatchObject({ progress: 75, measure: { label: 'sessions held', target: 80, actual: 60 } });
    const raised = updateDeliverable(official(), d.id, { version: set.version, measure: { label: 'sessions held', unit: null, target: 120, actual: 60 } });
    expect(raised.progress).toBe(50);
    const removed = updateDeliverable(official(), d.id, { version: raised.version, measure: null });
    expect(removed).toMatchObject({ progress: 50, measure: null });
    expect(row(d.id)).toMatchObject({ measureLabel: null, measureUnit: null, measureTarget: null, measureActual: null });
  });
});

describe('the measure in CSV', () => {
  it('an exported row, cut to the import’s columns, imports with the same measure', async () => {
    const d = measured('Round trip of a counted deliverable', { label: 'hours of training', unit: 'hours', target: 25000, actual: 12500 });
    const csv = await new Response(deliverablesCsv({ agency: 'dol', q: 'Round trip counted' })).text();
    const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\ufeff/, '').trim()).data;
    const exported = rows.find((r) => r[header!.indexOf('id')] === String(d.id))!;
    expect(exported[header!.indexOf('measure_target')]).toBe('25000');
    const columns = IMPORT_COLUMNS.filter((c) => header!.includes(c));
    const cut = Papa.unparse({ fields: [...columns], data: [columns.map((c) => exported[header!.indexOf(c)]!)] });

    const read = readDeliverableImport(cut, 'dol');
    if (!read.ok) throw new Error(read.message);
    const { ids } = commitDeliverableImport(official(), read.rows);
    created.push(...ids);
    const copy = getDeliverable(ids[0]!)!;
    expect(copy.measure).toEqual({ label: 'hours of training', unit: 'hours', target: 25000, actual: 12500 });
    expect(copy.progress).toBe(50);
  });

  it('an import row with a count but no target or label names both columns', () => {
    const read = readDeliverableImport('title,pillar,measure_actual,measure_target\nCounted,prevention,"1,200",\nAlso,prevention,12,0\n', 'dol');
    if (!read.ok) throw new Error(read.message);
    expect(read.rows.map((r) => r.errors)).toEqual([
      { measure_label: ['Say what is counted, e.g. investigators trained.'], measure_target: ['Enter the target as a whole number.'] },
      { measure_label: ['Say what is counted, e.g. investigators trained.'], measure_target: ['The target must be above zero.'] },
    ]);
  });
});
