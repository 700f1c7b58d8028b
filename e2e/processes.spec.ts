import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SMTP_CONTROL_URL } from '../playwright.config';
import type { CapturedMessage } from './services/smtp-capture.mjs';
import { APP_URL, apiSession, openTestDatabase, seededPlannedMeetingId } from './helpers';

/**
 * `npm start` runs several server processes (scripts/cluster.mjs): the server under test runs two
 * (playwright.config.ts). What a user would notice is seen from outside, through /proc: which
 * process holds the server's end of each connection, which processes there are, and what they were
 * started with. Nothing in the app's answers says which process answered.
 */

const SERVER_SCRIPT = 'scripts/server.mjs';

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const pids = () => fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
const cmdline = (pid: number) => (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ');
const environ = (pid: number) => new Map((read(`/proc/${pid}/environ`) ?? '').split('\0').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
const parentOf = (pid: number) => Number((read(`/proc/${pid}/stat`) ?? '').replace(/^.*\) /s, '').split(' ')[1]);
const alive = (pid: number) => {
  const stat = read(`/proc/${pid}/stat`);
  return stat !== null && !/\) Z /.test(stat);
};

/** The server processes a server's first process (scripts/cluster.mjs) has started. */
function serverProcessesOf(primary: number): number[] {
  return pids().filter((pid) => parentOf(pid) === primary && alive(pid) && cmdline(pid).includes(SERVER_SCRIPT));
}

/** The inode of the server's end of the TCP connection between these two ports, from /proc/net/tcp. */
function serverSocketInode(serverPort: number, clientPort: number): string | null {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const local = parseInt(cols[1]!.split(':')[1]!, 16);
      const remote = parseInt(cols[2]!.split(':')[1]!, 16);
      if (local === serverPort && remote === clientPort) return cols[9]!;
    }
  }
  return null;
}

/** Which process holds each of these sockets open. */
function holdersOf(inodes: string[]): Map<string, number> {
  const wanted = new Set(inodes.map((inode) => `socket:[${inode}]`));
  const holders = new Map<string, number>();
  for (const pid of pids()) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      if (wanted.has(target)) holders.set(target.slice(8, -1), pid);
    }
  }
  return holders;
}

/** Opens `count` connections at once, each asking for `path`; they stay open (keep-alive) until `agent.destroy()`. */
async function openConnections(port: number, count: number, pathname: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const clientPorts = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<number>((resolve, reject) => {
          const request = http.get({ host: '127.0.0.1', port, path: pathname, agent }, (response) => {
            const clientPort = request.socket!.localPort!;
            response.resume();
            response.on('end', () => (response.statusCode === 200 ? resolve(clientPort) : reject(new Error(`${pathname}: ${response.statusCode}`))));
          });
          request.on('error', reject);
        }),
    ),
  );
  return { agent, clientPorts };
}

test.describe('several server processes', () => {
  test('connections are served by two server processes, of which exactly one runs the schedule', async () => {
    const port = Number(new URL(APP_URL).port);
    // Ten connections at once: the first process hands each new one to the next server process in turn.
    const { agent, clientPorts } = await openConnections(port, 10, '/login');
    try {
      const inodes = clientPorts.map((clientPort) => serverSocketInode(port, clientPort));
      expect(inodes.every(Boolean), 'every connection is in /proc/net/tcp').toBe(true);
      const holders = holdersOf(inodes as string[]);
      const serving = [...new Set(holders.values())];
      expect(serving.length).toBe(2);
      for (const pid of serving) expect(cmdline(pid)).toContain(SERVER_SCRIPT);

      // Both were started by the same first process, which started these two and no other.
      const primaries = [...new Set(serving.map(parentOf))];
      expect(primaries).toHaveLength(1);
      const started = serverProcessesOf(primaries[0]!);
      expect(started.sort()).toEqual(serving.sort());
      expect(started.map((pid) => environ(pid).get('PITF_SCHEDULER')).sort()).toEqual(['0', '1']);
    } finally {
      agent.destroy();
    }
  });

  test('an e-mail written while two processes serve is delivered exactly once, also after further passes', async ({ playwright }) => {
    test.slow();
    const message = `DPC: please confirm the hotline figures (${Date.now()}).`;
    const chair = await apiSession(playwright, 'chair@pitf.demo');
    const response = await chair.post(`/api/meetings/${seededPlannedMeetingId()}/reminders`, { data: { agency: 'dpc', message } });
    expect(response.status()).toBe(201);

    const mine = async () => ((await (await fetch(`${SMTP_CONTROL_URL}/messages`)).json()) as CapturedMessage[]).filter((m) => m.text.includes(message) && m.to.includes('official.dpc@pitf.demo'));
    await expect.poll(async () => (await mine()).length, { timeout: 20_000 }).toBe(1);
    const arrived = (await mine())[0]!;
    expect(arrived.to).toEqual(['official.dpc@pitf.demo']);

    // The scheduled pass (every 5 s here, in one process) has run twice since the e-mail arrived,
    // and each delivery since then found nothing left to send.
    const db = openTestDatabase();
    try {
      const lastPass = () => (db.prepare("SELECT last_run_at FROM scheduler_jobs WHERE job = 'notifications'").pluck().get() as number | null) ?? 0;
      await expect.poll(lastPass, { timeout: 30_000 }).toBeGreaterThan(arrived.receivedAt);
      const after = lastPass();
      await expect.poll(lastPass, { timeout: 30_000 }).toBeGreaterThan(after);
      const rows = db
        .prepare("SELECT email_state AS state, attempts FROM notifications WHERE body_text LIKE ? AND user_id = (SELECT id FROM users WHERE email = 'official.dpc@pitf.demo')")
        .all(`%${message}%`);
      expect(rows).toEqual([{ state: 'sent', attempts: 1 }]);
    } finally {
      db.close();
    }
    expect(await mine()).toHaveLength(1);
    await chair.dispose();
  });
});

// ── A server of the test's own, to stop and break ────────────────────────────────────────────

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type OwnServer = { child: ChildProcess; output: () => string; exited: Promise<number | null>; port: number };

const started: OwnServer[] = [];

/** Whatever happened (a failure, a timeout), nothing a test started outlives it: its process group is ended. */
test.afterEach(() => {
  for (const server of started.splice(0)) {
    try {
      process.kill(-server.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** Starts the server as `npm start` does (scripts/serve.sh) on a new, empty database. */
function startOwnServer(port: number, env: Record<string, string>): OwnServer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-processes-'));
  let output = '';
  const child = spawn('bash', ['scripts/serve.sh'], {
    env: {
      ...process.env,
      DATABASE_URL: path.join(dir, 'pitf.db'),
      PORT: String(port),
      PITF_HOST: '127.0.0.1',
      PITF_DEMO: '1',
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, which test.afterEach ends whole.
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { child, output: () => output, exited, port };
  started.push(server);
  return server;
}

test.describe('the server’s first process', () => {
  test('starts a server process again when one dies, keeps the schedule in one, and stops them all on SIGTERM', async () => {
    test.setTimeout(180_000);
    const server = startOwnServer(await freePort(), { PITF_PROCESSES: '2' });
    await expect.poll(server.output, { timeout: 120_000 }).toContain(`PITF Dashboard ready on http://127.0.0.1:${server.port} (2 processes)`);
    expect(server.output().match(/ready on/g)).toHaveLength(1);
    const primary = server.child.pid!;
    const first = serverProcessesOf(primary);
    expect(first).toHaveLength(2);
    const scheduler = first.find((pid) => environ(pid).get('PITF_SCHEDULER') === '1')!;
    expect(scheduler).toBeTruthy();

    // The process that runs the schedule is killed: another takes its place, and takes the schedule.
    process.kill(scheduler, 'SIGKILL');
    await expect.poll(server.output, { timeout: 10_000 }).toMatch(/Server process 1 of 2 \(pid \d+\) ended \(signal SIGKILL\); starting another/);
    await expect
      .poll(() => {
        const now = serverProcessesOf(primary);
        return now.length === 2 && !now.includes(scheduler) ? now.map((pid) => environ(pid).get('PITF_SCHEDULER')).sort() : null;
      }, { timeout: 60_000 })
      .toEqual(['0', '1']);
    const second = serverProcessesOf(primary);
    // And the server answers.
    const { agent, clientPorts } = await openConnections(server.port, 6, '/login');
    agent.destroy();
    expect(clientPorts).toHaveLength(6);

    // SIGTERM to the first process alone stops everything, cleanly.
    process.kill(primary, 'SIGTERM');
    expect(await server.exited).toBe(0);
    await expect.poll(() => second.filter(alive)).toEqual([]);
  });

  test('gives up, saying so, when the server processes cannot start', async () => {
    test.setTimeout(180_000);
    // The port is taken: no server process can listen.
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    const server = startOwnServer(port, { PITF_PROCESSES: '2' });
    try {
      expect(await server.exited).toBe(1);
      expect(server.output()).toMatch(/ended \(code 1\) before it could serve, 5 times in a row: giving up/);
      expect(server.output()).not.toContain('ready on');
    } finally {
      blocker.close();
    }
  });
});
