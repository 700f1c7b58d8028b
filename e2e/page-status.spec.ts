import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { deliverableIdByKey, openTestDatabase, signInAndWait } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAndWait(page, email);
  return page;
}

function userId(email: string): number {
  const db = openTestDatabase();
  try {
    return (db.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number }).id;
  } finally {
    db.close();
  }
}

function refusalsSince(actorId: number, since: number): string[] {
  const db = openTestDatabase();
  try {
    return db
      .prepare("SELECT entity_id FROM audit_events WHERE action = 'denied' AND actor_id = ? AND id > ? ORDER BY id")
      .pluck()
      .all(actorId, since) as string[];
  } finally {
    db.close();
  }
}

function lastAuditId(): number {
  const db = openTestDatabase();
  try {
    return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM audit_events').get() as { id: number }).id;
  } finally {
    db.close();
  }
}

test.describe('pages that are not there', () => {
  test('a deliverable number that does not exist answers 404 inside the app, with a way back to the list', async ({ browser }) => {
    const page = await signedIn(browser, 'viewer@pitf.demo');
    const response = await page.goto('/deliverables/999999');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Deliverable not found' })).toBeVisible();
    // The app's own header stays, so the reader is still somewhere they know.
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
    await page.getByRole('link', { name: 'All deliverables' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Deliverables' })).toBeVisible();

    expect((await page.goto('/deliverables/not-a-number'))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Deliverable not found' })).toBeVisible();
  });

  test('a meeting number that does not exist answers 404, and so do its editor and briefing', async ({ browser }) => {
    const page = await signedIn(browser, 'chair@pitf.demo');
    for (const path of ['/meetings/999999', '/meetings/999999/edit', '/meetings/999999/briefing']) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Meeting not found' })).toBeVisible();
    }
    await page.getByRole('link', { name: 'All meetings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  });

  test('an address that matches no page answers 404 in the app’s layout; an unknown API address answers JSON', async ({ browser }) => {
    const page = await signedIn(browser, 'viewer@pitf.demo');
    const response = await page.goto('/no-such-page/at-all');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);
    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();

    for (const method of ['GET', 'POST', 'DELETE']) {
      const api = await page.request.fetch('/api/no-such-endpoint', { method, headers: { Origin: new URL(page.url()).origin } });
      expect(api.status(), method).toBe(404);
      expect((await api.json()).error.code).toBe('not_found');
    }
    // A real deliverable still opens: the catch-all only answers what nothing else does.
    expect((await page.goto(`/deliverables/${deliverableIdByKey('2022-dhs-victim-centered-approach')}`))?.status()).toBe(200);
  });
});

test.describe('pages a signed-in role may not use answer 403', () => {
  test('a viewer is refused the accounts pages and the new deliverable page with 403, the reason, and the attempt recorded', async ({
    browser,
  }) => {
    const viewer = userId('viewer@pitf.demo');
    const since = lastAuditId();
    const page = await signedIn(browser, 'viewer@pitf.demo');

    for (const path of ['/admin/users', '/admin/users/new']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByTestId('not-allowed')).toContainText('Accounts are managed by the secretariat’s administrators.');
      await expect(page.getByTestId('users-table')).toHaveCount(0);
      await expect(page.getByTestId('user-form')).toHaveCount(0);
    }
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(results.violations).toEqual([]);

    const response = await page.goto('/deliverables/new');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'New deliverable' })).toBeVisible();
    await expect(page.getByTestId('not-allowed')).toContainText('Your role can read them but not add them.');
    await expect(page.getByTestId('create-form')).toHaveCount(0);

    expect(refusalsSince(viewer, since)).toEqual(expect.arrayContaining(['GET /admin/users', 'GET /admin/users/new', 'GET /deliverables/new']));
  });

  test('an official is refused another agency’s import page and the meeting editor with 403', async ({ browser }) => {
    const page = await signedIn(browser, 'official.dhs@pitf.demo');
    const response = await page.goto('/agencies/dos/import');
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId('import-not-allowed')).toContainText('You cannot import deliverables for State');
    await expect(page.getByRole('button', { name: 'Check file' })).toHaveCount(0);

    // Their own agency's import page is theirs.
    expect((await page.goto('/agencies/dhs/import'))?.status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Check file' })).toBeVisible();

    expect((await page.goto('/meetings/new'))?.status()).toBe(403);
    await expect(page.getByTestId('not-allowed')).toContainText('Meetings are planned and recorded by the chair’s staff');
  });

  test('the chair is refused the administration pages with 403 and is offered the way back', async ({ browser }) => {
    const page = await signedIn(browser, 'chair@pitf.demo');
    expect((await page.goto('/admin'))?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
    await expect(page.getByTestId('not-allowed')).toContainText('Accounts, agencies and the audit log are managed');
    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    for (const path of ['/admin/audit', '/admin/outbox', '/admin/agencies']) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
  });
});
