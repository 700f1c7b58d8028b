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
});
