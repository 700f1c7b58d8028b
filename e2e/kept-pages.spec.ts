/**
 * The signed-out sign-in page is rendered once per address and answered from memory
 * (scripts/kept-pages.mjs): the same bytes for everyone, under a policy listing the hashes of its
 * inline scripts instead of a nonce. It must still work as the form it is.
 */
import { createHash } from 'node:crypto';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signedInAs, signInAndWait } from './helpers';

function scriptSrc(response: APIResponse): string[] {
  const policy = response.headers()['content-security-policy'] ?? '';
  const directive = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  return directive.trim().split(/\s+/).slice(1);
}

/** The CSP hash of every inline script element in the page, as the browser computes it. */
function inlineScriptHashes(html: string): string[] {
  const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)]
    .filter((m) => !/\ssrc\s*=/i.test(` ${m[1]}`))
    .map((m) => `'sha256-${createHash('sha256').update(m[2]!, 'utf8').digest('base64')}'`);
  return [...new Set(hashes)].sort();
}

function watchPolicy(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  return violations;
}

test.describe('the signed-out sign-in page', () => {
  test('is answered alike for everyone, under a policy of its inline scripts’ hashes without a nonce', async ({ request }) => {
    for (const address of ['/login', '/login?callbackUrl=%2Fagencies%2Fdos&reason=idle', '/login?error=CredentialsSignin']) {
      const first = await request.get(address);
      const second = await request.get(address);
      expect(first.status(), address).toBe(200);
      const html = await first.text();
      expect(await second.text(), address).toBe(html);
      const { date: _a, ...firstHeaders } = first.headers();
      const { date: _b, ...secondHeaders } = second.headers();
      expect(secondHeaders, address).toEqual(firstHeaders);
      expect(firstHeaders['set-cookie'], address).toBeUndefined();

      const sources = scriptSrc(first);
      expect(sources[0], address).toBe("'self'");
      expect(sources.join(' '), address).not.toMatch(/'nonce-|'strict-dynamic'|'unsafe-inline'|'unsafe-eval'/);
      const hashes = inlineScriptHashes(html);
      expect(hashes.length, address).toBeGreaterThan(0);
      expect(sources.slice(1).sort(), address).toEqual(hashes);
      expect(html, address).not.toMatch(/<[^>]+\snonce=/);
      const policy = firstHeaders['content-security-policy']!;
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
        expect(policy, address).toContain(directive);
      }
      expect(firstHeaders['x-content-type-options']).toBe('nosniff');
      expect(firstHeaders['x-frame-options']).toBe('DENY');
    }
  });

  test('answers what it does not keep per request, with a nonce as before', async ({ request }) => {
    // A router request (a client navigation) and a HEAD go to Next.
    const navigation = await request.get('/login', { headers: { rsc: '1' } });
    expect(navigation.status()).toBe(200);
    expect(navigation.headers()['content-type']).toContain('text/x-component');
    expect(scriptSrc(navigation).join(' ')).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    const head = await request.head('/login?unknown=1');
    expect(head.status()).toBe(200);
    expect(scriptSrc(head).join(' ')).toMatch(/'nonce-/);
    // An address under /login with no page is sent to sign in, as any unknown address is.
    const unknown = await request.get('/login/no-such-page', { maxRedirects: 0 });
    expect(unknown.status()).toBe(307);
    expect(unknown.headers()['location']).toMatch(/\/login\?callbackUrl=%2Flogin%2Fno-such-page$/);
  });

  test('signs in under its policy with no violation, and offers single sign-on', async ({ page }) => {
    const violations = watchPolicy(page);
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Sign in with the test identity provider' })).toBeVisible();
    await page.screenshot({ path: '/tmp/kept-login.png' });
    await signInAndWait(page, 'viewer@pitf.demo');
    expect(violations).toEqual([]);
  });

  test('still shows the notice and the error its address names', async ({ page }) => {
    const violations = watchPolicy(page);
    for (let visit = 0; visit < 2; visit++) {
      await page.goto('/login?reason=idle&callbackUrl=%2Fpillars');
      await expect(page.getByTestId('session-notice')).toContainText('30 minutes without activity');
      await page.goto('/login?error=SsoWeakAcr');
      await expect(page.getByTestId('sign-in-error')).toContainText('phishing-resistant');
    }
    // The form is live: a wrong password is refused in place.
    await page.getByLabel('E-mail address').fill('nobody@pitf.demo');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText('incorrect');
    expect(violations).toEqual([]);
  });

  test.describe('visited signed in', () => {
    test.use(signedInAs('viewer@pitf.demo'));

    test('sends the visitor on, to the page asked for', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      await page.goto('/login?callbackUrl=%2Fpillars');
      await expect(page).toHaveURL(/\/pillars$/);
    });
  });
});
