import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { deliverableIdByKey, openTestDatabase, seededPlannedMeetingId, signInAndWait, signInApi } from './helpers';

async function readiness(request: APIRequestContext, meetingId: number) {
  return (await (await request.get(`/api/meetings/${meetingId}/readiness`)).json()) as {
    counts: { ready: number };
    agencies: { slug: string; readiness: string }[];
  };
}

async function openReport(page: Page, meetingId: number, agency?: string) {
  await page.goto(`/meetings/${meetingId}${agency ? `?agency=${agency}` : ''}`);
  await expect(page.getByTestId('report-panel')).toBeVisible();
}

test('the whole reporting cycle: refused, updated, submitted, returned, resubmitted, approved', async ({ browser }) => {
  test.slow();
  const meetingId = seededPlannedMeetingId();
  const deliverableId = deliverableIdByKey('2022-odni-ic-information-sharing');
  const officialContext = await browser.newContext();
  const chairContext = await browser.newContext();
  const official = await officialContext.newPage();
  const chair = await chairContext.newPage();
  await signInAndWait(official, 'official.odni@pitf.demo');
  await signInAndWait(chair, 'chair@pitf.demo');
  const before = await readiness(chair.request, meetingId);

  // The official writes a statement and tries to submit: refused, naming the deliverable.
  await openReport(official, meetingId);
  await expect(official.getByTestId('report-gaps')).toContainText('Improve trafficking information sharing');
  await official.getByLabel('Statement for the meeting').fill('The IC drafted a data-sharing agreement with two state fusion centers.');
  await official.getByRole('button', { name: 'Submit report' }).click();
  const refusal = official.getByTestId('report-message');
  await expect(refusal).toContainText('cannot be submitted yet');
  await expect(refusal).toContainText('“Improve trafficking information sharing between the IC and law enforcement” has no progress update since the last meeting.');

  // Bring the deliverable up to date, then submit.
  await official.goto(`/deliverables/${deliverableId}`);
  await official.getByLabel('Status').selectOption('in_progress');
  await official.getByLabel('Progress (%)').fill('30');
  await official.getByLabel('Note', { exact: true }).fill('Agreement drafted; pilot with two fusion centers planned.');
  await official.getByRole('button', { name: 'Post update' }).click();
  await expect(official.getByTestId('form-message').first()).toContainText('Update posted.');
  await openReport(official, meetingId);
  await expect(official.getByTestId('report-gaps')).toHaveCount(0);
  await official.getByRole('button', { name: 'Submit report' }).click();
  await expect(official.getByTestId('report-message')).toContainText('Report submitted');
  await expect(official.getByTestId('report-state')).toContainText('Submitted');

  // The chair returns it with a comment.
  await openReport(chair, meetingId, 'odni');
  await expect(chair.getByTestId(`readiness-odni`)).toContainText('Awaiting review');
  await chair.getByRole('button', { name: 'Return to agency' }).click();
  await expect(chair.getByText('Say what the agency should change.').first()).toBeVisible();
  await chair.getByLabel('Comment to the agency').fill('Add the date of the first data-sharing pilot.');
  await chair.getByRole('button', { name: 'Return to agency' }).click();
  await expect(chair.getByTestId('report-message')).toContainText('Report returned');

  // The official sees the comment and resubmits.
  await openReport(official, meetingId);
  await expect(official.getByTestId('returned-comment')).toContainText('Add the date of the first data-sharing pilot.');
  await official.getByLabel('Statement for the meeting').fill('The IC drafted a data-sharing agreement; the first pilot starts in March.');
  await official.getByRole('button', { name: 'Submit report' }).click();
  await expect(official.getByTestId('report-state')).toContainText('Submitted');

  // The chair approves: the agency is ready and the meeting's share rises.
  await openReport(chair, meetingId, 'odni');
  await chair.getByRole('button', { name: 'Approve' }).click();
  await expect(chair.getByTestId('report-message')).toContainText('Report approved');
  await expect(chair.getByTestId('readiness-odni')).toContainText('Ready');
  await expect(chair.getByTestId('report-history')).toContainText('Returned to the agency');
  const after = await readiness(chair.request, meetingId);
  expect(after.agencies.find((a) => a.slug === 'odni')?.readiness).toBe('ready');
  expect(after.counts.ready).toBeGreaterThanOrEqual(before.counts.ready + 1);

  // Every transition is recorded with who and when.
  const db = openTestDatabase();
  const events = db
    .prepare(
      `SELECT e.to_state, u.email FROM agency_report_events e JOIN agency_reports r ON r.id = e.report_id
       JOIN agencies a ON a.id = r.agency_id LEFT JOIN users u ON u.id = e.actor_id
       WHERE a.slug = 'odni' AND r.meeting_id = ? ORDER BY e.id`,
    )
    .all(meetingId);
  db.close();
  expect(events).toEqual([
    { to_state: 'draft', email: 'official.odni@pitf.demo' },
    { to_state: 'submitted', email: 'official.odni@pitf.demo' },
    { to_state: 'returned', email: 'chair@pitf.demo' },
    { to_state: 'submitted', email: 'official.odni@pitf.demo' },
    { to_state: 'approved', email: 'chair@pitf.demo' },
  ]);
  await officialContext.close();
  await chairContext.close();
});

test('a reminder reaches the right agency’s officials and no other, until they submit', async ({ browser }) => {
  const meetingId = seededPlannedMeetingId();
  const chairContext = await browser.newContext();
  const chair = await chairContext.newPage();
  await signInAndWait(chair, 'chair@pitf.demo');
  await chair.goto(`/meetings/${meetingId}`);
  await chair.getByLabel('Send to').selectOption('eeoc');
  await chair.getByLabel('Message').fill('EEOC: please send your statement for the meeting by Friday.');
  await chair.getByRole('button', { name: 'Send reminder' }).click();
  await expect(chair.getByTestId('reminder-result')).toContainText('Reminder sent to 1 agency: EEOC.');

  const eeocContext = await browser.newContext();
  const eeoc = await eeocContext.newPage();
  await signInAndWait(eeoc, 'official.eeoc@pitf.demo');
  await expect(eeoc.getByTestId('my-reminders')).toContainText('EEOC: please send your statement for the meeting by Friday.');
  await eeoc.goto('/agencies/eeoc');
  await expect(eeoc.getByTestId('reminder-notices')).toContainText('please send your statement');

  const fbiContext = await browser.newContext();
  const fbi = await fbiContext.newPage();
  await signInAndWait(fbi, 'official.fbi@pitf.demo');
  await expect(fbi.getByText('EEOC: please send your statement')).toHaveCount(0);
  await fbi.goto('/');
  await expect(fbi.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(fbi.getByText('EEOC: please send your statement')).toHaveCount(0);

  // Once EEOC submits, the notice goes away.
  await openReport(eeoc, meetingId);
  // Where the report is written, the reminder is there too.
  await expect(eeoc.locator('#report').getByTestId('reminder-notices')).toContainText('Reminder from the chair’s staff');
  await expect(eeoc.locator('#report').getByTestId('reminder-notices')).toContainText('please send your statement');
  await eeoc.getByLabel('Statement for the meeting').fill('EEOC trained its investigators on indicators of trafficking.');
  await eeoc.getByRole('button', { name: 'Submit report' }).click();
  await expect(eeoc.getByTestId('report-state')).toContainText('Submitted');
  await eeoc.goto('/');
  await expect(eeoc.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(eeoc.getByTestId('reminder-notices')).toHaveCount(0);
  await Promise.all([chairContext.close(), eeocContext.close(), fbiContext.close()]);
});

test.describe('who may manage meetings and review reports', () => {
  test('an official gets 403 approving a report or patching a meeting, and nothing changes', async ({ playwright, baseURL }) => {
    const meetingId = seededPlannedMeetingId();
    const official = await playwright.request.newContext({ baseURL });
    await signInApi(official, 'official.doc@pitf.demo');
    const before = await (await official.get(`/api/meetings/${meetingId}`)).json();
    const reportBefore = await (await official.get(`/api/meetings/${meetingId}/reports/doc`)).json();
    expect(reportBefore.state).toBe('submitted');

    expect((await official.post(`/api/meetings/${meetingId}/reports/doc/approve`, { data: {} })).status()).toBe(403);
    expect((await official.post(`/api/meetings/${meetingId}/reports/doc/return`, { data: { comment: 'x' } })).status()).toBe(403);
    expect((await official.patch(`/api/meetings/${meetingId}`, { data: { version: before.version, title: 'Renamed' } })).status()).toBe(403);
    expect((await official.post('/api/meetings', { data: { kind: 'spog', title: 'x', date: '2027-05-01' } })).status()).toBe(403);
    expect((await official.post(`/api/meetings/${meetingId}/reminders`, { data: { notReady: true, message: 'x' } })).status()).toBe(403);
    // Nor may an official write another agency's report.
    expect((await official.put(`/api/meetings/${meetingId}/reports/dos`, { data: { statement: 'x' } })).status()).toBe(403);

    expect(await (await official.get(`/api/meetings/${meetingId}`)).json()).toEqual(before);
    expect((await (await official.get(`/api/meetings/${meetingId}/reports/doc`)).json()).state).toBe('submitted');
    await official.dispose();
  });

  test('a submission with a missing update is refused by the API, naming the deliverable', async ({ playwright, baseURL }) => {
    const meetingId = seededPlannedMeetingId();
    const official = await playwright.request.newContext({ baseURL });
    await signInApi(official, 'official.dos@pitf.demo');
    expect((await official.put(`/api/meetings/${meetingId}/reports/dos`, { data: { statement: 'State’s statement.' } })).status()).toBe(200);
    const response = await official.post(`/api/meetings/${meetingId}/reports/dos/submit`);
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('report_incomplete');
    expect(body.missing.length).toBeGreaterThan(0);
    expect(body.error.fields.deliverables.join(' ')).toContain('Keep calling out governments that engage in human trafficking');
    expect((await (await official.get(`/api/meetings/${meetingId}/reports/dos`)).json()).state).toBe('draft');
    await official.dispose();
  });
});

test.describe('accessibility (WCAG 2.1 AA)', () => {
  test('the meeting page as the chair, with the review form, has no violations', async ({ page }) => {
    await signInAndWait(page, 'chair@pitf.demo');
    await openReport(page, seededPlannedMeetingId(), 'doc');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the meeting page as an official, with the report form, has no violations', async ({ page }) => {
    await signInAndWait(page, 'official.dol@pitf.demo');
    await openReport(page, seededPlannedMeetingId());
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations).toEqual([]);
  });
});
