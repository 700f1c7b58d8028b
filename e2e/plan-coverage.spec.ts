import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiSession, direct, openTestDatabase, seededPlannedMeetingId, signedInAs } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Other specs running at the same time add objectives and retire agencies: a figure on a page is
 * checked against the record as it stood just before or just after the page was read.
 */
function oneOf(before: number, after: number) {
  return [...new Set([before, after])];
}

/** The active objectives no counted deliverable serves, and the active agencies, as the database holds them now. */
function recordNow() {
  const db = openTestDatabase();
  try {
    const gaps = db
      .prepare(
        `SELECT o.title FROM plan_objectives o WHERE o.retired_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM deliverables d WHERE d.objective_id = o.id AND d.status <> 'withdrawn')`,
      )
      .pluck()
      .all() as string[];
    const objectives = db.prepare('SELECT count(*) FROM plan_objectives WHERE retired_at IS NULL').pluck().get() as number;
    const agencies = db.prepare('SELECT abbreviation FROM agencies WHERE retired_at IS NULL').pluck().all() as string[];
    return { gaps, objectives, agencies };
  } finally {
    db.close();
  }
}

test.describe('the plan’s coverage, as a viewer', () => {
  test.use(signedInAs('viewer@pitf.demo'));

  test('lists the objectives nobody serves first, every objective with its agencies, and a matrix row per agency', async ({ page }) => {
    const before = recordNow();
    expect(before.gaps.length).toBeGreaterThan(0);
    await page.goto('/plan');
    await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
    // Plan is in the main navigation, next to Pillars.
    await expect(page.locator('.usa-nav__primary').getByRole('link', { name: 'Plan', exact: true })).toHaveAttribute('href', '/plan');

    // Gaps come before every other section, by pillar under the plan's own titles.
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf('Objectives nobody serves')).toBeLessThan(headings.indexOf('Every objective'));
    const gaps = page.getByTestId('plan-gaps');
    const listed = (await gaps.getByTestId('plan-gap').allTextContents()).map((t) => t.replace(/ \(\d+ priority actions? recorded under it\)$/, '').trim());
    expect(listed.length).toBeGreaterThan(0);
    expect(before.gaps.some((title) => listed.includes(title))).toBe(true);
    const headline = (await page.getByTestId('plan-headline').textContent()) ?? '';
    const shown = Number(/of (\d+) objectives have work/.exec(headline)?.[1]);
    const after = recordNow();
    expect(oneOf(before.objectives, after.objectives)).toContain(shown);
    // The fourth pillar under the plan's title, with the task force's short name.
    await expect(page.getByRole('heading', { level: 3, name: 'Crosscutting Approaches and Institutional Effectiveness (Partnership)' }).first()).toBeVisible();

    // Every objective, its deliverables a link away; its status mix in words.
    await expect(page.getByTestId('plan-objective')).toHaveCount(shown);
    const served = page.getByTestId('plan-objective').filter({ has: page.getByRole('link') }).first();
    await expect(served.getByRole('link')).toHaveAttribute('href', /^\/deliverables\?objective=\d+$/);
    await expect(served).toContainText(/Lead: /);
    await expect(served).toContainText(/\d+ (not started|in progress|at risk|blocked|completed)/);

    // The matrix: a row per member agency, each named in its row header.
    const rows = page.getByTestId('plan-matrix-table').getByTestId('plan-matrix-row');
    const headers = (await rows.locator('th[scope="row"]').allTextContents()).sort();
    const agenciesNow = recordNow().agencies;
    expect([[...before.agencies].sort(), [...after.agencies].sort(), [...agenciesNow].sort()]).toContainEqual(headers);
    await expect(page.getByTestId('plan-matrix-table').locator('caption')).toHaveText('Deliverables each agency leads and supports under each objective of the plan');

    await page.screenshot({ path: '/tmp/plan-page.png', fullPage: true });
  });

  test('downloads each table as CSV with its header', async ({ page }) => {
    const { objectives } = recordNow();
    await page.goto('/plan');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-objectives').click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const objectivesAfter = recordNow().objectives;
    expect(lines[0]).toBe('Objective,Number,Pillar,Served,Not started,In progress,At risk,Blocked,Completed,Total,Stale,Lead agencies,Supporting agencies,Priority actions');
    expect(oneOf(objectives, objectivesAfter)).toContain(lines.length - 1);
    // Unnumbered objectives say so; none has a made-up number.
    expect(lines.slice(1).every((line) => line.split(',').includes('unnumbered'))).toBe(true);

    const [matrix] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-matrix').click()]);
    const matrixHeader = fs.readFileSync((await matrix.path())!, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(matrixHeader.startsWith('Agency,')).toBe(true);
    expect(matrixHeader.endsWith(',Total led')).toBe(true);
  });

  test('passes axe, wide and at 320 px', async ({ page }) => {
    await page.goto('/plan');
    await expect(page.getByTestId('plan-matrix-table')).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
  });

  test('the briefing book carries the plan’s coverage, the objectives nobody serves first', async ({ page }) => {
    const { gaps, objectives } = recordNow();
    await page.goto(`/meetings/${seededPlannedMeetingId()}/briefing`);
    const section = page.getByTestId('briefing-coverage');
    await expect(section.getByRole('heading', { level: 2, name: 'Plan coverage' })).toBeVisible();
    await expect(page.getByTestId('briefing-contents').getByRole('link', { name: 'Plan coverage' })).toHaveAttribute('href', '#coverage-heading');
    const listed = await section.getByTestId('briefing-coverage-gaps').getByRole('listitem').allTextContents();
    expect(gaps.some((title) => listed.some((item) => item.startsWith(title)))).toBe(true);
    const rowsShown = await section.getByTestId('briefing-coverage-objectives').locator('tbody tr').count();
    expect(oneOf(objectives, recordNow().objectives)).toContain(rowsShown);
    await section.screenshot({ path: '/tmp/plan-briefing.png' });
    expect((await new AxeBuilder({ page }).include('[data-testid="briefing-coverage"]').withTags(WCAG_21_AA).analyze()).violations).toEqual([]);
  });
});

test.describe('the plan’s coverage through the API', () => {
  test('answers the coverage to any signed-in role as the document describes it, and refuses a table that does not exist', async ({ playwright }) => {
    const api = await apiSession(playwright, 'official.doi@pitf.demo');
    const response = await api.get('/api/plan/coverage');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { totals: { objectives: number; objectivesServed: number; objectivesUnserved: number }; gaps: { objectives: number[] } };
    expect(body.totals.objectivesServed + body.totals.objectivesUnserved).toBe(body.totals.objectives);
    expect(body.gaps.objectives).toHaveLength(body.totals.objectivesUnserved);

    const csv = await api.get('/api/export/plan-coverage.csv?table=actions');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Code,Priority action,Pillar,Objective,Served,/);

    // A value the document itself rules out goes straight to the app, which names the field.
    const bad = await api.get(direct('/api/export/plan-coverage.csv?table=pillars'));
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty('table');
    await api.dispose();

    const anonymous = await playwright.request.newContext();
    expect((await anonymous.get(direct('/api/plan/coverage'))).status()).toBe(401);
    await anonymous.dispose();
  });
});
