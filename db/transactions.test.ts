import Database from 'better-sqlite3';
import { eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db';
import { schedulerJobs } from './schema';

const db = getDb();

afterEach(() => {
  db.delete(schedulerJobs).where(like(schedulerJobs.job, 'test-transactions-%')).run();
});

describe('transactions beside other server processes', () => {
  it('a transaction that reads and then writes holds the write lock from its start, so another process cannot make its write fail', () => {
    // Another server process, with its own connection to the same file, that will not wait.
    const other = new Database(getSqlite().name);
    other.pragma('busy_timeout = 0');
    try {
      db.transaction((tx) => {
        const before = tx.select().from(schedulerJobs).where(eq(schedulerJobs.job, 'test-transactions-mine')).get();
        expect(before).toBeUndefined();
        // The other process's write has to wait for this transaction instead of invalidating its read.
        expect(() => other.prepare("INSERT INTO scheduler_jobs (job) VALUES ('test-transactions-theirs')").run()).toThrow(/database is locked/);
        tx.insert(schedulerJobs).values({ job: 'test-transactions-mine' }).run();
      });
      other.prepare("INSERT INTO scheduler_jobs (job) VALUES ('test-transactions-theirs')").run();
      const jobs = db.select({ job: schedulerJobs.job }).from(schedulerJobs).where(like(schedulerJobs.job, 'test-transactions-%')).all();
      expect(jobs.map((j) => j.job).sort()).toEqual(['test-transactions-mine', 'test-transactions-theirs']);
    } finally {
      other.close();
    }
  });
});
