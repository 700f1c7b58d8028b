import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runsSchedule, serverProcesses } from './env';

const run = promisify(execFile);
const saved = { PITF_PROCESSES: process.env.PITF_PROCESSES, PITF_SCHEDULER: process.env.PITF_SCHEDULER };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('server processes', () => {
  it('runs one per core unless PITF_PROCESSES says otherwise, and refuses a number it cannot use', () => {
    delete process.env.PITF_PROCESSES;
    expect(serverProcesses(6)).toBe(6);
    process.env.PITF_PROCESSES = ' 3 ';
    expect(serverProcesses(6)).toBe(3);
    for (const wrong of ['0', '65', '1.5', 'two', '-1']) {
      process.env.PITF_PROCESSES = wrong;
      expect(() => serverProcesses(6), wrong).toThrow(`PITF_PROCESSES must be a whole number from 1 to 64 (it is "${wrong}").`);
    }
  });

  it('runs the schedule unless told it is not the process that does', () => {
    delete process.env.PITF_SCHEDULER;
    expect(runsSchedule()).toBe(true);
    process.env.PITF_SCHEDULER = '1';
    expect(runsSchedule()).toBe(true);
    process.env.PITF_SCHEDULER = '0';
    expect(runsSchedule()).toBe(false);
  });

  it('server processes starting at once on a new data directory all sign sessions with the same generated secret', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-secret-'));
    const script = "import('./lib/env.ts').then((m) => process.stdout.write((m.authSecret ? m : m.default).authSecret()))";
    const secrets = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(path.resolve('node_modules/.bin/tsx'), ['-e', script], {
          env: { ...process.env, DATABASE_URL: path.join(dir, 'pitf.db'), NODE_ENV: 'development', AUTH_SECRET: '', NEXTAUTH_SECRET: '' },
        }).then(({ stdout }) => stdout),
      ),
    );
    const onDisk = fs.readFileSync(path.join(dir, '.auth-secret'), 'utf8');
    expect(onDisk.length).toBeGreaterThanOrEqual(32);
    expect(secrets).toEqual([onDisk, onDisk, onDisk, onDisk]);
    // Nothing is left behind but the secret.
    expect(fs.readdirSync(dir)).toEqual(['.auth-secret']);
  });
});
