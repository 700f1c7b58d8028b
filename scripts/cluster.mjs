/**
 * The production server's first process: it serves nothing itself, but starts PITF_PROCESSES
 * copies of scripts/server.mjs (by default one per core) that share the port, so that every core
 * renders pages. The port is opened here and each new connection is handed to the next worker in
 * turn (node:cluster's round-robin).
 *
 * - Each worker's JavaScript heap is capped at 256 MiB (see scripts/serve.sh).
 * - Exactly one worker, the first, runs the schedule (audit checkpoints, rate-limit housekeeping,
 *   the notification pass): it is started with PITF_SCHEDULER=1, and so is its replacement.
 * - A worker that dies is started again, after a pause that doubles while workers keep dying
 *   (half a second up to 30 s). If workers die before they ever listened 5 times in a row, the
 *   server cannot start (no build, a port taken...): everything stops and this process exits 1.
 * - SIGTERM or SIGINT stops the workers (each finishes the requests it is serving) and then this
 *   process, which exits 0.
 * - Once every worker listens, it prints one line: "PITF Dashboard ready on http://host:port".
 *
 * PITF_PROCESSES must be a whole number from 1 to 64, or unset (scripts/preflight.ts, which runs
 * first, refuses any other value with a message; lib/env.ts, serverProcesses, has the same rule).
 */
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

const HEAP_MIB = 256;
const MAX_START_FAILURES = 5;
const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;
// A worker that has served this long is healthy: the pause after its death starts small again.
const HEALTHY_AFTER_MS = 30_000;
// Stopping waits this long for the workers to finish their requests before ending them.
const STOP_GRACE_MS = 10_000;

const raw = process.env.PITF_PROCESSES?.trim();
const count = raw ? Number(raw) : os.availableParallelism();
if (!Number.isInteger(count) || count < 1 || count > 64) {
  console.error(`PITF_PROCESSES must be a whole number from 1 to 64 (it is "${raw}").`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.PITF_HOST || 'localhost';

cluster.setupPrimary({
  exec: path.join(import.meta.dirname, 'server.mjs'),
  execArgv: [`--max-old-space-size=${HEAP_MIB}`],
  // The workers' output goes where this process's goes.
  silent: false,
});

/** slot -> { worker, startedAt, listening } */
const slots = new Map();
let stopping = false;
let announced = false;
let startFailures = 0;
let pause = FIRST_PAUSE_MS;

function start(slot) {
  // Slot 0 runs the schedule; every other worker leaves it alone (an inherited value is overridden).
  const worker = cluster.fork({ PITF_SCHEDULER: slot === 0 ? '1' : '0', PITF_WORKER_SLOT: String(slot) });
  slots.set(slot, { worker, startedAt: Date.now(), listening: false });
  worker.on('listening', () => {
    const entry = slots.get(slot);
    if (entry?.worker !== worker) return;
    entry.listening = true;
    startFailures = 0;
    if (!announced && [...slots.values()].filter((s) => s.listening).length === count) {
      announced = true;
      console.log(`PITF Dashboard ready on http://${hostname}:${port} (${count} ${count === 1 ? 'process' : 'processes'})`);
    }
  });
  worker.on('exit', (code, signal) => {
    const entry = slots.get(slot);
    if (entry?.worker !== worker) return;
    slots.delete(slot);
    if (stopping) return finishIfAllStopped();
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!entry.listening) {
      startFailures++;
      if (startFailures >= MAX_START_FAILURES) {
        console.error(`Server process ${slot + 1} of ${count} ended (${how}) before it could serve, ${startFailures} times in a row: giving up. The server is stopping; see the errors above.`);
        process.exitCode = 1;
        return stop();
      }
    }
    if (Date.now() - entry.startedAt >= HEALTHY_AFTER_MS) pause = FIRST_PAUSE_MS;
    console.error(`Server process ${slot + 1} of ${count} (pid ${worker.process.pid}) ended (${how}); starting another in ${pause} ms.`);
    const wait = pause;
    pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    setTimeout(() => {
      if (!stopping) start(slot);
    }, wait);
  });
}

function finishIfAllStopped() {
  if (slots.size === 0) process.exit(process.exitCode ?? 0);
}

function stop() {
  if (stopping) return;
  stopping = true;
  for (const { worker } of slots.values()) {
    // SIGTERM: the worker stops accepting, finishes what it serves and exits (scripts/server.mjs).
    if (!worker.isDead()) worker.process.kill('SIGTERM');
  }
  setTimeout(() => {
    for (const { worker } of slots.values()) if (!worker.isDead()) worker.process.kill('SIGKILL');
  }, STOP_GRACE_MS).unref();
  finishIfAllStopped();
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, stop);

for (let slot = 0; slot < count; slot++) start(slot);
