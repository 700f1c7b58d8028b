import { count, desc, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import { getSessionUser } from './users';
import { getDeliverable, listDeliverables } from './deliverables';
import { addProgressUpdate, createDeliverable, updateDeliverable } from './deliverable-writes';
import { ftsQuery } from './deliverable-filters';

const db = getDb();

function userByEmail(email: string): SessionUser {
  const row = db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get();
  return getSessionUser(row!.id)!;
}
const idByKey = (key: string) => db.select({ id: t.deliverables.id }).from(t.deliverables).where(eq(t.deliverables.key, key)).get()!.id;
const auditCount = () => db.select({ n: count() }).from(t.auditEvents).get()!.n;

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected an DomainError');
}

const officialDhs = () => userByEmail('official.dhs@pitf.demo');
const admin = () => userByEmail('admin@pitf.demo');

describe('deliverable writes', () => {
  it('creates a deliverable for the official’s own agency, with its audit event', () => {
    const before = auditCount();
    const created = createDeliverable(officialDhs(), {
      leadAgency: 'dhs',
      title: 'Train CBP officers on indicators of forced labor',
      description: 'Test deliverable.',
      pillar: 'prevention',
      supportingAgencies: ['dol', 'dhs'],
      announcedAtMeetingId: null,
      dueOn: '2027-06-30',
      fundingUsd: 250_000,
      napAction: '1.3.2',
      objectiveId: null,
      measure: { label: 'Officers trained', unit: 'people', target: 1200, actual: 640 },
    });
    expect(created.leadAgency.slug).toBe('dhs');
    expect(created.supportingAgencies.map((a) => a.slug)).toEqual(['dol']);
    expect(created.progress).toBe(53);
    expect(created.napAction?.code).toBe('1.3.2');
    expect(auditCount()).toBe(before + 1);
  });

  it('refuses an official creating a deliverable for another agency, and stores nothing', () => {
    const before = db.select({ n: count() }).from(t.deliverables).get()!.n;
    const error = caught(() =>
      createDeliverable(officialDhs(), {
        leadAgency: 'dos',
        title: 'Not mine',
        description: '',
        pillar: 'prevention',
        supportingAgencies: [],
        announcedAtMeetingId: null,
        dueOn: null,
        fundingUsd: null,
        napAction: null,
        objectiveId: null,
        measure: null,
      }),
    );
    expect(error.kind).toBe('forbidden');
    expect(db.select({ n: count() }).from(t.deliverables).get()!.n).toBe(before);
  });

  it('names unknown references: supporting agency, meeting and priority action', () => {
    const error = caught(() =>
      createDeliverable(admin(), {
        leadAgency: 'dhs',
        title: 'Bad references',
        description: '',
        pillar: 'prevention',
        supportingAgencies: ['nasa'],
        announcedAtMeetingId: 99999,
        dueOn: null,
        fundingUsd: null,
        napAction: '9.9.9',
        objectiveId: null,
        measure: null,
      }),
    );
    expect(error.kind).toBe('invalid');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['announcedAtMeetingId', 'napAction', 'supportingAgencies']);
  });

  it('answers a stale version with 409 and the current record, changing nothing', () => {
    const id = idByKey('2022-dol-investigator-training');
    const current = getDeliverable(id)!;
    updateDeliverable(admin(), id, { version: current.version, title: 'Renamed by the first editor' });
    const auditBefore = auditCount();
    const error = caught(() => updateDeliverable(admin(), id, { version: current.version, description: 'Second editor' }));
    expect(error.kind).toBe('conflict');
    expect((error.extra?.current as { title: string }).title).toBe('Renamed by the first editor');
    const after = getDeliverable(id)!;
    expect(after.description).toBe(current.description);
    expect(after.version).toBe(current.version + 1);
    expect(auditCount()).toBe(auditBefore);
  });

  it('records before and after of an edit in the audit trail', () => {
    const id = idByKey('2022-ed-webinar-series');
    const current = getDeliverable(id)!;
    updateDeliverable(admin(), id, { version: current.version, dueOn: '2027-01-31' });
    const event = db.select().from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(1).get()!;
    expect(event.action).toBe('deliverable.update');
    expect(event.entityId).toBe(String(id));
    expect(event.before).toEqual({ dueOn: current.dueOn });
    expect(event.after).toEqual({ dueOn: '2027-01-31' });
  });

  it('refuses the lead agency change from an official', () => {
    const id = idByKey('2022-dhs-victim-centered-approach');
    const current = getDeliverable(id)!;
    const error = caught(() => updateDeliverable(officialDhs(), id, { version: current.version, leadAgency: 'doj' }));
    expect(error.kind).toBe('forbidden');
    expect(getDeliverable(id)!.leadAgency.slug).toBe('dhs');
  });

  it('moves the deliverable with a progress update and keeps the history', () => {
    const id = idByKey('2022-dhs-fletf-uflpa-strategy');
    const before = getDeliverable(id)!;
    const { version } = addProgressUpdate(officialDhs(), id, {
      status: 'at_risk',
      progress: 65,
      note: 'Comment period extended.',
      reason: 'Waiting for comments from two agencies.',
      version: before.version,
    });
    const after = getDeliverable(id)!;
    expect(after.status).toBe('at_risk');
    expect(after.progress).toBe(65);
    expect(after.statusReason).toBe('Waiting for comments from two agencies.');
    expect(after.version).toBe(version);
    expect(after.stale).toBe(false);
  });

  it('sets progress to 100 when completed', () => {
    const id = idByKey('2022-doc-supply-chain-guidance');
    addProgressUpdate(admin(), id, { status: 'completed', note: 'Guidance published.' });
    expect(getDeliverable(id)!.progress).toBe(100);
  });

  it('refuses a progress update from the chair', () => {
    const id = idByKey('2022-dos-spog-screening');
    const error = caught(() => addProgressUpdate(userByEmail('chair@pitf.demo'), id, { status: 'completed', note: '' }));
    expect(error.kind).toBe('forbidden');
  });
});

describe('search', () => {
  it('turns any text into a safe prefix query', () => {
    expect(ftsQuery('screening forms')).toBe('"screening"* "forms"*');
    expect(ftsQuery('"unbalanced AND (')).toBe('"unbalanced"* "AND"*');
    expect(ftsQuery('  ')).toBeNull();
  });

  it('finds a deliverable by a word that appears only in an update note', () => {
    const id = idByKey('2022-dot-blue-lightning');
    expect(listDeliverables({ q: 'quokkapalooza', page: 1, pageSize: 10 }).total).toBe(0);
    addProgressUpdate(admin(), id, { status: 'in_progress', progress: 75, note: 'Briefed the quokkapalooza working session.' });
    const found = listDeliverables({ q: 'quokkapalooza', page: 1, pageSize: 10 });
    expect(found.items.map((d) => d.id)).toEqual([id]);
  });

  it('finds seafood and screening deliverables from their titles', () => {
    expect(listDeliverables({ q: 'seafood', page: 1, pageSize: 10 }).items.some((d) => d.leadAgency === 'doc')).toBe(true);
    expect(listDeliverables({ q: 'screen', page: 1, pageSize: 10 }).total).toBeGreaterThan(0);
  });

  it('keeps the index in step with a renamed title', () => {
    const id = idByKey('2022-omb-procurement-dialogue');
    const current = getDeliverable(id)!;
    updateDeliverable(admin(), id, { version: current.version, title: 'Convene the xylophonic procurement dialogue' });
    expect(listDeliverables({ q: 'xylophonic', page: 1, pageSize: 10 }).items.map((d) => d.id)).toEqual([id]);
  });
});

describe('list totals', () => {
  it('counts exactly the deliverables the list holds, whichever filters are combined', () => {
    const filters = [
      {},
      { agency: 'dos' },
      { pillar: 'protection' as const },
      { agency: 'dhs', pillar: 'prevention' as const },
      { q: 'screen' },
      { q: 'screen', pillar: 'prevention' as const },
      { status: 'in_progress' as const, agency: 'doj' },
    ];
    for (const f of filters) {
      const { items, total } = listDeliverables({ ...f, page: 1, pageSize: 500 });
      expect({ f, total }).toEqual({ f, total: items.length });
    }
    // Every deliverable but those withdrawn (which only `status: 'withdrawn'` lists).
    expect(listDeliverables({ page: 1, pageSize: 1 }).total).toBe(
      db.select({ n: count() }).from(t.deliverables).where(ne(t.deliverables.status, 'withdrawn')).get()!.n,
    );
  });
});

describe('list order', () => {
  const RANK = { blocked: 0, at_risk: 1, in_progress: 2, not_started: 3, completed: 4, withdrawn: 5 } as const;

  it('puts what needs attention first: blocked, at risk, the rest still open, completed last; overdue first within a status', () => {
    for (const agency of ['dos', 'dhs', 'doj']) {
      const { items, total } = listDeliverables({ agency, sort: 'concern', page: 1, pageSize: 200 });
      expect(items).toHaveLength(total);
      const keys = items.map((d) => [RANK[d.status], d.overdue ? 0 : 1] as const);
      const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(keys).toEqual(sorted);
    }
  });

  it('lists one status most recently updated first, and pages without repeating a deliverable', () => {
    const all = listDeliverables({ agency: 'dos', status: 'not_started', sort: 'recent', page: 1, pageSize: 200 }).items;
    expect(all.length).toBeGreaterThan(2);
    const times = all.map((d) => d.lastUpdateAt ?? -1);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const first = listDeliverables({ agency: 'dos', status: 'not_started', sort: 'recent', page: 1, pageSize: 2 }).items;
    const second = listDeliverables({ agency: 'dos', status: 'not_started', sort: 'recent', page: 2, pageSize: 2 }).items;
    expect([...first, ...second].map((d) => d.id)).toEqual(all.slice(0, 4).map((d) => d.id));
  });
});
