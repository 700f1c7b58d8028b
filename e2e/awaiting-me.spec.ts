import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, seededPlannedMeetingId, signIn, signInAndWait, signInApi } from './helpers';
import { adminClient, newAccount } from './passkey-helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * A member of the chair's staff of our own (so that what changed since their last visit is ours
 * to know), and the Department of Defense's report, which no other test writes: DOD leads no open
 * deliverable, so its official submits the statement alone.
 */
test('the chair’s staff land on Awaiting me, follow “Review” by keyboard to the report and approve it', async ({ page, playwright, baseURL }) => {
  test.slow();
  const meetingId = seededPlannedMeetingId();
  const admin = await adminClient(playwright, baseURL);
  // Making the account signs it in once (to replace its one-time password): that is its last visit.
  const staff = await newAccount(playwright, baseURL, admin, { email: `awaiting.${Date.now()}@state.example`, role: 'chair' });
  await admin.dispose();

  const dod = await playwright.request.newContext({ baseURL });
  await signInApi(dod, 'official.dod@pitf.demo');
  const report = `/api/meetings/${meetingId}/reports/dod`;
  expect((await dod.put(report, { data: { statement: 'DoD trained its acquisition workforce on forced-labor risks in supply chains.' } })).status()).toBe(200);
  const submitted = await dod.post(`${report}/submit`);
  expect(submitted.status(), await submitted.text()).toBe(200);
  await dod.dispose();

  // Signing in leads to Awaiting me.
  await signIn(page, staff.email, staff.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Awaiting me' })).toBeVisible();
  await expect(page).toHaveURL(/\/awaiting-me$/);
  const row = page.getByTestId(`awaiting-${meetingId}-dod`);
  await expect(row).toContainText('Department of Defense');
  await expect(row).toContainText('Annual cabinet-level PITF meeting (planned)');
  // The cutoff is weeks away: agencies not started are counted, to be listed from 7 days before it.
  await expect(page.getByTestId('not-started')).toContainText('listed here from 7 days before it');
  // Since the last visit, DOD submitted its report.
  await expect(page.getByTestId('since')).toContainText('Since your last visit');
  await expect(page.getByTestId('report-events')).toContainText('DOD submitted its report');
  await page.screenshot({ path: '/tmp/landing-awaiting-me.png', fullPage: true });
  const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations).toEqual([]);
  // And at 320 px, where the tables scroll within their own region.
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 800 });
  expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
  await page.screenshot({ path: '/tmp/landing-awaiting-me-narrow.png', fullPage: true });
  await page.setViewportSize(wide);

  // Keyboard only: the Review link, Enter; focus is on the report's heading, and Tab goes on inside the report.
  const review = row.getByRole('link', { name: 'Review the DOD report' });
  await review.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}\\?agency=dod#report$`));
  const heading = page.getByRole('heading', { level: 2, name: 'Report of Department of Defense' });
  await expect(heading).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#report') !== null)).toBe(true);

  await expect(page.getByTestId('report-state')).toContainText('Report status: Submitted');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('report-message')).toContainText('Report approved');
  await expect(page.getByTestId('report-state')).toContainText('Approved');

  // Back on Awaiting me, it no longer waits.
  await page.getByRole('navigation').getByRole('link', { name: 'Awaiting me' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Awaiting me' })).toBeVisible();
  await expect(page.getByTestId(`awaiting-${meetingId}-dod`)).toHaveCount(0);
  // The overview is one click away.
  await page.getByRole('navigation').getByRole('link', { name: 'Overview', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
});

test('the demo chair lands on Awaiting me; an official is told it is the chair’s page', async ({ page, browser }) => {
  await signInAndWait(page, 'chair@pitf.demo');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Awaiting me' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('since-last-visit')).toBeVisible();

  const official = await browser.newPage();
  await signIn(official, 'official.doi@pitf.demo', DEMO_PASSWORD);
  await expect(official.getByRole('heading', { level: 1, name: 'My agency' })).toBeVisible();
  await expect(official.getByRole('navigation').getByRole('link', { name: 'Awaiting me' })).toHaveCount(0);
  await official.goto('/awaiting-me');
  await expect(official.getByTestId('not-allowed')).toContainText('reports to review');
  await expect(official.getByTestId('awaiting-review')).toHaveCount(0);
  await official.close();
});
