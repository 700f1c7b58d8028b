/**
 * Which roles must sign in with a phishing-resistant method (a passkey, or single sign-on with the
 * required authentication context). Set by an administrator on /admin, stored in `settings`,
 * audited. Until one is set, a production server requires it of administrators and chair staff;
 * a demonstration or development server of nobody. On a demonstration server the seeded demo
 * accounts are exempt, so that the README's logins keep working.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { SessionUser } from '@/lib/authorization';
import { ROLES, type Role } from '@/lib/domain';
import { isDemoServer, isProduction } from '@/lib/env';
import { getDb } from '../index';
import { settings, users } from '../schema';
import { recordAudit } from './audit';

const KEY = 'sign_in.phishing_resistant_roles';

/** The policy and when it was last set (epoch milliseconds; null while the default applies). */
export type SignInPolicy = { phishingResistantRoles: Role[]; setAt: number | null };

export function defaultPhishingResistantRoles(): Role[] {
  return isProduction() && !isDemoServer() ? ['admin', 'chair'] : [];
}

export function getSignInPolicy(): SignInPolicy {
  const row = getDb().select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return { phishingResistantRoles: defaultPhishingResistantRoles(), setAt: null };
  const stored = Array.isArray(row.value) ? row.value : [];
  return { phishingResistantRoles: ROLES.filter((r) => stored.includes(r)), setAt: row.updatedAt.getTime() };
}

export function setSignInPolicy(actor: SessionUser, roles: Role[], now = Date.now()): SignInPolicy {
  const before = getSignInPolicy().phishingResistantRoles;
  const after = ROLES.filter((r) => roles.includes(r));
  getDb().transaction((tx) => {
    tx.insert(settings)
      .values({ key: KEY, value: after, updatedAt: new Date(now) })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: new Date(now) } })
      .run();
    recordAudit(tx, {
      actor,
      action: 'sign_in_policy.update',
      entity: 'setting',
      entityId: KEY,
      before: { phishingResistantRoles: before },
      after: { phishingResistantRoles: after },
    });
  });
  return getSignInPolicy();
}

/** Whether this user must prove a phishing-resistant method before using the app. */
export function requiresPhishingResistant(user: Pick<SessionUser, 'id' | 'role'>, policy = getSignInPolicy()): boolean {
  if (!policy.phishingResistantRoles.includes(user.role)) return false;
  if (isDemoServer()) {
    const row = getDb().select({ isDemo: users.isDemo }).from(users).where(eq(users.id, user.id)).get();
    if (row?.isDemo) return false;
  }
  return true;
}
