import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { openTestDatabase, signInAndWait, signInApi } from './helpers';

/**
 * Measures: what a deliverable counts toward a target. USTR's board carries no other spec's
 * moves, and each test makes deliverables of its own.
 */
const OFFICIAL = 'official.ustr@pitf.demo';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** The stored rows with this title: what a refused request must leave as it was. */
function storedByTitle(title: string) {
  const db = openTestDatabase();
  try {
    return db
      .prepare(
        `SELECT d.id, d.progress, d.version, d.measure_label, d.measure_unit, d.measure_target, d.measure_actual,
                (SELECT count(*) FROM progress_updates u WHERE u.deliverable_id = d.id) AS updates
           FROM deliverables d WHERE d.title = ? ORDER BY d.id`,
      )
      .all(title) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

function readCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

async function downloadedText(page: Page, link: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const IMPORT_COLUMNS = ['title', 'pillar', 'description', 'due_on', 'supporting_agencies', 'measure_label', 'measure_unit', 'measure_target', 'measure_actual'];

test('an official counts investigators trained: creates with a measure, posts a new count, exports, re-imports, and sees the count everywhere', async ({
  page,
}) => {
  const title = `Train investigators in trauma-informed interviewing ${unique()}`;
  await signInAndWait(page, OFFICIAL);
  await page.goto('/agencies/ustr');
  await page.getByRole('link', { name: 'New deliverable' }).click();
  const form = page.getByTestId('create-form');
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Pillar').selectOption('prosecution');

  // A count with neither what is counted nor a target: refused, each field named by its label.
  await form.getByLabel('Count so far').fill('640');
  await form.getByRole('button', { name: 'Create deliverable' }).click();
  const summary = page.getByTestId('form-message');
  await expect(summary).toContainText('Nothing was saved. Correct what is marked and try again.');
  await expect(summary.getByRole('link', { name: 'What is counted' })).toBeVisible();
  await expect(summary).toContainText('What is counted: Say what is counted, e.g. investigators trained.');
  await expect(summary).toContainText('Target: Enter the target as a whole number.');
  await expect(summary).toBeFocused();
  await expect(page.getByTestId('edit-measure-target-error')).toHaveText('Enter the target as a whole number.');
  await expect(form.getByLabel('Target')).toHaveAttribute('aria-invalid', 'true');
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);

  // A target that is not a whole number above zero: refused too.
  await form.getByLabel('What is counted').fill('investigators trained');
  await form.getByLabel('Target').fill('0');
  await form.getByRole('button', { name: 'Create deliverable' }).click();
  await expect(summary).toContainText('Target: The target must be above zero.');
  await expect(summary).not.toContainText('What is counted');
  expect(storedByTitle(title)).toEqual([]);

  await form.getByLabel('Target').fill('1,200');
  await form.getByRole('button', { name: 'Create deliverable' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('deliverable-measure')).toHaveText('640 of 1,200 investigators trained; progress follows the count');
  await expect(page.getByTestId('measure-summary')).toHaveText('640 of 1,200 investigators trained');
  await expect(page.locator('.pitf-progress__value').first()).toHaveText('53%');

  // A progress update with a new count: the progress follows it, and the history keeps the count.
  const update = page.getByTestId('progress-update-form');
  await expect(update.getByLabel('Progress (%)')).toHaveCount(0);
  await update.getByLabel('Status').selectOption('in_progress');
  await update.getByLabel('Count so far').fill('-5');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(update.getByTestId('form-message')).toContainText('Count so far: The count so far cannot be negative.');
  await expect(page.getByTestId('update-actual-error')).toHaveText('The count so far cannot be negative.');
  const [beforeBadUpdate] = storedByTitle(title);
  expect(beforeBadUpdate).toMatchObject({ measure_actual: 640, progress: 53, updates: 0 });

  await update.getByLabel('Count so far').fill('900');
  await update.getByLabel('Note').fill('Two regional academies finished.');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(update.getByTestId('form-message')).toContainText('Update posted.');
  await expect(page.getByTestId('measure-summary')).toHaveText('900 of 1,200 investigators trained');
  await expect(page.locator('.pitf-progress__value').first()).toHaveText('75%');
  await expect(page.getByTestId('update-timeline')).toContainText('In progress · 75% · 900 investigators trained');
  expect(storedByTitle(title)).toEqual([expect.objectContaining({ measure_actual: 900, progress: 75, updates: 1 })]);
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);

  // The board card says the same.
  await page.goto('/agencies/ustr');
  const [created] = storedByTitle(title);
  const card = page.getByTestId(`card-${created!.id}`);
  await expect(card).toContainText('900 of 1,200 investigators trained');
  await expect(card).toContainText('75%');

  // Export the board's CSV: the row carries the measure.
  const exported = readCsv(await downloadedText(page, 'Download CSV'));
  const header = exported[0]!;
  const row = exported.find((r) => r[header.indexOf('id')] === String(created!.id))!;
  const cell = (name: string) => row[header.indexOf(name)];
  expect([cell('measure_label'), cell('measure_unit'), cell('measure_target'), cell('measure_actual'), cell('progress')]).toEqual([
    'investigators trained',
    '',
    '1200',
    '900',
    '75',
  ]);

  // Re-import the row as the import takes it (its columns only), under a new title.
  const copyTitle = `${title} (second cohort)`;
  const csv = Papa.unparse({
    fields: IMPORT_COLUMNS,
    data: [IMPORT_COLUMNS.map((c) => (c === 'title' ? copyTitle : cell(c)!))],
  });
  await page.getByRole('link', { name: 'Import from CSV' }).click();
  await page.getByLabel('CSV text').fill(csv);
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByTestId('import-status')).toContainText('1 row checked: 1 ready, 0 rows with errors.');
  await page.getByRole('button', { name: 'Import 1 deliverable' }).click();
  await expect(page.getByTestId('import-status').getByRole('heading', { name: '1 deliverable imported' })).toBeVisible();
  await page.getByRole('link', { name: copyTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: copyTitle })).toBeVisible();
  await expect(page.getByTestId('deliverable-measure')).toHaveText('900 of 1,200 investigators trained; progress follows the count');
  expect(storedByTitle(copyTitle)).toEqual([
    expect.objectContaining({ measure_label: 'investigators trained', measure_unit: null, measure_target: 1200, measure_actual: 900, progress: 75 }),
  ]);

  await page.goto(`/deliverables?agency=ustr&q=${encodeURIComponent('second cohort')}`);
  await expect(page.getByTestId('deliverables-table')).toContainText('900 of 1,200 investigators trained');

  await page.goto('/agencies/ustr');
  const [copy] = storedByTitle(copyTitle);
  const copyCard = page.getByTestId(`card-${copy!.id}`);
  await expect(copyCard).toContainText('900 of 1,200 investigators trained');

  // Moved on the board, a measured card keeps its count; completed, it is at 100%.
  await copyCard.getByLabel(/^Move “.*” to$/).selectOption('completed');
  await copyCard.getByRole('button', { name: 'Move' }).click();
  await expect(page.getByTestId('board-notice')).toContainText('moved to Completed');
  const completed = page.getByTestId('column-completed').getByTestId(`card-${copy!.id}`);
  await expect(completed).toContainText('100%');
  await expect(completed).toContainText('900 of 1,200 investigators trained');
  expect(storedByTitle(copyTitle)).toEqual([expect.objectContaining({ progress: 100, measure_actual: 900, updates: 1 })]);
});

test('the edit form changes the target and the progress follows; a target without what is counted changes nothing', async ({ page }) => {
  const title = `Reach survivor-led organizations ${unique()}`;
  await signInAndWait(page, OFFICIAL);
  await page.goto('/deliverables/new?agency=ustr');
  const create = page.getByTestId('create-form');
  await create.getByLabel('Title').fill(title);
  await create.getByLabel('What is counted').fill('organizations reached');
  await create.getByLabel('Target').fill('40');
  await create.getByRole('button', { name: 'Create deliverable' }).click();
  await expect(page.getByTestId('measure-summary')).toHaveText('0 of 40 organizations reached');

  const edit = page.getByTestId('edit-details-form');
  await expect(edit.getByLabel('Count so far')).toHaveValue('0');
  await edit.getByLabel('What is counted').fill('');
  await edit.getByLabel('Target').fill('60');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit.getByTestId('form-message')).toContainText('What is counted: Say what is counted, e.g. investigators trained.');
  const before = storedByTitle(title);
  expect(before).toEqual([expect.objectContaining({ measure_target: 40, measure_label: 'organizations reached', version: 1 })]);

  await edit.getByLabel('What is counted').fill('organizations reached');
  await edit.getByLabel('Count so far').fill('30');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit.getByTestId('form-message')).toContainText('Details saved.');
  await expect(page.getByTestId('measure-summary')).toHaveText('30 of 60 organizations reached');
  await expect(page.locator('.pitf-progress__value').first()).toHaveText('50%');

  // A progress update's new count reaches the edit form, so a later edit does not send the old one back.
  const update = page.getByTestId('progress-update-form');
  await expect(update.getByLabel('Count so far')).toHaveValue('30');
  await update.getByLabel('Count so far').fill('45');
  await update.getByRole('button', { name: 'Post update' }).click();
  await expect(update.getByTestId('form-message')).toContainText('Update posted.');
  await expect(edit.getByLabel('Count so far')).toHaveValue('45');
  await edit.getByLabel('Unit (optional)').fill('organizations');
  await edit.getByLabel('What is counted').fill('survivor-led groups reached');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit.getByTestId('form-message')).toContainText('Details saved.');
  await expect(page.getByTestId('measure-summary')).toHaveText('45 of 60 organizations (survivor-led groups reached)');
  expect(storedByTitle(title)).toEqual([expect.objectContaining({ measure_actual: 45, progress: 75 })]);
});

test('the API takes and returns the measure, and refuses a count without a target or a typed progress beside a count', async ({ request }) => {
  await signInApi(request, OFFICIAL);
  const title = `Count T-visa referrals ${unique()}`;
  const refused = await request.post('/api/deliverables', {
    data: { leadAgency: 'ustr', title, pillar: 'protection', measure: { label: '', actual: 12 } },
  });
  expect(refused.status()).toBe(400);
  expect(Object.keys((await refused.json()).error.fields).sort()).toEqual(['measure.label', 'measure.target']);
  expect(storedByTitle(title)).toEqual([]);

  const created = await request.post('/api/deliverables', {
    data: { leadAgency: 'ustr', title, pillar: 'protection', measure: { label: 'referrals made', target: 250, actual: 25 } },
  });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toMatchObject({ progress: 10, measure: { label: 'referrals made', unit: null, target: 250, actual: 25 } });

  const typed = await request.post(`/api/deliverables/${body.id}/updates`, { data: { status: 'in_progress', progress: 40 } });
  expect(typed.status()).toBe(400);
  expect(Object.keys((await typed.json()).error.fields)).toEqual(['progress']);
  expect(storedByTitle(title)).toEqual([expect.objectContaining({ progress: 10, measure_actual: 25, updates: 0 })]);

  const counted = await request.post(`/api/deliverables/${body.id}/updates`, { data: { status: 'in_progress', measureActual: 100 } });
  expect(counted.status()).toBe(201);
  const got = await (await request.get(`/api/deliverables/${body.id}`)).json();
  expect(got).toMatchObject({ progress: 40, measure: { actual: 100, target: 250 } });
  const history = await (await request.get(`/api/deliverables/${body.id}/updates`)).json();
  expect(history.items[0]).toMatchObject({ progress: 40, measureActual: 100 });
  const list = await (await request.get(`/api/deliverables?agency=ustr&q=${encodeURIComponent('T-visa referrals')}`)).json();
  expect(list.items.find((i: { id: number }) => i.id === body.id)).toMatchObject({ measure: { label: 'referrals made', actual: 100 } });

  const patched = await request.patch(`/api/deliverables/${body.id}`, { data: { version: got.version, measure: { label: 'referrals made', target: 125, actual: 100 } } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ progress: 80, measure: { target: 125 } });
});
