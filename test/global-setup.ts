import fs from 'node:fs';
import path from 'node:path';
import { closeDb, databasePath, getDb } from '@/db';
import { seedDatabase } from '@/seeds';

export default function setup() {
  const file = databasePath();
  seedDatabase(getDb(), { demo: true });
  closeDb();
  const dir = path.dirname(file);
  return () => {
    if (path.basename(dir).startsWith('pitf-unit-')) fs.rmSync(dir, { recursive: true, force: true });
  };
}
