import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInToOverview } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.describe('accessibility (WCAG 2.1 AA)', () => {
  test('the sign-in page has no violations', async ({ page }) => {
    await page.goto('/login');
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the sign-in page with an error has no violations', async ({ page }) => {
    await page.goto('/login?error=CredentialsSignin');
    await expect(page.getByTestId('sign-in-error')).toContainText('incorrect');
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
  });

  test('the overview has no violations, wide and at 320 px', async ({ page }) => {
    await signInToOverview(page, 'official.dhs@pitf.demo');
    const wide = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(wide.violations).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    const narrow = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(narrow.violations).toEqual([]);
  });
});
