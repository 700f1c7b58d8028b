/**
 * `npm run db:restore FILE`: checks a backup with PRAGMA integrity_check, then writes it over the
 * database at DATABASE_URL through SQLite's backup API (the WAL and locks are respected). Stop the
 * app first, or restart it afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/lib/env';

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error('Usage: npm run db:restore FILE (a backup written by npm run db:backup)');
    process.exit(2);
  }
  const backup = new Database(path.resolve(file), { readonly: true, fileMustExist: true });
  const check = backup.pragma('integrity_check', { simple: true });
  if (check !== 'ok') {
    console.error(`${file} failed its integrity check (${String(check)}): nothing was restored.`);
    process.exit(1);
  }
  const target = databasePath();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await backup.backup(target);
  backup.close();
  const restored = new Database(target);
  const events = (restored.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  restored.close();
  console.log(`Restored ${file} into ${target} (${events} audit events).`);
}

void main();
