/**
 * `npm run db:backup [FILE]`: a consistent copy of the live database, taken with SQLite's online
 * backup API while the app keeps running (never a file copy, which could catch a write halfway),
 * then checked with PRAGMA integrity_check. Default FILE: data/backups/pitf-<time>.db.
 *
 * Beside it goes FILE.audit-head.json, the signed head of the copy's audit trail: checked with
 * `npm run audit:verify -- --checkpoint FILE.audit-head.json` after a restore, it shows whether the
 * trail still reaches the event it reached when the backup was taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath } from '@/lib/env';
import { auditHead, signCheckpoint, writeCheckpointFile } from '@/db/audit-checkpoint';

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
  const head = auditHead(copy);
  const events = head.count;
  copy.close();
  if (check !== 'ok') {
    console.error(`Backup ${target} failed its integrity check: ${String(check)}`);
    process.exit(1);
  }
  const headFile = `${target}.audit-head.json`;
  try {
    writeCheckpointFile(headFile, signCheckpoint(head));
  } catch (error) {
    console.error(`Backup ${target} is written and passed its integrity check, but its audit head could not be signed: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(
    `Backed up ${source} to ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB, ${events} audit events) in ${Math.round(performance.now() - started)} ms; integrity_check: ok.`,
  );
  console.log(`Signed audit head (event ${head.lastId}, ${head.count} events) written to ${headFile}.`);
}

void main();
