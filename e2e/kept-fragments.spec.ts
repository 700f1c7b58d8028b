/**
 * Pages keep their data-heavy parts rendered until the record changes (README, Performance). What
 * a user must never notice: a page older than a change, whoever made it, or a part rendered for
 * someone allowed more than they are.
 *
 * The ODNI board is this spec's own: nothing else here changes ODNI's deliverables.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { openTestDatabase, seededPlannedMeetingId, signedInAs, storageStateFile, type SharedAccount } from './helpers';

const BOARD = '/agencies/odni';

async function pageAs(browser: Browser, email: SharedAccount): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFile(email) });
  return context.newPage();
}

test.describe('kept parts of pages', () => {
  test.describe.configure({ mode: 'serial' });

  test.describe('a change made outside the server', () => {
    test.use(signedInAs('viewer@pitf.demo'));

    test('shows on the next request of a board and of a list', async ({ page }) => {
      const title = `Kept-fragment check ${Date.now()}`;
      const db = openTestDatabase();
      let id: number | null = null;
      try {
        // Rendered twice, so what follows reads a kept rendering.
        await page.goto(BOARD);
        await page.goto(BOARD);
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Director of National Intelligence');
        await expect(page.getByText(title)).toHaveCount(0);
        await page.goto('/deliverables?q=Kept-fragment');
        await page.goto('/deliverables?q=Kept-fragment');
        await expect(page.getByText(title)).toHaveCount(0);

        // Another process (this test, as a script or the sqlite3 shell would) adds a deliverable.
        id = Number(
          db
            .prepare(
              `INSERT INTO deliverables (lead_agency_id, pillar_id, title, description, status, progress)
               SELECT a.id, p.id, ?, 'Written straight into the database by a test.', 'in_progress', 40
               FROM agencies a, pillars p WHERE a.slug = 'odni' AND p.slug = 'prevention'`,
            )
            .run(title).lastInsertRowid,
        );

        await page.goto(BOARD);
        await expect(page.getByText(title)).toBeVisible();
        await page.goto('/deliverables?q=Kept-fragment');
        await expect(page.getByRole('link', { name: title })).toBeVisible();

        db.prepare('DELETE FROM deliverables WHERE id = ?').run(id);
        id = null;
        await page.goto(BOARD);
        await expect(page.getByText(title)).toHaveCount(0);
        await page.goto('/deliverables?q=Kept-fragment');
        await expect(page.getByText(title)).toHaveCount(0);
      } finally {
        if (id !== null) db.prepare('DELETE FROM deliverables WHERE id = ?').run(id);
        db.close();
      }
    });
  });

  test('a board rendered for someone who may move cards never reaches a viewer, whichever comes first', async ({ browser }) => {
    const admin = await pageAs(browser, 'admin@pitf.demo');
    const viewer = await pageAs(browser, 'viewer@pitf.demo');
    for (const order of [
      [admin, viewer],
      [viewer, admin],
    ] as const) {
      for (const page of order) await page.goto(BOARD);
      await expect(admin.getByRole('combobox', { name: /Move/ }).first()).toBeVisible();
      await expect(viewer.getByRole('combobox', { name: /Move/ })).toHaveCount(0);
      await expect(viewer.locator('[draggable="true"]')).toHaveCount(0);
    }
    await admin.context().close();
    await viewer.context().close();
  });

  test('the readiness matrix rendered for the chair never reaches a viewer', async ({ browser }) => {
    const chair = await pageAs(browser, 'chair@pitf.demo');
    const viewer = await pageAs(browser, 'viewer@pitf.demo');
    const href = `/meetings/${seededPlannedMeetingId()}`;
    for (const page of [chair, viewer, chair]) await page.goto(href);
    const chairLinks = await chair.locator('a[href*="?agency="]').count();
    expect(chairLinks).toBeGreaterThan(0);
    await expect(viewer.locator('a[href*="?agency="]')).toHaveCount(0);
    await chair.context().close();
    await viewer.context().close();
  });
});
