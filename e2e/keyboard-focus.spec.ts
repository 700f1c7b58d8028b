import { expect, test, type Page } from '@playwright/test';
import { seededPlannedMeetingId, signedInAs, signInApi } from './helpers';

test.use(signedInAs('official.doi@pitf.demo'));

/**
 * Where focus goes after each action, by keyboard alone: a keyboard or screen reader user must
 * land on the outcome, never on the page's top or on nothing. DOI's deliverables made here are
 * this spec's own.
 */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim(), column: el?.closest('[data-testid^="column-"]')?.getAttribute('data-testid') ?? '' };
  });

test('on the board: a keyboard move keeps focus on the moved card; the reason dialog opens in its Reason field and, cancelled, gives focus back', async ({
  page,
  playwright,
  baseURL,
}) => {
  const t = Date.now().toString(36);
  const doi = await playwright.request.newContext({ baseURL });
  await signInApi(doi, 'official.doi@pitf.demo');
  const title = `Campground outreach kit ${t}`;
  const created = (await (await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title, pillar: 'prevention' } })).json()) as { id: number };
  await doi.dispose();

  await page.goto('/agencies/doi');
  const card = page.getByTestId(`card-${created.id}`);
  await expect(page.getByTestId('column-not_started').getByTestId(`card-${created.id}`)).toBeVisible();

  // Move to "In progress" with the select and the Move button, by keyboard.
  await card.getByLabel(`Move “${title}” to`).focus();
  await card.getByLabel(`Move “${title}” to`).selectOption('in_progress');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${created.id}`)).toBeVisible();
  await expect.poll(async () => (await focused(page)).column).toBe('column-in_progress');
  expect((await focused(page)).text).toBe(title);
  await expect(page.getByTestId('board-notice')).toContainText(`“${title}” moved to In progress.`);

  // At risk needs a reason: the dialog opens with focus in it; Escape cancels and focus returns.
  const moved = page.getByTestId('column-in_progress').getByTestId(`card-${created.id}`);
  await moved.getByLabel(`Move “${title}” to`).selectOption('at_risk');
  await moved.getByRole('button', { name: `Move “${title}”` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect.poll(async () => (await focused(page)).id).toBe('move-reason');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect.poll(async () => (await focused(page)).id).toBe(`move-${created.id}`);
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${created.id}`)).toBeVisible();

  // Confirmed with a reason: focus follows the card into its new column.
  await moved.getByLabel(`Move “${title}” to`).selectOption('at_risk');
  await moved.getByRole('button', { name: `Move “${title}”` }).click();
  await page.keyboard.type('The printer contract lapsed.');
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as at risk' }).click();
  await expect(page.getByTestId('column-at_risk').getByTestId(`card-${created.id}`)).toBeVisible();
  await expect.poll(async () => (await focused(page)).column).toBe('column-at_risk');
});

test('on the meeting page: saving the statement and a refused submission each put focus on what happened', async ({ page, playwright, baseURL }) => {
  const meetingId = seededPlannedMeetingId();
  // A deliverable without an update this cycle: DOI's report cannot be submitted while it has one.
  const doi = await playwright.request.newContext({ baseURL });
  await signInApi(doi, 'official.doi@pitf.demo');
  const created = await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title: `Visitor centre posters ${Date.now().toString(36)}`, pillar: 'prevention' } });
  expect(created.status()).toBe(201);
  await doi.dispose();
  await page.goto(`/meetings/${meetingId}#report`);
  const statement = page.getByLabel('Statement for the meeting');
  await statement.fill('Interior trained park rangers on the indicators of forced labor.');
  await page.getByRole('button', { name: 'Save statement' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-message')).toContainText('Statement saved.');
  await expect(page.getByTestId('report-message')).toBeFocused();

  // Refused: focus on the list of what is missing.
  await page.getByRole('button', { name: 'Submit report' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-message')).toContainText('cannot be submitted yet');
  await expect(page.getByTestId('report-message')).toBeFocused();
});

test('two moves of one card in quick succession: the second carries the version the first was given, and is not taken for someone else’s change', async ({
  page,
  playwright,
  baseURL,
}) => {
  const t = Date.now().toString(36);
  const doi = await playwright.request.newContext({ baseURL });
  await signInApi(doi, 'official.doi@pitf.demo');
  const title = `Trailhead posters ${t}`;
  const created = (await (await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title, pillar: 'prevention' } })).json()) as { id: number };
  await doi.dispose();

  await page.goto('/agencies/doi');
  await expect(page.getByTestId('column-not_started').getByTestId(`card-${created.id}`)).toBeVisible();
  // The board reads its columns again after each move; on a slow network that answer comes late.
  await page.route('**/api/deliverables?*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue();
  });
  const card = () => page.getByTestId(`card-${created.id}`);
  await card().getByLabel(`Move “${title}” to`).selectOption('in_progress');
  await card().getByRole('button', { name: `Move “${title}”` }).click();
  await expect(page.getByTestId('board-notice')).toContainText(`“${title}” moved to In progress.`);
  await card().getByLabel(`Move “${title}” to`).selectOption('completed');
  await card().getByRole('button', { name: `Move “${title}”` }).click();
  await expect(page.getByTestId('board-notice')).toContainText(`“${title}” moved to Completed.`);
  await expect(page.getByTestId('board-notice')).not.toContainText('changed by someone else');
  await page.unroute('**/api/deliverables?*');
  await expect(page.getByTestId('column-completed').getByTestId(`card-${created.id}`)).toBeVisible();
});

test('a move reads again only the column the card left and the one it entered', async ({ page, playwright, baseURL }) => {
  const t = Date.now().toString(36);
  const doi = await playwright.request.newContext({ baseURL });
  await signInApi(doi, 'official.doi@pitf.demo');
  const title = `Visitor centre leaflets ${t}`;
  const created = (await (await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title, pillar: 'prevention' } })).json()) as { id: number };
  await doi.dispose();

  await page.goto('/agencies/doi');
  const card = () => page.getByTestId(`card-${created.id}`);
  await expect(page.getByTestId('column-not_started').getByTestId(`card-${created.id}`)).toBeVisible();

  // Every column the browser asks the server for from now on, by status.
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname === '/api/deliverables') asked.push(url.searchParams.get('status') ?? '(none)');
  });
  const answered = page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/deliverables', { timeout: 15_000 });
  await card().getByLabel(`Move “${title}” to`).selectOption('in_progress');
  await card().getByRole('button', { name: `Move “${title}”` }).click();
  await expect(page.getByTestId('board-notice')).toContainText(`“${title}” moved to In progress.`);
  await answered;
  await expect.poll(() => [...asked].sort()).toEqual(['in_progress', 'not_started']);
  // The server's answer shows the card where it was moved, and nothing else is asked for after.
  await expect(page.getByTestId('column-in_progress').getByTestId(`card-${created.id}`)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect([...asked].sort()).toEqual(['in_progress', 'not_started']);
});
