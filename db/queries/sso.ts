/**
 * Single sign-on: who an identity from the provider is here. There is no self-registration: the
 * provider's identity must match an account an administrator created. The first sign-in matches
 * by verified e-mail and links the provider's subject to the account; from then on the subject
 * alone decides, so a later change of e-mail at the provider can neither lock the user out nor
 * reach another account.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { users } from '../schema';
import { recordAudit } from './audit';
import { recordSignInRefused, recordSignInSuccess } from './users';

export type SsoIdentity = { issuer: string; subject: string; email: string | null; emailVerified: boolean; acr: string | null };

export type SsoRefusal = 'weak_acr' | 'no_account' | 'inactive' | 'linked_elsewhere' | 'demo_accounts_disabled';

export type SsoOutcome = { ok: true; userId: number } | { ok: false; reason: SsoRefusal };

/** Whether the authentication context the provider reports is one the app requires. */
export function acrSatisfies(acr: string | null | undefined, required: string[]): boolean {
  return typeof acr === 'string' && required.includes(acr);
}

export function findUserBySsoSubject(issuer: string, subject: string) {
  return getDb()
    .select({ id: users.id, email: users.email, name: users.name, active: users.active, isDemo: users.isDemo, agencyId: users.agencyId })
    .from(users)
    .where(and(eq(users.ssoIssuer, issuer), eq(users.ssoSubject, subject)))
    .get();
}

/**
 * Decides a single sign-on: the account it signs in to, or why it is refused. Every outcome is
 * audited (a success with its acr, a refusal with its reason).
 */
export function resolveSsoSignIn(identity: SsoIdentity, requiredAcr: string[], { demoAllowed }: { demoAllowed: boolean }): SsoOutcome {
  const email = identity.email?.trim().toLowerCase() || null;
  const refuse = (reason: SsoRefusal, userId: number | null = null): SsoOutcome => {
    recordSignInRefused(email ?? `(sso ${identity.subject})`, reason, userId, { method: 'sso', acr: identity.acr });
    return { ok: false, reason };
  };

  let user = findUserBySsoSubject(identity.issuer, identity.subject);
  const firstSignIn = !user;
  if (!user) {
    if (!email || !identity.emailVerified) return refuse('no_account');
    const byEmail = getDb()
      .select({ id: users.id, email: users.email, name: users.name, active: users.active, isDemo: users.isDemo, agencyId: users.agencyId, ssoIssuer: users.ssoIssuer, ssoSubject: users.ssoSubject })
      .from(users)
      .where(eq(users.email, email))
      .get();
    if (!byEmail) return refuse('no_account');
    // Already linked to another identity of this provider: an e-mail that moved there does not carry the account with it.
    if (byEmail.ssoSubject && byEmail.ssoIssuer === identity.issuer) return refuse('linked_elsewhere', byEmail.id);
    user = byEmail;
  }
  if (!user.active) return refuse('inactive', user.id);
  if (user.isDemo && !demoAllowed) return refuse('demo_accounts_disabled', user.id);
  if (!acrSatisfies(identity.acr, requiredAcr)) return refuse('weak_acr', user.id);

  const found = user;
  if (firstSignIn) {
    getDb().transaction((tx) => {
      tx.update(users).set({ ssoIssuer: identity.issuer, ssoSubject: identity.subject }).where(eq(users.id, found.id)).run();
      recordAudit(tx, {
        actor: { id: found.id, email: found.email },
        action: 'user.sso_linked',
        entity: 'user',
        entityId: found.id,
        agencyId: found.agencyId,
        after: { issuer: identity.issuer, subject: identity.subject },
      });
    });
  }
  recordSignInSuccess(found, { method: 'sso', acr: identity.acr });
  return { ok: true, userId: found.id };
}
