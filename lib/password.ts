/**
 * Password hashing: Argon2id at the parameters the OWASP Password Storage Cheat Sheet puts first
 * (19 MiB of memory, two passes, one lane), about 50–65 ms a hash on this project's servers. The
 * stored form names its scheme and parameters (PHC: `$argon2id$v=19$m=19456,p=1,t=2$salt$hash`), so
 * they can be raised later without invalidating anyone: a hash at older parameters, or in the
 * scheme used before (`scrypt$N$r$p$salt$key`), still verifies, and needsRehash says it should be
 * replaced the next time its password is proved right (lib/server/auth.ts does, at sign-in).
 *
 * To raise the cost: change ARGON2 below (the README's Security section says what each costs here).
 * Hashes run on libuv's thread pool, never on the event loop.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import argon2 from 'argon2';

const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, hashLength: 32 } as const;

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// The largest scrypt hash ever stored here was N=2^15, r=8 (32 MiB); this leaves room for twice that.
const SCRYPT_MAXMEM = 64 * 1024 * 1024;

/** The same password typed on different keyboards (composed or decomposed accents) is the same password. */
const normalise = (password: string) => password.normalize('NFKC');

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalise(password), ARGON2);
}

/** Whether `stored` matches `password`, in whichever scheme it was stored; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) {
    try {
      return await argon2.verify(stored, normalise(password));
    } catch {
      return false;
    }
  }
  return verifyScrypt(normalise(password), stored);
}

/** True when `stored` is in an older scheme or at other parameters than hashPassword uses now. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  try {
    return argon2.needsRehash(stored, { memoryCost: ARGON2.memoryCost, timeCost: ARGON2.timeCost, parallelism: ARGON2.parallelism });
  } catch {
    return true;
  }
}

/** The scheme used before Argon2id: `scrypt$N$r$p$salt$key`, each part base64 or decimal. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT_MAXMEM,
  }).catch(() => null);
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of a random password, compared against when the e-mail is unknown so that a failed
 * sign-in takes the same time whether or not the account exists. Made once, off the event loop;
 * lib/server/auth.ts asks for it when it loads, so no sign-in waits for it.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
