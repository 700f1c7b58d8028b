import { expect, test } from '@playwright/test';
import { deliverableIdByKey, openTestDatabase, signInAndWait, signInApi } from './helpers';

test('official of DHS moves a card by keyboard, posts an update, and sees board, timeline and overview change', async ({ page }) => {
  const id = deliverableIdByKey('2022-dhs-victim-centered-approach');
  await signInAndWait(page, 'official.dhs@pitf.demo');
  await page.getByRole('link', { name: 'Agencies', exact: true }).click();
  await page.getByRole('link', { name: 'Department of Homeland Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Department of Homeland Security' })).toBeVisible();

  const card = page.getByTestId(`card-${id}`);
  await expect(page.getByTestId('column-at_risk').getByTestId(`card-${id}`)).toBeVisible();

  // Keyboard only: focus the card's Move control, choose a status, press Enter on Move.
  const select = card.getByLabel(/^Move “.*” to$/);
  await select.focus();
  await select.selectOption('in_progress');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toBeVisible();
  await expect(page.getByTestId('board-notice')).toContainText('moved to In progress');

  // The move is stored: it survives a reload.
  await page.reload();
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toBeVisible();

  // The audit log says who moved it, when, and from what to what.
  const db = openTestDatabase();
  const event = db
    .prepare(
      `SELECT e.actor_email, e.before, e.after FROM audit_events e
       WHERE e.entity = 'deliverable' AND e.entity_id = ? AND e.action = 'deliverable.progress_update' ORDER BY e.id DESC LIMIT 1`,
    )
    .get(String(id)) as { actor_email: string; before: string; after: string };
  db.close();
  expect(event.actor_email).toBe('official.dhs@pitf.demo');
  expect(JSON.parse(event.before)).toMatchObject({ status: 'at_risk' });
  expect(JSON.parse(event.after)).toMatchObject({ status: 'in_progress' });

  // Post an update with a note on the deliverable's page.
  await page.getByTestId(`card-${id}`).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Post a progress update' })).toBeVisible();
  await page.getByLabel('Progress (%)').fill('55');
  await page.getByLabel('Note', { exact: true }).fill('Three of four components have returned their policy reviews.');
  await page.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByTestId('form-message').first()).toContainText('Update posted.');

  const timeline = page.getByTestId('update-timeline');
  await expect(timeline.getByRole('listitem').first()).toContainText('Three of four components have returned their policy reviews.');
  await expect(timeline.getByRole('listitem').first()).toContainText('55%');
  await expect(timeline.getByRole('listitem').first()).toContainText('DHS Official');
  await expect(timeline).toContainText('Moved from At risk to In progress on the board.');
  await expect(page.getByTestId('deliverable-status')).toContainText('In progress');

  // The overview's recent updates lead with it.
  await page.getByRole('link', { name: 'Overview' }).click();
  const recent = page.getByTestId('recent-updates').getByRole('listitem').first();
  await expect(recent).toContainText('Build a victim-centered approach');
  await expect(recent).toContainText('Three of four components have returned their policy reviews.');
});

test('an admin drags a card to another column and the move is stored', async ({ page }) => {
  const id = deliverableIdByKey('2022-usaid-ctip-policy');
  await signInAndWait(page, 'admin@pitf.demo');
  await page.goto('/agencies/usaid');
  await page.getByTestId(`card-${id}`).dragTo(page.getByTestId('column-in_progress'));
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toBeVisible();
});

test('moving a card to blocked asks for the reason and shows it on the card', async ({ page }) => {
  const id = deliverableIdByKey('2022-dot-advisory-committee');
  await signInAndWait(page, 'official.dot@pitf.demo');
  await page.goto('/agencies/dot');
  const card = page.getByTestId(`card-${id}`);
  await card.getByLabel(/^Move “.*” to$/).selectOption('blocked');
  await card.getByRole('button', { name: /^Move/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as blocked' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Mark as blocked' }).click();
  await expect(dialog.getByText('Say why it is at risk or blocked.')).toBeVisible();
  await dialog.getByLabel('Reason (required)').fill('The committee charter is awaiting signature.');
  await dialog.getByRole('button', { name: 'Mark as blocked' }).click();
  const moved = page.getByTestId('column-blocked').getByTestId(`card-${id}`);
  await expect(moved).toContainText('Reason: The committee charter is awaiting signature.');
});

test('a refused move is rolled back with a visible message', async ({ page, playwright, baseURL }) => {
  const id = deliverableIdByKey('2022-doj-national-strategy');
  await signInAndWait(page, 'official.doj@pitf.demo');
  await page.goto('/agencies/doj');
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toBeVisible();

  // Someone else updates the same deliverable after this board loaded.
  const other = await playwright.request.newContext({ baseURL });
  await signInApi(other, 'admin@pitf.demo');
  const response = await other.post(`/api/deliverables/${id}/updates`, {
    data: { status: 'in_progress', progress: 90, note: 'Clearance nearly done.' },
  });
  expect(response.status()).toBe(201);
  await other.dispose();

  const card = page.getByTestId(`card-${id}`);
  await card.getByLabel(/^Move “.*” to$/).selectOption('completed');
  await card.getByRole('button', { name: /^Move/ }).click();
  await expect(page.getByTestId('board-notice')).toContainText('was changed by someone else');
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${id}`)).toContainText('90%');
  await expect(page.getByTestId('column-completed').getByTestId(`card-${id}`)).toHaveCount(0);
});
