// Which requests scripts/kept-pages.mjs answers from memory, and the policy it gives a kept page.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, keptAddress, withScriptHashes } from '../scripts/kept-pages.mjs';

const get = (url: string, headers: Record<string, string> = {}) => keptAddress({ method: 'GET', url, headers });
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('keptAddress', () => {
  it('keeps a signed-out GET of the sign-in page under its address as sent', () => {
    expect(get('/login')).toBe('/login');
    expect(get('/login?callbackUrl=%2Fagencies%2Fdos&reason=idle')).toBe('/login?callbackUrl=%2Fagencies%2Fdos&reason=idle');
    expect(get('/login?error=CredentialsSignin', { cookie: 'next-auth.csrf-token=abc; next-auth.callback-url=x' })).toBe('/login?error=CredentialsSignin');
  });

  it('leaves a visitor with a session cookie to Next, whatever its name’s prefix or chunk', () => {
    for (const cookie of ['next-auth.session-token=a', 'x=1; __Secure-next-auth.session-token=a', 'next-auth.session-token.0=a']) {
      expect(get('/login', { cookie }), cookie).toBeNull();
    }
  });

  it('leaves other methods, paths, router requests and unusual query strings to Next', () => {
    expect(keptAddress({ method: 'HEAD', url: '/login', headers: {} })).toBeNull();
    expect(keptAddress({ method: 'POST', url: '/login', headers: {} })).toBeNull();
    for (const url of ['/login/', '/login/passkey', '/Login', '/login?', '/login?_rsc=1', '/login?reason=idle&reason=expired', `/login?callbackUrl=${'a'.repeat(1100)}`]) {
      expect(get(url), url).toBeNull();
    }
    for (const header of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'next-url']) {
      expect(get('/login', { [header]: '1' }), header).toBeNull();
    }
  });
});

describe('inlineScriptHashes', () => {
  it('hashes the text of each inline script, not the scripts loaded by address', () => {
    const html = '<head><script src="/_next/a.js" async=""></script><script id="_R_">self.a=1</script></head><body><script>self.b="<\\/script>"</script><SCRIPT>x()</SCRIPT></body>';
    expect(inlineScriptHashes(html)).toEqual([sha256('self.a=1'), sha256('self.b="<\\/script>"'), sha256('x()')]);
  });
});

describe('withScriptHashes', () => {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

  it('adds the hashes to script-src and leaves the rest as it was', () => {
    expect(withScriptHashes(policy, ["'sha256-AAA='", "'sha256-BBB='"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
  });

  it('refuses a policy with a nonce, strict-dynamic or unsafe-inline scripts, or none at all', () => {
    expect(withScriptHashes(policy.replace("script-src 'self'", "script-src 'self' 'nonce-abc' 'strict-dynamic'"), [])).toBeNull();
    expect(withScriptHashes(policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"), [])).toBeNull();
    expect(withScriptHashes("default-src 'self'", [])).toBeNull();
    expect(withScriptHashes(undefined, [])).toBeNull();
  });
});
