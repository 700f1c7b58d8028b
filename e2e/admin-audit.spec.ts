import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import Papa from 'papaparse';
import { apiSession, direct, openTestDatabase, signInAndWait } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

function readCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

function userId(email: string): number {
  const db = openTestDatabase();
  try {
    return db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(email) as number;
  } finally {
    db.close();
  }
}

/** A separate API client signed in as `email` (cookies of its own), through the validation proxy. */
async function signedInClient({ playwright }: Pick<PlaywrightWorkerArgs, 'playwright'>, _baseURL: string | undefined, email: string) {
  return apiSession(playwright, email);
}

/** A deliverable of this test's own, so the log can be filtered to it whatever other tests write. */
async function createDeliverable(api: APIRequestContext, leadAgency: string): Promise<number> {
  const response = await api.post('/api/deliverables', {
    data: { leadAgency, title: `Audit trail check ${unique()}`, pillar: 'protection' },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

test.describe('the audit log', () => {
  test('an official’s status change shows in the log with before, after and the official’s e-mail, and in its CSV export', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    // Two people sign in and work in turn: more than one test's usual time on a busy machine.
    test.setTimeout(120_000);
    const officialApi = await signedInClient({ playwright }, baseURL, 'official.hhs@pitf.demo');
    const id = await createDeliverable(officialApi, 'hhs');
    await officialApi.dispose();

    // The official moves it to In progress on the deliverable's page, as they would.
    const officialContext = await browser.newContext();
    const official = await officialContext.newPage();
    await signInAndWait(official, 'official.hhs@pitf.demo');
    await official.goto(`/deliverables/${id}`);
    await official.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await official.getByLabel('Progress (%)').fill('30');
    await official.getByLabel('Note', { exact: true }).fill('Grantee onboarding has begun.');
    await official.getByRole('button', { name: 'Post update' }).click();
    await expect(official.getByTestId('form-message').first()).toContainText('Update posted.');
    await officialContext.close();

    // The administrator follows the deliverable's link to its history in the log.
    const adminContext = await browser.newContext();
    const page = await adminContext.newPage();
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto(`/deliverables/${id}`);
    await page.getByRole('link', { name: 'Change history in the audit log' }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit\\?entity=deliverable&entityId=${id}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByTestId('result-count')).toHaveText('2 events');

    const table = page.getByTestId('audit-table');
    const change = table.getByRole('row').filter({ hasText: 'status changed' });
    await expect(change).toHaveCount(1);
    await expect(change).toContainText('official.hhs@pitf.demo');
    await expect(change).toContainText(/status:\s*Not started\s*→.*In progress/);
    await expect(change).toContainText(/progress:\s*0%\s*→.*30%/);
    await expect(change).toContainText('note: Grantee onboarding has begun.');
    await expect(change).toContainText('HHS');
    await expect(change.getByRole('link', { name: `deliverable ${id}` })).toHaveAttribute('href', `/deliverables/${id}`);
    await expect(table.getByRole('row').filter({ hasText: 'deliverable created' })).toContainText('official.hhs@pitf.demo');

    // Narrowing to the one action keeps the deliverable's filters in the URL.
    await page.getByLabel('Action', { exact: true }).selectOption('deliverable.progress_update');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=deliverable\.progress_update/);
    await expect(page.getByTestId('result-count')).toHaveText('1 event');
    await expect(page.getByLabel('Entity id')).toHaveValue(String(id));

    // The export link carries the same filters, and the file holds that event.
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain(`entityId=${id}`);
    expect(href).toContain('action=deliverable.progress_update');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = readCsv(await response.text());
    expect(header).toEqual(['id', 'time', 'actor_email', 'action', 'entity', 'entity_id', 'agency', 'before', 'after', 'hash']);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.slice(2, 7)).toEqual(['official.hhs@pitf.demo', 'deliverable.progress_update', 'deliverable', String(id), 'hhs']);
    expect(JSON.parse(row![7]!)).toMatchObject({ status: 'not_started', progress: 0 });
    expect(JSON.parse(row![8]!)).toMatchObject({ status: 'in_progress', progress: 30, note: 'Grantee onboarding has begun.' });
    await adminContext.close();
  });

  test('the JSON API pages the filtered log and names a bad field', async ({ playwright, baseURL }) => {
    const admin = await signedInClient({ playwright }, baseURL, 'admin@pitf.demo');
    const id = await createDeliverable(admin, 'dol');
    expect((await admin.post(`/api/deliverables/${id}/updates`, { data: { status: 'in_progress', progress: 10 } })).status()).toBe(201);

    const first = await admin.get(`/api/admin/audit?entity=deliverable&entityId=${id}&pageSize=1`);
    expect(first.status()).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1, pageCount: 2 });
    expect(body.items[0]).toMatchObject({ action: 'deliverable.progress_update', actorEmail: 'admin@pitf.demo', entityId: String(id) });
    const second = await (await admin.get(`/api/admin/audit?entity=deliverable&entityId=${id}&pageSize=1&page=2`)).json();
    expect(second.items[0].action).toBe('deliverable.create');

    // Past the document's own maximum: straight to the app, whose answer is what is tested.
    const tooBig = await admin.get(direct('/api/admin/audit?pageSize=500'));
    expect(tooBig.status()).toBe(400);
    expect(Object.keys((await tooBig.json()).error.fields)).toEqual(['pageSize']);
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['from=2026-03-02&to=2026-03-01', 'to'],
      ['agency=nasa', 'agency'],
      ['entityId=12', 'entityId'],
    ]) {
      for (const path of ['/api/admin/audit', '/api/admin/audit/export.csv']) {
        const response = await admin.get(`${path}?${query}`);
        expect(response.status(), `${path}?${query}`).toBe(400);
        expect(Object.keys((await response.json()).error.fields), `${path}?${query}`).toContain(field);
      }
    }
    await admin.dispose();
  });

  test('an official and a viewer are refused the page and both endpoints, and the refusals are in the log', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const startedAt = Date.now() - 1000;
    for (const email of ['official.doj@pitf.demo', 'viewer@pitf.demo']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInAndWait(page, email);
      await page.goto('/admin/audit?entity=deliverable');
      await expect(page.getByTestId('not-allowed')).toContainText('Not allowed');
      await expect(page.getByTestId('audit-table')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
      for (const path of ['/api/admin/audit', '/api/admin/audit/export.csv', '/api/admin/audit?from=not-a-date']) {
        const response = await page.request.get(path);
        expect(response.status(), `${email} ${path}`).toBe(403);
        expect((await response.json()).error.code).toBe('forbidden');
      }
      await context.close();
    }

    const admin = await signedInClient({ playwright }, baseURL, 'admin@pitf.demo');
    for (const email of ['official.doj@pitf.demo', 'viewer@pitf.demo']) {
      const response = await admin.get(`/api/admin/audit?actor=${userId(email)}&action=denied&pageSize=200`);
      const { items } = (await response.json()) as { items: { at: number; entityId: string; actorEmail: string; after: { reason: string } }[] };
      // Other tests may be refused meanwhile too: these are the refusals of the log's own addresses.
      const mine = items.filter((e) => e.at >= startedAt && e.entityId.includes('/audit'));
      // The second refusal of the same endpoint (another query) is the same refusal: counted, not written again.
      expect(mine.map((e) => e.entityId).sort(), email).toEqual(['GET /admin/audit', 'GET /api/admin/audit', 'GET /api/admin/audit/export.csv']);
      expect(mine.every((e) => e.actorEmail === email && /administrators/.test(e.after.reason))).toBe(true);
      const db = openTestDatabase();
      const repeats = db
        .prepare(`SELECT repeats FROM refusal_tallies WHERE key LIKE ?`)
        .pluck()
        .get(`denied:${userId(email)}:GET /api/admin/audit:%`);
      db.close();
      expect(repeats, email).toBe(1);
    }
    await admin.dispose();
  });

  test('from and to are the reader’s own days: an event shows under the day it happened where the reader is', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    // A new account: its creation is the one event on it. At any moment one of these zones is on a
    // different day from UTC (UTC+14 from 10:00 UTC, UTC−11 before 11:00 UTC).
    const admin = await signedInClient({ playwright }, baseURL, 'admin@pitf.demo');
    const created = await admin.post('/api/admin/users', { data: { email: `tz-${unique()}@example.gov`, name: 'Time Zone Check', role: 'viewer' } });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { user: { id: number } }).user.id;
    await admin.dispose();
    const day = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const zone = day('Pacific/Kiritimati') !== day('UTC') ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const [readerDay, utcDay] = [day(zone), day('UTC')];
    expect(readerDay).not.toBe(utcDay);

    const context = await browser.newContext({ timezoneId: zone });
    const page = await context.newPage();
    await signInAndWait(page, 'admin@pitf.demo');
    const filterTo = async (date: string) => {
      await page.goto(`/admin/audit?entity=user&entityId=${id}`);
      await expect(page.getByTestId('reader-time-zone')).toHaveValue(zone);
      await page.getByLabel('From', { exact: true }).fill(date);
      await page.getByLabel('To', { exact: true }).fill(date);
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect(page).toHaveURL(new RegExp(`tz=${encodeURIComponent(zone).replace(/%2F/g, '(%2F|/)')}`));
    };

    await filterTo(readerDay);
    await expect(page.getByTestId('result-count')).toHaveText('1 event');
    await expect(page.getByTestId('time-note')).toContainText(zone);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toContain(`from=${readerDay}`);
    expect(new URL(href!, baseURL).searchParams.get('tz')).toBe(zone);
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-disposition']).toBe(`attachment; filename="audit-${readerDay}.csv"`);
    expect(readCsv(await csv.text())).toHaveLength(2);

    // The same instant is on another day in UTC: filtering by that day finds nothing here.
    await filterTo(utcDay);
    await expect(page.getByTestId('audit-empty')).toBeVisible();
    await context.close();
  });

  test('a bad date in the filters is named beside its field instead of breaking the page', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    const response = await page.goto('/admin/audit?from=2026-02-30&action=denied');
    expect(response!.status()).toBe(200);
    await expect(page.getByTestId('filter-errors')).toContainText('From: from must be a real calendar date');
    await expect(page.getByTestId('filter-from-error')).toHaveText('from must be a real calendar date as YYYY-MM-DD.');
    await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('audit-table')).toHaveCount(0);

    await page.goto('/admin/audit?from=2026-03-02&to=2026-03-01');
    await expect(page.getByTestId('filter-to-error')).toHaveText('to must be on or after from.');
  });

  test('the log with results and filters has no accessibility violations, wide and at 320 px', async ({ page, playwright, baseURL }) => {
    const admin = await signedInClient({ playwright }, baseURL, 'admin@pitf.demo');
    const id = await createDeliverable(admin, 'ed');
    expect((await admin.post(`/api/deliverables/${id}/updates`, { data: { status: 'blocked', reason: 'Awaiting the grant notice.' } })).status()).toBe(201);
    await admin.dispose();

    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto(`/admin/audit?entity=deliverable&entityId=${id}&from=2020-01-01`);
    await expect(page.getByTestId('audit-table').getByRole('row')).toHaveCount(3);
    await expect(page.getByTestId('time-note')).toContainText('whole days in the time zone America/New_York');
    const wide = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(wide.violations).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    const narrow = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(narrow.violations).toEqual([]);
    // Nothing but the table's own scrolling region is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
