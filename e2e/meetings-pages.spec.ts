import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openTestDatabase, signInAndWait, signInApi } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PLANNED_TITLE = 'Annual cabinet-level PITF meeting (planned)';
const HELD_2023_TITLE = '2023 meeting of the President’s Interagency Task Force';

/** Other test files share the database: every meeting written here carries a tag of its own. */
const tag = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

function meetingIdByKey(key: string): number {
  const db = openTestDatabase();
  try {
    const row = db.prepare('SELECT id FROM meetings WHERE key = ?').get(key) as { id: number } | undefined;
    if (!row) throw new Error(`No seeded meeting has the key ${key}`);
    return row.id;
  } finally {
    db.close();
  }
}

/** The meeting as stored, with its agenda, awards and commitments, to check a refusal changed nothing. */
function meetingSnapshot(id: number) {
  const db = openTestDatabase();
  try {
    return {
      meeting: db.prepare('SELECT * FROM meetings WHERE id = ?').get(id) as Record<string, unknown> & { version: number },
      agenda: db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position').all(id),
      awards: db.prepare('SELECT * FROM awards WHERE presented_at_meeting_id = ? ORDER BY id').all(id),
      commitments: db.prepare('SELECT id FROM deliverables WHERE announced_at_meeting_id = ? ORDER BY id').all(id),
    };
  } finally {
    db.close();
  }
}

async function apiAs(
  playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  email: string,
) {
  const request = await playwright.request.newContext({ baseURL });
  await signInApi(request, email);
  return request;
}

test('the meetings list shows the planned meeting as upcoming with its share of agencies ready, and the 2023 meeting as past with two awards', async ({
  page,
}) => {
  const planned = meetingIdByKey('demo-upcoming-cabinet');
  const held = meetingIdByKey('cabinet-2023-02-13');
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.getByRole('navigation').getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();

  const upcoming = page.getByTestId('meetings-upcoming');
  await expect(upcoming.getByTestId(`meeting-${planned}`)).toContainText(PLANNED_TITLE);
  // Other tests may approve a report meanwhile: reload until the page and the API agree.
  await expect(async () => {
    const readiness = (await (await page.request.get(`/api/meetings/${planned}/readiness`)).json()) as {
      counts: { ready: number };
      agencies: unknown[];
    };
    expect(readiness.agencies).toHaveLength(20);
    await page.reload();
    await expect(page.getByTestId(`readiness-${planned}`)).toHaveText(`${readiness.counts.ready} of 20 agencies ready`, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });

  const past = page.getByTestId('meetings-past');
  await expect(past.getByTestId(`meeting-${held}`)).toContainText(HELD_2023_TITLE);
  await expect(past.getByTestId(`meeting-${held}`)).toContainText('Feb 13, 2023');
  await expect(past.getByTestId(`awards-${held}`)).toHaveText('2');
  await expect(upcoming.getByTestId(`meeting-${held}`)).toHaveCount(0);
  await expect(past.getByTestId(`meeting-${planned}`)).toHaveCount(0);
  await expect(past.getByRole('link', { name: `Briefing book for ${HELD_2023_TITLE}` })).toHaveAttribute('href', `/meetings/${held}/briefing`);
  await expect(page.getByRole('link', { name: 'New meeting' })).toHaveCount(0);
});

test('the 2020 meeting, known only to the month, reads as October 2020 in the list, on its page and in its briefing book, with no calendar file', async ({
  page,
}) => {
  const id = meetingIdByKey('cabinet-2020-10');
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.goto('/meetings');
  const row = page.getByTestId('meetings-past').getByTestId(`meeting-${id}`);
  await expect(row).toContainText('October 2020');
  await expect(row).not.toContainText('Oct 1');

  await row.getByRole('link', { name: '2020 meeting of the President’s Interagency Task Force', exact: true }).click();
  const details = page.getByTestId('meeting-details');
  await expect(details).toContainText('DateOctober 2020');
  await expect(page.getByTestId('meeting-ics')).toHaveCount(0);
  expect((await page.request.get(`/api/meetings/${id}/calendar`)).status()).toBe(409);

  // The next cabinet meeting counts its reporting cycle from this one, named by its month.
  await page.goto(`/meetings/${meetingIdByKey('cabinet-2022-01-25')}`);
  await expect(page.getByText('(October 2020)').first()).toBeVisible();
  await expect(page.getByText('Oct 1, 2020')).toHaveCount(0);

  await page.goto(`/meetings/${id}/briefing`);
  await expect(page.getByRole('main')).toContainText('October 2020');
  await expect(page.getByRole('main')).not.toContainText('Oct 1, 2020');
});

test('a meeting’s venue shows only where its source states one, and the first awards of 2013 are listed', async ({ page }) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.goto(`/meetings/${meetingIdByKey('cabinet-2023-02-13')}`);
  await expect(page.getByTestId('meeting-details')).toContainText('LocationNot recorded');
  await page.goto(`/meetings/${meetingIdByKey('cabinet-2016-10-24')}`);
  await expect(page.getByTestId('meeting-details')).toContainText('LocationNot recorded');
  await page.goto(`/meetings/${meetingIdByKey('cabinet-2013-05-17')}`);
  await expect(page.getByTestId('meeting-details')).toContainText('LocationThe White House');
  const awards = page.getByTestId('awards');
  await expect(awards).toContainText('Florrie Burke');
  await expect(awards).toContainText('Carlson');
});

test('the chair creates a meeting through the form: an impossible date is named beside the date field, then the agenda is stored in order with a cutoff 14 days before', async ({
  page,
}) => {
  const title = `SPOG meeting on screening tools ${tag()}`;
  await signInAndWait(page, 'chair@pitf.demo');
  await page.goto('/meetings');
  await page.getByRole('link', { name: 'New meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New meeting' })).toBeVisible();

  const form = page.getByTestId('meeting-form');
  await form.getByLabel('Kind').selectOption('spog');
  await form.locator('#meeting-title').fill(title);
  await form.getByLabel('Date', { exact: true }).fill('2031-02-30');
  await form.getByLabel('Chair (optional)').fill('Deputy Secretary of State');
  await form.getByLabel('Location (optional)').fill('Harry S Truman Building');

  const addItem = form.getByRole('button', { name: 'Add agenda item' });
  await addItem.click();
  await expect(form.getByRole('group', { name: 'Agenda item 1' }).getByLabel('Title')).toBeFocused();
  await form.getByRole('group', { name: 'Agenda item 1' }).getByLabel('Title').fill('Screening tools compared across agencies');
  await addItem.click();
  const second = form.getByRole('group', { name: 'Agenda item 2' });
  await second.getByLabel('Title').fill('Opening by the chair');
  await second.getByLabel('Presenter (optional)').fill('Deputy Secretary of State');
  await second.getByRole('button', { name: 'Move up agenda item 2' }).click();
  await expect(form.getByRole('group', { name: 'Agenda item 1' }).getByLabel('Title')).toHaveValue('Opening by the chair');
  await addItem.click();
  await form.getByRole('group', { name: 'Agenda item 3' }).getByLabel('Title').fill('An item dropped again');
  await form.getByRole('button', { name: 'Remove agenda item 3' }).click();
  await expect(form.getByTestId('agenda-item')).toHaveCount(2);

  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByTestId('meeting-date-error')).toHaveText('Enter a real calendar date as YYYY-MM-DD.');
  await expect(form.getByLabel('Date', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('meeting-cutoff-error')).toHaveText('');
  await expect(page.getByTestId('form-message')).toContainText('Date: Enter a real calendar date');
  await expect(page).toHaveURL(/\/meetings\/new$/);

  await form.getByLabel('Date', { exact: true }).fill('2031-03-20');
  await form.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  const id = Number(/\/meetings\/(\d+)$/.exec(page.url())?.[1]);

  const stored = await (await page.request.get(`/api/meetings/${id}`)).json();
  expect(stored).toMatchObject({
    title,
    kind: 'spog',
    date: '2031-03-20',
    reportingCutoff: '2031-03-06',
    status: 'planned',
    chair: 'Deputy Secretary of State',
    location: 'Harry S Truman Building',
  });
  expect(stored.agenda).toEqual([
    { position: 1, title: 'Opening by the chair', presenter: 'Deputy Secretary of State' },
    { position: 2, title: 'Screening tools compared across agencies', presenter: null },
  ]);
});

test('the chair records the outcome of a held meeting through the edit form: status, summary, a commitment and an award', async ({
  page,
  playwright,
  baseURL,
}) => {
  const t = tag();
  const interior = await apiAs(playwright, baseURL, 'official.doi@pitf.demo');
  const created = await interior.post('/api/deliverables', {
    data: { leadAgency: 'doi', title: `Train park rangers to spot forced labor ${t}`, pillar: 'prevention' },
  });
  expect(created.status()).toBe(201);
  const deliverable = (await created.json()) as { id: number; title: string };
  await interior.dispose();

  await signInAndWait(page, 'chair@pitf.demo');
  // A working-group meeting, so that no cabinet meeting's reporting cycle moves under other tests.
  const response = await page.request.post('/api/meetings', {
    data: { kind: 'working_group', title: `Working group on supply chains ${t}`, date: '2024-06-10' },
  });
  expect(response.status()).toBe(201);
  const meeting = (await response.json()) as { id: number; version: number };

  await page.goto('/meetings');
  await page.getByRole('link', { name: `Edit Working group on supply chains ${t}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit meeting' })).toBeVisible();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('Status').selectOption('held');
  await form.getByLabel('Summary (optional)').fill('Agencies compared supply-chain screening and agreed a shared checklist.');
  // Find the deliverable by words from its title, within its lead agency; Enter searches, it does not save.
  await form.getByLabel('Find deliverables to add').fill(`park rangers ${t}`);
  await form.getByLabel('Lead agency').selectOption('doi');
  await form.getByLabel('Find deliverables to add').press('Enter');
  const results = form.getByTestId('commitment-results');
  await expect(results).toContainText('1 match.');
  await results.getByText(deliverable.title).click();
  await expect(results.getByRole('checkbox')).toBeChecked();
  await expect(form.getByTestId('commitments-chosen').getByRole('checkbox', { name: `${deliverable.title} (DOI)` })).toBeChecked();
  await expect(form.getByText('1 deliverable chosen.')).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);
  await form.getByRole('button', { name: 'Add an award' }).click();
  const award = form.getByRole('group', { name: 'Award 1' });
  await award.getByLabel('Award year').fill('2024');
  await award.getByLabel('Recipient').fill(`Farmworker Justice Network ${t}`);
  await award.getByLabel('Person or organization').selectOption('organization');
  await award.getByLabel('Reason (optional)').fill('Honored for worker-led monitoring of recruitment fees.');
  await form.getByRole('button', { name: 'Save meeting' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meeting.id}$`));

  const stored = await (await page.request.get(`/api/meetings/${meeting.id}`)).json();
  expect(stored).toMatchObject({
    status: 'held',
    summary: 'Agencies compared supply-chain screening and agreed a shared checklist.',
    commitments: [deliverable.id],
    version: meeting.version + 1,
  });
  expect(stored.awards).toEqual([
    {
      id: expect.any(Number),
      awardYear: 2024,
      recipient: `Farmworker Justice Network ${t}`,
      kind: 'organization',
      reason: 'Honored for worker-led monitoring of recruitment fees.',
    },
  ]);
});

test('saving a meeting that someone else changed meanwhile says so and offers a reload, saving nothing', async ({ page }) => {
  const t = tag();
  await signInAndWait(page, 'chair@pitf.demo');
  const response = await page.request.post('/api/meetings', { data: { kind: 'spog', title: `SPOG meeting ${t}`, date: '2031-05-12' } });
  const meeting = (await response.json()) as { id: number; version: number };
  await page.goto(`/meetings/${meeting.id}/edit`);
  const form = page.getByTestId('meeting-form');
  await expect(form.locator('#meeting-title')).toHaveValue(`SPOG meeting ${t}`);

  const other = await page.request.patch(`/api/meetings/${meeting.id}`, { data: { version: meeting.version, location: 'Blair House' } });
  expect(other.status()).toBe(200);

  await form.locator('#meeting-title').fill(`SPOG meeting renamed ${t}`);
  await form.getByRole('button', { name: 'Save meeting' }).click();
  const alert = page.getByTestId('meeting-conflict');
  await expect(alert).toContainText('Someone else changed this meeting');
  await expect(alert).toContainText('Your changes were not saved');
  await expect(alert.getByRole('button', { name: 'Reload the meeting' })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meeting.id}/edit$`));
  await alert.getByRole('button', { name: 'Reload the meeting' }).click();
  await expect(form.getByLabel('Location (optional)')).toHaveValue('Blair House');
  await expect(form.locator('#meeting-title')).toHaveValue(`SPOG meeting ${t}`);
  expect(meetingSnapshot(meeting.id).meeting.title).toBe(`SPOG meeting ${t}`);
});

test('an official is told meetings are not theirs to manage, and the API refuses with 403 and changes nothing', async ({ page }) => {
  const id = meetingIdByKey('cabinet-2023-02-13');
  const before = meetingSnapshot(id);
  await signInAndWait(page, 'official.dhs@pitf.demo');
  await page.goto('/meetings');
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New meeting' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Edit / })).toHaveCount(0);

  await page.goto('/meetings/new');
  await expect(page.getByTestId('not-allowed')).toContainText('Not allowed');
  await expect(page.getByTestId('meeting-form')).toHaveCount(0);
  await page.goto(`/meetings/${id}/edit`);
  await expect(page.getByTestId('not-allowed')).toBeVisible();
  await expect(page.getByTestId('meeting-form')).toHaveCount(0);

  const title = `Not mine to plan ${tag()}`;
  const post = await page.request.post('/api/meetings', { data: { kind: 'cabinet', title, date: '2031-01-15' } });
  expect(post.status()).toBe(403);
  expect((await post.json()).error.code).toBe('forbidden');
  const patch = await page.request.patch(`/api/meetings/${id}`, {
    data: { version: before.meeting.version, title: 'Renamed by an official', awards: [], commitments: [] },
  });
  expect(patch.status()).toBe(403);
  expect(meetingSnapshot(id)).toEqual(before);
  const db = openTestDatabase();
  try {
    expect(db.prepare('SELECT count(*) AS n FROM meetings WHERE title = ?').get(title)).toEqual({ n: 0 });
  } finally {
    db.close();
  }
});

test('the briefing book has the readiness summary, the ledger, and each of the 20 member agencies in a section of its own or among those with nothing to report', async ({ page }) => {
  const planned = meetingIdByKey('demo-upcoming-cabinet');
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.goto('/meetings');
  await page.getByRole('link', { name: `Briefing book for ${PLANNED_TITLE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${planned}/briefing$`));
  await expect(page.getByRole('heading', { level: 1, name: PLANNED_TITLE })).toBeVisible();
  await expect(page.getByTestId('briefing-facts')).toContainText('Department of State, Washington, D.C.');

  await expect(page.getByRole('heading', { level: 2, name: 'Readiness summary' })).toBeVisible();
  await expect(page.getByTestId('briefing-share')).toContainText(/\d+ of 20 agencies ready/);
  let counted = 0;
  for (const r of ['ready', 'awaiting_review', 'in_progress', 'not_started']) {
    counted += Number(await page.getByTestId(`readiness-count-${r}`).textContent());
  }
  expect(counted).toBe(20);
  await expect(page.getByTestId('briefing-readiness-table').locator('tbody tr')).toHaveCount(20);

  const { items: agencies } = (await (await page.request.get('/api/agencies')).json()) as {
    items: { name: string; abbreviation: string }[];
  };
  expect(agencies).toHaveLength(20);
  const sections = page.getByTestId('briefing-agency');
  const quiet = page.getByTestId('nothing-to-report-agencies').getByRole('listitem');
  expect((await sections.count()) + (await quiet.count())).toBe(20);
  for (const agency of agencies) {
    const named = `${agency.name} (${agency.abbreviation})`;
    const own = sections.getByRole('heading', { level: 2, name: named, exact: true });
    await expect(own.or(quiet.filter({ hasText: named }))).toHaveCount(1);
  }
  // The Department of Agriculture leads no deliverable and no other test writes its report.
  await expect(quiet.filter({ hasText: 'Department of Agriculture (USDA)' })).toHaveCount(1);
  const education = sections.filter({ has: page.getByRole('heading', { level: 2, name: 'Department of Education (ED)' }) });
  await expect(education).toContainText('Demo: the webinar series for schools is nearly complete');
  await expect(education).toContainText('Report status:');
  await expect(education.getByRole('table')).toContainText('In progress');
  await expect(page.getByRole('heading', { level: 2, name: 'Deliverables by pillar and status' })).toBeVisible();
  await expect(page.getByTestId('briefing-ledger')).toContainText('Commitments announced at 2024 meeting of the President’s Interagency Task Force');
  await expect(page.getByRole('heading', { level: 2, name: 'Awards presented' })).toBeVisible();
  // The contents leads to each section.
  await page.getByTestId('briefing-contents').getByRole('link', { name: 'Department of Education (ED)' }).click();
  await expect(page).toHaveURL(/#agency-ed$/);
});

test('the briefing book prints without the site header and buttons', async ({ page }) => {
  const planned = meetingIdByKey('demo-upcoming-cabinet');
  await signInApi(page.request, 'chair@pitf.demo');
  await page.goto(`/meetings/${planned}/briefing`);
  const header = page.locator('header.usa-header');
  const printButton = page.getByRole('button', { name: 'Print or save as PDF' });
  await expect(header).toBeVisible();
  await expect(printButton).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeHidden();
  await expect(printButton).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: PLANNED_TITLE })).toBeVisible();
  // What the printed pages hold, page by page: e2e/briefing-print.spec.ts.
});

test.describe('accessibility of the meeting pages (WCAG 2.1 AA)', () => {
  test('the meetings list has no violations', async ({ page }) => {
    await signInApi(page.request, 'chair@pitf.demo');
    await page.goto('/meetings');
    await expect(page.getByTestId('meetings-past')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the new meeting form has no violations, with an agenda item and the server’s errors shown', async ({ page }) => {
    await signInApi(page.request, 'chair@pitf.demo');
    await page.goto('/meetings/new');
    await page.getByRole('button', { name: 'Add agenda item' }).click();
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await expect(page.getByTestId('meeting-title-error')).toHaveText('Enter a title.');
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the edit form has no violations, with its commitments and a search’s results shown', async ({ page }) => {
    await signInApi(page.request, 'chair@pitf.demo');
    await page.goto(`/meetings/${meetingIdByKey('cabinet-2022-01-25')}/edit`);
    await page.getByLabel('Find deliverables to add').fill('screening');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('commitment-results').getByRole('checkbox').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the briefing book has no violations', async ({ page }) => {
    // The longest page of the product (twenty agencies and their deliverables): axe needs more time on it.
    test.slow();
    const planned = meetingIdByKey('demo-upcoming-cabinet');
    await signInApi(page.request, 'viewer@pitf.demo');
    await page.goto(`/meetings/${planned}/briefing`);
    await expect(page.getByTestId('briefing-nothing-to-report')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });
});
