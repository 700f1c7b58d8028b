import AxeBuilder from '@axe-core/playwright';
import { expect, test, type PlaywrightWorkerArgs } from '@playwright/test';
import Papa from 'papaparse';
import { openTestDatabase, signInAndWait, signInApi } from './helpers';

const EXPORT_HEADER = [
  'id',
  'lead_agency',
  'supporting_agencies',
  'pillar',
  'title',
  'description',
  'status',
  'progress',
  'due_on',
  'overdue',
  'stale',
  'last_update_at',
  'announced_at_meeting_id',
  'funding_usd',
  'nap_action',
  'objective_id',
  'objective',
  'status_reason',
  'measure_label',
  'measure_unit',
  'measure_target',
  'measure_actual',
];

function readCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

/** What a refusal must leave as it was: the deliverables and their creation events. */
/**
 * The deliverables with these titles and the creation events written for them. Other tests create
 * deliverables at the same time, so an import's effect is measured on its own rows' titles.
 */
function deliverableState(titles: string[]) {
  const db = openTestDatabase();
  try {
    const list = JSON.stringify(titles);
    const deliverables = db.prepare('SELECT count(*) FROM deliverables WHERE title IN (SELECT value FROM json_each(?))').pluck().get(list) as number;
    const created = db
      .prepare("SELECT count(*) FROM audit_events WHERE action = 'deliverable.create' AND json_extract(after, '$.title') IN (SELECT value FROM json_each(?))")
      .pluck()
      .get(list) as number;
    return { deliverables, created };
  } finally {
    db.close();
  }
}

function titlesStored(titles: string[]): { title: string; lead: string }[] {
  const db = openTestDatabase();
  try {
    return db
      .prepare(
        `SELECT d.title, a.slug AS lead FROM deliverables d JOIN agencies a ON a.id = d.lead_agency_id
         WHERE d.title IN (${titles.map(() => '?').join(',')}) ORDER BY d.id`,
      )
      .all(...titles) as { title: string; lead: string }[];
  } finally {
    db.close();
  }
}

/** A separate API client signed in as `email` (cookies of its own). */
async function signedInClient({ playwright }: Pick<PlaywrightWorkerArgs, 'playwright'>, baseURL: string | undefined, email: string) {
  const request = await playwright.request.newContext({ baseURL });
  expect((await signInApi(request, email)).ok()).toBe(true);
  return request;
}

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe('CSV export', () => {
  test('the export for DHS holds exactly the deliverables the list API returns for DHS', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    const response = await request.get('/api/export/deliverables.csv?agency=dhs');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="deliverables-dhs-\d{4}-\d{2}-\d{2}\.csv"$/);

    const [header, ...rows] = readCsv(await response.text());
    expect(header).toEqual(EXPORT_HEADER);
    const list = await (await request.get('/api/deliverables?agency=dhs&pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBeLessThanOrEqual(200);
    expect(rows.map((r) => Number(r[0]))).toEqual(list.items.map((d: { id: number }) => d.id));
    expect(rows.every((r) => r[1] === 'dhs')).toBe(true);
  });

  test('a title that starts with = is exported as text, not as a formula', async ({ request }) => {
    await signInApi(request, 'official.dhs@pitf.demo');
    const title = `=HYPERLINK("https://evil.example","Click me") ${unique()}`;
    const created = await request.post('/api/deliverables', { data: { leadAgency: 'dhs', title, pillar: 'prevention' } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    const text = await (await request.get('/api/export/deliverables.csv?agency=dhs')).text();
    const row = readCsv(text).find((r) => r[0] === String(id));
    expect(row?.[4]).toBe(`'${title}`);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""Click me"")`);
  });

  test('a bad filter is a 400 naming it, and signed-out callers get 401', async ({ request }) => {
    expect((await request.get('/api/export/deliverables.csv')).status()).toBe(401);
    await signInApi(request, 'viewer@pitf.demo');
    const response = await request.get('/api/export/deliverables.csv?status=finished&agency=nasa');
    expect(response.status()).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['status']);
  });
});

test.describe('CSV import page', () => {
  test('a file with one bad row shows that row’s errors and imports nothing', async ({ page }) => {
    const rows = [`Good row ${unique()}`, `Bad row ${unique()}`];
    await signInAndWait(page, 'official.dhs@pitf.demo');
    await page.goto('/agencies/dhs/import');
    await expect(page.getByRole('heading', { level: 1, name: 'Import deliverables for Department of Homeland Security' })).toBeVisible();

    const csv = ['Title,Pillar,due_on', `${rows[0]},prevention,2027-06-30`, `${rows[1]},pillars,2027-02-30`, ''].join('\r\n');
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'dhs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByLabel('CSV text')).toHaveValue(csv.replace(/\r\n/g, '\n'));
    await page.getByRole('button', { name: 'Check file' }).click();

    await expect(page.getByTestId('import-status')).toContainText('2 rows checked: 1 ready, 1 row with errors.');
    await expect(page.getByTestId('import-row-2')).toContainText('Ready to import');
    const bad = page.getByTestId('import-row-3');
    await expect(bad).toContainText('2 errors');
    await expect(bad).toContainText('pillar: Choose one of prevention, protection, prosecution, partnership.');
    await expect(bad).toContainText('due_on: Enter a real calendar date as YYYY-MM-DD.');
    await expect(page.getByRole('button', { name: 'Import 2 deliverables' })).toBeDisabled();

    // The server refuses the same file too, whatever the page allows.
    const commit = await page.request.post('/api/agencies/dhs/import', { data: { csv, mode: 'commit' } });
    expect(commit.status()).toBe(400);
    expect(await commit.json()).toMatchObject({ valid: 1, invalid: 1, rows: [{ line: 2, errors: {} }, { line: 3 }] });
    expect(deliverableState(rows)).toEqual({ deliverables: 0, created: 0 });
  });

  test('a good file is imported through the page, with links to the new deliverables', async ({ page }) => {
    const titles = [`Screening training, phase ${unique()}`, `Shelter grants "round two" ${unique()}`];
    await signInAndWait(page, 'official.dhs@pitf.demo');
    await page.goto('/agencies/dhs/import');
    const csv = [
      'title,pillar,supporting_agencies,funding_usd,description',
      `"${titles[0]}",prevention,doj;hhs,250000,`,
      `"${titles[1]!.replace(/"/g, '""')}",protection,,,"Two lines:\nfirst, then second"`,
    ].join('\n');
    await page.getByLabel('CSV text').fill(csv);
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByTestId('import-status')).toContainText('2 rows checked: 2 ready, 0 rows with errors.');
    await page.getByRole('button', { name: 'Import 2 deliverables' }).click();

    const success = page.getByTestId('import-status').getByRole('heading', { name: '2 deliverables imported' });
    await expect(success).toBeVisible();
    for (const title of titles) {
      await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', /^\/deliverables\/\d+$/);
    }
    expect(titlesStored(titles)).toEqual(titles.map((title) => ({ title, lead: 'dhs' })));
    expect(deliverableState(titles)).toEqual({ deliverables: 2, created: 2 });
  });

  test('the template link gives a CSV with the header row', async ({ page }) => {
    await signInAndWait(page, 'official.dhs@pitf.demo');
    await page.goto('/agencies/dhs/import');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download a template' }).click()]);
    expect(download.suggestedFilename()).toBe('deliverables-import-template.csv');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(readCsv(Buffer.concat(chunks).toString('utf8'))).toEqual([
      [
        'title',
        'pillar',
        'description',
        'due_on',
        'supporting_agencies',
        'announced_at_meeting_id',
        'funding_usd',
        'nap_action',
        'objective_id',
        'measure_label',
        'measure_unit',
        'measure_target',
        'measure_actual',
      ],
    ]);
  });

  test('the page with a row in error has no accessibility violations', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/agencies/dos/import');
    await page.getByLabel('CSV text').fill('title,pillar\n,prevention\n');
    await page.getByRole('button', { name: 'Check file' }).click();
    await expect(page.getByTestId('import-row-2')).toContainText('title: Enter a title.');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });

  test('a viewer sees that they cannot import, and no form', async ({ page }) => {
    await signInAndWait(page, 'viewer@pitf.demo');
    await page.goto('/agencies/dhs/import');
    await expect(page.getByTestId('import-not-allowed')).toContainText('You cannot import deliverables for DHS');
    await expect(page.getByRole('button', { name: 'Check file' })).toHaveCount(0);
  });
});

test.describe('CSV import API', () => {
  const csv = 'title,pillar\nShould never be stored,prevention\n';
  const nothingStored = () => expect(deliverableState(['Should never be stored'])).toEqual({ deliverables: 0, created: 0 });

  test('a viewer gets 403, and nothing changes', async ({ playwright, baseURL }) => {
    const viewer = await signedInClient({ playwright }, baseURL, 'viewer@pitf.demo');
    for (const mode of ['preview', 'commit']) {
      const response = await viewer.post('/api/agencies/dhs/import', { data: { csv, mode } });
      expect(response.status(), mode).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
      nothingStored();
    }
    // Refused before the body is read: a malformed body is still a 403.
    expect((await viewer.post('/api/agencies/dhs/import', { data: 'not json' })).status()).toBe(403);
    await viewer.dispose();
  });

  test('the DHS official gets 403 importing for State, and nothing changes', async ({ playwright, baseURL }) => {
    const official = await signedInClient({ playwright }, baseURL, 'official.dhs@pitf.demo');
    const response = await official.post('/api/agencies/dos/import', { data: { csv, mode: 'commit' } });
    expect(response.status()).toBe(403);
    nothingStored();
    await official.dispose();
  });

  test('an unknown agency is 404; an empty file, a missing header or too many rows is 400', async ({ playwright, baseURL }) => {
    const rows = Array.from({ length: 501 }, (_, i) => `Too many rows ${unique()} ${i},prevention`);
    const admin = await signedInClient({ playwright }, baseURL, 'admin@pitf.demo');
    expect((await admin.post('/api/agencies/nasa/import', { data: { csv, mode: 'commit' } })).status()).toBe(404);
    nothingStored();

    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['Train screeners,prevention\n', /header row/],
      [['title,pillar', ...rows].join('\n'), /at most 500/],
    ];
    for (const [text, message] of cases) {
      const response = await admin.post('/api/agencies/dhs/import', { data: { csv: text, mode: 'commit' } });
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.message).toMatch(message);
      expect(body.error.fields.csv.length).toBeGreaterThan(0);
    }
    expect(deliverableState(['Train screeners', ...rows.map((r) => r.split(',')[0]!)])).toEqual({ deliverables: 0, created: 0 });
    await admin.dispose();
  });
});
