import fs from 'node:fs';
import path from 'node:path';
import { closeDb, getDb } from '@/db';
import { databasePath } from '@/lib/env';
import { seedDatabase } from '@/seeds';
import { max } from 'drizzle-orm';
import { progressUpdates } from '@/db/schema';

export default async function setup() {
  const file = databasePath();
  await seedDatabase(getDb(), { demo: true });
  // Test files run in processes started after this, and inherit it.
  process.env.PITF_SEEDED_MAX_UPDATE_ID = String(
    getDb().select({ id: max(progressUpdates.id) }).from(progressUpdates).get()?.id ?? 0,
  );
  closeDb();
  const dir = path.dirname(file);
  return () => {
    if (path.basename(dir).startsWith('pitf-unit-')) fs.rmSync(dir, { recursive: true, force: true });
  };
}
