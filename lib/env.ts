/**
 * Settings read from the environment. The demo runs with none set; production needs AUTH_SECRET
 * and PITF_AUDIT_KEYS.
 *
 * PITF_DEMO=1 marks a demonstration server (set by `npm run demo` and the end-to-end tests): it
 * may sign in the seeded demo accounts and, when no AUTH_SECRET is given, keeps a generated
 * secret beside the database file. Outside demo mode, demo accounts are refused in production.
 */
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const setting = z.string().optional();

/**
 * Every variable the app reads, checked by zod in one place. Nobody else reads process.env (the
 * CLI scripts under scripts/ and seeds/ read their own arguments). A variable's finer rules (an
 * audit key's length, a mail server's port) are checked where it is read below, each with a
 * message that says how to set it right. To add a setting: add it here, then read it from env().
 */
const schema = z.object({
  NODE_ENV: setting,
  /** The SQLite file, a path optionally prefixed with `file:` (data/pitf.db by default), resolved. */
  DATABASE_URL: setting.transform((raw) => path.resolve((raw?.trim() || 'data/pitf.db').replace(/^file:/, ''))),
  /** For `npm run bench`: a file each statement's time is appended to (db/index.ts). */
  PITF_SQL_PROFILE: setting,
  PITF_DEMO: setting,
  PITF_ALLOW_DEMO_ACCOUNTS: setting,
  AUTH_SECRET: setting,
  NEXTAUTH_SECRET: setting,
  NEXTAUTH_URL: setting,
  PORT: setting,
  PITF_AUDIT_KEYS: setting,
  PITF_AUDIT_CHECKPOINT: setting,
  PITF_AUDIT_CHECKPOINT_MINUTES: setting,
  PITF_TRUST_PROXY: setting,
  PITF_LIMIT_SIGN_IN_FAILURES: setting,
  PITF_LIMIT_REFUSALS: setting,
  PITF_LIMIT_PASSWORD_HASHES: setting,
  PITF_SSO_ISSUER: setting,
  PITF_SSO_CLIENT_ID: setting,
  PITF_SSO_PRIVATE_JWK_FILE: setting,
  PITF_SSO_ACR_VALUES: setting,
  PITF_SSO_REQUIRED_ACR: setting,
  PITF_SSO_SCOPES: setting,
  PITF_SSO_NAME: setting,
  PITF_TIME_ZONE: setting,
  PITF_SMTP_HOST: setting,
  PITF_SMTP_PORT: setting,
  PITF_SMTP_SECURITY: setting,
  PITF_SMTP_USER: setting,
  PITF_SMTP_PASSWORD: setting,
  PITF_MAIL_FROM: setting,
  PITF_NOTIFY_INTERVAL_SECONDS: setting,
  PITF_PROCESSES: setting,
  /** Set by scripts/cluster.mjs: 1 in the one server process that runs the schedule, 0 in the others. */
  PITF_SCHEDULER: setting,
});

export type Env = z.output<typeof schema>;

const NAMES = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

let parsed: { source: string; env: Env } | undefined;

/**
 * The environment, validated once: parsed again only when a variable changes (tests set some of
 * them, and a script may point DATABASE_URL elsewhere before it opens the database).
 */
export function env(): Env {
  const raw = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  const source = JSON.stringify(raw);
  if (parsed?.source !== source) {
    const result = schema.safeParse(raw);
    if (!result.success) throw new Error(`The environment is not valid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    parsed = { source, env: result.data };
  }
  return parsed.env;
}

/** The database file (DATABASE_URL), as an absolute path. */
export function databasePath(): string {
  return env().DATABASE_URL;
}

export function isDemoServer(): boolean {
  return env().PITF_DEMO === '1';
}

export function isProduction(): boolean {
  return env().NODE_ENV === 'production';
}

export function demoAccountsAllowed(): boolean {
  return !isProduction() || isDemoServer() || env().PITF_ALLOW_DEMO_ACCOUNTS === '1';
}

let generated: string | undefined;

export function authSecret(): string {
  const configured = env().AUTH_SECRET ?? env().NEXTAUTH_SECRET;
  if (configured) return configured;
  if (isProduction() && !isDemoServer()) {
    throw new Error('AUTH_SECRET must be set in production (at least 32 random characters).');
  }
  generated ??= readOrCreateSecret(path.join(path.dirname(databasePath()), '.auth-secret'));
  return generated;
}

/** A key that signs audit events: its id is stored with each event's hash (`<id>:<hex>`). */
export type AuditKey = { id: string; secret: string };

/** The id of the key generated into `.audit-key` when PITF_AUDIT_KEYS is not set. */
export const LOCAL_AUDIT_KEY_ID = 'local';

let auditKeyCache: { source: string; keys: AuditKey[] } | undefined;

/**
 * The keys of the audit trail, the current one first. PITF_AUDIT_KEYS is `id:secret[,id:secret…]`:
 * new events are signed with the first key, the others only verify older events, so a key is
 * rotated by putting the new one in front. Without it, outside production (or on a demo server) a
 * key is generated once into `.audit-key` beside the database file; in production it is required,
 * because a key kept inside the data directory protects nothing against whoever can write there.
 */
export function auditKeys(): AuditKey[] {
  const configured = env().PITF_AUDIT_KEYS?.trim();
  if (configured) {
    if (auditKeyCache?.source !== configured) auditKeyCache = { source: configured, keys: parseAuditKeys(configured) };
    return auditKeyCache.keys;
  }
  if (isProduction() && !isDemoServer()) {
    throw new Error(
      'PITF_AUDIT_KEYS must be set in production: one or more id:secret pairs separated by commas, the current key first, each secret at least 32 random characters.',
    );
  }
  const file = path.join(path.dirname(databasePath()), '.audit-key');
  if (auditKeyCache?.source !== file) {
    auditKeyCache = { source: file, keys: [{ id: LOCAL_AUDIT_KEY_ID, secret: readOrCreateSecret(file) }] };
  }
  return auditKeyCache.keys;
}

/** The key new audit events and checkpoints are signed with. */
export function currentAuditKey(): AuditKey {
  return auditKeys()[0]!;
}

function parseAuditKeys(value: string): AuditKey[] {
  const keys: AuditKey[] = [];
  for (const entry of value.split(',')) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const secret = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) {
      throw new Error('PITF_AUDIT_KEYS: each entry must be id:secret, the id made of letters, digits, ".", "_" or "-".');
    }
    if (secret.length < 32) throw new Error(`PITF_AUDIT_KEYS: the secret of key "${id}" must be at least 32 characters.`);
    if (keys.some((k) => k.id === id)) throw new Error(`PITF_AUDIT_KEYS: key "${id}" is given twice.`);
    keys.push({ id, secret });
  }
  return keys;
}

/** Where the running server writes the audit trail's signed checkpoint (PITF_AUDIT_CHECKPOINT). */
export function auditCheckpointPath(): string {
  const configured = env().PITF_AUDIT_CHECKPOINT?.trim();
  return configured ? path.resolve(configured) : path.join(path.dirname(databasePath()), 'audit-checkpoint.json');
}

/** How often the running server writes it (PITF_AUDIT_CHECKPOINT_MINUTES, by default 5). */
export function auditCheckpointIntervalMs(): number {
  const raw = env().PITF_AUDIT_CHECKPOINT_MINUTES?.trim();
  if (!raw) return 5 * 60_000;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new Error(`PITF_AUDIT_CHECKPOINT_MINUTES must be a positive number of minutes, not "${raw}".`);
  }
  return minutes * 60_000;
}

/**
 * The secret kept in `file`, created if there is none. Several server processes may start at once
 * on a new data directory: the first to create the file wins (a complete file is linked into place
 * only if none is there yet), and every other process reads the one it made.
 */
function readOrCreateSecret(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, secret, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const theirs = readSecret(file);
    if (theirs) return theirs;
    // A file too short to be a secret: replaced, as it always was.
    fs.renameSync(temp, file);
    return secret;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readSecret(file: string): string | null {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    return existing.length >= 32 ? existing : null;
  } catch {
    // Not created yet.
    return null;
  }
}

/**
 * How many reverse proxies of ours stand in front of the app (PITF_TRUST_PROXY, default 0). Only
 * then are X-Forwarded-For, -Host and -Proto believed: without a proxy they are whatever the
 * client chose to send. scripts/server.mjs reads the same setting to find the client's address.
 */
export function trustedProxyCount(): number {
  const raw = env().PITF_TRUST_PROXY?.trim();
  if (!raw) return 0;
  const n = Number(raw === 'true' ? 1 : raw);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** The address users reach the app at (NEXTAUTH_URL), as an origin such as `https://pitf.example.gov`; null when unset. */
export function configuredOrigin(): string | null {
  const raw = env().NEXTAUTH_URL?.trim();
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}

export type RateLimitSetting = { capacity: number; refillPerMinute: number };

/**
 * A rate limit from the environment as `capacity/perMinute` (e.g. `30/3`: 30 at once, then 3 a
 * minute), or the default when unset or malformed.
 */
function rateLimitSetting(name: 'PITF_LIMIT_SIGN_IN_FAILURES' | 'PITF_LIMIT_REFUSALS', fallback: RateLimitSetting): RateLimitSetting {
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(env()[name] ?? '');
  if (!match) return fallback;
  const capacity = Number(match[1]);
  const refillPerMinute = Number(match[2]);
  return capacity >= 1 && refillPerMinute > 0 ? { capacity, refillPerMinute } : fallback;
}

/**
 * Failed sign-ins (and checks of a current password) per client address: each costs a password
 * hash. Right passwords give their token back, so an office behind one address is not locked out
 * by its own staff signing in.
 */
export const signInFailureLimit = () => rateLimitSetting('PITF_LIMIT_SIGN_IN_FAILURES', { capacity: 30, refillPerMinute: 3 });

/** Refused requests (401, 403) per client address and per account, each of which may write to the audit trail. */
export const refusalLimit = () => rateLimitSetting('PITF_LIMIT_REFUSALS', { capacity: 120, refillPerMinute: 60 });

export type HashQueueSetting = { running: number; waiting: number };

/**
 * Password hashes this server process computes at once, and how many more sign-ins may wait for
 * one, as `running/waiting` (PITF_LIMIT_PASSWORD_HASHES, default `2/32`). Past that, a sign-in is
 * refused at once as over the limit. Libuv's thread pool has 4 threads unless UV_THREADPOOL_SIZE
 * says otherwise: keep `running` below it, so file reads and other crypto always find a thread.
 */
export function passwordHashQueue(): HashQueueSetting {
  const fallback = { running: 2, waiting: 32 };
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(env().PITF_LIMIT_PASSWORD_HASHES ?? '');
  if (!match) return fallback;
  const running = Number(match[1]);
  const waiting = Number(match[2]);
  return running >= 1 ? { running, waiting } : fallback;
}

export type SsoConfig = {
  issuer: string;
  clientId: string;
  /** The client's private signing key (JWK, RS256), for private_key_jwt. */
  privateJwk: Record<string, unknown>;
  scopes: string;
  /** Sent as acr_values. */
  acrValues: string[];
  /** The acr values accepted in the ID token; anything else is refused. */
  requiredAcr: string[];
  name: string;
};

/**
 * Single sign-on through OpenID Connect (Login.gov or an agency's provider), or null when
 * PITF_SSO_ISSUER is unset. Throws when it is set but the rest is incomplete, so that a
 * misconfigured server fails at start rather than at a user's sign-in.
 */
export function ssoConfig(): SsoConfig | null {
  const issuer = env().PITF_SSO_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env().PITF_SSO_CLIENT_ID?.trim();
  const keyFile = env().PITF_SSO_PRIVATE_JWK_FILE?.trim();
  if (!clientId || !keyFile) throw new Error('PITF_SSO_ISSUER is set: PITF_SSO_CLIENT_ID and PITF_SSO_PRIVATE_JWK_FILE must be set too.');
  const privateJwk = JSON.parse(fs.readFileSync(path.resolve(keyFile), 'utf8')) as Record<string, unknown>;
  if (privateJwk.kty !== 'RSA' || typeof privateJwk.d !== 'string') {
    throw new Error(`${keyFile} must hold an RSA private key as a JWK (node scripts/sso-keygen.mjs makes one).`);
  }
  const words = (raw: string | undefined, fallback: string) => (raw?.trim() || fallback).split(/\s+/).filter(Boolean);
  const acrValues = words(env().PITF_SSO_ACR_VALUES, LOGIN_GOV_ACR_VALUES);
  // By default the assurance values requested (aal…) must come back; the service level alone is not enough.
  const assurance = acrValues.filter((v) => /aal/i.test(v));
  const requiredAcr = words(env().PITF_SSO_REQUIRED_ACR, (assurance.length ? assurance : acrValues).join(' '));
  return {
    issuer,
    clientId,
    privateJwk,
    scopes: words(env().PITF_SSO_SCOPES, 'openid email').join(' '),
    acrValues,
    requiredAcr,
    name: env().PITF_SSO_NAME?.trim() || 'Login.gov',
  };
}

const LOGIN_GOV_ACR_VALUES = 'urn:acr.login.gov:auth-only http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true';

/** The address links in e-mails and calendar files point at: NEXTAUTH_URL, or the demo's own address. */
export function appOrigin(): string {
  return configuredOrigin() ?? `http://localhost:${env().PORT?.trim() || '3000'}`;
}

/**
 * The task force's time zone (PITF_TIME_ZONE, an IANA name; America/New_York by default): the day
 * a cutoff falls on, the days left before it and the working days of the daily digest are counted
 * in it. Throws on a name the runtime does not know, so that preflight stops the server.
 */
export function taskForceTimeZone(): string {
  const zone = env().PITF_TIME_ZONE?.trim() || 'America/New_York';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`PITF_TIME_ZONE is "${zone}", which is not a time zone name such as America/New_York.`);
  }
  return zone;
}

export type MailConfig = {
  host: string;
  port: number;
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: plain, for a relay on the same host only. */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  from: string;
};

/**
 * The SMTP server e-mail is sent through (PITF_SMTP_HOST, _PORT, _SECURITY, _USER, _PASSWORD and
 * PITF_MAIL_FROM), or null when PITF_SMTP_HOST is unset: then nothing is sent and messages stay in
 * the outbox, where administrators read them (/admin/outbox). Throws when the setting is partial.
 */
export function mailConfig(): MailConfig | null {
  const host = env().PITF_SMTP_HOST?.trim();
  if (!host) return null;
  const security = (env().PITF_SMTP_SECURITY?.trim() || 'starttls') as MailConfig['security'];
  if (!['tls', 'starttls', 'none'].includes(security)) throw new Error('PITF_SMTP_SECURITY must be tls, starttls or none.');
  const port = Number(env().PITF_SMTP_PORT?.trim() || (security === 'tls' ? 465 : 587));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('PITF_SMTP_PORT must be a port number.');
  const from = env().PITF_MAIL_FROM?.trim();
  if (!from) throw new Error('PITF_SMTP_HOST is set: PITF_MAIL_FROM (the sender address, e.g. "PITF Dashboard <pitf@example.gov>") must be set too.');
  const user = env().PITF_SMTP_USER?.trim() || null;
  const password = env().PITF_SMTP_PASSWORD ?? null;
  if (user && !password) throw new Error('PITF_SMTP_USER is set: PITF_SMTP_PASSWORD must be set too.');
  return { host, port, security, user, password: user ? password : null, from };
}

/** How often the server's notification pass runs (PITF_NOTIFY_INTERVAL_SECONDS, 60 by default). */
export function notifyIntervalMs(): number {
  const seconds = Number(env().PITF_NOTIFY_INTERVAL_SECONDS?.trim() || 60);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : 60_000;
}

/**
 * How many server processes `npm start` runs (PITF_PROCESSES): a whole number from 1 to 64, by
 * default one per core. scripts/cluster.mjs, which starts them, reads the same rule (it is plain
 * JavaScript and cannot import this file); scripts/preflight.ts refuses any other value.
 */
export function serverProcesses(cores = availableParallelism()): number {
  const raw = env().PITF_PROCESSES?.trim();
  if (!raw) return cores;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`PITF_PROCESSES must be a whole number from 1 to 64 (it is "${raw}").`);
  return n;
}

/**
 * Whether this server process runs the schedule: audit checkpoints, rate-limit housekeeping and the
 * notification pass. scripts/cluster.mjs sets PITF_SCHEDULER=1 in exactly one of its processes and
 * 0 in the others; a process started any other way (`next dev`, scripts/server.mjs alone) runs it.
 */
export function runsSchedule(): boolean {
  return env().PITF_SCHEDULER?.trim() !== '0';
}
