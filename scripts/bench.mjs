// `npm run bench`: how the production build holds up on the large database (db:seed:large).
//
// Starts the server (scripts/serve.sh, as `npm start` does) twice on a free port in 3400–3499, signed in as the demo administrator:
// first with the SQL profiler on (PITF_SQL_PROFILE), requesting each route a few times one after
// another to find its statements, the slowest of them and its query plan, and a few times right
// after a change (when remembered aggregates are computed again); then without the
// profiler, loading each route with autocannon while sampling the server's memory, and measuring
// the JavaScript each page sends. The profiler's own file writes never slow the load figures.
//
//   --duration=S      seconds of load per route (default 10, or BENCH_DURATION)
//   --connections=N   concurrent connections (default 10)
//   --db=FILE         the large database (default data/large.db; generated when missing)
//   --routes=A,B      only the routes whose name or path contains one of these (e.g. --routes=public)
//   --processes=A,B   load the routes once per server process count (PITF_PROCESSES; default 1,2)
//   --port=N          serve on this port (default: the first free one in 3400–3499, which another
//                     server started meanwhile on the same machine may take)
//
// Prints one table per concern and writes everything to reports/bench.json.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './free-port.mjs';
import Database from 'better-sqlite3';
import { measureJsWeight } from './js-weight.mjs';

const root = path.resolve(import.meta.dirname, '..');
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const DURATION = Number(option('duration', process.env.BENCH_DURATION ?? 10));
const CONNECTIONS = Number(option('connections', 10));
const DATABASE = path.resolve(root, option('db', 'data/large.db'));
const PORT = Number(option('port', 0)) || null;
const PROCESS_COUNTS = option('processes', '1,2').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const ONLY = option('routes', '').split(',').map((s) => s.trim()).filter(Boolean);
const ACCOUNT = { email: 'admin@pitf.demo', password: 'demo-pass-2026' };
const PROFILE_REQUESTS = 10;
const AFTER_CHANGE_REQUESTS = 3;
// A bare Next 16 + React 19 page, gzip (measured on this machine kind; see STACK.md).
const BARE_PAGE_KIB = 131;
// Tables this big are worth an index on every query that reads them.
const LARGE_TABLE_ROWS = 5_000;
const SEARCH_WORD = 'maritime';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function prepare() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) run('npm', ['run', 'build']);
  if (!fs.existsSync(DATABASE)) run('npx', ['tsx', '--conditions=react-server', 'seeds/large.ts'], { DATABASE_URL: DATABASE });
}

/** What the routes need from the data: the largest board, the planned meeting, a word search finds. */
function discover() {
  const db = new Database(DATABASE, { readonly: true, fileMustExist: true });
  try {
    const agency = db
      .prepare('SELECT a.slug, count(*) AS n FROM deliverables d JOIN agencies a ON a.id = d.lead_agency_id GROUP BY a.id ORDER BY n DESC LIMIT 1')
      .get();
    const meeting = db.prepare("SELECT id FROM meetings WHERE key = 'demo-upcoming-cabinet'").get();
    const matches = db.prepare('SELECT count(*) FROM deliverables_fts WHERE deliverables_fts MATCH ?').pluck().get(SEARCH_WORD);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'").pluck().all();
    const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]));
    if (!agency || !meeting) throw new Error(`${DATABASE} lacks the seeded meeting or deliverables: run npm run db:seed:large -- --reset`);
    return { agency, meetingId: meeting.id, matches, rows };
  } finally {
    db.close();
  }
}

async function startServer(port, env) {
  // Started as production starts it (scripts/serve.sh execs node, so the child's pid is the server's).
  const child = spawn('bash', [path.join(root, 'scripts/serve.sh')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PITF_DEMO: '1',
      NEXTAUTH_URL: `http://localhost:${port}`,
      DATABASE_URL: DATABASE,
      ...env,
    },
  });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('next start exited');
    const ok = await fetch(`${base}/login`).then((r) => r.ok, () => false);
    if (ok) return { child, base, stop: () => stopServer(child) };
    await new Promise((r) => setTimeout(r, 100));
  }
  stopServer(child);
  throw new Error('next start did not answer within 60 s');
}

/** Stops the server and waits until it has exited (its port is then free for the next one). */
async function stopServer(child) {
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await exited;
}

/** Signs in through next-auth's own endpoints and returns the Cookie header of the session. */
async function signIn(base) {
  const jar = new Map();
  const keep = (response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, ...ACCOUNT, json: 'true' }),
  });
  keep(signedIn);
  const session = await fetch(`${base}/api/auth/session`, { headers: { cookie: cookie() } }).then((r) => r.json());
  if (session?.user?.email !== ACCOUNT.email) throw new Error(`Sign-in as ${ACCOUNT.email} failed`);
  return cookie();
}

/** One of the server's own JavaScript chunks, as the overview page references it: the static ceiling. */
async function staticChunk(base, cookie) {
  const html = await fetch(`${base}/`, { headers: { cookie } }).then((r) => r.text());
  const chunk = html.match(/\/_next\/static\/chunks\/[^"'\s]+\.js/)?.[0];
  if (!chunk) throw new Error('The overview references no /_next/static/chunks/*.js file');
  return chunk;
}

/** A route marked `signedOut` is asked for as a visitor who has not signed in: without the session cookie. */
const sentHeaders = (route, cookie) => (route.signedOut ? {} : { cookie });

function routesFor(data) {
  const meeting = data.meetingId;
  return [
    { name: 'overview', path: '/' },
    // The public record: rendered once per release, then answered from memory. Its throughput
    // should be near the static chunk's, not a signed-in page's.
    { name: 'public record', path: '/public' },
    { name: 'public agency', path: `/public/agencies/${data.agency.slug}` },
    { name: 'public release CSV', path: '/public/releases/1/deliverables.csv' },
    // The signed-out sign-in page: rendered once per address, then answered from memory (scripts/kept-pages.mjs).
    { name: 'sign-in page', path: '/login?callbackUrl=%2Fagencies', signedOut: true },
    { name: 'agency board', path: `/agencies/${data.agency.slug}` },
    { name: 'search', path: `/deliverables?q=${SEARCH_WORD}` },
    { name: 'meeting', path: `/meetings/${meeting}` },
    { name: 'pillars', path: '/pillars' },
    { name: 'plan', path: '/plan' },
    { name: 'API deliverables', path: '/api/deliverables' },
    { name: 'API readiness', path: `/api/meetings/${meeting}/readiness` },
    { name: 'API pillar summary', path: '/api/pillars/summary' },
  ];
}

async function get(base, route, cookie) {
  const started = performance.now();
  const response = await fetch(base + route.path, { headers: sentHeaders(route, cookie), redirect: 'manual' });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${route.path} answered ${response.status}`);
  return performance.now() - started;
}

// ── SQL ──────────────────────────────────────────────────────────────────────

function readProfile(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** EXPLAIN QUERY PLAN with every parameter bound as NULL (the plan does not depend on the values). */
function explain(db, sql) {
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  for (let n = (sql.match(/\?/g) ?? []).length; n >= 0; n--) {
    try {
      return statement.all(...Array(n).fill(null)).map((row) => row.detail);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  throw new Error(`Could not bind the parameters of: ${sql}`);
}

/**
 * The large tables a statement reads from start to end: `SCAN t` reads the table itself, `SCAN t
 * USING INDEX i` walks a whole index (for its order, not to find rows). A SEARCH is what we want.
 */
function fullScans(sql, plan, largeTables) {
  const aliases = new Map();
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    aliases.set(m[1], m[1]);
    if (m[2] && !/^(on|where|join|left|inner|group|order|limit|using)$/i.test(m[2])) aliases.set(m[2], m[1]);
  }
  return plan
    .map((detail) => detail.match(/^SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?$/))
    .filter(Boolean)
    .map(([, name, index]) => ({ table: aliases.get(name) ?? name, how: index ? 'whole index' : 'whole table' }))
    .filter(({ table }) => largeTables.has(table))
    .map(({ table, how }) => `${table} (${how})`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Statements ranked by their median time over the requests: on a shared machine a single
 * execution can be stretched by the scheduler, the median of ten cannot.
 */
function analyseProfile(entries, requests, db, largeTables) {
  const bySql = new Map();
  for (const { sql, ms } of entries) bySql.set(sql, [...(bySql.get(sql) ?? []), ms]);
  const statements = [...bySql].map(([sql, times]) => ({ sql, times, median: median(times), max: Math.max(...times) }));
  const slowest = statements.sort((a, b) => b.median - a.median)[0];
  const scans = statements
    .map((s) => ({ ...s, tables: fullScans(s.sql, explain(db, s.sql), largeTables) }))
    .filter((s) => s.tables.length > 0);
  return {
    statementsPerRequest: entries.length / requests,
    sqlMsPerRequest: entries.reduce((sum, e) => sum + e.ms, 0) / requests,
    over5ms: statements.filter((s) => s.median > 5).length,
    slowest: slowest && {
      sql: slowest.sql,
      medianMs: slowest.median,
      maxMs: slowest.max,
      executions: slowest.times.length / requests,
      plan: explain(db, slowest.sql),
    },
    scans: scans.map((s) => ({ sql: s.sql, tables: [...new Set(s.tables)], medianMs: s.median })),
  };
}

/** A change to the record that alters nothing a page shows: its triggers move the deliverables' change counter. */
function changeTheRecord() {
  const db = new Database(DATABASE);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE deliverables SET version = version WHERE id = (SELECT max(id) FROM deliverables)').run();
  } finally {
    db.close();
  }
}

async function profileRoutes(routes, data) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-bench-')), 'sql.jsonl');
  const server = await startServer(PORT ?? (await freePort(3400, 3499)), { PITF_SQL_PROFILE: file });
  const db = new Database(DATABASE, { readonly: true });
  const largeTables = new Set(Object.entries(data.rows).filter(([, n]) => n >= LARGE_TABLE_ROWS).map(([t]) => t));
  try {
    const cookie = await signIn(server.base);
    const results = {};
    for (const route of routes) {
      await get(server.base, route, cookie);
      fs.writeFileSync(file, '');
      const times = [];
      for (let i = 0; i < PROFILE_REQUESTS; i++) times.push(await get(server.base, route, cookie));
      const steady = analyseProfile(readProfile(file), PROFILE_REQUESTS, db, largeTables);
      // Aggregates and rendered parts of pages are kept until the record changes: right after a
      // change, a request computes and renders them again. The change is written here, by another
      // process, as a script or a second server would; only the route's own statements are kept.
      const afterChange = [];
      const changedEntries = [];
      for (let i = 0; i < AFTER_CHANGE_REQUESTS; i++) {
        changeTheRecord();
        fs.writeFileSync(file, '');
        afterChange.push(await get(server.base, route, cookie));
        changedEntries.push(...readProfile(file));
      }
      const changed = analyseProfile(changedEntries, AFTER_CHANGE_REQUESTS, db, largeTables);
      results[route.name] = {
        aloneMs: median(times),
        ...steady,
        afterChange: { ms: median(afterChange), sqlMsPerRequest: changed.sqlMsPerRequest, slowest: changed.slowest, over5ms: changed.over5ms },
      };
    }
    return results;
  } finally {
    db.close();
    await server.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

// ── Load and memory ──────────────────────────────────────────────────────────

function descendants(pid) {
  const children = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) children.push(...list.split(' ').map(Number));
    }
  } catch {
    return [];
  }
  return [...children, ...children.flatMap(descendants)];
}

function rssKib(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of the server and its children every 100 ms: the peak of them all
 * together, and the peak of any one process (each server process has its own heap).
 */
function memorySampler(pid) {
  let peak = 0;
  let peakOne = 0;
  const timer = setInterval(() => {
    const each = [pid, ...descendants(pid)].map(rssKib);
    peak = Math.max(peak, each.reduce((sum, kib) => sum + kib, 0));
    peakOne = Math.max(peakOne, ...each);
  }, 100);
  return { peakMib: () => peak / 1024, peakOneMib: () => peakOne / 1024, stop: () => clearInterval(timer) };
}

async function load(base, route, cookie) {
  for (let i = 0; i < 5; i++) await get(base, route, cookie);
  const result = await autocannon({ url: base + route.path, connections: CONNECTIONS, duration: DURATION, headers: sentHeaders(route, cookie) });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    failed: result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

/**
 * Requests autocannon gave up on are still being rendered; wait until the server answers a small
 * request promptly again, so one route's backlog is not measured as the next route's slowness.
 */
async function drain(base) {
  for (let i = 0; i < 120; i++) {
    const started = performance.now();
    await fetch(`${base}/api/auth/csrf`).then((r) => r.arrayBuffer());
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function loadRoutes(routes, data, processes) {
  const server = await startServer(PORT ?? (await freePort(3400, 3499)), { PITF_PROCESSES: String(processes) });
  const memory = memorySampler(server.child.pid);
  const loadBefore = os.loadavg()[0];
  try {
    const cookie = await signIn(server.base);
    const ceiling = { name: 'static chunk (ceiling)', path: await staticChunk(server.base, cookie) };
    const results = {};
    for (const route of [ceiling, ...routes]) {
      process.stdout.write(`Loading ${route.path} for ${DURATION} s…\n`);
      results[route.name] = { path: route.path, ...(await load(server.base, route, cookie)) };
      await drain(server.base);
    }
    const peakMib = memory.peakMib();
    const peakOneMib = memory.peakOneMib();
    const loadAverage = [loadBefore, os.loadavg()[0]];
    const pages = ['/', `/agencies/${data.agency.slug}`, '/deliverables', `/meetings/${data.meetingId}`, '/pillars'];
    const weights = await measureJsWeight(server.base, pages, ACCOUNT);
    return { processes, results, ceiling: ceiling.name, peakMib, peakOneMib, loadAverage, weights };
  } finally {
    memory.stop();
    await server.stop();
  }
}

// ── Report ───────────────────────────────────────────────────────────────────

const pad = (value, width) => String(value).padStart(width);
const oneLine = (text, width = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

/** The bare per-request page of `npm run bench:floor`, if it ran today on this machine. */
function readFloor() {
  const file = path.join(root, 'reports', 'bench-floor.json');
  if (!fs.existsSync(file)) return null;
  const floor = JSON.parse(fs.readFileSync(file, 'utf8'));
  const page = floor.results?.['dynamic page'];
  if (!page || floor.at?.slice(0, 10) !== new Date().toISOString().slice(0, 10)) return null;
  return { at: floor.at, requestsPerSecond: page.requestsPerSecond, ceiling: floor.results['static chunk (ceiling)']?.requestsPerSecond };
}

function report({ data, routes, profile, runs, floor }) {
  const loaded = runs[0];
  const ceiling = loaded.results[loaded.ceiling].requestsPerSecond;
  console.log(`\nLarge database: ${DATABASE}`);
  console.log(`  ${Object.entries(data.rows).filter(([, n]) => n >= 1000).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`).join(', ')}`);
  console.log(`  largest board: ${data.agency.slug} (${data.agency.n} deliverables); "${SEARCH_WORD}" matches ${data.matches} deliverables`);
  console.log(
    `\nLoad: ${CONNECTIONS} connections, ${DURATION} s per route, ${os.cpus().length} cores (1-minute load average ` +
      `${loaded.loadAverage.map((l) => l.toFixed(1)).join(' → ')} over the run: other work shares them), signed in as ${ACCOUNT.email}\n`,
  );
  console.log(
    `${'route'.padEnd(22)} ${'path'.padEnd(28)} ${pad('req/s', 7)} ${pad('× ceil', 6)} ${pad('× bare', 6)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('done', 5)} ${pad('non-2xx', 7)} ${pad('failed', 6)}` +
      ` │ ${pad('alone ms', 8)} ${pad('SQL/req', 7)} ${pad('SQL ms/req', 10)} ${pad('slowest ms', 10)}` +
      ` │ ${pad('changed ms', 10)} ${pad('SQL ms', 7)} ${pad('slowest ms', 10)}`,
  );
  for (const name of [loaded.ceiling, ...routes.map((r) => r.name)]) {
    const r = loaded.results[name];
    const p = profile[name];
    console.log(
      `${name.padEnd(22)} ${oneLine(r.path, 28).padEnd(28)} ${pad(r.requestsPerSecond.toFixed(1), 7)} ${pad((r.requestsPerSecond / ceiling).toFixed(3), 6)} ` +
        `${pad(floor ? (r.requestsPerSecond / floor.requestsPerSecond).toFixed(2) : '–', 6)} ` +
        `${pad(r.p50, 7)} ${pad(r.p99, 7)} ${pad(r.requests, 5)} ${pad(r.non2xx, 7)} ${pad(r.failed, 6)}` +
        ` │ ${pad(p ? p.aloneMs.toFixed(0) : '–', 8)} ${pad(p ? p.statementsPerRequest.toFixed(1) : '–', 7)} ${pad(p ? p.sqlMsPerRequest.toFixed(1) : '–', 10)} ${pad(p?.slowest ? p.slowest.medianMs.toFixed(1) : '–', 10)}` +
        ` │ ${pad(p ? p.afterChange.ms.toFixed(0) : '–', 10)} ${pad(p ? p.afterChange.sqlMsPerRequest.toFixed(1) : '–', 7)} ${pad(p?.afterChange.slowest ? p.afterChange.slowest.medianMs.toFixed(1) : '–', 10)}`,
    );
  }
  console.log(
    `(done: requests completed within the ${DURATION} s; failed: timed out after 10 s or errored. Right of │, from ${PROFILE_REQUESTS} requests` +
      ` one at a time with the SQL profiler on: median time alone, statements and SQL time per request, the slowest statement's median;` +
      ` then "changed": ${AFTER_CHANGE_REQUESTS} requests each right after a change, when remembered aggregates are computed again: median time, SQL time, slowest statement.)`,
  );
  console.log(
    floor
      ? `(× bare: against the page rendered per request of npm run bench:floor, ${floor.requestsPerSecond.toFixed(1)} req/s at ${floor.at}, its static chunk ${floor.ceiling?.toFixed(1)} req/s)`
      : '(× bare: run npm run bench:floor first, the same day, to compare with a bare Next.js page)',
  );
  console.log(`\nServer peak memory under load (VmRSS): ${loaded.peakMib.toFixed(0)} MiB all processes, ${loaded.peakOneMib.toFixed(0)} MiB the largest one`);

  if (runs.length > 1) {
    console.log(`\nThroughput by number of server processes (${runs.map((r) => r.processes).join(', ')}), load average ${runs.map((r) => r.loadAverage.map((l) => l.toFixed(1)).join(' → ')).join('; ')}`);
    console.log(`${'route'.padEnd(22)} ${runs.map((r) => `${pad(`${r.processes}p req/s`, 10)} ${pad('p99 ms', 7)}`).join(' ')} ${pad('gain', 6)}`);
    for (const name of [loaded.ceiling, ...routes.map((r) => r.name)]) {
      const each = runs.map((r) => r.results[name]);
      const gain = each.at(-1).requestsPerSecond / each[0].requestsPerSecond;
      console.log(`${name.padEnd(22)} ${each.map((r) => `${pad(r.requestsPerSecond.toFixed(1), 10)} ${pad(r.p99, 7)}`).join(' ')} ${pad(`${gain.toFixed(2)}×`, 6)}`);
    }
    console.log(`Peak memory: ${runs.map((r) => `${r.processes} process(es) ${r.peakMib.toFixed(0)} MiB in all, ${r.peakOneMib.toFixed(0)} MiB the largest`).join('; ')}`);
  }

  console.log(`\nJavaScript sent on first load (gzip; a bare Next.js page: about ${BARE_PAGE_KIB} KiB)`);
  for (const w of loaded.weights) {
    console.log(`  ${w.path.padEnd(24)} ${pad(w.files, 3)} files ${pad(w.kib.toFixed(1), 7)} KiB  ${(w.kib / BARE_PAGE_KIB).toFixed(2)}× bare`);
  }

  console.log(`\nSlowest SQL statement per route (from ${PROFILE_REQUESTS} requests each, profiler on)`);
  for (const route of routes) {
    const p = profile[route.name];
    if (!p.slowest) continue;
    console.log(
      `\n${route.name} ${route.path}: median ${p.slowest.medianMs.toFixed(2)} ms (max ${p.slowest.maxMs.toFixed(2)}), run ${p.slowest.executions.toFixed(1)}× per request;` +
        ` ${p.over5ms} statement(s) with a median over 5 ms`,
    );
    console.log(`  ${oneLine(p.slowest.sql, 600)}`);
    for (const detail of p.slowest.plan) console.log(`    ${detail}`);
    for (const scan of p.scans) console.log(`  reads all of ${scan.tables.join(', ')} (median ${scan.medianMs.toFixed(2)} ms): ${oneLine(scan.sql, 200)}`);
    const changed = p.afterChange.slowest;
    if (changed && changed.sql !== p.slowest.sql) {
      console.log(`  right after a change, the slowest: median ${changed.medianMs.toFixed(2)} ms (max ${changed.maxMs.toFixed(2)}); ${p.afterChange.over5ms} over 5 ms`);
      console.log(`  ${oneLine(changed.sql, 600)}`);
      for (const detail of changed.plan) console.log(`    ${detail}`);
    }
  }
}

async function main() {
  prepare();
  const data = discover();
  const routes = routesFor(data).filter((r) => ONLY.length === 0 || ONLY.some((o) => r.name.includes(o) || r.path.includes(o)));
  console.log('Profiling SQL…');
  const profile = await profileRoutes(routes, data);
  const runs = [];
  for (const processes of PROCESS_COUNTS) runs.push(await loadRoutes(routes, data, processes));
  const floor = readFloor();
  report({ data, routes, profile, runs, floor });
  fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(root, 'reports', 'bench.json'), JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, duration: DURATION, connections: CONNECTIONS, data, profile, runs, floor }, null, 2));
}

await main();
