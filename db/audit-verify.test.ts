import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { getSqlite, openDatabase } from '@/db';
import { databasePath } from '@/lib/env';
import { auditKeys, type AuditKey } from '@/lib/env';
import {
  auditHead,
  compareWithCheckpoint,
  readAuditCheckpoint,
  signCheckpoint,
  startAuditCheckpoints,
  writeAuditCheckpoint,
  type AuditCheckpoint,
} from './audit-checkpoint';
import { AUDIT_TRIGGERS, missingAuditTriggers, restoreAuditTriggers } from './audit-triggers';
import { verifyAuditChain } from './audit-verify';
import { keyedAuditHash, legacyAuditHash, recordAudit, type AuditContent } from './queries/audit';

const K1: AuditKey = { id: '1', secret: 'first-audit-key-0123456789-abcdefghijkl' };
const K2: AuditKey = { id: '2', secret: 'second-audit-key-0123456789-abcdefghijk' };
const WRONG: AuditKey = { id: '1', secret: 'not-the-first-key-0123456789-abcdefghij' };
const env = (...keys: AuditKey[]) => keys.map((k) => `${k.id}:${k.secret}`).join(',');

const made: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-audit-'));
  made.push(dir);
  return dir;
};

/** A fresh, migrated database holding `n` events signed with K1 (or the keys given). */
function freshTrail(n = 6, keys = env(K1)) {
  vi.stubEnv('PITF_AUDIT_KEYS', keys);
  const dir = tempDir();
  const file = path.join(dir, 'pitf.db');
  const { db, sqlite } = openDatabase(file);
  const add = (count: number, from = 1) => {
    for (let i = from; i < from + count; i++) {
      db.transaction((tx) =>
        recordAudit(tx, { actor: { id: null, email: 'test' }, action: `test.${i}`, entity: 'test', entityId: i, after: { n: i } }),
      );
    }
  };
  add(n);
  return { dir, file, sqlite, add };
}

/** What someone holding the file does first: drop the guard so events can be changed. */
function unguard(sqlite: Database.Database) {
  sqlite.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete');
}

type Row = {
  id: number;
  at: number;
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  agency_id: number | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
};

const contentOf = (r: Row): AuditContent => ({
  at: r.at,
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  agencyId: r.agency_id,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

/** Recomputes every hash from event `fromId` on, as an attacker covering an edit would. */
function rehashFrom(sqlite: Database.Database, fromId: number, hash: (prev: string, e: AuditContent) => string) {
  const rows = sqlite.prepare('SELECT * FROM audit_events WHERE id >= ? ORDER BY id').all(fromId) as Row[];
  let previous = rows[0]!.prev_hash;
  const update = sqlite.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of rows) {
    const next = hash(previous, contentOf(row));
    update.run(previous, next, row.id);
    previous = next;
  }
}

function verifyCli(file: string, extraEnv: Record<string, string>, args: string[] = []) {
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/audit-verify.ts', ...args], {
    env: { ...process.env, DATABASE_URL: file, PITF_AUDIT_CHECKPOINT: '', ...extraEnv },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('audit trail verification', () => {
  it('finds the seeded chain intact', () => {
    const result = verifyAuditChain(getSqlite());
    expect(result.broken).toBeNull();
    expect(result.checked).toBeGreaterThan(0);
  });

  it('names the first altered event, and the command fails naming it', () => {
    // A copy with the key file beside it, as a deployment keeps them: the shared database stays intact.
    const dir = tempDir();
    const file = path.join(dir, 'pitf.db');
    getSqlite().exec(`VACUUM INTO '${file}'`);
    fs.copyFileSync(path.join(path.dirname(databasePath()), '.audit-key'), path.join(dir, '.audit-key'));
    const copy = new Database(file);
    const target = copy.prepare('SELECT id FROM audit_events ORDER BY id LIMIT 1').get() as { id: number };
    // Someone with the file in hand can drop the guard; the chain still shows what they did.
    copy.exec('DROP TRIGGER audit_events_no_update');
    copy.prepare("UPDATE audit_events SET action = 'nothing.to.see' WHERE id = ?").run(target.id);
    expect(verifyAuditChain(copy).broken).toMatchObject({ id: target.id, kind: 'altered' });
    copy.close();
    const result = verifyCli(file, { PITF_AUDIT_KEYS: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`broken at event ${target.id}`);
    expect(result.stderr).toContain('append-only triggers are missing (audit_events_no_update)');
  });
});

describe('the keyed audit chain', () => {
  it('signs new events with the current key, as <keyId>:<hex>', () => {
    const { sqlite } = freshTrail(2);
    const hashes = sqlite.prepare('SELECT hash FROM audit_events ORDER BY id').pluck().all() as string[];
    for (const hash of hashes) expect(hash).toMatch(/^1:[0-9a-f]{64}$/);
    expect(verifyAuditChain(sqlite, [K1])).toMatchObject({ checked: 2, legacy: 0, byKey: { '1': 2 }, broken: null });
    sqlite.close();
  });

  it('catches an edit covered by recomputing every later hash with plain SHA-256 (the unkeyed attack)', () => {
    const { sqlite } = freshTrail();
    unguard(sqlite);
    sqlite.prepare("UPDATE audit_events SET action = 'nothing.to.see' WHERE id = 3").run();
    rehashFrom(sqlite, 3, legacyAuditHash);
    expect(verifyAuditChain(sqlite, [K1]).broken).toEqual({
      id: 3,
      kind: 'unkeyed',
      reason: 'it was written without the key, after the trail was keyed (it was altered or inserted)',
    });
    sqlite.close();
  });

  it('catches the same edit covered with a wrong key, or with a key it does not know', () => {
    const { sqlite } = freshTrail();
    unguard(sqlite);
    sqlite.prepare("UPDATE audit_events SET after = '{\"n\":99}' WHERE id = 4").run();
    rehashFrom(sqlite, 4, (prev, e) => keyedAuditHash(WRONG, prev, e));
    expect(verifyAuditChain(sqlite, [K1]).broken).toMatchObject({ id: 4, kind: 'altered' });
    rehashFrom(sqlite, 4, (prev, e) => keyedAuditHash({ id: 'x', secret: WRONG.secret }, prev, e));
    const broken = verifyAuditChain(sqlite, [K1]).broken;
    expect(broken).toMatchObject({ id: 4, kind: 'unknown-key' });
    expect(broken?.reason).toContain('key "x"');
    sqlite.close();
  });

  it('accepts unkeyed events only before the first keyed one', () => {
    vi.stubEnv('PITF_AUDIT_KEYS', env(K1));
    const { db, sqlite } = openDatabase(path.join(tempDir(), 'pitf.db'));
    const insert = sqlite.prepare(
      `INSERT INTO audit_events (at, actor_id, actor_email, action, entity, entity_id, agency_id, before, after, prev_hash, hash)
       VALUES (?, NULL, 'legacy', ?, 'test', NULL, NULL, NULL, NULL, ?, ?)`,
    );
    const legacy = (prev: string, action: string, at: number) => {
      const hash = legacyAuditHash(prev, { at, actorId: null, actorEmail: 'legacy', action, entity: 'test', entityId: null, agencyId: null, before: null, after: null });
      insert.run(at, action, prev, hash);
      return hash;
    };
    // A trail from before keying, then keyed events: it holds.
    legacy(legacy('0'.repeat(64), 'old.1', 1_000), 'old.2', 2_000);
    db.transaction((tx) => recordAudit(tx, { actor: { id: null, email: 'test' }, action: 'new.1', entity: 'test' }));
    expect(verifyAuditChain(sqlite, [K1])).toMatchObject({ checked: 3, legacy: 2, byKey: { '1': 1 }, broken: null });
    // An unkeyed event after the keyed one does not.
    const keyedHead = sqlite.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').pluck().get() as string;
    legacy(keyedHead, 'forged', 3_000);
    expect(verifyAuditChain(sqlite, [K1]).broken).toMatchObject({ id: 4, kind: 'unkeyed' });
    sqlite.close();
  });

  it('rotates keys: new events use the first key and the whole chain verifies with both', () => {
    const { sqlite, add } = freshTrail(3, env(K1));
    vi.stubEnv('PITF_AUDIT_KEYS', env(K2, K1));
    add(2, 4);
    const hashes = sqlite.prepare('SELECT hash FROM audit_events ORDER BY id').pluck().all() as string[];
    expect(hashes.map((h) => h.split(':')[0])).toEqual(['1', '1', '1', '2', '2']);
    expect(auditKeys().map((k) => k.id)).toEqual(['2', '1']);
    expect(verifyAuditChain(sqlite)).toMatchObject({ checked: 5, byKey: { '1': 3, '2': 2 }, broken: null });
    // Drop the old key too early and its events can no longer be checked.
    expect(verifyAuditChain(sqlite, [K2]).broken).toMatchObject({ id: 1, kind: 'unknown-key' });
    sqlite.close();
  });
});

describe('the audit checkpoint', () => {
  it('shows a trail cut at its newest events, which the chain alone cannot', () => {
    const { dir, sqlite } = freshTrail();
    const checkpoint = writeAuditCheckpoint(path.join(dir, 'audit-checkpoint.json'), sqlite);
    expect(checkpoint).toMatchObject({ lastId: 6, count: 6, keyId: '1' });
    unguard(sqlite);
    sqlite.prepare('DELETE FROM audit_events WHERE id > 4').run();
    expect(verifyAuditChain(sqlite, [K1]).broken).toBeNull();
    const problem = compareWithCheckpoint(sqlite, readAuditCheckpoint(path.join(dir, 'audit-checkpoint.json'))!, [K1]);
    expect(problem).toBe(
      `The trail was cut: the checkpoint of ${checkpoint.at} records 6 events up to event 6, the trail now ends at event 4 (4 events).`,
    );
    sqlite.close();
  });

  it('shows a head rewritten with the right key after the checkpoint', () => {
    const { sqlite } = freshTrail();
    const checkpoint = signCheckpoint(auditHead(sqlite), K1);
    unguard(sqlite);
    sqlite.prepare("UPDATE audit_events SET action = 'nothing.to.see' WHERE id = 6").run();
    rehashFrom(sqlite, 6, (prev, e) => keyedAuditHash(K1, prev, e));
    expect(verifyAuditChain(sqlite, [K1]).broken).toBeNull();
    expect(compareWithCheckpoint(sqlite, checkpoint, [K1])).toMatch(/^Event 6 was rewritten since the checkpoint of /);
    sqlite.close();
  });

  it('shows a whole trail rewritten without the key, which looks like an unkeyed trail', () => {
    const { sqlite } = freshTrail();
    const checkpoint = signCheckpoint(auditHead(sqlite), K1);
    unguard(sqlite);
    sqlite.prepare("UPDATE audit_events SET action = 'nothing.to.see' WHERE id = 2").run();
    rehashFrom(sqlite, 1, legacyAuditHash);
    expect(verifyAuditChain(sqlite, [K1]).broken).toBeNull();
    expect(compareWithCheckpoint(sqlite, checkpoint, [K1])).toMatch(/^Event 6 was rewritten/);
    sqlite.close();
  });

  it('refuses a checkpoint whose signature does not verify', () => {
    const { sqlite } = freshTrail();
    const real = signCheckpoint(auditHead(sqlite), K1);
    unguard(sqlite);
    sqlite.prepare('DELETE FROM audit_events WHERE id > 4').run();
    // Moved back to cover the cut, without the key to sign it.
    const moved: AuditCheckpoint = { ...real, ...auditHead(sqlite) };
    expect(compareWithCheckpoint(sqlite, moved, [K1])).toMatch(/signature does not verify with key "1": the checkpoint was forged/);
    const forged = { ...signCheckpoint(auditHead(sqlite), WRONG) };
    expect(compareWithCheckpoint(sqlite, forged, [K1])).toMatch(/signature does not verify/);
    expect(compareWithCheckpoint(sqlite, signCheckpoint(auditHead(sqlite), { ...WRONG, id: 'x' }), [K1])).toMatch(/key "x", which is not among/);
    // The genuine checkpoint still says what happened.
    expect(compareWithCheckpoint(sqlite, real, [K1])).toMatch(/^The trail was cut/);
    sqlite.close();
  });

  it('is written on a schedule, atomically, to PITF_AUDIT_CHECKPOINT', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'head.json');
    vi.stubEnv('PITF_AUDIT_CHECKPOINT', file);
    const stop = startAuditCheckpoints(40);
    try {
      const first = readAuditCheckpoint(file)!;
      expect(first.lastId).toBe(auditHead(getSqlite()).lastId);
      expect(compareWithCheckpoint(getSqlite(), first)).toBeNull();
      await new Promise((r) => setTimeout(r, 150));
      expect(readAuditCheckpoint(file)!.at > first.at).toBe(true);
      expect(fs.readdirSync(dir)).toEqual(['head.json']);
    } finally {
      stop();
    }
  });

  it('refuses to start the schedule in production without PITF_AUDIT_KEYS', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('PITF_DEMO', '');
    vi.stubEnv('PITF_AUDIT_KEYS', '');
    expect(() => startAuditCheckpoints(60_000, path.join(tempDir(), 'head.json'))).toThrow(/PITF_AUDIT_KEYS must be set in production/);
    vi.stubEnv('PITF_DEMO', '1');
    expect(auditKeys()[0]!.id).toBe('local');
  });
});

describe('the audit keys', () => {
  it('keeps a generated key in .audit-key beside the database, readable by its owner only', () => {
    vi.stubEnv('PITF_AUDIT_KEYS', '');
    const keyFile = path.join(path.dirname(databasePath()), '.audit-key');
    const [key] = auditKeys();
    expect(key).toEqual({ id: 'local', secret: fs.readFileSync(keyFile, 'utf8').trim() });
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('refuses short secrets, malformed entries and repeated ids', () => {
    vi.stubEnv('PITF_AUDIT_KEYS', '1:short');
    expect(() => auditKeys()).toThrow(/key "1" must be at least 32 characters/);
    vi.stubEnv('PITF_AUDIT_KEYS', K1.secret);
    expect(() => auditKeys()).toThrow(/id:secret/);
    vi.stubEnv('PITF_AUDIT_KEYS', env(K1, K1));
    expect(() => auditKeys()).toThrow(/given twice/);
  });
});

describe('the append-only triggers', () => {
  it('are the statements of migration 0001', () => {
    const migration = fs.readFileSync(path.join('db', 'migrations', '0001_audit_append_only.sql'), 'utf8');
    for (const sql of Object.values(AUDIT_TRIGGERS)) expect(migration).toContain(sql);
  });

  it('are reported when dropped or replaced, and restored', () => {
    const { sqlite } = freshTrail(1);
    expect(missingAuditTriggers(sqlite)).toEqual([]);
    sqlite.exec('DROP TRIGGER audit_events_no_delete');
    sqlite.exec('DROP TRIGGER audit_events_no_update; CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT 1; END');
    expect(missingAuditTriggers(sqlite)).toEqual(['audit_events_no_update', 'audit_events_no_delete']);
    expect(restoreAuditTriggers(sqlite)).toEqual(['audit_events_no_update', 'audit_events_no_delete']);
    expect(missingAuditTriggers(sqlite)).toEqual([]);
    expect(() => sqlite.prepare("UPDATE audit_events SET action = 'edited'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    expect(restoreAuditTriggers(sqlite)).toEqual([]);
    sqlite.close();
  });

  it('stop the preflight while missing, and npm run db:migrate restores them', () => {
    const { file, sqlite } = freshTrail(1);
    sqlite.exec('DROP TRIGGER audit_events_no_delete');
    sqlite.close();
    const childEnv = { ...process.env, DATABASE_URL: file, PITF_AUDIT_KEYS: env(K1) };
    const tsx = (script: string) => spawnSync('npx', ['tsx', '--conditions=react-server', script], { env: childEnv, encoding: 'utf8' });
    const refused = tsx('scripts/preflight.ts');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      "The audit trail's append-only triggers are missing (audit_events_no_delete) in " +
        file +
        '. Run `npm run db:migrate` to restore them; the server will not start without them.',
    );
    const migrated = tsx('db/migrate.ts');
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toContain("Restored the audit trail's append-only triggers: audit_events_no_delete.");
    expect(tsx('scripts/preflight.ts').status).toBe(0);
    // Single sign-on configured only in part stops the start too, saying what is missing.
    const partial = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/preflight.ts'], { env: { ...childEnv, PITF_SSO_ISSUER: 'https://idp.int.identitysandbox.gov' }, encoding: 'utf8' });
    expect(partial.status).toBe(1);
    expect(partial.stderr).toContain('Single sign-on is misconfigured: PITF_SSO_ISSUER is set: PITF_SSO_CLIENT_ID and PITF_SSO_PRIVATE_JWK_FILE must be set too.');
  }, 60_000);
});

describe('npm run audit:verify', () => {
  it('passes with the checkpoint, fails once the trail is cut, and warns without a checkpoint', () => {
    const { dir, file, sqlite } = freshTrail();
    const keys = { PITF_AUDIT_KEYS: env(K1) };
    const alone = verifyCli(file, keys);
    expect(alone.status).toBe(0);
    expect(alone.stderr).toContain(`Warning: no audit checkpoint at ${path.join(dir, 'audit-checkpoint.json')}`);
    expect(alone.stdout).toContain('holds: 6 events (6 signed with key "1"), every link intact.');

    writeAuditCheckpoint(path.join(dir, 'audit-checkpoint.json'), sqlite);
    const matched = verifyCli(file, keys);
    expect(matched.status).toBe(0);
    expect(matched.stdout).toContain('event 6 and the 6 events up to it are unchanged; 0 events were added since.');

    // Cut with the guard put back afterwards, so only the checkpoint can tell.
    sqlite.exec('DROP TRIGGER audit_events_no_delete');
    sqlite.prepare('DELETE FROM audit_events WHERE id > 3').run();
    sqlite.exec(AUDIT_TRIGGERS.audit_events_no_delete);
    sqlite.close();
    const cut = verifyCli(file, keys);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toMatch(/The trail was cut: the checkpoint of \S+ records 6 events up to event 6, the trail now ends at event 3/);
  }, 60_000);

  it('checks a backup against the signed head written beside it', () => {
    const { dir, file, sqlite } = freshTrail();
    sqlite.close();
    const childEnv = { ...process.env, DATABASE_URL: file, PITF_AUDIT_KEYS: env(K1) };
    const backup = path.join(dir, 'backup.db');
    const made = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/db-backup.ts', backup], { env: childEnv, encoding: 'utf8' });
    expect(made.status).toBe(0);
    expect(readAuditCheckpoint(`${backup}.audit-head.json`)).toMatchObject({ lastId: 6, count: 6, keyId: '1' });
    const ok = verifyCli(backup, { PITF_AUDIT_KEYS: env(K1) }, ['--checkpoint', `${backup}.audit-head.json`]);
    expect(ok.status).toBe(0);

    const copy = new Database(backup);
    unguard(copy);
    copy.prepare('DELETE FROM audit_events WHERE id = 6').run();
    copy.close();
    const cut = verifyCli(backup, { PITF_AUDIT_KEYS: env(K1) }, [`--checkpoint=${backup}.audit-head.json`]);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('The trail was cut');
    expect(cut.stderr).toContain("append-only triggers are missing");
    const absent = verifyCli(backup, { PITF_AUDIT_KEYS: env(K1) }, ['--checkpoint', path.join(dir, 'nothing.json')]);
    expect(absent.status).toBe(1);
    expect(absent.stderr).toContain('There is no checkpoint at');
  }, 60_000);
});
