import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { SYSTEM_ACTOR } from './audit';
import { CHALLENGE_MINUTES, consumeChallenge, enrolmentOpen, ENROLMENT_HOURS, grantEnrolment, saveChallenge } from './passkeys';
import { getSignInPolicy, requiresPhishingResistant, setSignInPolicy } from './sign-in-policy';
import { getSessionUser } from './users';

const MINUTE = 60_000;
const db = getDb();
const userByEmail = (email: string) => getSessionUser(db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email)).get()!.id)!;

describe('passkey challenges', () => {
  it('answer once: a second use of the same challenge is refused', () => {
    const viewer = userByEmail('viewer@pitf.demo');
    const id = saveChallenge('challenge-once', 'register', viewer.id);
    expect(consumeChallenge(id, 'register', viewer.id)).toBe('challenge-once');
    expect(consumeChallenge(id, 'register', viewer.id)).toBeNull();
  });

  it('expire after five minutes, and are gone once tried even when refused', () => {
    const now = Date.now();
    const late = saveChallenge('challenge-late', 'authenticate', null, now);
    expect(consumeChallenge(late, 'authenticate', null, now + CHALLENGE_MINUTES * MINUTE)).toBeNull();
    expect(db.select().from(t.webauthnChallenges).where(eq(t.webauthnChallenges.id, late)).get()).toBeUndefined();
    const fresh = saveChallenge('challenge-fresh', 'authenticate', null, now);
    expect(consumeChallenge(fresh, 'authenticate', null, now + CHALLENGE_MINUTES * MINUTE - 1)).toBe('challenge-fresh');
  });

  it('serve only the purpose and the user they were made for', () => {
    const viewer = userByEmail('viewer@pitf.demo');
    const chair = userByEmail('chair@pitf.demo');
    const forViewer = saveChallenge('challenge-viewer', 'step_up', viewer.id);
    expect(consumeChallenge(forViewer, 'step_up', chair.id)).toBeNull();
    // The wrong try spent it: the right user cannot use it afterwards either.
    expect(consumeChallenge(forViewer, 'step_up', viewer.id)).toBeNull();
    const signIn = saveChallenge('challenge-sign-in', 'authenticate', null);
    expect(consumeChallenge(signIn, 'step_up', null)).toBeNull();
  });

  it('are cleared once expired whenever a new one is made', () => {
    const now = Date.now();
    const old = saveChallenge('challenge-old', 'authenticate', null, now - 2 * CHALLENGE_MINUTES * MINUTE);
    saveChallenge('challenge-new', 'authenticate', null, now);
    expect(db.select().from(t.webauthnChallenges).where(eq(t.webauthnChallenges.id, old)).get()).toBeUndefined();
  });
});

describe('passkey enrolment', () => {
  it('opens for 72 hours when granted, and is recorded', () => {
    const chair = userByEmail('chair@pitf.demo');
    const now = Date.now();
    expect(enrolmentOpen(chair.id, now)).toBe(false);
    const until = grantEnrolment(SYSTEM_ACTOR, chair.id, now)!;
    expect(until.getTime()).toBe(now + ENROLMENT_HOURS * 3_600_000);
    expect(enrolmentOpen(chair.id, now + ENROLMENT_HOURS * 3_600_000 - 1)).toBe(true);
    expect(enrolmentOpen(chair.id, now + ENROLMENT_HOURS * 3_600_000)).toBe(false);
    const event = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'user.passkey_enrolment_granted')).all().at(-1)!;
    expect(event).toMatchObject({ actorEmail: 'system', entityId: String(chair.id) });
    expect(grantEnrolment(SYSTEM_ACTOR, 999_999)).toBeNull();
  });
});

describe('the sign-in policy', () => {
  afterEach(() => {
    db.delete(t.settings).run();
  });

  it('requires nobody by default outside production, and what the administrator sets after', () => {
    const admin = userByEmail('admin@pitf.demo');
    expect(getSignInPolicy()).toEqual({ phishingResistantRoles: [], setAt: null });
    const policy = setSignInPolicy(admin, ['chair', 'admin', 'chair']);
    expect(policy.phishingResistantRoles).toEqual(['chair', 'admin']);
    expect(requiresPhishingResistant(userByEmail('chair@pitf.demo'))).toBe(true);
    expect(requiresPhishingResistant(userByEmail('viewer@pitf.demo'))).toBe(false);
    const event = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'sign_in_policy.update')).all().at(-1)!;
    expect(event).toMatchObject({ actorEmail: 'admin@pitf.demo', before: { phishingResistantRoles: [] }, after: { phishingResistantRoles: ['chair', 'admin'] } });
  });

  it('exempts the demo accounts on a demonstration server only', () => {
    const admin = userByEmail('admin@pitf.demo');
    setSignInPolicy(admin, ['admin']);
    const previous = process.env.PITF_DEMO;
    try {
      process.env.PITF_DEMO = '1';
      expect(requiresPhishingResistant(admin)).toBe(false);
      process.env.PITF_DEMO = '0';
      expect(requiresPhishingResistant(admin)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.PITF_DEMO;
      else process.env.PITF_DEMO = previous;
    }
  });
});
