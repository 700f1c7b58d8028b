import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openTestDatabase, signedInAs, signInAndWait, signInApi } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PILLAR_NAMES = ['Prevention', 'Protection', 'Prosecution', 'Partnership'];

async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
}

test.describe('pillars page', () => {
  test.use(signedInAs('viewer@pitf.demo'));

  test('draws all four pillars, and its table holds the same numbers as the API', async ({ page }) => {
    await page.goto('/pillars');
    const chart = page.getByTestId('figure-by-status');
    for (const name of PILLAR_NAMES) await expect(chart.locator('.pitf-figure__chart')).toContainText(name);
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();

    // Other tests add deliverables meanwhile: compare a page and an answer read with no write
    // between them, loading both again until that is so.
    const statuses = ['not_started', 'in_progress', 'at_risk', 'blocked', 'completed'];
    await expect(async () => {
      await page.reload();
      const rows = await tableRows(page, 'table-by-status');
      const api = await (await page.request.get('/api/pillars/summary')).json();
      expect(rows.map((r) => r[0])).toEqual(PILLAR_NAMES);
      rows.forEach((row, i) => {
        const p = api.pillars[i];
        expect(row.slice(1).map(Number)).toEqual([...statuses.map((s) => p[s]), p.total]);
      });
    }).toPass({ timeout: 30_000 });
  });

  test('a keyboard user can step through the bars and read each one’s numbers', async ({ page }) => {
    await page.goto('/pillars');
    const surface = page.getByTestId('figure-by-status').locator('svg.recharts-surface[tabindex="0"]');
    await surface.focus();
    await page.keyboard.press('ArrowRight');
    const tooltip = page.getByTestId('figure-by-status').locator('.recharts-tooltip-wrapper');
    await expect(tooltip).toContainText('Protection');
    await expect(tooltip).toContainText('Completed');
    await page.keyboard.press('ArrowLeft');
    await expect(tooltip).toContainText('Prevention');
  });

  test('the change chart compares the last meeting held with today by default, not a planned meeting', async ({ page }) => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const lastHeld = () => {
      const db = openTestDatabase();
      try {
        return db
          .prepare("SELECT id, title FROM meetings WHERE status = 'held' AND date <= ? ORDER BY date DESC, id DESC LIMIT 1")
          .get(today) as { id: number; title: string };
      } finally {
        db.close();
      }
    };
    // Other tests may record a meeting as held meanwhile: read the page and the record together.
    await expect(async () => {
      await page.goto('/pillars');
      const held = lastHeld();
      await expect(page.getByLabel('Compare as of')).toHaveValue(String(held.id), { timeout: 1000 });
      await expect(page.getByLabel('with as of')).toHaveValue('now', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('figure-change')).toContainText('as of today');

    // A chosen pair stays chosen, "now" included.
    await page.getByLabel('with as of').selectOption(String(lastHeld().id));
    await page.getByLabel('Compare as of').selectOption('now');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/from=now/);
    await expect(page.getByLabel('Compare as of')).toHaveValue('now');
  });

  test('the CSV download holds the table’s numbers', async ({ page }) => {
    await page.goto('/pillars');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-by-status').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv[0]).toBe('Pillar,Not started,In progress,At risk,Blocked,Completed,Total');
    const rows = await tableRows(page, 'table-by-status');
    expect(csv.slice(1)).toEqual(rows.map((r) => r.join(',')));
  });

  test('changing a filter changes the URL, the chart and its table', async ({ page }) => {
    await page.goto('/pillars');
    const allTotal = (await tableRows(page, 'table-by-status')).reduce((n, r) => n + Number(r.at(-1)), 0);
    await page.getByLabel('Lead agency').selectOption('doj');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/agency=doj/);
    const api = await (await page.request.get('/api/pillars/summary?agency=doj')).json();
    const dojTotal = api.pillars.reduce((n: number, p: { total: number }) => n + p.total, 0);
    expect(dojTotal).toBeLessThan(allTotal);
    await expect(page.getByTestId('figure-by-status')).toContainText(`${dojTotal} deliverables`);
    const rows = await tableRows(page, 'table-by-status');
    expect(rows.reduce((n, r) => n + Number(r.at(-1)), 0)).toBe(dojTotal);
  });

  test('the summary API cuts as of a meeting', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    const db = openTestDatabase();
    const first = db.prepare("SELECT id FROM meetings WHERE date = '2022-01-25'").get() as { id: number };
    const count2022 = (db.prepare('SELECT count(*) AS n FROM deliverables WHERE created_at <= ?').get(Date.parse('2022-01-25T23:59:59.999Z')) as { n: number }).n;
    db.close();
    const cut = await (await request.get(`/api/pillars/summary?asOf=${first.id}`)).json();
    expect(cut.asOf.date).toBe('2022-01-25');
    expect(cut.pillars.reduce((n: number, p: { total: number }) => n + p.total, 0)).toBe(count2022);
    expect((await request.get('/api/pillars/summary?asOf=99999')).status()).toBe(400);
  });
});

test.describe('statistics page', () => {
  test('shows the hotline cases and the HHS certifications with their shares, each with a source link', async ({ page }) => {
    await signInAndWait(page, 'viewer@pitf.demo');
    await page.goto('/statistics');
    const hotline = page.getByTestId('indicator-us-hotline-cases');
    await expect(hotline).toContainText('11,193');
    await expect(hotline.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
    const certified = page.getByTestId('indicator-us-hhs-certified-foreign-victims');
    await expect(certified).toContainText('508');
    await expect(certified).toContainText('673');
    const shares = await tableRows(page, 'table-hhs-shares');
    expect(shares).toEqual([
      ['Adults', '508', '70', '15', '11', '4'],
      ['Children', '673', '69', '25', '5', '1'],
    ]);
    const byType = page.getByTestId('indicator-us-hhs-certified-by-type');
    await expect(byType).toContainText('70%');
    await expect(byType.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  });

  test('the global estimates name the year they describe and the year they were published; priority actions read “over 60”', async ({ page }) => {
    await signInAndWait(page, 'viewer@pitf.demo');
    await page.goto('/statistics');
    const victims = page.getByTestId('indicator-global-victims');
    const of2016 = victims.getByRole('row', { name: /estimate for 2016, published 2017/ });
    await expect(of2016).toContainText('24.9 million');
    await expect(of2016).toContainText('Global Estimates of Modern Slavery (ILO, Walk Free and IOM, 2017 edition)');
    const of2021 = victims.getByRole('row', { name: /estimate for 2021, published 2022/ });
    await expect(of2021).toContainText('nearly 27.6 million');
    await expect(of2021.getByRole('link')).toHaveAttribute('href', /^https:\/\/www\.state\.gov\//);
    await expect(of2021).toContainText('Feb 13, 2023');
    const actions = page.getByTestId('indicator-nap-priority-actions');
    await expect(actions.getByRole('row', { name: /2021/ })).toContainText('over 60');
    await expect(page.getByTestId('indicator-us-doj-funding-dec-2021')).toContainText('nearly $87 million');
    await expect(page.getByTestId('indicator-us-doj-funding-dec-2021')).toContainText('about $15 million');
  });

  test('a viewer cannot add an observation (403), and nothing is stored', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    const response = await request.post('/api/statistics/observations', {
      data: { indicator: 'us-hotline-cases', unit: 'cases', period: '2021', value: 10000, sourceId: 1 },
    });
    expect(response.status()).toBe(403);
    const db = openTestDatabase();
    const n = (db.prepare("SELECT count(*) AS n FROM observations WHERE period = '2021' AND value = 10000").get() as { n: number }).n;
    db.close();
    expect(n).toBe(0);
  });

  test('an admin’s bad observation gets 400 naming the field', async ({ request }) => {
    await signInApi(request, 'admin@pitf.demo');
    const base = { indicator: 'us-hotline-cases', unit: 'cases', period: '2021', value: 10583, sourceId: 1 };
    const negative = await request.post('/api/statistics/observations', { data: { ...base, value: -3 } });
    expect(negative.status()).toBe(400);
    expect(Object.keys((await negative.json()).error.fields)).toEqual(['value']);
    const unit = await request.post('/api/statistics/observations', { data: { ...base, unit: 'furlongs' } });
    expect(Object.keys((await unit.json()).error.fields)).toEqual(['unit']);
    const early = await request.post('/api/statistics/observations', { data: { ...base, publishedYear: 2020 } });
    expect(early.status()).toBe(400);
    expect((await early.json()).error.fields).toEqual({ publishedYear: ['An estimate cannot be published before the period it describes.'] });
    const loose = await request.post('/api/statistics/observations', { data: { ...base, qualifier: 'roughly' } });
    expect(Object.keys((await loose.json()).error.fields)).toEqual(['qualifier']);
    const { sourceId: _omit, ...noSource } = base;
    const missing = await request.post('/api/statistics/observations', { data: noSource });
    expect(missing.status()).toBe(400);
    expect(Object.keys((await missing.json()).error.fields)).toEqual(['sourceId']);
  });

  test('an admin adds an observation through the form and it appears with its source', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/statistics');
    const form = page.getByTestId('observation-form');
    await form.getByLabel('Indicator').selectOption('us-hotline-cases');
    await form.getByLabel('Period').fill('2019');
    await form.getByLabel('Value').fill('-1');
    await form.getByRole('button', { name: 'Add observation' }).click();
    await expect(page.getByTestId('obs-value-error')).toHaveText('The value cannot be negative.');
    await expect(page.getByTestId('obs-source-error')).toHaveText('Choose the source document.');
    await form.getByLabel('Value').fill('11500');
    await form.getByLabel('As the source words it').selectOption('about');
    await form.getByLabel('Source document').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Add observation' }).click();
    await expect(page.getByTestId('observation-message')).toHaveText('Observation added.');
    await expect(page.getByTestId('indicator-us-hotline-cases')).toContainText('about 11,500');
    const db = openTestDatabase();
    const event = db.prepare("SELECT action FROM audit_events WHERE action = 'observation.create' ORDER BY id DESC LIMIT 1").get();
    db.close();
    expect(event).toEqual({ action: 'observation.create' });
  });
});

test.describe('charts are light where there are none', () => {
  test.use(signedInAs('viewer@pitf.demo'));

  test('a page without charts loads no chart code; the pillars page does', async ({ page }) => {
    const scripts: string[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) scripts.push(await r.text().catch(() => ''));
    });
    await page.goto('/agencies', { waitUntil: 'networkidle' });
    expect(scripts.some((s) => s.includes('recharts'))).toBe(false);
    scripts.length = 0;
    await page.goto('/pillars', { waitUntil: 'networkidle' });
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    expect(scripts.some((s) => s.includes('recharts'))).toBe(true);
  });
});

test.describe('accessibility (WCAG 2.1 AA)', () => {
  test.use(signedInAs('admin@pitf.demo'));

  for (const path of ['/pillars', '/statistics']) {
    test(`${path} has no violations, wide and at 320 px`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('.recharts-surface').first()).toBeVisible();
      expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
      await page.setViewportSize({ width: 320, height: 800 });
      expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
    });
  }
});
