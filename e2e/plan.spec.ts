import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiSession, openTestDatabase, signedInAs, signInAndWait } from './helpers';

// The plan's objectives and priority actions: kept by administrators, chosen by officials for
// their deliverables. Records are this spec's own (objectives and actions it adds, USAID's new
// deliverables), so other specs running at the same time see nothing change under them.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function objectiveIdByKey(key: string): number {
  const db = openTestDatabase();
  try {
    return (db.prepare('SELECT id FROM plan_objectives WHERE key = ?').get(key) as { id: number }).id;
  } finally {
    db.close();
  }
}

function auditActions(entity: string, entityId: number): string[] {
  const db = openTestDatabase();
  try {
    return (db.prepare('SELECT action FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(entityId)) as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
}

test.describe('administering the plan', () => {
  test.use(signedInAs('admin@pitf.demo'));

  test('an administrator adds an objective and a coded action under it, then retires the action', async ({ page }) => {
    const stamp = Date.now().toString(36);
    const objectiveTitle = `Reach survivors in rural areas ${stamp}`;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Plan objectives and actions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'The plan: objectives and priority actions' })).toBeVisible();
    await expect(page.getByTestId('plan-entry-notice')).toContainText('60+ priority actions');
    await expect(page.getByTestId('plan-objectives-table')).toContainText('unnumbered');
    const axe = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(axe.violations).toEqual([]);

    const objectiveForm = page.getByTestId('objective-form');
    await objectiveForm.getByLabel('Pillar').selectOption('protection');
    await objectiveForm.getByLabel('Title').fill(objectiveTitle);
    await objectiveForm.getByLabel('Source', { exact: true }).selectOption({ index: 1 });
    await objectiveForm.getByLabel('Page in the source (optional)').fill('22');
    await objectiveForm.getByRole('button', { name: 'Add the objective' }).click();
    await expect(page.getByTestId('objective-form-message')).toContainText(`Saved: ${objectiveTitle}`);
    const row = page.getByTestId('plan-objectives-table').getByRole('row', { name: new RegExp(objectiveTitle) });
    await expect(row).toContainText('unnumbered');
    await expect(row).toContainText('p. 22');

    // A code whose first number is not the pillar's is refused and named.
    const actionForm = page.getByTestId('action-form');
    await actionForm.getByLabel('Code').fill('2.8.1');
    await expect(actionForm.getByLabel('Pillar')).toHaveValue('protection');
    await actionForm.getByLabel('Pillar').selectOption('prosecution');
    await actionForm.getByLabel('Title', { exact: true }).fill(`Train shelter staff ${stamp}`);
    await actionForm.getByRole('button', { name: 'Add the priority action' }).click();
    await expect(page.getByTestId('action-form-message-fields')).toContainText('Code');
    await expect(page.getByTestId('action-form-message-fields')).toContainText('Objective');

    await actionForm.getByLabel('Pillar').selectOption('protection');
    await actionForm.getByLabel('Objective', { exact: true }).selectOption({ label: objectiveTitle });
    await actionForm.getByLabel('Lead agency (optional)').selectOption({ label: 'U.S. Agency for International Development' });
    await actionForm.locator('#action-supporting').getByText('Department of Labor', { exact: true }).click();
    await actionForm.getByRole('button', { name: 'Add the priority action' }).click();
    await expect(page.getByTestId('action-form-message')).toContainText('Saved: priority action 2.8.1');
    const actionRow = page.getByTestId('action-2.8.1');
    await expect(actionRow).toContainText(objectiveTitle);
    await expect(actionRow).toContainText('USAID');
    await expect(actionRow).toContainText('DOL');

    await actionRow.getByRole('button', { name: 'Retire priority action 2.8.1' }).click();
    await expect(page.getByTestId('plan-retire-message')).toContainText('Priority action 2.8.1 is retired');
    await expect(actionRow).toContainText('Retired');
    await expect(actionRow.getByRole('button', { name: 'Restore priority action 2.8.1' })).toBeVisible();
    const axeAfter = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(axeAfter.violations).toEqual([]);
    await page.screenshot({ path: '/tmp/plan-admin.png', fullPage: true });

    const db = openTestDatabase();
    try {
      const action = db.prepare("SELECT id FROM nap_actions WHERE code = '2.8.1'").get() as { id: number };
      expect(auditActions('priority_action', action.id)).toEqual(['priority_action.create', 'priority_action.retire']);
    } finally {
      db.close();
    }
  });
});

test.describe('the Plan page for others', () => {
  test.use(signedInAs('chair@pitf.demo'));

  test('the chair is refused the Plan page with 403, in its own words', async ({ page }) => {
    expect((await page.goto('/admin/plan'))?.status()).toBe(403);
    await expect(page.getByTestId('not-allowed')).toContainText('kept by the secretariat’s administrators');
    await expect(page.getByTestId('objective-form')).toHaveCount(0);
  });
});

test.describe('deliverables serve an objective', () => {
  test('an official creates a deliverable under an objective, sees it on its page, and finds it by objective in the list', async ({ page }) => {
    const title = `Fund survivor-led groups abroad ${Date.now().toString(36)}`;
    const objectiveId = objectiveIdByKey('protection-survivor-informed');
    await signInAndWait(page, 'official.usaid@pitf.demo');
    await page.goto('/deliverables/new');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Pillar').selectOption('protection');
    const objective = page.getByLabel('Objective of the plan');
    // Only the chosen pillar's objectives are offered.
    await expect(objective.locator('option', { hasText: 'Address trafficking in global supply chains' })).toHaveCount(0);
    await objective.selectOption(String(objectiveId));
    await page.getByRole('button', { name: 'Create deliverable' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId('deliverable-objective')).toHaveText('Shape services and policy with survivors’ input');
    await page.screenshot({ path: '/tmp/plan-deliverable.png', fullPage: true });

    await page.getByTestId('deliverable-objective').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/deliverables\\?objective=${objectiveId}$`));
    await expect(page.getByLabel('Objective of the plan')).toHaveValue(String(objectiveId));
    await expect(page.getByTestId('deliverables-table')).toContainText(title);

    await page.getByLabel('Objective of the plan').selectOption('none');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/objective=none/);
    await expect(page.getByText(title)).toHaveCount(0);
  });
});

test.describe('the plan through the API', () => {
  test('a deliverable under an objective of another pillar is refused with 400 naming objectiveId, and nothing is stored', async ({ playwright }) => {
    const api = await apiSession(playwright, 'official.usaid@pitf.demo');
    const title = `Mismatched objective ${Date.now().toString(36)}`;
    const created = await api.post('/api/deliverables', {
      data: { leadAgency: 'usaid', title, pillar: 'prevention', objectiveId: objectiveIdByKey('prosecution-capacity') },
    });
    expect(created.status()).toBe(400);
    const body = await created.json();
    expect(Object.keys(body.error.fields)).toEqual(['objectiveId']);
    const list = await api.get(`/api/deliverables?agency=usaid&q=${encodeURIComponent(title)}`);
    expect((await list.json()).total).toBe(0);
    const unknown = await api.get('/api/deliverables?objective=999999');
    expect(unknown.status()).toBe(400);
    expect(Object.keys((await unknown.json()).error.fields)).toEqual(['objective']);
    await api.dispose();
  });

  test('only administrators may write the plan; every signed-in user may read it', async ({ playwright }) => {
    const objectiveId = objectiveIdByKey('partnership-information');
    for (const email of ['viewer@pitf.demo', 'chair@pitf.demo', 'official.usaid@pitf.demo']) {
      const api = await apiSession(playwright, email);
      const objectives = await api.get('/api/plan/objectives');
      expect(objectives.status(), email).toBe(200);
      const read = await objectives.json();
      expect(read.objectives.length).toBeGreaterThanOrEqual(21);
      expect((await api.get('/api/plan/actions')).status(), email).toBe(200);
      const version = read.objectives.find((o: { id: number }) => o.id === objectiveId).version;
      expect((await api.post('/api/plan/objectives', { data: { pillar: 'prevention', title: 'Not mine to add' } })).status(), email).toBe(403);
      expect((await api.patch(`/api/plan/objectives/${objectiveId}`, { data: { version, retired: true } })).status(), email).toBe(403);
      expect(
        (await api.post('/api/plan/actions', { data: { code: '4.9.9', pillar: 'partnership', title: 'Not mine', objectiveId } })).status(),
        email,
      ).toBe(403);
      expect((await api.patch('/api/plan/actions/1', { data: { version: 1, retired: true } })).status(), email).toBe(403);
      await api.dispose();
    }
    expect(auditActions('plan_objective', objectiveId)).toEqual([]);
  });

  test('an administrator’s stale edit of an objective gets 409 with the current record', async ({ playwright }) => {
    const api = await apiSession(playwright, 'admin@pitf.demo');
    const created = await api.post('/api/plan/objectives', { data: { pillar: 'partnership', title: `Objective to edit ${Date.now().toString(36)}`, number: null } });
    expect(created.status()).toBe(201);
    const objective = await created.json();
    const first = await api.patch(`/api/plan/objectives/${objective.id}`, { data: { version: objective.version, title: 'Edited first' } });
    expect(first.status()).toBe(200);
    const stale = await api.patch(`/api/plan/objectives/${objective.id}`, { data: { version: objective.version, title: 'Edited second' } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).current.title).toBe('Edited first');
    await api.dispose();
  });
});
