/**
 * `npm run db:seed:large`: a fresh database with the normal seed (facts and demo accounts) and, on
 * top, synthetic data at a hundred times the task force's size, for measuring (`npm run bench`).
 *
 *   --scale=N       multiply every synthetic count by N (default 1, or PITF_SEED_SCALE)
 *   --seed=N        the random generator's seed (default 1): same seed and day, same rows
 *   --today=DATE    the day the history ends (YYYY-MM-DD, default today)
 *   --reset         delete the database file first; without it a file that holds data is refused
 *
 * The file is DATABASE_URL's, as for the other db scripts.
 */
import fs from 'node:fs';
import { closeDb, getDb, getSqlite } from '@/db';
import { databasePath } from '@/lib/env';
import { isIsoDate, todayIso } from '@/lib/dates';
import { seedDatabase } from './index';
import { generateLargeData } from './synthetic/generate';
import { publishRelease } from '@/db/queries/releases';
import { getSessionUser } from '@/db/queries/users';

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

function numberOption(name: string, fallback: string | undefined, defaultValue: number): number {
  const raw = option(name) ?? fallback;
  if (raw === undefined) return defaultValue;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not "${raw}"`);
  return value;
}

function holdsData(): boolean {
  return (getSqlite().prepare('SELECT count(*) FROM audit_events').pluck().get() as number) > 0;
}

async function main() {
  const file = databasePath();
  const scale = numberOption('scale', process.env.PITF_SEED_SCALE, 1);
  const seed = numberOption('seed', undefined, 1);
  const today = option('today') ?? todayIso();
  if (!isIsoDate(today)) throw new Error(`--today must be a date like 2026-01-31, not "${today}"`);

  if (process.argv.includes('--reset')) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  } else if (holdsData()) {
    closeDb();
    console.error(`${file} already holds data. Use --reset to replace it, or point DATABASE_URL at a new file.`);
    process.exit(1);
  }

  // The history ends at the start of `today`, so nothing lies in the future of a run on that day.
  const now = new Date(`${today}T00:00:00Z`);
  const started = performance.now();
  await seedDatabase(getDb(), { demo: true, now });
  const { counts, rows } = generateLargeData(getSqlite(), {
    scale,
    seed,
    now,
    onProgress: (done, total) => process.stdout.write(`\rWriting ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} changes (${Math.floor((done / total) * 100)}%)`),
  });
  // The public record's pages read releases only: publish one, as the chair's staff would.
  const chairId = getSqlite().prepare("SELECT id FROM users WHERE email = 'chair@pitf.demo'").pluck().get() as number;
  const release = publishRelease(getSessionUser(chairId)!, { note: 'Synthetic data for measuring' }, now);
  closeDb();

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nSeeded ${file} at scale ${scale} (seed ${seed}, history to ${today}): ${counts.users} users, ${counts.meetings} meetings, ` +
      `${counts.deliverables} deliverables, ${counts.progressUpdates} progress updates, ${rows.toLocaleString('en-US')} rows with their audit events; ` +
      `public record release ${release.number} with ${release.deliverableCount} deliverables.`,
  );
  console.log(
    `Done in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s; file size ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB.`,
  );
}

void main();
