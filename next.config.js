// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and argon2 are native addons: load them from node_modules at run time, never bundle them.
  serverExternalPackages: ['better-sqlite3', 'argon2'],
  // forbidden() from next/navigation: a page a signed-in role may not use answers 403 with the
  // nearest forbidden.tsx (lib/server/page-access.ts). `useCache`: the parts of pages that are kept until the record changes ('use cache', keyed by
  // the record's version; README, Performance). Next calls this flag deprecated in favour of
  // `cacheComponents`, which would also prerender every page's shell at build time: the signed-in
  // pages read the session first, so they keep `dynamic = 'force-dynamic'`, which cacheComponents
  // does not allow.
  experimental: { authInterrupts: true, useCache: true },
  // The kept parts live in each server process's memory: at most 24 MB of them, least recently
  // used first, which keeps a process under 300 MB under load (npm run bench).
  cacheMaxMemorySize: 24 * 1024 * 1024,
  // On every response. The Content-Security-Policy, with its per-request nonce, is set in proxy.ts.
  async headers() {
    const security = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ];
    if (process.env.NODE_ENV === 'production') {
      security.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
    }
    return [{ source: '/:path*', headers: security }];
  },
};

module.exports = nextConfig;
