import { expect, test } from '@playwright/test';
import { deliverableIdByKey, deliverableRow, signInAndWait, signInApi } from './helpers';

test('pages carry a nonce-based CSP without inline scripts, and the app runs under it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const login = await page.goto('/login');
  const csp = login!.headers()['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(login!.headers()['x-content-type-options']).toBe('nosniff');
  expect(login!.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');

  await signInAndWait(page, 'viewer@pitf.demo');
  const overview = await page.goto('/pillars');
  expect(overview!.headers()['cache-control']).toContain('no-store');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  const api = await page.request.get('/api/agencies');
  expect(api.headers()['cache-control']).toContain('no-store');
  expect(violations).toEqual([]);
});

test('a write from another origin, or from an opaque one, is refused and changes nothing', async ({ playwright, baseURL }) => {
  const id = deliverableIdByKey('2022-treasury-fincen-priorities');
  const before = deliverableRow(id);
  const api = await playwright.request.newContext({ baseURL });
  await signInApi(api, 'admin@pitf.demo');
  for (const origin of ['https://evil.example', 'null']) {
    const response = await api.post(`/api/deliverables/${id}/updates`, {
      headers: { Origin: origin },
      data: { status: 'in_progress', progress: 10, note: 'Cross-site' },
    });
    expect(response.status(), origin).toBe(403);
  }
  const same = await api.post(`/api/deliverables/${id}/updates`, {
    headers: { Origin: new URL(baseURL!).origin },
    data: { status: 'completed', note: 'Same origin is fine.' },
  });
  expect(same.status()).toBe(201);
  expect(deliverableRow(id).version).toBe((before.version as number) + 1);
  await api.dispose();
});
