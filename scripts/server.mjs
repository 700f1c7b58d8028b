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
 * PORT (3000) and PITF_HOST (localhost) say where to listen.
 */
import http from 'node:http';
import next from 'next';

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

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(res);
  prepare(req);
  handle(req, res).catch((error) => {
    console.error('Unhandled error serving', req.method, req.url, error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

server.listen(port, hostname, () => {
  console.log(`PITF Dashboard ready on http://${hostname}:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
