/**
 * `npm run db:seed` (facts + demo data), `npm run db:seed -- --facts-only`, and
 * `npm run db:reset` (`--reset`: delete the database file first, then seed).
 */
import fs from 'node:fs';
import { closeDb, getDb } from '@/db';
import { databasePath } from '@/lib/env';
import { seedDatabase } from './index';

const args = new Set(process.argv.slice(2));
const file = databasePath();

if (args.has('--reset')) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  console.log(`Removed ${file}`);
}

async function main() {
  const started = performance.now();
  const inserted = await seedDatabase(getDb(), { demo: !args.has('--facts-only') });
  closeDb();
  const added = Object.entries(inserted).filter(([, n]) => n > 0);
  console.log(
    added.length
      ? `Seeded ${file}: ${added.map(([table, n]) => `${n} ${table}`).join(', ')}`
      : `${file} already holds the seed data: nothing to add.`,
  );
  console.log(`Done in ${Math.round(performance.now() - started)} ms; file size ${(fs.statSync(file).size / 1024).toFixed(0)} KiB.`);
}

void main();
