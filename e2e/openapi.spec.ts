/**
 * The API's OpenAPI document and its reference page: the document is public, the page is drawn
 * in the browser from the app's own bundle (nothing fetched from anywhere but this server), under
 * the app's Content-Security-Policy, and is accessible.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { APP_URL, signInAndWait } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('the OpenAPI document is served without signing in and lists the API', async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: APP_URL });
  const response = await anonymous.get('/api/openapi.json');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths['/api/deliverables/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
  expect(Object.keys(document.paths['/api/deliverables/{id}']!.patch!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '429']);
  // The API itself still needs a session.
  expect((await anonymous.get('/api/deliverables')).status()).toBe(401);
  await anonymous.dispose();
});

test('the API reference opens from every signed-in page, loads nothing from elsewhere and passes axe', async ({ page }) => {
  // Two sections drawn and scanned with axe: slow on a shared machine.
  test.setTimeout(180_000);
  const elsewhere: string[] = [];
  const cspViolations: string[] = [];
  page.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (!['data:', 'blob:'].includes(protocol) && hostname !== 'localhost' && hostname !== '127.0.0.1') elsewhere.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });

  await signInAndWait(page, 'viewer@pitf.demo');
  await page.getByRole('contentinfo').getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  // Redoc has drawn the document: an operation's heading and its answers.
  await expect(page.getByRole('heading', { name: 'Deliverables, filtered, searched and paged' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('No such resource').first()).toBeAttached();
  await page.screenshot({ path: test.info().outputPath('api-reference.png') });
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);

  // Another section, from the page's own links: its operations replace the first section's.
  await page.getByRole('navigation', { name: 'Sections of the API' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByRole('heading', { name: 'Postpone a planned meeting to a later date' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Deliverables, filtered, searched and paged' })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
  expect(elsewhere).toEqual([]);
  expect(cspViolations).toEqual([]);
});
