import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Always a fresh SQLite file per run (never the demo database), migrated and seeded by
// test/global-setup.ts exactly as in production.
process.env.DATABASE_URL = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-unit-')), 'pitf.db');

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'test/server-only.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**'],
    globalSetup: ['./test/global-setup.ts'],
    // The tests share one database file; run files one after another so writes do not interleave.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
