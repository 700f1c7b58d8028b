import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { openTestDatabase, signInAndWait, signInApi } from './helpers';

/**
 * Withdrawing and reinstating a deliverable as the lead agency's official would, by keyboard, and
 * an administrator deleting one created by mistake. DOI's deliverables made here are this spec's own.
 */
const tag = () => Date.now().toString(36);

async function apiAs(playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined, email: string) {
  const request = await playwright.request.newContext({ baseURL });
  expect((await signInApi(request, email)).ok()).toBe(true);
  return request;
}

const doiTotal = async (request: APIRequestContext) => ((await (await request.get('/api/deliverables?agency=doi&pageSize=1')).json()) as { total: number }).total;
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('an official withdraws a deliverable with a reason, sees it leave the counts and the board, and reinstates it', async ({ page, playwright, baseURL }) => {
  const t = tag();
  const doi = await apiAs(playwright, baseURL, 'official.doi@pitf.demo');
  const created = (await (await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title: `Ranger hotline posters ${t}`, pillar: 'prevention' } })).json()) as { id: number; title: string };
  expect((await doi.post(`/api/deliverables/${created.id}/updates`, { data: { status: 'in_progress', progress: 40, note: 'Posters printed' } })).status()).toBe(201);
  const totalBefore = await doiTotal(doi);

  await signInAndWait(page, 'official.doi@pitf.demo');
  await page.goto(`/deliverables/${created.id}`);
  const withdraw = page.getByRole('button', { name: 'Withdraw', exact: true });

  // Refused without a reason: the field says why and has focus; nothing changed.
  await withdraw.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('withdraw-reason-error')).toContainText('Say why the deliverable is withdrawn.');
  await expect.poll(() => focusedId(page)).toBe('withdraw-reason');
  await expect(page.getByTestId('deliverable-status')).toContainText('In progress');

  await page.keyboard.type('Folded into the park service’s own campaign.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('deliverable-status')).toContainText('Withdrawn');
  await expect(page.getByTestId('deliverable-withdrawn')).toContainText('Withdrawn by DOI: Folded into the park service’s own campaign.');
  // Focus lands on the new state, announced to a screen reader user.
  await expect.poll(() => focusedId(page)).toBe('deliverable-state');
  await expect(page.locator('section[aria-labelledby="history-heading"]')).toContainText('Folded into the park service’s own campaign.');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Out of the counts and the board; found when asked for.
  expect(await doiTotal(doi)).toBe(totalBefore - 1);
  const withdrawnList = (await (await doi.get('/api/deliverables?agency=doi&status=withdrawn')).json()) as { items: { id: number }[] };
  expect(withdrawnList.items.map((i) => i.id)).toContain(created.id);
  expect((await doi.post(`/api/deliverables/${created.id}/updates`, { data: { status: 'completed', note: 'Done' } })).status()).toBe(409);
  await page.goto('/agencies/doi');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(created.title)).toHaveCount(0);
  await page.goto(`/deliverables?agency=doi&status=withdrawn`);
  await expect(page.getByRole('link', { name: created.title })).toBeVisible();

  await page.getByRole('link', { name: created.title }).click();
  await page.getByRole('button', { name: 'Reinstate this deliverable' }).click();
  await expect(page.getByTestId('deliverable-status')).toContainText('In progress');
  await expect(page.getByTestId('deliverable-withdrawn')).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe('deliverable-state');
  expect(await doiTotal(doi)).toBe(totalBefore);
  await doi.dispose();
});

test('an administrator deletes a deliverable created by mistake; cancelling gives focus back; the audit log keeps a copy', async ({ page, playwright, baseURL }) => {
  const t = tag();
  const admin = await apiAs(playwright, baseURL, 'admin@pitf.demo');
  const created = (await (await admin.post('/api/deliverables', { data: { leadAgency: 'doi', title: `Entered twice by mistake ${t}`, pillar: 'partnership' } })).json()) as { id: number };
  await admin.dispose();

  await signInAndWait(page, 'admin@pitf.demo');
  await page.goto(`/deliverables/${created.id}`);
  const ask = page.getByRole('button', { name: 'Delete this deliverable' });
  await ask.click();
  await expect(page.getByRole('button', { name: /permanently/ })).toBeFocused();
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(ask).toBeFocused();

  await ask.click();
  await page.getByRole('button', { name: /permanently/ }).click();
  await expect(page).toHaveURL(/\/agencies\/doi\?deleted=/);
  await expect(page.getByTestId('deleted-notice')).toContainText(`Deleted “Entered twice by mistake ${t}”`);
  await expect.poll(() => focusedId(page)).toBe('deleted-notice');
  expect((await page.request.get(`/api/deliverables/${created.id}`)).status()).toBe(404);

  const db = openTestDatabase();
  const event = db
    .prepare("SELECT before FROM audit_events WHERE entity = 'deliverable' AND entity_id = ? AND action = 'deliverable.delete'")
    .get(String(created.id)) as { before: string } | undefined;
  db.close();
  expect(JSON.parse(event!.before)).toMatchObject({ title: `Entered twice by mistake ${t}` });

  // An official has no such button, and the server refuses them anyway.
  const doi = await apiAs(playwright, baseURL, 'official.doi@pitf.demo');
  const theirs = (await (await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title: `Not to be deleted ${t}`, pillar: 'partnership' } })).json()) as { id: number };
  expect((await doi.delete(`/api/deliverables/${theirs.id}`)).status()).toBe(403);
  await doi.dispose();
});
