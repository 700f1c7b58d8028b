import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { seededPlannedMeetingId, signInAndWait, signInApi } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The FBI leads nothing in the seed and no other test writes its report: the test gives it an
 * overdue deliverable of its own, and a deliverable of Interior's (DOI) that the FBI supports.
 */
test('an official lands on My agency, follows it to the report, brings it up to date and submits it', async ({ page, playwright, baseURL }) => {
  test.slow();
  const meetingId = seededPlannedMeetingId();
  const t = Date.now();
  const title = `Train FBI field offices on labor trafficking indicators ${t}`;
  const supportedTitle = `Farm labor inspections with FBI case support ${t}`;
  const reminder = `FBI: please update your deliverables and send your statement (${t}).`;

  const fbiApi = await playwright.request.newContext({ baseURL });
  await signInApi(fbiApi, 'official.fbi@pitf.demo');
  const created = await fbiApi.post('/api/deliverables', { data: { leadAgency: 'fbi', title, pillar: 'prosecution', dueOn: '2026-01-15' } });
  expect(created.status(), await created.text()).toBe(201);
  const deliverableId = ((await created.json()) as { id: number }).id;
  await fbiApi.dispose();

  const admin = await playwright.request.newContext({ baseURL });
  await signInApi(admin, 'admin@pitf.demo');
  const supported = await admin.post('/api/deliverables', {
    data: { leadAgency: 'doi', title: supportedTitle, pillar: 'protection', supportingAgencies: ['fbi'] },
  });
  expect(supported.status(), await supported.text()).toBe(201);
  await admin.dispose();

  const chair = await playwright.request.newContext({ baseURL });
  await signInApi(chair, 'chair@pitf.demo');
  expect((await chair.post(`/api/meetings/${meetingId}/reminders`, { data: { agency: 'fbi', message: reminder } })).status()).toBe(201);

  // Signing in leads to My agency: the report for the next meeting, what holds it up, the reminder.
  await signInAndWait(page, 'official.fbi@pitf.demo');
  await expect(page).toHaveURL(/\/my-agency$/);
  await expect(page.getByTestId('my-agency-name')).toHaveText('Federal Bureau of Investigation (FBI)');
  await expect(page.getByTestId('my-report-status')).toHaveText('Report status: Not started');
  const gaps = page.getByTestId('report-gaps');
  await expect(gaps).toContainText('1 deliverable needs a progress update for this meeting.');
  await expect(gaps.getByRole('listitem').filter({ hasText: title })).toContainText('needs a progress update for this meeting');
  await expect(page.getByTestId('statement-missing')).toBeVisible();
  await expect(page.getByTestId('my-reminders')).toContainText(reminder);
  await expect(page.getByTestId('my-reminders')).toContainText('From Casey Chair');
  // The overdue deliverable needs attention; the deliverable of Interior's is one the FBI supports.
  await expect(page.getByTestId('attention').getByRole('row', { name: new RegExp(title) })).toContainText('Overdue');
  const supportedRow = page.getByTestId('supported').getByRole('row', { name: new RegExp(supportedTitle) });
  await expect(supportedRow).toContainText('DOI');
  await page.screenshot({ path: '/tmp/landing-my-agency.png', fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
  // And at 320 px, where the tables scroll within their own region.
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
  await page.screenshot({ path: '/tmp/landing-my-agency-narrow.png', fullPage: true });
  await page.setViewportSize(wide);

  // The overview is one click away in the main navigation.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Overview', exact: true })).toHaveAttribute('href', '/');

  // Follow the link to the report: focus lands on the report's heading.
  await page.getByRole('link', { name: 'Write and submit the report' }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}#report$`));
  await expect(page.getByRole('heading', { level: 2, name: 'Report of Federal Bureau of Investigation' })).toBeFocused();

  // What is needed: a progress update on the deliverable named, then the statement.
  await page.getByTestId('report-gaps').getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/deliverables/${deliverableId}$`));
  await page.getByLabel('Status').selectOption('in_progress');
  await page.getByLabel('Progress (%)').fill('20');
  await page.getByLabel('Note', { exact: true }).fill('Curriculum agreed with two field offices; the first sessions are booked.');
  await page.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByTestId('form-message').first()).toContainText('Update posted.');

  await page.getByRole('navigation').getByRole('link', { name: 'My agency' }).click();
  await expect(page.getByTestId('report-gaps')).toHaveCount(0);
  await expect(page.getByTestId('statement-missing')).toBeVisible();
  await page.getByRole('link', { name: 'Write and submit the report' }).click();
  await page.getByLabel('Statement for the meeting').fill('The FBI began training its field offices on indicators of labor trafficking.');
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(page.getByTestId('report-state')).toContainText('Submitted');

  // My agency now shows it submitted, with nothing left to do but wait.
  await page.getByRole('navigation').getByRole('link', { name: 'My agency' }).click();
  await expect(page.getByTestId('my-report-status')).toContainText('Report status: Submitted, awaiting the chair’s review');
  await expect(page.getByTestId('report-gaps')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open the report' })).toBeVisible();

  // Returned by the chair: the comment shows on My agency.
  const comment = `Say which field offices come first (${t}).`;
  expect((await chair.post(`/api/meetings/${meetingId}/reports/fbi/return`, { data: { comment } })).status()).toBe(200);
  await chair.dispose();
  await page.reload();
  await expect(page.getByTestId('my-report-status')).toHaveText('Report status: Returned to the agency');
  await expect(page.getByTestId('returned-comment')).toContainText(comment);
  await expect(page.getByRole('link', { name: 'Finish and submit the report' })).toBeVisible();

  // The board of what the FBI supports shows Interior's deliverable, read-only for the FBI.
  await page.getByRole('link', { name: 'As a board, by status' }).click();
  await expect(page).toHaveURL(/\/agencies\/fbi\?view=support$/);
  await expect(page.getByTestId('board-views').getByRole('link', { name: /We support/ })).toHaveAttribute('aria-current', 'page');
  const card = page.getByTestId('column-not_started').locator('.pitf-card').filter({ hasText: supportedTitle });
  await expect(card).toContainText('Led by DOI');
  await expect(card.getByRole('button', { name: /Move/ })).toHaveCount(0);
  await page.getByTestId('board-views').getByRole('link', { name: /We lead/ }).click();
  await expect(page.getByTestId('column-in_progress').locator('.pitf-card').filter({ hasText: title }).getByRole('button', { name: /Move/ })).toBeVisible();
});

test('My agency is an official’s page: other roles are told so', async ({ page }) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'My agency' })).toHaveCount(0);
  await page.goto('/my-agency');
  await expect(page.getByTestId('not-allowed')).toContainText('agency official their own agency');
  await expect(page.getByTestId('my-report')).toHaveCount(0);
});
