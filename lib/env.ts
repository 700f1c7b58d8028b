/**
 * Settings read from the environment. The demo runs with none set; production needs AUTH_SECRET.
 *
 * PITF_DEMO=1 marks a demonstration server (set by `npm run demo` and the end-to-end tests): it
 * may sign in the seeded demo accounts and, when no AUTH_SECRET is given, keeps a generated
 * secret beside the database file. Outside demo mode, demo accounts are refused in production.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { databasePath } from '@/db';

export function isDemoServer(): boolean {
  return process.env.PITF_DEMO === '1';
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

export function demoAccountsAllowed(): boolean {
  return !isProduction() || isDemoServer() || process.env.PITF_ALLOW_DEMO_ACCOUNTS === '1';
}

let generated: string | undefined;

export function authSecret(): string {
  const configured = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (isProduction() && !isDemoServer()) {
    throw new Error('AUTH_SECRET must be set in production (at least 32 random characters).');
  }
  generated ??= readOrCreateSecret(path.join(path.dirname(databasePath()), '.auth-secret'));
  return generated;
}

function readOrCreateSecret(file: string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
