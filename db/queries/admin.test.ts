import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import * as t from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import { verifyPassword } from '@/lib/password';
import { createAgency, listAgenciesForAdmin, updateAgency } from './admin-agencies';
import { changeOwnPassword, createUser, listUsers, resetPassword, updateUser } from './admin-users';
import { listAgencies } from './agencies';
import { listMeetings } from './meetings';
import { checkSession, endUserSessions, extendSession, startSession } from './sessions';
import { getSessionUser } from './users';

const db = getDb();
const MINUTE = 60_000;

function userByEmail(email: string): SessionUser {
  return getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;
}

function refusal(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a refusal');
}

function auditCount(): number {
  return db.select().from(t.auditEvents).all().length;
}

describe('sessions', () => {
  const viewer = () => userByEmail('viewer@pitf.demo');

  it('stand while used, and end after 30 idle minutes or 12 hours whatever the use', () => {
    const start = Date.now();
    const sid = startSession(viewer().id, {}, start);
    expect(checkSession(sid, start + 29 * MINUTE)).toMatchObject({ ok: true });
    // That request was activity: 29 more minutes are fine.
    expect(checkSession(sid, start + 58 * MINUTE)).toMatchObject({ ok: true });
    expect(checkSession(sid, start + 89 * MINUTE)).toEqual({ ok: false, problem: 'idle' });

    const busy = startSession(viewer().id, {}, start);
    for (let at = start; at < start + 12 * 60 * MINUTE; at += 20 * MINUTE) expect(checkSession(busy, at).ok).toBe(true);
    expect(checkSession(busy, start + 12 * 60 * MINUTE)).toEqual({ ok: false, problem: 'expired' });
  });

  it('a look at the clock is not activity; staying signed in is', () => {
    const start = Date.now();
    const sid = startSession(viewer().id, {}, start);
    checkSession(sid, start + 20 * MINUTE, { touch: false });
    expect(checkSession(sid, start + 31 * MINUTE, { touch: false })).toEqual({ ok: false, problem: 'idle' });
    const other = startSession(viewer().id, {}, start);
    expect(extendSession(other, start + 25 * MINUTE)?.idleExpiresAt).toBe(start + 55 * MINUTE);
    expect(checkSession(other, start + 50 * MINUTE).ok).toBe(true);
  });

  it('ending a user’s sessions leaves the one named as the exception', () => {
    const kept = startSession(viewer().id);
    const ended = startSession(viewer().id);
    endUserSessions(db, viewer().id, 'password_changed', { except: kept });
    expect(checkSession(kept).ok).toBe(true);
    expect(checkSession(ended)).toEqual({ ok: false, problem: 'password_changed' });
    expect(checkSession('no-such-session')).toEqual({ ok: false, problem: 'unknown' });
  });
});

describe('accounts', () => {
  const admin = () => userByEmail('admin@pitf.demo');

  it('a new account has a one-time password that works once and must be replaced', async () => {
    const { user, temporaryPassword } = await createUser(admin(), { email: 'unit.new@agency.example', name: 'Unit New', role: 'official', agency: 'hhs' });
    expect(user).toMatchObject({ role: 'official', agencySlug: 'hhs', active: true, mustChangePassword: true });
    const stored = db.select().from(t.users).where(eq(t.users.id, user.id)).get()!;
    expect(stored.passwordHash).not.toContain(temporaryPassword);
    expect(await verifyPassword(temporaryPassword, stored.passwordHash)).toBe(true);

    const self = getSessionUser(user.id)!;
    const sid = startSession(user.id);
    await expect(changeOwnPassword(self, sid, 'wrong', 'a brand new passphrase')).rejects.toMatchObject({ fields: { currentPassword: [expect.any(String)] } });
    await expect(changeOwnPassword(self, sid, temporaryPassword, 'password12345')).rejects.toMatchObject({ fields: { newPassword: [expect.stringContaining('commonly used')] } });
    await changeOwnPassword(self, sid, temporaryPassword, 'a brand new passphrase');
    expect(getSessionUser(user.id)?.mustChangePassword).toBe(false);
    expect(checkSession(sid).ok).toBe(true);
  });

  it('guessing the current password on the account page locks the account like signing in does', async () => {
    const { user, temporaryPassword } = await createUser(admin(), { email: 'unit.guess@agency.example', name: 'Unit Guess', role: 'viewer' });
    const self = getSessionUser(user.id)!;
    const sid = startSession(user.id);
    const guesses = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => changeOwnPassword(self, sid, `guess number ${i}`, 'a brand new passphrase')));
    const reasons = guesses.map((g) => (g.status === 'rejected' ? (g.reason as { kind?: string }) : null));
    expect(reasons.filter((r) => r?.kind === 'invalid')).toHaveLength(5);
    expect(reasons.filter((r) => r?.kind === 'rate_limited')).toHaveLength(7);
    // The right password is refused too while the account is locked, and changes nothing.
    await expect(changeOwnPassword(self, sid, temporaryPassword, 'a brand new passphrase')).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(getSessionUser(user.id)?.mustChangePassword).toBe(true);
    const actions = db.select({ action: t.auditEvents.action }).from(t.auditEvents).where(eq(t.auditEvents.actorEmail, user.email)).all().map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('sign_in.'))).toEqual([...Array(4).fill('sign_in.failure'), 'sign_in.locked']);
  });

  it('a reset replaces the password, ends every session and unlocks the account', async () => {
    const { user } = await createUser(admin(), { email: 'unit.reset@agency.example', name: 'Unit Reset', role: 'viewer' });
    const sid = startSession(user.id);
    db.insert(t.loginThrottle).values({ email: user.email, failures: 5, windowStartedAt: new Date(), lockedUntil: new Date(Date.now() + 15 * MINUTE) }).run();
    const { temporaryPassword } = await resetPassword(admin(), user.id);
    expect(checkSession(sid)).toEqual({ ok: false, problem: 'password_reset' });
    expect(db.select().from(t.loginThrottle).where(eq(t.loginThrottle.email, user.email)).get()).toBeUndefined();
    const stored = db.select().from(t.users).where(eq(t.users.id, user.id)).get()!;
    expect(await verifyPassword(temporaryPassword, stored.passwordHash)).toBe(true);
  });

  it('moving an official to another role clears their agency; deactivating ends their sessions', async () => {
    const { user } = await createUser(admin(), { email: 'unit.move@agency.example', name: 'Unit Move', role: 'official', agency: 'dol' });
    const sid = startSession(user.id);
    expect(updateUser(admin(), user.id, { role: 'chair' })).toMatchObject({ role: 'chair', agencySlug: null });
    expect(checkSession(sid)).toEqual({ ok: false, problem: 'account_changed' });
    expect(refusal(() => updateUser(admin(), user.id, { role: 'official' })).fields).toEqual({ agency: [expect.stringContaining('Choose the agency')] });
    const again = startSession(user.id);
    updateUser(admin(), user.id, { active: false });
    expect(checkSession(again)).toEqual({ ok: false, problem: 'deactivated' });
    expect(getSessionUser(user.id)).toBeNull();
    expect(listUsers({ q: 'unit.move', status: 'deactivated', page: 1, pageSize: 50 }).total).toBe(1);
  });

  it('the last active administrator can be neither demoted nor deactivated, and the refusal changes nothing', async () => {
    const { user: second } = await createUser(admin(), { email: 'unit.admin2@agency.example', name: 'Second Admin', role: 'admin' });
    const before = auditCount();
    // With two administrators, one may step down…
    updateUser(admin(), second.id, { role: 'viewer' });
    expect(auditCount()).toBe(before + 1);
    // …but then the demo administrator is the last one.
    for (const change of [{ role: 'viewer' as const }, { active: false }]) {
      const error = refusal(() => updateUser(admin(), admin().id, change));
      expect(error.kind).toBe('conflict');
    }
    expect(userByEmail('admin@pitf.demo')).toMatchObject({ role: 'admin' });
    expect(auditCount()).toBe(before + 1);
  });
});

describe('agencies', () => {
  const admin = () => userByEmail('admin@pitf.demo');

  it('an added agency is a member; retired, it leaves the member list but keeps its history', () => {
    createAgency(admin(), { slug: 'unit-agency', name: 'Unit Test Agency', abbreviation: 'UTA' });
    expect(listAgencies().map((a) => a.slug)).toContain('unit-agency');
    expect(refusal(() => createAgency(admin(), { slug: 'unit-agency', name: 'Again', abbreviation: 'AG' })).fields).toEqual({ slug: [expect.stringContaining('taken')] });

    expect(updateAgency(admin(), 'unit-agency', { name: 'Unit Testing Agency', retired: true })).toMatchObject({ name: 'Unit Testing Agency', retired: true });
    expect(listAgencies().map((a) => a.slug)).not.toContain('unit-agency');
    expect(listAgenciesForAdmin().find((a) => a.slug === 'unit-agency')?.retiredAt).toEqual(expect.any(Number));
    const events = db.select().from(t.auditEvents).where(eq(t.auditEvents.entityId, 'unit-agency')).all();
    expect(events.map((e) => e.action)).toEqual(['agency.create', 'agency.retire']);
    expect(events[1]!.before).toMatchObject({ name: 'Unit Test Agency', retired: false });

    updateAgency(admin(), 'unit-agency', { retired: false });
    expect(listAgencies().map((a) => a.slug)).toContain('unit-agency');
    updateAgency(admin(), 'unit-agency', { retired: true });
  });

  it('counts each agency’s own deliverables and officials, and each meeting’s own awards', () => {
    const count = (query: string, id: number) => (getSqlite().prepare(query).get(id) as { n: number }).n;
    for (const a of listAgencies()) {
      expect(a.deliverables, a.slug).toBe(count('SELECT count(*) AS n FROM deliverables WHERE lead_agency_id = ?', a.id));
    }
    expect(listAgencies().find((a) => a.slug === 'dos')!.deliverables).toBeGreaterThan(1);
    for (const a of listAgenciesForAdmin()) {
      expect(a.officials, a.slug).toBe(count('SELECT count(*) AS n FROM users WHERE agency_id = ? AND active = 1', a.id));
      expect(a.deliverables, a.slug).toBe(count('SELECT count(*) AS n FROM deliverables WHERE lead_agency_id = ?', a.id));
    }
    const meetings = listMeetings({ page: 1, pageSize: 200 }).items;
    for (const m of meetings) expect(m.awards, m.title).toBe(count('SELECT count(*) AS n FROM awards WHERE presented_at_meeting_id = ?', m.id));
    expect(meetings.some((m) => m.awards > 1)).toBe(true);
  });

  it('an agency with active officials cannot be retired', () => {
    const error = refusal(() => updateAgency(admin(), 'dhs', { retired: true }));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('active official');
    expect(listAgencies().map((a) => a.slug)).toContain('dhs');
  });
});
