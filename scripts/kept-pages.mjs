/**
 * Kept pages: the signed-out sign-in page, the same for everyone who asks for the same address,
 * rendered by Next once per process and query string and then answered from memory, before Next
 * sees the request (scripts/server.mjs).
 *
 * A page rendered per request carries a fresh CSP nonce, so no two answers are alike. A kept page is
 * rendered without one (proxy.ts, for a request marked `x-pitf-keep: 1`) under `script-src 'self'`,
 * and the SHA-256 hashes of exactly the inline scripts in its HTML are added to that directive once,
 * when it is kept: the browser runs those scripts and Next's chunks from this origin, nothing else.
 *
 * Which requests are answered from memory: a GET of `/login` with no session cookie, no router
 * header (`rsc`, `next-router-*`, `next-action`, `next-url`: client navigations and prefetches want
 * Next's RSC answer) and a query string of only `callbackUrl`, `error` and `reason`, each at most
 * once. Everything else (HEAD, POST, a session cookie, so a signed-in visitor is still sent on; an
 * unknown parameter) goes to Next as before. The query string is the key, exactly as sent: the page
 * carries its own address in the router's payload.
 *
 * A kept page is rendered through a listener of this process's own on 127.0.0.1 (port chosen by the
 * system, never shared with other processes), with no header of the visitor's: no cookie, no host,
 * no address, so nothing personal or chosen by a visitor can be kept. It is kept only if Next
 * answered 200 with HTML and set no cookie; otherwise that visitor is answered by Next, and the
 * address is tried again a minute later. The page depends only on the build, the environment and
 * its address (the signed-out sign-in page reads no database), so it stays for the life of the
 * process; a page that comes to read the database must not be kept here without a way to forget it.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { gzipSync } from 'node:zlib';

// About this many distinct addresses (mostly callbackUrl values); past it the least recently used go.
const LIMIT = 200;
const MAX_QUERY_LENGTH = 1024;
const MAX_PAGE_BYTES = 1_000_000;
const RETRY_AFTER_MS = 60_000;
const PATHS = new Set(['/login']);
const PARAMS = new Set(['callbackUrl', 'error', 'reason']);
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?next-auth\.session-token[^=]*=/;
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
// What is about this one connection or instant, never kept.
const NOT_KEPT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/** The address to keep a page under (its query string as sent, `''` for none), or null to leave it to Next. */
export function keptAddress(req) {
  if (req.method !== 'GET') return null;
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  const pathname = mark === -1 ? url : url.slice(0, mark);
  if (!PATHS.has(pathname)) return null;
  const cookie = req.headers.cookie;
  if (cookie && SESSION_COOKIE.test(cookie)) return null;
  if (ROUTER_HEADERS.some((name) => name in req.headers)) return null;
  const query = mark === -1 ? '' : url.slice(mark + 1);
  if (mark !== -1 && !query) return null;
  if (query.length > MAX_QUERY_LENGTH) return null;
  const seen = new Set();
  for (const key of new URLSearchParams(query).keys()) {
    if (!PARAMS.has(key) || seen.has(key)) return null;
    seen.add(key);
  }
  return url;
}

/**
 * The hashes of a page's inline scripts, as CSP sources. A script element's text runs from its
 * start tag to the first `</script` (React escapes that sequence inside its payloads).
 */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)) {
    if (/\ssrc\s*=/i.test(` ${match[1]}`)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

/** The policy with the hashes added to its `script-src`, or null if it is not a policy for a kept page. */
export function withScriptHashes(policy, hashes) {
  if (typeof policy !== 'string') return null;
  const directives = policy.split(';').map((d) => d.trim());
  const at = directives.findIndex((d) => d.split(/\s+/)[0] === 'script-src');
  if (at === -1 || /'nonce-|'strict-dynamic'|'unsafe-inline'/.test(directives[at])) return null;
  directives[at] = [directives[at], ...hashes].join(' ');
  return directives.join('; ');
}

function appendVary(value, name) {
  const names = String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.join(', ');
}

/** Turns Next's answer to a render request into a kept page, or null if it must not be kept. */
function keep(status, headers, body) {
  try {
    return made(status, headers, body);
  } catch (error) {
    console.error('Keeping a page failed', error);
    return null;
  }
}

function made(status, headers, body) {
  if (status !== 200 || headers['set-cookie'] || !String(headers['content-type'] ?? '').startsWith('text/html')) return null;
  const html = body.toString('utf8');
  if (/<[^>]+\snonce=/i.test(html)) return null;
  const policy = withScriptHashes(headers['content-security-policy'], inlineScriptHashes(html));
  if (!policy) return null;
  const kept = {};
  for (const [name, value] of Object.entries(headers)) if (!NOT_KEPT.has(name)) kept[name] = value;
  kept['content-security-policy'] = policy;
  kept.vary = appendVary(kept.vary, 'Accept-Encoding');
  const gzip = gzipSync(body);
  return {
    identity: { headers: { ...kept, 'content-length': String(body.byteLength) }, bytes: body },
    gzip: { headers: { ...kept, 'content-encoding': 'gzip', 'content-length': String(gzip.byteLength) }, bytes: gzip },
  };
}

function acceptsGzip(req) {
  const accept = req.headers['accept-encoding'];
  if (typeof accept !== 'string') return false;
  return accept.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    return coding === 'gzip' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

function write(req, res, page) {
  const { headers, bytes } = acceptsGzip(req) ? page.gzip : page.identity;
  res.writeHead(200, headers);
  res.end(bytes);
}

function serve(handle, req, res, doing) {
  handle(req, res).catch((error) => {
    console.error(doing, req.url, 'failed', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}

/**
 * Starts the listener kept pages are rendered through (Next's `handle`), and returns `answer(req,
 * res)`: true if it took the request (answered from memory, or once the page is rendered; by Next
 * if it could not be kept), false if the caller must hand it to Next itself.
 */
export async function keptPages(handle) {
  const renderer = http.createServer((req, res) => {
    // Only what the page may depend on: the address. The marker tells proxy.ts to render without a nonce.
    const address = keptAddress({ method: req.method, url: req.url, headers: {} });
    if (!address) {
      res.writeHead(404).end();
      return;
    }
    req.headers = { host: req.headers.host, accept: 'text/html', 'x-pitf-keep': '1', 'x-pitf-client': '127.0.0.1' };
    serve(handle, req, res, 'Rendering to keep');
  });
  await new Promise((resolve, reject) => {
    renderer.once('error', reject);
    // exclusive: in a cluster worker, a port of this process's own rather than one shared by all.
    renderer.listen({ host: '127.0.0.1', port: 0, exclusive: true }, resolve);
  });
  renderer.unref();
  const { port } = renderer.address();

  const pages = new Map();
  const pending = new Map();
  const refused = new Map();

  function render(address) {
    return new Promise((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path: address, headers: { host: `localhost:${port}`, 'accept-encoding': 'identity' } }, (response) => {
        const chunks = [];
        let size = 0;
        response.on('data', (chunk) => {
          size += chunk.length;
          if (size > MAX_PAGE_BYTES) response.destroy();
          else chunks.push(chunk);
        });
        response.on('end', () => resolve(keep(response.statusCode, response.headers, Buffer.concat(chunks))));
        response.on('error', () => resolve(null));
        // After 'end' this changes nothing (a promise settles once); before it, the page was cut short.
        response.on('close', () => resolve(null));
      });
      request.on('error', () => resolve(null));
      request.setTimeout(30_000, () => request.destroy());
    });
  }

  function remember(address, page) {
    if (!page) {
      refused.set(address, Date.now());
      if (refused.size > LIMIT) refused.delete(refused.keys().next().value);
      return;
    }
    pages.set(address, page);
    if (pages.size > LIMIT) pages.delete(pages.keys().next().value);
  }

  return function answer(req, res) {
    const address = keptAddress(req);
    if (!address) return false;
    const page = pages.get(address);
    if (page) {
      // Most recently used last: the first in the map is the first to go.
      pages.delete(address);
      pages.set(address, page);
      write(req, res, page);
      return true;
    }
    const at = refused.get(address);
    if (at !== undefined && Date.now() - at < RETRY_AFTER_MS) return false;
    let rendering = pending.get(address);
    if (!rendering) {
      rendering = render(address).then((made) => {
        pending.delete(address);
        remember(address, made);
        return made;
      });
      pending.set(address, rendering);
    }
    rendering.then((made) => {
      if (res.destroyed) return;
      if (made) write(req, res, made);
      else serve(handle, req, res, 'Serving');
    });
    return true;
  };
}
