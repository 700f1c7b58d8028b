/**
 * `npm run db:backup [FILE]`: a consistent copy of the live database, taken with SQLite's online
 * backup API while the app keeps running (never a file copy, which could catch a write halfway),
 * then checked with PRAGMA integrity_check. Default FILE: data/backups/pitf-<time>.db.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/db';

const source = databasePath();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = path.resolve(process.argv[2] ?? path.join(path.dirname(source), 'backups', `pitf-${stamp}.db`));
fs.mkdirSync(path.dirname(target), { recursive: true });

async function main() {
  const started = performance.now();
  const live = new Database(source, { fileMustExist: true });
  live.pragma('busy_timeout = 5000');
  await live.backup(target);
  live.close();

  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  const events = (copy.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  copy.close();
  if (check !== 'ok') {
    console.error(`Backup ${target} failed its integrity check: ${String(check)}`);
    process.exit(1);
  }
  console.log(
    `Backed up ${source} to ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB, ${events} audit events) in ${Math.round(performance.now() - started)} ms; integrity_check: ok.`,
  );
}

void main();
