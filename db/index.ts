/**
 * The one SQLite connection of this process. Only db/queries/ and seeds/ import it.
 *
 * The file comes from DATABASE_URL (a path, optionally prefixed with `file:`, by default
 * data/pitf.db), which lib/env.ts reads. Opening it applies any migration not yet applied, so a
 * fresh clone, a test run and production all reach the same schema the same way.
 */
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { databasePath, env } from '@/lib/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;
/** What a synchronous transaction callback receives; data-layer writers accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export function openDatabase(file = databasePath()): { db: Db; sqlite: Database.Database } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults WAL to NORMAL; FULL makes every commit durable.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  // Several server processes write to this file. A transaction that reads and then writes must
  // take the write lock when it begins: begun DEFERRED, its first write fails at once
  // (SQLITE_BUSY_SNAPSHOT, busy_timeout does not apply) if another process committed since its
  // first read. So every transaction begins IMMEDIATE unless it asks otherwise.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as Db['transaction'];
  migrateSafely(sqlite, db);
  const profile = env().PITF_SQL_PROFILE;
  if (profile) profileStatements(sqlite, profile);
  return { db, sqlite };
}

/**
 * Applies pending migrations with foreign keys off, as SQLite's procedure for changing a table
 * asks: a migration that rebuilds a table (to change a CHECK constraint) drops the old one, and
 * with foreign keys on that would delete, through ON DELETE CASCADE, every row that refers to it.
 * (PRAGMA foreign_keys inside a migration does nothing: the migrator runs in a transaction.) The
 * keys are checked afterwards; a violation stops the app before anything else is written.
 */
function migrateSafely(sqlite: Database.Database, db: Db): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`The database has ${violations.length} rows whose foreign keys point nowhere: ${JSON.stringify(violations.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

type Timed = 'run' | 'get' | 'all' | 'iterate';

/**
 * PITF_SQL_PROFILE=<file> (for `npm run bench`): times every statement's run, get, all and
 * iterate and appends one JSON line `{ sql, ms }` per execution to the file. Off by default: the
 * connection is then left exactly as better-sqlite3 makes it. The methods are replaced on each
 * statement object itself, so Drizzle's `raw()` and `pluck()` (which return the same object) are
 * timed too.
 */
function profileStatements(sqlite: Database.Database, file: string): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const log = (sql: string, ms: number) => fs.appendFileSync(file, JSON.stringify({ sql, ms: Number(ms.toFixed(3)) }) + '\n');
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source) as unknown as Record<Timed, (...params: unknown[]) => unknown>;
    for (const method of ['run', 'get', 'all'] as const) {
      const original = statement[method].bind(statement);
      statement[method] = (...params) => {
        const started = performance.now();
        try {
          return original(...params);
        } finally {
          log(source, performance.now() - started);
        }
      };
    }
    const iterate = statement.iterate.bind(statement);
    statement.iterate = function* (...params: unknown[]) {
      // Rows are produced lazily: count only the time spent inside SQLite, across every step.
      let ms = 0;
      const started = performance.now();
      const rows = iterate(...params) as Iterator<unknown>;
      ms += performance.now() - started;
      try {
        for (;;) {
          const step = performance.now();
          const next = rows.next();
          ms += performance.now() - step;
          if (next.done) return;
          yield next.value;
        }
      } finally {
        log(source, ms);
      }
    };
    return statement;
  }) as typeof sqlite.prepare;
}

const cache = globalThis as unknown as { pitfDb?: { db: Db; sqlite: Database.Database } };

/** The process-wide connection, opened (and migrated) on first use. */
export function getDb(): Db {
  cache.pitfDb ??= openDatabase();
  return cache.pitfDb.db;
}

export function getSqlite(): Database.Database {
  cache.pitfDb ??= openDatabase();
  return cache.pitfDb.sqlite;
}

/**
 * A second, read-only connection to the same file, for a long read that yields between rows (a
 * streamed export). The process's own connection cannot run anything else while one of its
 * statements is being iterated; this one can be, and in WAL mode it reads one consistent snapshot
 * while writers carry on. The caller closes it.
 */
export function openReadOnlyConnection(): Database.Database {
  const sqlite = new Database(getSqlite().name, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * A statement every request runs (the session check, the signed-in user), built and compiled once
 * per connection instead of on each call: Drizzle otherwise writes the SQL again and SQLite
 * compiles it again every time, which costs more than running it.
 */
export function preparedStatement<T>(build: (db: Db) => T): () => T {
  const byConnection = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = byConnection.get(db);
    if (statement === undefined) byConnection.set(db, (statement = build(db)));
    return statement;
  };
}

/** Closes the cached connection (tests and scripts that open another file). */
export function closeDb(): void {
  cache.pitfDb?.sqlite.close();
  cache.pitfDb = undefined;
}
