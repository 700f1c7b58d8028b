import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './index';

const source = path.join(process.cwd(), 'db', 'migrations');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-migrations-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = path.join(dir, `before-${tag}`);
  fs.cpSync(source, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('upgrading a database', () => {
  it('keeps every row that refers to a table a migration rebuilds (meetings, 0018)', () => {
    const file = path.join(dir, 'upgrade.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0018_meetings_cancelled') });
    old.prepare("INSERT INTO meetings (id, kind, title, date, status) VALUES (1, 'spog', 'SPOG', '2027-03-01', 'planned')").run();
    old.prepare("INSERT INTO agenda_items (meeting_id, position, title) VALUES (1, 1, 'Reports')").run();
    old.prepare("INSERT INTO agencies (id, slug, name, abbreviation) VALUES (1, 'dos', 'Department of State', 'DOS')").run();
    old.prepare('INSERT INTO agency_reports (meeting_id, agency_id, statement) VALUES (1, 1, ?)').run('Our statement.');
    old.close();

    const { sqlite } = openDatabase(file);
    try {
      expect(sqlite.prepare('SELECT title FROM agenda_items WHERE meeting_id = 1').pluck().all()).toEqual(['Reports']);
      expect(sqlite.prepare('SELECT statement FROM agency_reports WHERE meeting_id = 1').pluck().all()).toEqual(['Our statement.']);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      // The rebuilt table knows the new status, and still refuses an unknown one.
      sqlite.prepare("UPDATE meetings SET status = 'cancelled', cancelled_reason = 'No quorum.' WHERE id = 1").run();
      expect(() => sqlite.prepare("UPDATE meetings SET status = 'postponed' WHERE id = 1").run()).toThrow(/CHECK/);
      expect(() => sqlite.prepare("UPDATE meetings SET cancelled_reason = ' ' WHERE id = 1").run()).toThrow(/CHECK/);
    } finally {
      sqlite.close();
    }
  });

  it('keeps deliverables, their history, supporters, search and month counts when 0019 rebuilds them', () => {
    const file = path.join(dir, 'upgrade-0019.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0019_deliverables_withdrawn') });
    old.prepare("INSERT INTO agencies (id, slug, name, abbreviation) VALUES (1, 'dol', 'Department of Labor', 'DOL')").run();
    old.prepare("INSERT INTO pillars (id, slug, name, position, description) VALUES (1, 'prevention', 'Prevention', 1, 'Stopping it before it starts')").run();
    old.prepare("INSERT INTO deliverables (id, lead_agency_id, pillar_id, title, created_at) VALUES (1, 1, 1, 'Train investigators', 1700000000000)").run();
    old.prepare('INSERT INTO deliverable_supporters (deliverable_id, agency_id) VALUES (1, 1)').run();
    old.prepare("INSERT INTO progress_updates (deliverable_id, created_at, status, progress, note) VALUES (1, 1710000000000, 'in_progress', 40, 'Curriculum drafted')").run();
    old.close();

    const { sqlite } = openDatabase(file);
    try {
      expect(sqlite.prepare('SELECT count(*) FROM progress_updates WHERE deliverable_id = 1').pluck().get()).toBe(1);
      expect(sqlite.prepare('SELECT count(*) FROM deliverable_supporters WHERE deliverable_id = 1').pluck().get()).toBe(1);
      expect(sqlite.prepare("SELECT rowid FROM deliverables_fts WHERE deliverables_fts MATCH 'curriculum'").pluck().all()).toEqual([1]);
      expect(sqlite.prepare('SELECT sum(in_progress) FROM deliverable_status_months WHERE deliverable_id = 1').pluck().get()).toBe(1);
      // The triggers came back: a withdrawal is recorded, leaves the month counts and is searchable.
      sqlite.prepare("INSERT INTO progress_updates (deliverable_id, created_at, status, progress, note, reason) VALUES (1, 1720000000000, 'withdrawn', 40, '', 'Merged into another deliverable')").run();
      sqlite.prepare("UPDATE deliverables SET status = 'withdrawn' WHERE id = 1").run();
      expect(sqlite.prepare('SELECT sum(in_progress) FROM deliverable_status_months WHERE deliverable_id = 1').pluck().get()).toBe(0);
      expect(sqlite.prepare("SELECT rowid FROM deliverables_fts WHERE deliverables_fts MATCH 'merged'").pluck().all()).toEqual([1]);
      expect(() => sqlite.prepare("INSERT INTO progress_updates (deliverable_id, status, progress) VALUES (1, 'withdrawn', 40)").run()).toThrow(/CHECK/);
      expect(() => sqlite.prepare("UPDATE deliverables SET status = 'cancelled' WHERE id = 1").run()).toThrow(/CHECK/);
    } finally {
      sqlite.close();
    }
  });

  it('counts changes to the tables remembered figures read from 0022 on, and only to those', () => {
    const file = path.join(dir, 'upgrade-0022.db');
    const old = new Database(file);
    // As db/index.ts applies them: 0019 rebuilds deliverables, which foreign keys would cascade.
    old.pragma('foreign_keys = OFF');
    migrate(drizzle(old), { migrationsFolder: migrationsBefore('0022_table_change_counters') });
    old.pragma('foreign_keys = ON');
    old.prepare("INSERT INTO agencies (id, slug, name, abbreviation) VALUES (1, 'dol', 'Department of Labor', 'DOL')").run();
    old.prepare("INSERT INTO pillars (id, slug, name, position, description) VALUES (1, 'prevention', 'Prevention', 1, 'Stopping it before it starts')").run();
    old.close();

    const { sqlite } = openDatabase(file);
    try {
      const version = sqlite.prepare('SELECT version FROM table_changes WHERE name = ?').pluck();
      expect(version.get('deliverables')).toBe(0);
      sqlite.prepare("INSERT INTO deliverables (id, lead_agency_id, pillar_id, title, status) VALUES (1, 1, 1, 'Train investigators', 'in_progress')").run();
      // The deliverable and the month row its trigger wrote are both counted.
      expect(version.get('deliverables')).toBe(1);
      expect(version.get('deliverable_status_months')).toBeGreaterThan(0);
      sqlite.prepare("UPDATE deliverables SET title = 'Train more investigators' WHERE id = 1").run();
      sqlite.prepare('DELETE FROM deliverables WHERE id = 1').run();
      expect(version.get('deliverables')).toBe(3);
      expect(version.get('agencies')).toBe(0);
      sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 0)").run();
      expect(sqlite.prepare('SELECT count(*) FROM table_changes WHERE name = ?').pluck().get('settings')).toBe(0);
    } finally {
      sqlite.close();
    }
  });
});

