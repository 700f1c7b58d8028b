import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInAndWait } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe('error summaries name every field to correct, by its label, once', () => {
  test('a progress update with a progress that is not a number and no reason for at risk lists both', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    // A deliverable of this test's own, so no other test's update races this one.
    const created = await page.request.post('/api/deliverables', {
      data: { leadAgency: 'ed', title: `Error summary check ${unique()}`, pillar: 'prevention' },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    await page.goto(`/deliverables/${id}`);

    const form = page.getByTestId('progress-update-form');
    await form.getByLabel('Status').selectOption('at_risk');
    await form.getByLabel('Progress (%)').fill('about half');
    await form.getByRole('button', { name: 'Post update' }).click();

    const summary = form.getByTestId('form-message');
    await expect(summary).toContainText('Nothing was saved.');
    await expect(summary.getByRole('listitem')).toHaveText(['Progress (%): Enter progress as a whole number from 0 to 100.', 'Reason: Say why it is at risk or blocked.']);
    await expect(summary).not.toContainText('progress,');
    await expect(summary).toBeFocused();
    await expect(page.getByTestId('update-progress-error')).toHaveText('Enter progress as a whole number from 0 to 100.');
    await expect(page.getByTestId('update-reason-error')).toHaveText('Say why it is at risk or blocked.');
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);

    // Each line leads to its field.
    await summary.getByRole('link', { name: 'Reason' }).click();
    await expect(page).toHaveURL(/#update-reason$/);

    // Nothing was recorded: the history is still empty.
    const history = await (await page.request.get(`/api/deliverables/${id}/updates`)).json();
    expect(history.total).toBe(0);
  });

  test('the details form says "Due date", not the field’s key', async ({ page }) => {
    await signInAndWait(page, 'official.hhs@pitf.demo');
    await page.goto('/deliverables/new');
    const form = page.getByTestId('create-form');
    await form.getByLabel('Due date').fill('2027-02-30');
    await form.getByRole('button', { name: 'Create deliverable' }).click();
    const summary = form.getByTestId('form-message');
    await expect(summary.getByRole('listitem')).toHaveText(['Title: Enter a title.', 'Due date: Enter a real calendar date as YYYY-MM-DD.']);
    await expect(summary).not.toContainText('dueOn');
  });

  test('a new official with a bad e-mail and no agency: both are listed, each once', async ({ page }) => {
    await signInAndWait(page, 'admin@pitf.demo');
    await page.goto('/admin/users/new');
    const form = page.getByTestId('user-form');
    await form.getByLabel('E-mail address').fill(`not-an-address-${unique()}`);
    await form.getByLabel('Full name').fill('Pat Example');
    await form.getByLabel('Role').selectOption('official');
    await form.getByRole('button', { name: 'Create the account' }).click();

    const summary = page.getByTestId('user-form-message');
    await expect(summary.getByRole('listitem')).toHaveText(['E-mail address: Enter a valid e-mail address.', 'Agency: Choose the agency this official reports for.']);
    await expect(summary).toBeFocused();
    await expect(page.getByTestId('user-email-error')).toHaveText('Enter a valid e-mail address.');
    await expect(page.getByTestId('user-agency-error')).toHaveText('Choose the agency this official reports for.');

    // An empty address is one message, not two.
    await form.getByLabel('E-mail address').fill('');
    await form.getByRole('button', { name: 'Create the account' }).click();
    await expect(page.getByTestId('user-email-error')).toHaveText('Enter an e-mail address.');
    await expect(summary.getByRole('listitem')).toHaveText(['E-mail address: Enter an e-mail address.', 'Agency: Choose the agency this official reports for.']);
  });
});
