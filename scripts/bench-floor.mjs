// `npm run bench:floor`: what Next.js itself allows on this machine, to read `npm run bench` against.
//
// Writes a bare Next.js app (the same installed next and react, nothing else: no proxy, no
// sign-in, no database) into .bench-floor/, builds it, serves it with `next start` and loads it
// with autocannon exactly as the benchmark loads the product: 10 connections, 10 s a route
// (`--duration=S`, `--connections=N`). Three routes next to one of its static chunks:
//   /          a static page (prerendered at build time);
//   /dynamic   a page rendered per request, a heading and one line;
//   /table     a page rendered per request, a 100-row table of links;
//   /api/items a route handler answering per request with a page of 50 items as JSON.
// Prints requests per second, latency and the ratio to the static chunk; writes
// reports/bench-floor.json; removes .bench-floor/ at the end.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from './free-port.mjs';

const root = path.resolve(import.meta.dirname, '..');
const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const DURATION = Number(option('duration', process.env.BENCH_DURATION ?? 10));
const CONNECTIONS = Number(option('connections', 10));
const dir = path.join(root, '.bench-floor');
const next = path.join(root, 'node_modules/next/dist/bin/next');

const FILES = {
  'next.config.js': 'module.exports = { poweredByHeader: false };\n',
  // Its own, empty: otherwise the build finds the product's instrumentation.ts a level up.
  'instrumentation.js': 'export function register() {}\n',
  'app/layout.js': `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.js': `export default function Page() {
  return <main><h1>Static</h1><p>Rendered once, at build time.</p></main>;
}
`,
  'app/dynamic/page.js': `import { connection } from 'next/server';

export default async function Page() {
  await connection();
  return <main><h1>Dynamic</h1><p>Rendered at {new Date().toISOString()}.</p></main>;
}
`,
  'app/table/page.js': `import { connection } from 'next/server';

export default async function Page() {
  await connection();
  const rows = Array.from({ length: 100 }, (_, i) => i);
  return (
    <main>
      <h1>A table</h1>
      <table>
        <tbody>
          {rows.map((i) => (
            <tr key={i}>
              <th scope="row"><a href={\`/items/\${i}\`}>Item number {i} of the list</a></th>
              <td>Prevention</td>
              <td>In progress</td>
              <td>{i}%</td>
              <td>{new Date(1_700_000_000_000 + i * 86_400_000).toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
`,
  'app/api/items/route.js': `export const dynamic = 'force-dynamic';

export function GET() {
  const items = Array.from({ length: 50 }, (_, i) => ({
    id: i,
    title: \`Item number \${i} of the list\`,
    pillar: 'prevention',
    status: 'in_progress',
    progress: i,
    updatedAt: new Date(1_700_000_000_000 + i * 86_400_000).toISOString(),
  }));
  return Response.json({ items, total: 10_000, page: 1, pageSize: 50 });
}
`,
};

function write() {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

async function serve(port) {
  const child = spawn(process.execPath, [next, 'start', dir, '-H', 'localhost', '-p', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('next start exited');
    if (await fetch(base).then((r) => r.ok, () => false)) return { base, stop: () => process.kill(-child.pid, 'SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(-child.pid, 'SIGTERM');
  throw new Error('next start did not answer within 30 s');
}

async function load(url) {
  for (let i = 0; i < 20; i++) await fetch(url).then((r) => r.arrayBuffer());
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, failed: r.errors + r.timeouts };
}

async function main() {
  write();
  try {
    const built = spawnSync(process.execPath, [next, 'build', dir], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (built.status !== 0) throw new Error('next build of the bare app failed');
    const server = await serve(await freePort(3500, 3599));
    const loadBefore = os.loadavg()[0];
    const results = {};
    try {
      const html = await fetch(server.base).then((r) => r.text());
      const chunk = html.match(/\/_next\/static\/chunks\/[^"'\s]+\.js/)?.[0];
      if (!chunk) throw new Error('The bare page references no static chunk');
      for (const [name, route] of [['static chunk (ceiling)', chunk], ['static page', '/'], ['dynamic page', '/dynamic'], ['dynamic, 100-row table', '/table'], ['route handler, 50 items', '/api/items']]) {
        process.stdout.write(`Loading ${route} for ${DURATION} s…\n`);
        results[name] = { path: route, ...(await load(server.base + route)) };
      }
    } finally {
      server.stop();
    }
    const ceiling = results['static chunk (ceiling)'].requestsPerSecond;
    console.log(
      `\nA bare Next.js app, ${CONNECTIONS} connections, ${DURATION} s per route, ${os.cpus().length} cores (1-minute load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)})\n`,
    );
    console.log(`${'route'.padEnd(24)} ${'req/s'.padStart(8)} ${'× ceil'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)}`);
    for (const [name, r] of Object.entries(results)) {
      console.log(
        `${name.padEnd(24)} ${r.requestsPerSecond.toFixed(1).padStart(8)} ${(r.requestsPerSecond / ceiling).toFixed(3).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.non2xx).padStart(8)}`,
      );
    }
    fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'reports', 'bench-floor.json'),
      JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, duration: DURATION, connections: CONNECTIONS, results }, null, 2),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
