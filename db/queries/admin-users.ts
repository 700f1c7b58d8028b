/**
 * Accounts, as the secretariat manages them: on-boarding an agency's new point of contact,
 * changing a role, off-boarding someone who left, and resetting a forgotten password.
 * Every change is audited with its before and after (never a password or its hash).
 */
import 'server-only';
import { randomInt } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { invalid, conflict, notFound, toRecord, rateLimited } from '@/lib/errors';
import type { SessionUser } from '@/lib/authorization';
import type { Role } from '@/lib/domain';
import { hashPassword, verifyPassword } from '@/lib/password';
import { passwordProblem } from '@/lib/password-policy';
import type { CreateUserInput, UpdateUserInput, UserListQuery } from '@/lib/validations/admin';
import { getDb, type Tx } from '../index';
import { agencies, auditEvents, loginThrottle, users } from '../schema';
import { forgetNotifications } from './notifications';
import { recordAudit } from './audit';
import { ENROLMENT_HOURS } from './passkeys';
import { endUserSessions } from './sessions';
import { claimPasswordCheck, recordSignInFailure, releasePasswordCheck } from './users';

const account = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
  agencyId: users.agencyId,
  agencySlug: agencies.slug,
  agencyName: agencies.name,
};

/** An account as pages and the API hand it on: instants as epoch milliseconds. */
function accountOf<T extends { lastSignInAt: Date | null; createdAt: Date }>({ lastSignInAt, createdAt, ...rest }: T) {
  return { ...rest, lastSignInAt: lastSignInAt?.getTime() ?? null, createdAt: createdAt.getTime() };
}

/** Accounts, by name, filtered and paged. */
export function listUsers(query: UserListQuery) {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${users.name} LIKE ${pattern} ESCAPE '\\'`, sql`${users.email} LIKE ${pattern} ESCAPE '\\'`)!);
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  if (query.agency) conditions.push(eq(agencies.slug, query.agency));
  if (query.status) conditions.push(eq(users.active, query.status === 'active'));
  const where = conditions.length ? and(...conditions) : undefined;
  const db = getDb();
  const total = db.select({ n: count() }).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(where).get()?.n ?? 0;
  const rows = db
    .select(account)
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all()
    .map(accountOf);
  return { items: rows, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

export function getUser(id: number) {
  const row = getDb().select(account).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id)).get();
  return row ? accountOf(row) : null;
}

/** What the audit log keeps of an account: who it is and what it may do. */
function auditView(tx: Tx, id: number) {
  const row = tx.select(account).from(users).leftJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id)).get();
  if (!row) return null;
  return { email: row.email, name: row.name, role: row.role, agency: row.agencySlug, active: row.active };
}

/** The agency an account belongs to: required for officials, refused for everyone else. */
function agencyFor(tx: Tx, role: Role, slug: string | null | undefined): { id: number | null } | { problem: string } {
  if (role !== 'official') return slug ? { problem: 'Only agency officials belong to an agency; leave it empty for this role.' } : { id: null };
  if (!slug) return { problem: 'Choose the agency this official reports for.' };
  const row = tx.select({ id: agencies.id, retiredAt: agencies.retiredAt }).from(agencies).where(eq(agencies.slug, slug)).get();
  if (!row) return { problem: `No agency is called "${slug}".` };
  if (row.retiredAt) return { problem: `The agency "${slug}" is retired.` };
  return { id: row.id };
}

function resolveAgency(tx: Tx, role: Role, slug: string | null | undefined): number | null {
  const agency = agencyFor(tx, role, slug);
  if ('problem' in agency) throw invalid('Invalid input: agency.', { agency: [agency.problem] });
  return agency.id;
}

/** A one-time password the administrator passes on; the user must replace it when signing in. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export async function createUser(actor: SessionUser, input: CreateUserInput) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = getDb().transaction((tx) => {
    // Both checks first, so that one answer names both a taken e-mail and a wrong agency.
    const problems = new Map<string, string[]>();
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
      problems.set('email', ['An account with this e-mail address already exists.']);
    }
    const agency = agencyFor(tx, input.role, input.agency);
    if ('problem' in agency) problems.set('agency', [agency.problem]);
    if (problems.size || 'problem' in agency) throw invalid(`Invalid input: ${[...problems.keys()].join(', ')}.`, toRecord(problems));
    const agencyId = agency.id;
    const row = tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        agencyId,
        passwordHash,
        mustChangePassword: true,
        // A new account may enrol its first passkey after its first sign-in, should its role need one.
        passkeyEnrolmentUntil: new Date(Date.now() + ENROLMENT_HOURS * 3_600_000),
      })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      actor,
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      agencyId,
      after: auditView(tx, row.id),
    });
    return row.id;
  });
  return { user: getUser(id)!, temporaryPassword: password };
}

function otherActiveAdmins(tx: Tx, id: number): number {
  return tx.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id))).get()?.n ?? 0;
}

/**
 * Changes name, role, agency or active. The last active administrator cannot be demoted or
 * deactivated. A change of role or agency, and deactivation, end the user's sessions: their next
 * request asks them to sign in again (or tells them the account is deactivated).
 */
export function updateUser(actor: SessionUser, id: number, input: UpdateUserInput) {
  getDb().transaction((tx) => {
    const current = tx.select().from(users).where(eq(users.id, id)).get();
    if (!current) throw notFound('The user');
    const role = input.role ?? current.role;
    const roleChanged = role !== current.role;
    // Moving an official to another agency, or into or out of the official role, decides the agency anew.
    let agencyId = current.agencyId;
    if (input.agency !== undefined || roleChanged) {
      const slug = input.agency !== undefined ? input.agency : role === 'official' ? null : undefined;
      agencyId = resolveAgency(tx, role, slug ?? null);
    }
    const active = input.active ?? current.active;
    if (current.role === 'admin' && current.active && (role !== 'admin' || !active) && otherActiveAdmins(tx, id) === 0) {
      throw conflict('This is the last active administrator: make someone else an administrator first.');
    }
    const before = auditView(tx, id);
    tx.update(users)
      .set({ name: input.name ?? current.name, role, agencyId, active, updatedAt: new Date() })
      .where(eq(users.id, id))
      .run();
    const after = auditView(tx, id);
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    if (!active && current.active) endUserSessions(tx, id, 'deactivated');
    else if (roleChanged || agencyId !== current.agencyId) {
      endUserSessions(tx, id, 'account_changed');
      // What they were told in their former role or agency is no longer theirs to read.
      forgetNotifications(tx, id);
    }
    const action = active !== current.active ? (active ? 'user.reactivate' : 'user.deactivate') : 'user.update';
    recordAudit(tx, { actor, action, entity: 'user', entityId: id, agencyId: agencyId ?? current.agencyId, before, after });
  });
  return getUser(id)!;
}

/** A new temporary password, shown once; the old password and every session stop working now. */
export async function resetPassword(actor: SessionUser, id: number) {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  getDb().transaction((tx) => {
    const current = tx.select({ email: users.email, agencyId: users.agencyId }).from(users).where(eq(users.id, id)).get();
    if (!current) throw notFound('The user');
    tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(users.id, id)).run();
    tx.delete(loginThrottle).where(eq(loginThrottle.email, current.email)).run();
    endUserSessions(tx, id, 'password_reset');
    recordAudit(tx, { actor, action: 'user.password_reset', entity: 'user', entityId: id, agencyId: current.agencyId, after: { mustChangePassword: true } });
  });
  return { user: getUser(id)!, temporaryPassword: password };
}

/**
 * The signed-in user replaces their password; their other sessions end. The current password is
 * checked under the same allowance as signing in (five wrong in 15 minutes lock the account), so
 * a stolen session cannot be used to guess it.
 */
export async function changeOwnPassword(user: SessionUser, sessionId: string, currentPassword: string, newPassword: string) {
  const claim = claimPasswordCheck(user.email);
  if (!claim.ok) {
    throw rateLimited(
      `Too many wrong passwords for this account: try again in ${claim.lockMinutes} minute${claim.lockMinutes === 1 ? '' : 's'}.`,
      claim.lockMinutes * 60,
    );
  }
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(currentPassword, row.passwordHash))) {
    recordSignInFailure(user.email, 'wrong_current_password', user.id);
    throw invalid('Invalid input: currentPassword.', { currentPassword: ['This is not your current password.'] });
  }
  releasePasswordCheck(user.email);
  const problem = passwordProblem(newPassword, [user.email, user.name]) ?? (newPassword === currentPassword ? 'Choose a password different from the current one.' : null);
  if (problem) throw invalid('Invalid input: newPassword.', { newPassword: [problem] });
  const passwordHash = await hashPassword(newPassword);
  getDb().transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id)).run();
    endUserSessions(tx, user.id, 'password_changed', { except: sessionId });
    recordAudit(tx, { actor: user, action: 'user.password_change', entity: 'user', entityId: user.id, agencyId: user.agencyId });
  });
}

const SIGN_IN_ACTIONS = ['sign_in.success', 'sign_in.failure', 'sign_in.locked', 'sign_in.refused', 'sign_in.passkey_step'];

/** The latest sign-ins to this account, successful or not, newest first. */
export function listRecentSignIns(userId: number, limit = 10) {
  return getDb()
    .select({ at: auditEvents.at, action: auditEvents.action, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'user'), eq(auditEvents.entityId, String(userId)), inArray(auditEvents.action, SIGN_IN_ACTIONS)))
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .all()
    .map((e) => ({ at: e.at.getTime(), action: e.action, reason: (e.after as { reason?: string } | null)?.reason ?? null }));
}

/** The figures on the administration page. */
export function adminCounts() {
  const db = getDb();
  return {
    activeUsers: db.select({ n: count() }).from(users).where(eq(users.active, true)).get()?.n ?? 0,
    members: db.select({ n: count() }).from(agencies).where(isNull(agencies.retiredAt)).get()?.n ?? 0,
    // The newest id is the number of events: the log is append-only.
    events: db.select({ n: sql<number>`coalesce(max(${auditEvents.id}), 0)` }).from(auditEvents).get()?.n ?? 0,
  };
}
