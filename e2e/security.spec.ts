import { expect, test } from '@playwright/test';
import { API_URL, APP_URL, apiSession, deliverableIdByKey, deliverableRow, signInAndWait } from './helpers';

const scriptSrcOf = (csp: string) => csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';

test('pages carry a CSP without inline scripts it does not name, and the app runs under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // The signed-out sign-in page is kept (e2e/kept-pages.spec.ts): its inline scripts by their hashes.
  const login = await page.goto('/login');
  const csp = login!.headers()['content-security-policy'] ?? '';
  expect(scriptSrcOf(csp)).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(scriptSrcOf(csp)).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(login!.headers()['x-content-type-options']).toBe('nosniff');
  expect(login!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');

  await signInAndWait(page, 'viewer@pitf.demo');
  // Signed-in pages are rendered per request, with a fresh nonce.
  const overview = await page.goto('/pillars');
  const signedIn = overview!.headers()['content-security-policy'] ?? '';
  expect(scriptSrcOf(signedIn)).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(scriptSrcOf(signedIn)).not.toContain("'unsafe-inline'");
  expect(overview!.headers()['cache-control']).toContain('no-store');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  // Through the validation proxy, with the page's session.
  const api = await page.request.get(`${API_URL}/api/agencies`);
  expect(api.headers()['cache-control']).toContain('no-store');
  expect(violations).toEqual([]);
});

test('a write from another origin, or from an opaque one, is refused and changes nothing', async ({ playwright }) => {
  const id = deliverableIdByKey('2022-treasury-fincen-priorities');
  const before = deliverableRow(id);
  // Through the validation proxy, which passes the Origin header on: the app's own origin is APP_URL's.
  const api = await apiSession(playwright, 'admin@pitf.demo');
  for (const origin of ['https://evil.example', 'null']) {
    const response = await api.post(`/api/deliverables/${id}/updates`, {
      headers: { Origin: origin },
      data: { status: 'in_progress', progress: 10, note: 'Cross-site' },
    });
    expect(response.status(), origin).toBe(403);
  }
  const same = await api.post(`/api/deliverables/${id}/updates`, {
    headers: { Origin: new URL(APP_URL).origin },
    data: { status: 'completed', note: 'Same origin is fine.' },
  });
  expect(same.status()).toBe(201);
  expect(deliverableRow(id).version).toBe((before.version as number) + 1);
  await api.dispose();
});
