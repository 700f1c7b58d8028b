import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { apiSession, direct, openTestDatabase, signInAndWait, storageStateFile } from './helpers';

/**
 * The public record end to end: Treasury's official marks a deliverable publishable, the chair's
 * staff publish, and a signed-out browser reads it at /public; nothing internal ever shows there,
 * and a release stays as it was published. Treasury's deliverables made here are this spec's own;
 * no other spec publishes a release.
 */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const t = Date.now().toString(36);
const PUBLIC_TITLE = `Sanctions screening guidance for banks ${t}`;
const HIDDEN_TITLE = `Draft interagency memo not for release ${t}`;
const SECRET_REASON = `Counsel review pending on disclosure ${t}`;
const SECRET_NOTE = `Briefed the deputy privately ${t}`;

let publicId = 0;
let hiddenId = 0;

/** A browser with no session at all, as the public has. */
async function signedOut(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  return { context, page, problems };
}

/** Every internal value that must never reach the public record. */
function internalValues(): string[] {
  const db = openTestDatabase();
  try {
    const pick = (sql: string) => (db.prepare(sql).pluck().all() as (string | null)[]).filter((v): v is string => !!v && v.trim().length >= 12);
    return [
      HIDDEN_TITLE,
      SECRET_REASON,
      SECRET_NOTE,
      '@pitf.demo',
      ...pick("SELECT name FROM users WHERE email LIKE '%@pitf.demo'").filter((n) => n.includes(' ')),
      ...pick("SELECT statement FROM agency_reports WHERE statement <> '' LIMIT 20"),
      ...pick('SELECT message FROM reminders LIMIT 20'),
      ...pick('SELECT status_reason FROM deliverables WHERE status_reason IS NOT NULL LIMIT 20'),
      ...pick("SELECT note FROM progress_updates WHERE note <> '' ORDER BY id DESC LIMIT 20"),
    ];
  } finally {
    db.close();
  }
}

test.describe.serial('the public record', () => {
  test('before any release, /public says plainly that nothing has been published, without signing in', async ({ browser }) => {
    const { context, page, problems } = await signedOut(browser);
    const response = await page.goto('/public');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/public$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nothing has been published yet');
    await expect(page.getByRole('link', { name: 'Staff sign-in' })).toHaveAttribute('href', '/login');
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('an official marks a deliverable publishable on its page; the chair and viewers cannot', async ({ page, playwright }) => {
    const treasury = await apiSession(playwright, 'official.treasury@pitf.demo');
    const create = async (title: string) =>
      ((await (await treasury.post('/api/deliverables', { data: { leadAgency: 'treasury', title, pillar: 'prosecution', supportingAgencies: ['doj'] } })).json()) as { id: number }).id;
    publicId = await create(PUBLIC_TITLE);
    hiddenId = await create(HIDDEN_TITLE);
    const update = await treasury.post(`/api/deliverables/${publicId}/updates`, { data: { status: 'at_risk', progress: 35, note: SECRET_NOTE, reason: SECRET_REASON } });
    expect(update.status()).toBe(201);

    // Refusals: the chair's staff and a viewer may not; a body without the flag names it.
    const chair = await apiSession(playwright, 'chair@pitf.demo');
    expect((await chair.put(`/api/deliverables/${publicId}/publishable`, { data: { publishable: true } })).status()).toBe(403);
    const viewer = await apiSession(playwright, 'viewer@pitf.demo');
    expect((await viewer.put(`/api/deliverables/${publicId}/publishable`, { data: { publishable: true } })).status()).toBe(403);
    const bad = await treasury.put(direct(`/api/deliverables/${publicId}/publishable`), { data: { publishable: 'yes' } });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('publishable');
    expect((await treasury.post('/api/releases', { data: {} })).status()).toBe(403);

    await signInAndWait(page, 'official.treasury@pitf.demo');
    await page.goto(`/deliverables/${publicId}`);
    const section = page.getByTestId('publishable');
    await expect(section.getByTestId('publishable-state')).toHaveText(/Not publishable/);
    await expect(section).toContainText('Nothing else is published');
    await section.getByRole('button', { name: 'Mark publishable' }).click();
    await expect(section.getByTestId('publishable-state')).toHaveText(/Publishable: it goes into the next release/);
    await expect(section.getByRole('button', { name: 'Stop publishing it' })).toBeVisible();
    for (const request of [treasury, chair, viewer]) await request.dispose();
  });

  test('the chair publishes a release and a signed-out browser reads it at /public', async ({ browser }) => {
    const chairContext = await browser.newContext({ storageState: storageStateFile('chair@pitf.demo') });
    const chair = await chairContext.newPage();
    await chair.goto('/releases');
    await expect(chair.getByRole('heading', { level: 1, name: 'Releases of the public record' })).toBeVisible();
    await expect(chair.getByTestId('next-added')).toContainText(PUBLIC_TITLE);
    await expect(chair.getByTestId('next-added')).not.toContainText(HIDDEN_TITLE);
    const axe = await new AxeBuilder({ page: chair }).withTags(WCAG_21_AA).analyze();
    expect(axe.violations).toEqual([]);
    await chair.getByLabel('Note (optional)').fill('First public release');
    await chair.getByRole('button', { name: /^Publish release \d+$/ }).click();
    await expect(chair.getByTestId('publish-message')).toContainText(/Release \d+ is published/);
    await expect(chair.getByTestId('releases-published')).toContainText('First public release');
    await chairContext.close();

    const { context, page, problems } = await signedOut(browser);
    await page.goto('/public');
    await expect(page).toHaveURL(/\/public$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress on the National Action Plan');
    await expect(page.getByTestId('release-line')).toContainText('Release 1');
    await expect(page.getByTestId('by-pillar')).toContainText('Prosecution');
    // The chart beside the table, drawn without script: the published deliverable's pillar has a bar.
    const chart = page.getByRole('img', { name: /^Bar chart: published deliverables by pillar/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('rect title').filter({ hasText: /^Prosecution: 1 at risk$/ })).toHaveCount(1);
    await page.getByRole('navigation', { name: 'Public record' }).getByRole('link', { name: 'By agency' }).click();
    await page.getByRole('link', { name: /Department of the Treasury/ }).click();
    await page.getByRole('link', { name: PUBLIC_TITLE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(PUBLIC_TITLE);
    await expect(page.getByTestId('public-status')).toContainText('At risk');
    await expect(page.getByTestId('public-details')).toContainText('Department of Justice');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('no public page or download shows an internal value, and every one passes axe', async ({ browser }) => {
    // Every public page (an agency page for each member among them) is read and scanned with axe.
    test.setTimeout(240_000);
    const forbidden = internalValues();
    const { context, page, problems } = await signedOut(browser);
    const seen = new Set<string>();
    const queue = ['/public'];
    const downloads: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expect(new URL(page.url()).pathname, path).toBe(path);
      const body = await page.content();
      for (const value of forbidden) expect(body.includes(value), `${path} shows "${value}"`).toBe(false);
      // The same page, as the next visitor gets it from the cache.
      expect((await page.request.get(path)).status()).toBe(200);
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      expect(results.violations, path).toEqual([]);
      const links = await page.locator('a[href^="/public"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const href of links) {
        if (/\.(csv|json)$/.test(href)) downloads.push(href);
        else if (!seen.has(href)) queue.push(href);
      }
    }
    expect(seen.has(`/public/deliverables/${publicId}`)).toBe(true);
    expect(seen.has(`/public/deliverables/${hiddenId}`)).toBe(false);
    expect(downloads.length).toBeGreaterThan(0);
    for (const href of new Set(downloads)) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      const text = await response.text();
      expect(text).toContain(PUBLIC_TITLE);
      for (const value of forbidden) expect(text.includes(value), `${href} shows "${value}"`).toBe(false);
    }
    const response = await page.request.get(`/public/deliverables/${hiddenId}`);
    expect(response.status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a release is frozen: a later update shows only once the next release is published', async ({ browser, playwright }) => {
    const treasury = await apiSession(playwright, 'official.treasury@pitf.demo');
    const updated = await treasury.post(`/api/deliverables/${publicId}/updates`, { data: { status: 'completed', progress: 100, note: 'Issued' } });
    expect(updated.status()).toBe(201);
    const { context, page } = await signedOut(browser);
    await page.goto(`/public/deliverables/${publicId}`);
    await expect(page.getByTestId('public-status')).toContainText('At risk');
    const frozen = (await (await page.request.get('/public/releases/1/deliverables.json')).json()) as { deliverables: { id: number; status: string }[] };
    expect(frozen.deliverables.find((d) => d.id === publicId)?.status).toBe('at_risk');

    const chair = await apiSession(playwright, 'chair@pitf.demo');
    const published = await chair.post('/api/releases', { data: { note: 'Second release' } });
    expect(published.status()).toBe(201);
    const second = (await published.json()) as { number: number };
    await page.goto(`/public/deliverables/${publicId}`);
    await expect(page.getByTestId('public-status')).toContainText('Completed');
    await page.goto('/public/releases');
    await expect(page.getByTestId('releases')).toContainText(`Release ${second.number}`);
    // The first release still says what it said.
    await page.goto('/public/releases/1');
    await expect(page.getByTestId('deliverables')).toContainText(PUBLIC_TITLE);
    await expect(page.getByTestId('deliverables')).toContainText('At risk');
    const stillFrozen = (await (await page.request.get('/public/releases/1/deliverables.json')).json()) as { deliverables: { id: number; status: string }[] };
    expect(stillFrozen.deliverables.find((d) => d.id === publicId)?.status).toBe('at_risk');
    await context.close();
    await treasury.dispose();
    await chair.dispose();
  });

  test('a page asked for again is the same page with the same headers, and a new release shows on the very next request', async ({ browser, playwright }) => {
    const { context, page } = await signedOut(browser);
    // Headers that belong to the connection or the moment, not to the page.
    const pageHeaders = (headers: Record<string, string>) =>
      Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)));
    const chair = await apiSession(playwright, 'chair@pitf.demo');
    const published = await chair.post('/api/releases', { data: { note: 'Third release' } });
    expect(published.status()).toBe(201);
    const { number } = (await published.json()) as { number: number };

    // Rendered for the new release on the first request, answered from memory on the next: the
    // same bytes and the same headers, whether the client accepts gzip or not.
    for (const path of ['/public', '/public/agencies/treasury', `/public/deliverables/${publicId}`, `/public/releases/${number}/deliverables.csv`]) {
      for (const encoding of ['gzip, deflate, br', 'identity']) {
        const first = await page.request.get(path, { headers: { 'accept-encoding': encoding } });
        const second = await page.request.get(path, { headers: { 'accept-encoding': encoding } });
        expect(first.status(), path).toBe(200);
        expect(second.status(), path).toBe(200);
        expect(await second.body(), path).toEqual(await first.body());
        expect(pageHeaders(second.headers()), `${path} (${encoding})`).toEqual(pageHeaders(first.headers()));
        expect(first.headers()['content-security-policy'], path).toContain("default-src 'none'");
        expect(first.headers()['x-frame-options'], path).toBe('DENY');
      }
      // A visitor who has the page is told it has not changed; a HEAD gets the headers alone.
      const etag = (await page.request.get(path)).headers()['etag']!;
      const unchanged = await page.request.get(path, { headers: { 'if-none-match': etag } });
      expect(unchanged.status(), path).toBe(304);
      expect((await unchanged.body()).length).toBe(0);
      const head = await page.request.head(path);
      expect(head.status(), path).toBe(200);
      expect(head.headers()['etag']).toBe(etag);
      expect((await head.body()).length).toBe(0);
    }
    const csv = await page.request.get(`/public/releases/${number}/deliverables.csv`);
    expect(csv.headers()['content-disposition']).toBe(`attachment; filename="pitf-release-${number}-deliverables.csv"`);
    expect(await csv.text()).toContain(PUBLIC_TITLE);

    // An address with no page is answered 404 alike every time (from memory after the first)...
    for (const path of ['/public/no-such-page', `/public/releases/${number + 1}`]) {
      const first = await page.request.get(path);
      const second = await page.request.get(path);
      expect(first.status(), path).toBe(404);
      expect(second.status(), path).toBe(404);
      expect(await second.body(), path).toEqual(await first.body());
      expect(pageHeaders(second.headers()), path).toEqual(pageHeaders(first.headers()));
      expect(await first.text(), path).toContain('Page not found');
    }

    // /public is kept for this release; the next release replaces it on the very next request.
    expect(await (await page.request.get('/public')).text()).toContain(`Release ${number}`);
    const next = await chair.post('/api/releases', { data: { note: 'Fourth release' } });
    expect(next.status()).toBe(201);
    const after = (await next.json()) as { number: number };
    await page.goto('/public');
    await expect(page.getByTestId('release-line')).toContainText(`Release ${after.number}`);
    // ...until a release gives it one: the release just published is found at once.
    expect(after.number).toBe(number + 1);
    expect((await page.request.get(`/public/releases/${after.number}`)).status()).toBe(200);
    await context.close();
    await chair.dispose();
  });
});

