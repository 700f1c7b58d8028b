import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databasePath } from '@/lib/env';

const run = (script: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  execFileSync('npx', ['tsx', '--conditions=react-server', script, ...args], { env, encoding: 'utf8', stdio: 'pipe' });

describe('backup and restore', () => {
  it('takes a consistent copy while writes go on, and restores it to a working database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-backup-'));
    const backupFile = path.join(dir, 'copy.db');
    // Another process keeps committing until the backup is done.
    const writerScript = `
      const Database = require('better-sqlite3');
      const db = new Database(process.env.DATABASE_FILE);
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.exec('CREATE TABLE IF NOT EXISTS backup_probe (n INTEGER)');
      const insert = db.prepare('INSERT INTO backup_probe (n) VALUES (?)');
      const end = Date.now() + 60000;
      let n = 0;
      while (Date.now() < end) insert.run(++n);
    `;
    const writer = spawn(process.execPath, ['-e', writerScript], { env: { ...process.env, DATABASE_FILE: databasePath() } });
    const probe = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM backup_probe').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    await new Promise((r) => setTimeout(r, 500));
    let output: string;
    try {
      output = run('scripts/db-backup.ts', [backupFile]);
    } finally {
      writer.kill();
      await new Promise((r) => writer.on('exit', r));
    }
    // The copy holds the writes up to its moment; the live file went on past it.
    const inBackup = probe(backupFile);
    expect(inBackup).toBeGreaterThan(0);
    expect(probe(databasePath())).toBeGreaterThan(inBackup);
    expect(output).toContain('integrity_check: ok');

    const restoredFile = path.join(dir, 'restored.db');
    const restoreOutput = run('scripts/db-restore.ts', [backupFile], { ...process.env, DATABASE_URL: restoredFile });
    expect(restoreOutput).toContain('Restored');
    const restored = new Database(restoredFile, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((restored.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n).toBeGreaterThanOrEqual(20);
    restored.close();
    fs.rmSync(dir, { recursive: true, force: true });
    // Three child processes (writer, backup, restore) each start a TypeScript runtime.
  }, 120_000);
});
