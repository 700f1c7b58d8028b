import { desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import * as t from '@/db/schema';
import { COUNTED_TABLES } from '@/db/queries/until-change';
import { auditHash, recordAudit } from '@/db/queries/audit';
import { claimPasswordCheck, lockMinutesLeft, MAX_FAILURES, recordSignInFailure, recordSignInSuccess, releasePasswordCheck } from '@/db/queries/users';

const db = getDb();
const sqlite = getSqlite();

describe('database', () => {
  it('runs with WAL, full synchronous commits, foreign keys and a busy timeout', () => {
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('keeps the triggers that keep the search index, the completion series and the change counters in step', () => {
    // A migration that rebuilds a table drops its triggers: this names each one that must survive.
    const triggers = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]).sort();
    expect(triggers).toEqual(
      [
        'audit_events_no_delete',
        'audit_events_no_update',
        'deliverable_status_months_changed',
        'deliverable_status_months_created',
        'deliverable_status_months_refresh',
        'deliverable_status_months_update_added',
        'deliverable_status_months_update_changed',
        'deliverable_status_months_update_removed',
        'deliverables_fts_delete',
        'deliverables_fts_insert',
        'deliverables_fts_update',
        'deliverables_fts_update_note',
        ...COUNTED_TABLES.flatMap((table) =>
          ['insert', 'update', 'delete'].map((op) => `table_changes_${table}_${op}`),
        ),
      ].sort(),
    );
  });

  it('refuses progress outside 0–100 and unknown statuses', () => {
    const d = db.select().from(t.deliverables).limit(1).get()!;
    expect(() => db.update(t.deliverables).set({ progress: 150 }).where(eq(t.deliverables.id, d.id)).run()).toThrow(/CHECK/);
    expect(() => db.update(t.deliverables).set({ status: 'finished' as never }).where(eq(t.deliverables.id, d.id)).run()).toThrow(/CHECK/);
    expect(db.select().from(t.deliverables).where(eq(t.deliverables.id, d.id)).get()).toEqual(d);
  });

  it('refuses an at-risk update without a reason', () => {
    const d = db.select().from(t.deliverables).limit(1).get()!;
    expect(() =>
      db.insert(t.progressUpdates).values({ deliverableId: d.id, status: 'at_risk', progress: 10, note: 'late' }).run(),
    ).toThrow(/CHECK/);
  });

  it('refuses an official without an agency and a viewer with one', () => {
    const base = { passwordHash: 'x', name: 'Test' };
    expect(() => db.insert(t.users).values({ ...base, email: 'o@x.test', role: 'official' }).run()).toThrow(/CHECK/);
    expect(() => db.insert(t.users).values({ ...base, email: 'v@x.test', role: 'viewer', agencyId: 1 }).run()).toThrow(/CHECK/);
  });

  it('refuses a deliverable whose lead agency does not exist', () => {
    expect(() => db.insert(t.deliverables).values({ leadAgencyId: 9999, pillarId: 1, title: 'Orphan' }).run()).toThrow(/FOREIGN KEY/);
  });
});

describe('audit trail', () => {
  it('refuses UPDATE and DELETE on audit events', () => {
    expect(() => sqlite.prepare("UPDATE audit_events SET action = 'edited'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('links each event to the one before it by hash', () => {
    db.transaction((tx) => {
      recordAudit(tx, { actor: { id: null, email: 'test' }, action: 'test.one', entity: 'test', after: { n: 1 } });
      recordAudit(tx, { actor: { id: null, email: 'test' }, action: 'test.two', entity: 'test', after: { n: 2 } });
    });
    const [second, first] = db.select().from(t.auditEvents).orderBy(desc(t.auditEvents.id)).limit(2).all();
    expect(second!.prevHash).toBe(first!.hash);
    expect(second!.hash).toBe(
      auditHash(first!.hash, { ...second!, at: second!.at.getTime() }),
    );
  });

  it('rolls the audit event back with the change when the transaction fails', () => {
    const before = db.select({ n: sql<number>`count(*)` }).from(t.auditEvents).get()!.n;
    expect(() =>
      db.transaction((tx) => {
        recordAudit(tx, { actor: { id: null, email: 'test' }, action: 'test.rollback', entity: 'test' });
        tx.update(t.deliverables).set({ progress: 500 }).run();
      }),
    ).toThrow(/CHECK/);
    expect(db.select({ n: sql<number>`count(*)` }).from(t.auditEvents).get()!.n).toBe(before);
  });
});

describe('sign-in throttling', () => {
  it(`locks an address after ${MAX_FAILURES} failures and audits each one`, () => {
    const email = 'official.eeoc@pitf.demo';
    const now = Date.now();
    for (let i = 1; i < MAX_FAILURES; i++) {
      expect(claimPasswordCheck(email, now).ok).toBe(true);
      expect(recordSignInFailure(email, 'wrong_password', null, now)).toBe(0);
    }
    expect(lockMinutesLeft(email, now)).toBe(0);
    expect(claimPasswordCheck(email, now).ok).toBe(true);
    expect(recordSignInFailure(email, 'wrong_password', null, now)).toBeGreaterThan(0);
    expect(lockMinutesLeft(email, now)).toBe(15);
    expect(claimPasswordCheck(email, now)).toEqual({ ok: false, lockMinutes: 15 });
    expect(lockMinutesLeft(email, now + 16 * 60_000)).toBe(0);
    expect(claimPasswordCheck(email, now + 16 * 60_000).ok).toBe(true);
    const events = db.select().from(t.auditEvents).where(eq(t.auditEvents.actorEmail, email)).all();
    expect(events.map((e) => e.action)).toEqual([...Array(MAX_FAILURES - 1).fill('sign_in.failure'), 'sign_in.locked']);
  });

  it(`lets no more than ${MAX_FAILURES} password checks run at once for one address`, () => {
    const email = 'official.dol@pitf.demo';
    const now = Date.now();
    const claims = Array.from({ length: 30 }, () => claimPasswordCheck(email, now));
    expect(claims.filter((c) => c.ok)).toHaveLength(MAX_FAILURES);
    releasePasswordCheck(email);
    expect(claimPasswordCheck(email, now).ok).toBe(true);
    expect(claimPasswordCheck(email, now).ok).toBe(false);
  });

  it('records a successful sign-in', () => {
    const user = db.select().from(t.users).where(eq(t.users.email, 'official.eeoc@pitf.demo')).get()!;
    recordSignInSuccess({ id: user.id, email: user.email, agencyId: user.agencyId });
    expect(db.select().from(t.users).where(eq(t.users.id, user.id)).get()!.lastSignInAt).not.toBeNull();
  });
});
