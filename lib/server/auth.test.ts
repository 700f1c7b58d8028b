import { randomBytes, scryptSync } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/password';
import { authorizePassword } from './auth';

const db = getDb();
const PASSWORD = 'old-scheme-pass-2026';

/** The form hashes had before Argon2id: `scrypt$N$r$p$salt$key`. */
function oldScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  return `scrypt$${2 ** 14}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

function addUser(email: string, passwordHash: string) {
  db.insert(t.users).values({ email, name: 'Hash Upgrade', role: 'viewer', passwordHash }).run();
  return email;
}

const storedHash = (email: string) => db.select({ hash: t.users.passwordHash }).from(t.users).where(eq(t.users.email, email)).get()!.hash;

const upgrades = (email: string) =>
  db
    .select()
    .from(t.auditEvents)
    .where(and(eq(t.auditEvents.action, 'user.password_upgrade'), eq(t.auditEvents.actorEmail, email)))
    .all();

describe('password hashes', () => {
  it('are Argon2id at OWASP parameters, and verify', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword('not-the-password', hash)).toBe(false);
  });

  it('in the older scrypt form still verify, and ask to be renewed', async () => {
    const old = oldScryptHash(PASSWORD);
    expect(await verifyPassword(PASSWORD, old)).toBe(true);
    expect(await verifyPassword('not-the-password', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g')).toBe(true);
    expect(await verifyPassword(PASSWORD, 'not-a-hash')).toBe(false);
  });
});

describe('signing in with a password', () => {
  it('renews a hash stored in the older scheme, and the password still works afterwards', async () => {
    const email = addUser('upgrade.ok@pitf.test', oldScryptHash(PASSWORD));
    const user = await authorizePassword({ email, password: PASSWORD });
    expect(user?.email).toBe(email);
    const renewed = storedHash(email);
    expect(renewed).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(PASSWORD, renewed)).toBe(true);
    expect(upgrades(email)).toHaveLength(1);
    expect(upgrades(email)[0]!.after).toEqual({ scheme: 'argon2id' });

    // Signing in again changes nothing more.
    expect(await authorizePassword({ email, password: PASSWORD })).not.toBeNull();
    expect(storedHash(email)).toBe(renewed);
    expect(upgrades(email)).toHaveLength(1);
  });

  it('renews nothing when the password is wrong', async () => {
    const old = oldScryptHash(PASSWORD);
    const email = addUser('upgrade.wrong@pitf.test', old);
    expect(await authorizePassword({ email, password: 'a-wrong-password' })).toBeNull();
    expect(storedHash(email)).toBe(old);
    expect(upgrades(email)).toHaveLength(0);
  });
});
