import { expect, test } from '@playwright/test';
import { openTestDatabase, signInAndWait, signInApi } from './helpers';

/**
 * A held meeting shows readiness as it stood when it was held, whatever happens after. The
 * meeting is a working group's, dated before every other held one of its kind, so that no other
 * meeting's reporting cycle moves.
 */
test('a held meeting keeps the readiness of its day: later updates change nothing on its page or in the API', async ({ page, playwright, baseURL }) => {
  const t = Date.now().toString(36);
  const chair = await playwright.request.newContext({ baseURL });
  await signInApi(chair, 'chair@pitf.demo');
  const created = (await (await chair.post('/api/meetings', { data: { kind: 'working_group', title: `Working group on hotlines ${t}`, date: '2024-05-02' } })).json()) as {
    id: number;
    version: number;
  };
  const held = await chair.patch(`/api/meetings/${created.id}`, { data: { version: created.version, status: 'held' } });
  expect(held.status()).toBe(200);
  const kept = await (await chair.get(`/api/meetings/${created.id}/readiness`)).json();
  expect(kept.status).toBe('held');
  expect(kept.atMeeting.agencies.length).toBeGreaterThan(0);
  const doiThen = kept.atMeeting.agencies.find((a: { slug: string }) => a.slug === 'doi');

  await signInAndWait(page, 'chair@pitf.demo');
  await page.goto(`/meetings/${created.id}`);
  const matrix = page.getByTestId('readiness-matrix');
  await expect(matrix).toBeVisible();
  const matrixThen = await matrix.innerText();

  // DOI adds a deliverable: today's readiness counts change, the meeting's do not.
  const doi = await playwright.request.newContext({ baseURL });
  await signInApi(doi, 'official.doi@pitf.demo');
  expect((await doi.post('/api/deliverables', { data: { leadAgency: 'doi', title: `Trail signs ${t}`, pillar: 'prevention' } })).status()).toBe(201);
  await doi.dispose();

  const again = await (await chair.get(`/api/meetings/${created.id}/readiness`)).json();
  expect(again.atMeeting).toEqual(kept.atMeeting);
  expect(again.atMeeting.agencies.find((a: { slug: string }) => a.slug === 'doi')).toEqual(doiThen);
  await page.reload();
  await expect(matrix).toBeVisible();
  expect(await matrix.innerText()).toBe(matrixThen);
  await chair.dispose();
});

test('a seeded meeting held before readiness was kept says so, instead of showing today’s figures', async ({ page }) => {
  await signInAndWait(page, 'viewer@pitf.demo');
  const db = openTestDatabase();
  const { id } = db.prepare("SELECT id FROM meetings WHERE key = 'cabinet-2022-01-25'").get() as { id: number };
  db.close();
  await page.goto(`/meetings/${id}`);
  await expect(page.getByText('No readiness was recorded for this meeting', { exact: false })).toBeVisible();
  await expect(page.getByText('0% of agencies ready')).toHaveCount(0);
  await expect(page.getByTestId('readiness-matrix')).toHaveCount(0);
});
