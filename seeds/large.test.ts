import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledCounts } from './synthetic/generate';

// The generator needs a database of its own: each run here gets a new file in a temporary folder.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-large-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tsx = path.resolve('node_modules/.bin/tsx');
const SCALE = 0.01;

function run(script: string, file: string, ...args: string[]) {
  return spawnSync(tsx, ['--conditions=react-server', script, ...args], { env: { ...process.env, DATABASE_URL: file }, encoding: 'utf8' });
}

function generate(name: string, ...args: string[]): string {
  const file = path.join(dir, name);
  const result = run('seeds/large.ts', file, `--scale=${SCALE}`, '--today=2026-03-02', ...args);
  expect(result.stderr).not.toMatch(/Error/);
  expect(result.status).toBe(0);
  return file;
}

function read<T>(file: string, query: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

const count = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;

/** Every synthetic row and the whole audit trail (demo passwords are salted, so those rows are left out). */
function digest(file: string): string {
  const queries = [
    "SELECT * FROM users WHERE email LIKE 'synthetic.%' ORDER BY id",
    "SELECT * FROM meetings WHERE key LIKE 'synthetic-%' ORDER BY id",
    "SELECT * FROM deliverables WHERE key LIKE 'synthetic-%' ORDER BY id",
    'SELECT * FROM deliverable_supporters ORDER BY deliverable_id, agency_id',
    'SELECT * FROM progress_updates ORDER BY id',
    'SELECT * FROM agency_reports ORDER BY id',
    'SELECT * FROM agency_report_events ORDER BY id',
    'SELECT * FROM audit_events ORDER BY id',
    'SELECT * FROM releases ORDER BY id',
  ];
  return read(file, (db) => {
    const hash = createHash('sha256');
    for (const q of queries) hash.update(JSON.stringify(db.prepare(q).all()));
    return hash.digest('hex');
  });
}

describe('large synthetic data set', () => {
  let first = '';
  beforeAll(() => {
    first = generate('first.db');
  }, 180_000);

  it('adds the documented counts, scaled and rounded, every row flagged as demo data', () => {
    const expected = scaledCounts(SCALE);
    expect(expected).toEqual({ users: 2, meetings: 1, deliverables: 100, progressUpdates: 2000 });
    read(first, (db) => {
      expect(count(db, "SELECT count(*) FROM users WHERE email LIKE 'synthetic.%' AND is_demo = 1")).toBe(expected.users);
      expect(count(db, "SELECT count(*) FROM meetings WHERE key LIKE 'synthetic-%' AND is_demo = 1")).toBe(expected.meetings);
      expect(count(db, "SELECT count(*) FROM deliverables WHERE key LIKE 'synthetic-%' AND is_demo = 1")).toBe(expected.deliverables);
      expect(
        count(db, "SELECT count(*) FROM progress_updates u JOIN deliverables d ON d.id = u.deliverable_id WHERE d.key LIKE 'synthetic-%' AND u.is_demo = 1"),
      ).toBe(expected.progressUpdates);
      expect(count(db, 'SELECT count(*) FROM agencies')).toBe(20);
      // One report at most per agency per synthetic meeting, besides the demo meeting's three.
      expect(count(db, "SELECT count(*) FROM agency_reports r JOIN meetings m ON m.id = r.meeting_id WHERE m.key LIKE 'synthetic-%'")).toBeLessThanOrEqual(20);
    });
  });

  it('keeps each deliverable at its latest update and the search index in step', () => {
    read(first, (db) => {
      const mismatched = count(
        db,
        `SELECT count(*) FROM deliverables d
           JOIN progress_updates u ON u.id = (SELECT max(id) FROM progress_updates WHERE deliverable_id = d.id)
          WHERE d.key LIKE 'synthetic-%' AND (u.status <> d.status OR u.progress <> d.progress OR u.created_at <> d.last_update_at)`,
      );
      expect(mismatched).toBe(0);
      const note = db.prepare("SELECT note FROM progress_updates WHERE is_demo = 1 AND note LIKE '%maritime%' LIMIT 1").pluck().get();
      expect(note).toBeTruthy();
      expect(count(db, "SELECT count(*) FROM deliverables_fts WHERE deliverables_fts MATCH 'maritime'")).toBeGreaterThan(0);
    });
  });

  it('maps deliverables to objectives of their own pillar, a few to none, marks some publishable and publishes a release of them', () => {
    read(first, (db) => {
      const synthetic = "d.key LIKE 'synthetic-%'";
      expect(count(db, `SELECT count(*) FROM deliverables d JOIN plan_objectives o ON o.id = d.objective_id WHERE ${synthetic} AND o.pillar_id <> d.pillar_id`)).toBe(0);
      const unmapped = count(db, `SELECT count(*) FROM deliverables d WHERE ${synthetic} AND d.objective_id IS NULL`);
      expect(unmapped).toBeLessThan(20);
      expect(count(db, `SELECT count(*) FROM deliverables d WHERE ${synthetic} AND d.objective_id IS NOT NULL`)).toBeGreaterThan(80);
      const publishable = count(db, `SELECT count(*) FROM deliverables d WHERE ${synthetic} AND d.publishable = 1 AND d.status <> 'withdrawn'`);
      expect(publishable).toBeGreaterThan(10);
      expect(db.prepare('SELECT number, deliverable_count AS n FROM releases').all()).toEqual([{ number: 1, n: publishable }]);
    });
  });

  it('gives the same rows and the same audit trail for the same seed and day', () => {
    expect(digest(generate('second.db'))).toBe(digest(first));
  }, 180_000);

  it('writes an audit trail that audit:verify accepts, one event per synthetic change', () => {
    const verified = run('scripts/audit-verify.ts', first);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/every link intact/);
    read(first, (db) => {
      const changes =
        count(db, "SELECT count(*) FROM users WHERE email LIKE 'synthetic.%'") +
        count(db, "SELECT count(*) FROM meetings WHERE key LIKE 'synthetic-%'") +
        count(db, "SELECT count(*) FROM deliverables WHERE key LIKE 'synthetic-%'") +
        count(db, "SELECT count(*) FROM progress_updates u JOIN deliverables d ON d.id = u.deliverable_id WHERE d.key LIKE 'synthetic-%'") +
        count(db, "SELECT count(*) FROM agency_report_events e JOIN agency_reports r ON r.id = e.report_id JOIN meetings m ON m.id = r.meeting_id WHERE m.key LIKE 'synthetic-%'");
      // The seed's own event comes first, the publication of the public record's release last.
      expect(count(db, 'SELECT count(*) FROM audit_events')).toBe(changes + 2);
    });
  });

  it('refuses a database that already holds data unless told to reset it', () => {
    const before = digest(first);
    const refused = run('seeds/large.ts', first, `--scale=${SCALE}`, '--today=2026-03-02');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds data/);
    expect(digest(first)).toBe(before);
  });
});
