import { expect, test } from '@playwright/test';
import { openTestDatabase, signedInAs, signInAndWait, signInApi } from './helpers';

type Item = { id: number; title: string; status: string; leadAgency: string; overdue: boolean };

/** The deliverables DHS supports, as stored. */
function supportedByDhs(): number[] {
  const db = openTestDatabase();
  try {
    return db
      .prepare(
        `SELECT s.deliverable_id AS id FROM deliverable_supporters s JOIN agencies a ON a.id = s.agency_id
         WHERE a.slug = 'dhs' ORDER BY s.deliverable_id`,
      )
      .pluck()
      .all() as number[];
  } finally {
    db.close();
  }
}

test.describe('the overview drills down', () => {
  test.use(signedInAs('viewer@pitf.demo'));

  test('each headline card opens the deliverables list it counts', async ({ page }) => {
    await page.goto('/');
    const cards = page.getByTestId('headline-numbers');
    const expected: [RegExp, string][] = [
      [/^\d[\d,]* Deliverables$/, '/deliverables'],
      [/Completed$/, '/deliverables?status=completed'],
      [/At risk or blocked$/, '/deliverables?status=at_risk,blocked&sort=concern'],
      [/Stale \(no update in 90 days\)$/, '/deliverables?stale=true&sort=concern'],
      [/Overdue$/, '/deliverables?overdue=true&sort=concern'],
      [/Member agencies$/, '/agencies'],
    ];
    for (const [name, href] of expected) await expect(cards.getByRole('link', { name })).toHaveAttribute('href', href);

    // Overdue: the list opens filtered, every row overdue, as many as the API counts.
    await cards.getByRole('link', { name: /Overdue$/ }).click();
    await expect(page).toHaveURL(/\/deliverables\?overdue=true&sort=concern$/);
    await expect(page.getByLabel('Overdue only')).toBeChecked();
    const rows = page.getByTestId('deliverables-table').locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText('Overdue');
    // Other tests may add an overdue deliverable meanwhile: read the page again until it and the API agree.
    await expect(async () => {
      await page.reload();
      const api = (await (await page.request.get('/api/deliverables?overdue=true')).json()) as { total: number };
      await expect(page.getByTestId('result-count')).toContainText(`${api.total} deliverable`, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });

    // At risk or blocked: two statuses at once, named in the status filter.
    await page.goBack();
    await cards.getByRole('link', { name: /At risk or blocked$/ }).click();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('at_risk,blocked');
    const statuses = await page.getByTestId('deliverables-table').locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(s).toMatch(/At risk|Blocked/);
  });

  test('each recent update opens its deliverable', async ({ page }) => {
    await page.goto('/');
    const first = page.getByTestId('recent-updates').getByRole('listitem').first().getByRole('link');
    const title = await first.innerText();
    await first.click();
    await expect(page).toHaveURL(/\/deliverables\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });
});

test.describe('deliverables an agency supports', () => {
  test('GET /api/deliverables?supportedBy= lists them, and names an unknown agency', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    await expect(async () => {
      const stored = supportedByDhs();
      const list = (await (await request.get('/api/deliverables?supportedBy=dhs&pageSize=200')).json()) as { items: Item[]; total: number };
      expect(list.items.map((d) => d.id).sort((a, b) => a - b)).toEqual(stored);
      expect(list.total).toBe(stored.length);
    }).toPass({ timeout: 10_000 });
    const list = (await (await request.get('/api/deliverables?supportedBy=dhs')).json()) as { items: Item[] };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((d) => d.leadAgency !== 'dhs')).toBe(true);

    const unknown = await request.get('/api/deliverables?supportedBy=nasa');
    expect(unknown.status()).toBe(400);
    expect((await unknown.json()).error.fields).toEqual({ supportedBy: ['No agency has the short name "nasa".'] });
    const badStatus = await request.get('/api/deliverables?status=at_risk,finished');
    expect(badStatus.status()).toBe(400);
    expect(Object.keys((await badStatus.json()).error.fields)).toEqual(['status']);

    const csv = await request.get('/api/export/deliverables.csv?supportedBy=dhs');
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    for (const id of supportedByDhs()) expect(text).toMatch(new RegExp(`\\n${id},`));
    const db = openTestDatabase();
    const ledByDhs = db.prepare("SELECT d.id FROM deliverables d JOIN agencies a ON a.id = d.lead_agency_id WHERE a.slug = 'dhs' LIMIT 1").pluck().get() as number;
    db.close();
    expect(text).not.toMatch(new RegExp(`\\n${ledByDhs},`));
  });

  test('the list page filters by supporting agency, and the board shows them beside those the agency leads', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/deliverables');
    await page.getByLabel('Supported by').selectOption('dhs');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/supportedBy=dhs/);
    const stored = supportedByDhs();
    await expect(page.getByTestId('result-count')).toContainText(`${stored.length} deliverable`);
    const leads = await page.getByTestId('deliverables-table').locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(leads.length).toBe(stored.length);
    expect(leads).not.toContain('DHS');

    await page.goto('/agencies/dhs');
    const views = page.getByTestId('board-views');
    await expect(views.getByRole('link', { name: /DHS leads/ })).toHaveAttribute('aria-current', 'page');
    await views.getByRole('link', { name: `DHS supports (${stored.length})` }).click();
    await expect(page).toHaveURL(/\/agencies\/dhs\?view=support$/);
    await expect(page.getByRole('group', { name: 'Deliverables DHS supports, by status' })).toBeVisible();
    const cards = page.locator('.pitf-card');
    await expect(cards).toHaveCount(stored.length);
    for (const card of await cards.all()) await expect(card).toContainText(/Led by (?!DHS)/);
    // The secretariat may move any card; the board's own filters keep the view.
    await expect(cards.first().getByRole('button', { name: /Move/ })).toBeVisible();
    await page.getByLabel('Pillar').selectOption('prosecution');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/view=support/);
    await expect(page).toHaveURL(/pillar=prosecution/);
  });
});
