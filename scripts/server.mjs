/**
 * The production server: Next's request handler behind a plain Node HTTP server, so that the app
 * knows who is really asking. `next start` keeps any X-Forwarded-For a client sends, so the
 * client's address could not be told from one it made up; here the socket says it.
 *
 * Before Next sees a request:
 * - headers the app sets for itself (`x-pitf-*`, `x-nonce`) are removed, whoever sent them;
 * - without a trusted proxy (PITF_TRUST_PROXY unset or 0) every forwarding header is removed, so
 *   neither the app nor Next believes a host, scheme or address the client chose;
 * - `x-pitf-client` is set to the client's address: the socket's, or with N trusted proxies the
 *   address the outermost of them saw (the N-th entry of X-Forwarded-For counted from the right);
 * - a body announced as larger than 1 MB is refused before it is read.
 *
 * A GET or HEAD of the public record (/public and under it) whose page is already rendered for the
 * current release is answered from memory without entering Next (publicRecord below): the same
 * status, headers and body Next would send, for a fraction of the cost. Anything else, and any
 * such page not rendered yet, goes to Next, which renders and keeps it. A signed-out GET of the
 * sign-in page is answered from memory the same way once rendered (keptPage, scripts/kept-pages.mjs).
 *
 * PORT (3000) and PITF_HOST (localhost) say where to listen.
 */
import cluster from 'node:cluster';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { keptPages } from './kept-pages.mjs';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.PITF_HOST || 'localhost';
const trustedProxies = (() => {
  const raw = process.env.PITF_TRUST_PROXY?.trim();
  const n = Number(raw === 'true' ? 1 : raw || 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
})();
const MAX_BODY_BYTES = 1_000_000;
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip'];

function plainAddress(address) {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function clientAddress(req) {
  const socketAddress = plainAddress(req.socket.remoteAddress);
  if (trustedProxies === 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Our proxies each appended the address they saw; the socket is the innermost of them.
  const chain = [...forwarded, socketAddress];
  return plainAddress(chain[Math.max(0, chain.length - 1 - trustedProxies)]);
}

function prepare(req) {
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith('x-pitf-') || name === 'x-nonce') delete req.headers[name];
  }
  const client = clientAddress(req);
  if (trustedProxies === 0) for (const name of FORWARDING_HEADERS) delete req.headers[name];
  req.headers['x-pitf-client'] = client;
}

function tooLarge(res) {
  res.writeHead(413, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(
    JSON.stringify({
      error: { code: 'too_large', message: 'The request body is larger than 1 MB.', fields: { _: ['The request body is too large.'] } },
    }),
  );
}

// ── The public record from memory ─────────────────────────────────────────────

// Only plain addresses (the segments the route accepts); anything else, e.g. percent-encoded or
// with a trailing slash, goes to Next as before.
const PUBLIC_PATH = /^\/public(?:\/[A-Za-z0-9.-]{1,60})*$/;

/**
 * The headers next.config.js adds to a path, as the build wrote them (routes-manifest.json), so a
 * page answered here carries exactly what Next would add. Null (no answering from memory at all)
 * if a rule depends on the request (`has`/`missing`), which this server does not evaluate.
 */
function configHeaders() {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next', 'routes-manifest.json'), 'utf8'));
  const rules = (manifest.headers ?? []).map((rule) => ({ ...rule, re: new RegExp(rule.regex) }));
  if (rules.some((rule) => rule.has || rule.missing)) return null;
  return (pathname) => {
    const headers = {};
    for (const rule of rules) if (rule.re.test(pathname)) for (const { key, value } of rule.headers) headers[key] = value;
    return headers;
  };
}

// What Next adds to every App Router answer, this route handler's included.
const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/**
 * Answers a public page from memory if the route (app/public/[[...path]]/route.ts, once Next has
 * loaded it) has it for the release current now; returns whether it answered. Next sends these
 * answers uncompressed (its compression leaves route handlers' answers alone), and so does this.
 */
function publicRecord(req, res, headersFor) {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !headersFor) return false;
  const record = globalThis[Symbol.for('pitf.publicRecord')];
  if (!record) return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const pathname = query === -1 ? url : url.slice(0, query);
  if (!PUBLIC_PATH.test(pathname)) return false;
  const page = record.page(pathname === '/public' ? [] : pathname.slice('/public/'.length).split('/'));
  if (!page) return false;
  const headers = { ...headersFor(pathname), vary: NEXT_VARY, ...page.headers };
  if (page.status === 200 && req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  if (req.method === 'HEAD') {
    res.writeHead(page.status, headers);
    res.end();
    return true;
  }
  res.writeHead(page.status, { ...headers, 'content-length': String(page.bytes.byteLength) });
  res.end(page.bytes);
  return true;
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const headersFor = configHeaders();
const keptPage = await keptPages(handle);

const server = http.createServer((req, res) => {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(res);
  prepare(req);
  try {
    if (publicRecord(req, res, headersFor)) return;
    if (keptPage(req, res)) return;
  } catch (error) {
    // Never worse than before: Next answers it.
    console.error('Answering', req.url, 'from memory failed', error);
    if (res.headersSent) return res.end();
  }
  handle(req, res).catch((error) => {
    console.error('Unhandled error serving', req.method, req.url, error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

// Next keeps the process alive after an uncaught exception: one that cannot listen must end.
server.once('error', (error) => {
  console.error(`Cannot listen on ${hostname}:${port}:`, error.message);
  process.exit(1);
});
server.listen(port, hostname, () => {
  // One of several processes (scripts/cluster.mjs): that one says when all of them are ready.
  if (!cluster.isWorker) console.log(`PITF Dashboard ready on http://${hostname}:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
