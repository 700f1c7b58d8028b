// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 and argon2 are native addons: load them from node_modules at run time, never bundle them.
  serverExternalPackages: ['better-sqlite3', 'argon2'],
  // forbidden() from next/navigation: a page a signed-in role may not use answers 403 with the
  // nearest forbidden.tsx (lib/server/page-access.ts).
  experimental: { authInterrupts: true, useCache: true },
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
