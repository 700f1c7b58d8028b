import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { deliverableIdByKey, signedInAs, signInAndWait, signInApi } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test('the agencies index sorts and opens each board', async ({ page }) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.goto('/agencies');
  const rows = page.getByTestId('agencies-table').locator('tbody tr');
  await expect(rows).toHaveCount(20);
  await page.getByRole('link', { name: 'Deliverables', exact: true }).last().click();
  await expect(page).toHaveURL(/sort=total&dir=asc/);
  await page.getByRole('columnheader', { name: /Deliverables/ }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=total&dir=desc/);
  await expect(rows.first()).toContainText('Department of State');
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Department of State' })).toBeVisible();
});

test('the agencies index lists by name again after being sorted two other ways', async ({ page }) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  const names = () => page.getByTestId('agencies-table').locator('tbody tr th').getByRole('link').allTextContents();
  await page.goto('/agencies');
  const byName = await names();
  expect(byName).toHaveLength(20);
  expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
  await page.goto('/agencies?sort=total&dir=desc');
  expect((await names())[0]).toBe('Department of State');
  await page.goto('/agencies?sort=stale&dir=asc');
  await expect(page.getByRole('columnheader', { name: /Stale/ })).toHaveAttribute('aria-sort', 'ascending');
  // The figures are shared between requests: a sorted view must not have reordered them.
  await page.goto('/agencies');
  expect(await names()).toEqual(byName);
  await page.goto('/agencies?sort=name&dir=desc');
  expect(await names()).toEqual([...byName].reverse());
});

test('Commerce, on no official member list, shows its membership as inferred with its source; its seeded deliverables cite no priority action', async ({
  page,
}) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.goto('/agencies');
  const commerce = page.getByTestId('agencies-table').getByRole('row', { name: /Department of Commerce/ });
  await expect(commerce).toContainText('Membership inferred');
  await expect(page.getByTestId('membership-inferred-dos')).toHaveCount(0);

  await commerce.getByRole('link', { name: 'Department of Commerce' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Department of Commerce' })).toBeVisible();
  const membership = page.getByTestId('agency-membership');
  await expect(membership).toContainText('Membership inferred: no official member list names DOC');
  await expect(membership.getByRole('link', { name: /FACT SHEET: President’s Interagency Task Force/ })).toHaveAttribute(
    'href',
    /^https:\/\/www\.whitehouse\.gov\/briefing-room\/statements-releases\/2022\/01\/25\//,
  );
  await expect(membership).toContainText('Jan 25, 2022');

  await page.goto('/agencies/dos');
  await expect(page.getByTestId('agency-membership')).toContainText('Member of the task force. Source:');
  await expect(page.getByTestId('agency-membership')).not.toContainText('inferred');

  for (const key of ['2022-doc-seafood-forced-labor', '2022-doc-supply-chain-guidance']) {
    await page.goto(`/deliverables/${deliverableIdByKey(key)}`);
    await expect(page.getByTestId('deliverable-details')).toContainText('National Action Plan priority actionNone recorded');
  }
});

test('board filters are kept in the URL', async ({ page }) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  await page.goto('/agencies/dos');
  await page.getByLabel('Pillar').selectOption('protection');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/agencies\/dos\?pillar=protection/);
  const cards = page.locator('[data-testid^="card-"]');
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await expect(cards.nth(i)).toContainText('Protection');
});

test('a search finds a deliverable by a word only in an update note', async ({ page, playwright, baseURL }) => {
  const id = deliverableIdByKey('2022-ustr-forced-labor-trade-strategy');
  const ustr = await playwright.request.newContext({ baseURL });
  await signInApi(ustr, 'official.ustr@pitf.demo');
  const posted = await ustr.post(`/api/deliverables/${id}/updates`, {
    data: { status: 'in_progress', progress: 40, note: 'Listening session held with the marmalade cooperative.' },
  });
  expect(posted.status()).toBe(201);
  await ustr.dispose();
  await signInAndWait(page, 'chair@pitf.demo');
  await page.goto('/deliverables');
  await page.getByLabel('Search titles, descriptions and update notes').fill('marmalade');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=marmalade/);
  await expect(page.getByTestId('result-count')).toHaveText('1 deliverable matching “marmalade”');
  await expect(page.getByTestId('deliverables-table')).toContainText('Develop a trade strategy to combat forced labor');
});

test('the list finds seafood and screening work, and filters stale ones', async ({ page }) => {
  await signInAndWait(page, 'chair@pitf.demo');
  await page.goto('/deliverables?q=seafood');
  await expect(page.getByTestId('deliverables-table')).toContainText('seafood');
  await page.goto('/deliverables?q=screening');
  await expect(page.getByTestId('deliverables-table')).toContainText('screening');
  await page.goto('/deliverables?stale=true');
  const rows = page.getByTestId('deliverables-table').locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText('Stale');
});

test('an official creates a deliverable for their agency and lands on its page', async ({ page }) => {
  await signInAndWait(page, 'official.hhs@pitf.demo');
  await page.goto('/agencies/hhs');
  await page.getByRole('link', { name: 'New deliverable' }).click();
  const form = page.getByTestId('create-form');
  await form.getByRole('button', { name: 'Create deliverable' }).click();
  await expect(page.getByTestId('edit-title-error')).toHaveText('Enter a title.');
  await form.getByLabel('Title').fill('Publish screening guidance for health care providers');
  await form.getByLabel('Pillar').selectOption('protection');
  await form.getByText('Department of Justice', { exact: true }).click();
  await expect(form.getByLabel('Department of Justice')).toBeChecked();
  await form.getByLabel('Due date').fill('2027-05-31');
  await form.getByRole('button', { name: 'Create deliverable' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publish screening guidance for health care providers' })).toBeVisible();
  await expect(page.getByTestId('deliverable-details')).toContainText('Department of Health and Human Services');
  await expect(page.getByTestId('deliverable-details')).toContainText('Department of Justice');
  await expect(page.getByTestId('deliverable-details')).toContainText('May 31, 2027');
});

test.describe('accessibility (WCAG 2.1 AA)', () => {
  test.use(signedInAs('official.dhs@pitf.demo'));

  const pages: [string, () => string][] = [
    ['the agencies index', () => '/agencies'],
    ['a board', () => '/agencies/dhs'],
    ['the board of an agency whose membership is inferred', () => '/agencies/doc'],
    ['a deliverable page with its forms', () => `/deliverables/${deliverableIdByKey('2022-dhs-victim-centered-approach')}`],
    ['the list of all deliverables', () => '/deliverables?q=forced'],
    ['the new deliverable form', () => '/deliverables/new'],
  ];
  for (const [name, path] of pages) {
    test(`${name} has no violations`, async ({ page }) => {
      await page.goto(path());
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      expect(results.violations).toEqual([]);
    });
  }
});
