import { expect, test } from '@playwright/test';
import { API_URL, apiSession, deliverableIdByKey, deliverableRow, direct, signInAndWait } from './helpers';

// API clients go through the validation proxy (apiSession): every answer is checked against the OpenAPI document.

test.describe('who may change a deliverable', () => {
  test('official of DHS gets 403 patching a State deliverable, and nothing changes', async ({ playwright }) => {
    const id = deliverableIdByKey('2023-dos-foreign-assistance');
    const before = deliverableRow(id);
    const api = await apiSession(playwright, 'official.dhs@pitf.demo');
    const patch = await api.patch(`/api/deliverables/${id}`, { data: { version: before.version, title: 'Taken over' } });
    expect(patch.status()).toBe(403);
    expect((await patch.json()).error.code).toBe('forbidden');
    const update = await api.post(`/api/deliverables/${id}/updates`, { data: { status: 'completed', note: 'Not mine to say' } });
    expect(update.status()).toBe(403);
    expect(deliverableRow(id)).toEqual(before);
    await api.dispose();
  });

  test('a viewer sees no edit control and gets 403 from the API; nothing changes', async ({ page }) => {
    const id = deliverableIdByKey('2023-dos-survivor-engagement');
    const before = deliverableRow(id);
    await signInAndWait(page, 'viewer@pitf.demo');
    await page.goto('/agencies/dos');
    await expect(page.getByTestId(`card-${id}`)).toBeVisible();
    await expect(page.getByLabel(/^Move “.*” to$/)).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'New deliverable' })).toHaveCount(0);
    await page.goto(`/deliverables/${id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Update history' })).toBeVisible();
    await expect(page.getByTestId('progress-update-form')).toHaveCount(0);
    await expect(page.getByTestId('edit-details-form')).toHaveCount(0);

    // The page's session, through the validation proxy.
    expect((await page.request.patch(`${API_URL}/api/deliverables/${id}`, { data: { version: before.version, title: 'x' } })).status()).toBe(403);
    expect((await page.request.post(`${API_URL}/api/deliverables/${id}/updates`, { data: { status: 'blocked', reason: 'x' } })).status()).toBe(403);
    expect((await page.request.post(`${API_URL}/api/deliverables`, { data: { leadAgency: 'dos', title: 'x', pillar: 'prevention' } })).status()).toBe(403);
    expect(deliverableRow(id)).toEqual(before);
  });

  test('the chair cannot change progress figures', async ({ playwright }) => {
    const id = deliverableIdByKey('2023-dos-procurement');
    const before = deliverableRow(id);
    const api = await apiSession(playwright, 'chair@pitf.demo');
    expect((await api.patch(`/api/deliverables/${id}`, { data: { version: before.version, dueOn: '2030-01-01' } })).status()).toBe(403);
    expect((await api.post(`/api/deliverables/${id}/updates`, { data: { status: 'completed' } })).status()).toBe(403);
    expect(deliverableRow(id)).toEqual(before);
    await api.dispose();
  });

  test('fields a caller may not set are refused and named', async ({ playwright }) => {
    const id = deliverableIdByKey('2022-dhs-senior-accountable-official');
    const before = deliverableRow(id);
    const api = await apiSession(playwright, 'official.dhs@pitf.demo');
    const lead = await api.patch(`/api/deliverables/${id}`, { data: { version: before.version, leadAgency: 'doj' } });
    expect(lead.status()).toBe(403);
    // Fields the document rules out: straight to the app, whose own answer is what is tested.
    const serverFields = await api.patch(direct(`/api/deliverables/${id}`), {
      data: { version: before.version, id: 5, createdAt: '2020-01-01', status: 'completed' },
    });
    expect(serverFields.status()).toBe(400);
    expect(Object.keys((await serverFields.json()).error.fields).sort()).toEqual(['createdAt', 'id', 'status']);
    const create = await api.post(direct('/api/deliverables'), { data: { leadAgency: 'dhs', title: 'x', pillar: 'prevention', version: 3 } });
    expect(create.status()).toBe(400);
    expect(Object.keys((await create.json()).error.fields)).toEqual(['version']);
    const otherAgency = await api.post('/api/deliverables', { data: { leadAgency: 'dos', title: 'Not ours', pillar: 'prevention' } });
    expect(otherAgency.status()).toBe(403);
    expect(deliverableRow(id)).toEqual(before);
    await api.dispose();
  });

  test('a stale version gets 409 with the current record and changes nothing', async ({ playwright }) => {
    const id = deliverableIdByKey('2022-dhs-fletf-uflpa-strategy');
    const api = await apiSession(playwright, 'official.dhs@pitf.demo');
    const { version } = deliverableRow(id) as { version: number };
    expect((await api.patch(`/api/deliverables/${id}`, { data: { version, fundingUsd: 1_000_000 } })).status()).toBe(200);
    const stale = await api.patch(`/api/deliverables/${id}`, { data: { version, fundingUsd: 2_000_000 } });
    expect(stale.status()).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('conflict');
    expect(body.current.fundingUsd).toBe(1_000_000);
    expect(body.current.version).toBe(version + 1);
    expect(deliverableRow(id).funding_usd).toBe(1_000_000);
    await api.dispose();
  });
});

test.describe('bad input', () => {
  test('each bad input gets 400 naming the field, and changes nothing', async ({ playwright }) => {
    const id = deliverableIdByKey('2022-ed-webinar-series');
    const api = await apiSession(playwright, 'admin@pitf.demo');
    const before = deliverableRow(id);
    const version = before.version as number;
    // `direct`: the document itself rules the value out, so the proxy would refuse it before the
    // app answers; those go straight to the app. The rest are well-formed by the document and
    // refused by the app's own rules (a reason for at risk, a real date), through the proxy.
    const cases: { path: string; method: 'post' | 'patch'; data: unknown; field: string; direct?: true }[] = [
      { path: `/api/deliverables/${id}/updates`, method: 'post', data: { status: 'in_progress', progress: 150 }, field: 'progress', direct: true },
      { path: `/api/deliverables/${id}/updates`, method: 'post', data: { status: 'finished', progress: 10 }, field: 'status', direct: true },
      { path: `/api/deliverables/${id}/updates`, method: 'post', data: { status: 'at_risk', progress: 10 }, field: 'reason' },
      { path: `/api/deliverables/${id}`, method: 'patch', data: { version, title: '   ' }, field: 'title' },
      { path: `/api/deliverables/${id}`, method: 'patch', data: { version, dueOn: '2026-02-30' }, field: 'dueOn' },
      { path: `/api/deliverables/${id}`, method: 'patch', data: { version, title: 'x'.repeat(100_000) }, field: 'title', direct: true },
      { path: `/api/deliverables/${id}`, method: 'patch', data: { version, fundingUsd: -5 }, field: 'fundingUsd', direct: true },
      { path: '/api/deliverables', method: 'post', data: { leadAgency: 'ed', title: '', pillar: 'peace' }, field: 'pillar', direct: true },
    ];
    for (const c of cases) {
      const response = await api[c.method](c.direct ? direct(c.path) : c.path, { data: c.data });
      expect(response.status(), JSON.stringify(c.data).slice(0, 80)).toBe(400);
      expect(Object.keys((await response.json()).error.fields), c.field).toContain(c.field);
    }
    // Malformed JSON and an id that is no number: straight to the app (the proxy cannot parse or route them).
    const malformed = await api.post(direct(`/api/deliverables/${id}/updates`), {
      headers: { 'Content-Type': 'application/json' },
      data: Buffer.from('{"status": "in_progress", '),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
    expect((await api.get(direct('/api/deliverables/abc'))).status()).toBe(404);
    expect((await api.get('/api/deliverables/999999')).status()).toBe(404);
    expect(deliverableRow(id)).toEqual(before);
    await api.dispose();
  });

  test('the forms show the server’s message beside each bad field', async ({ page }) => {
    const id = deliverableIdByKey('2022-dol-investigator-training');
    await signInAndWait(page, 'official.dol@pitf.demo');
    await page.goto(`/deliverables/${id}`);
    const update = page.getByTestId('progress-update-form');
    await update.getByLabel('Progress (%)').fill('150');
    await update.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByTestId('update-progress-error')).toHaveText('Progress is at most 100.');
    await expect(update.getByLabel('Progress (%)')).toHaveAttribute('aria-invalid', 'true');

    const edit = page.getByTestId('edit-details-form');
    await edit.getByLabel('Title').fill('');
    await edit.getByLabel('Due date').fill('2026-02-30');
    await edit.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByTestId('edit-title-error')).toHaveText('Enter a title.');
    await expect(page.getByTestId('edit-due-error')).toHaveText('Enter a real calendar date as YYYY-MM-DD.');
  });
});

test('two people edit one deliverable: the second sees the conflict and nothing is lost', async ({ browser }) => {
  const id = deliverableIdByKey('2022-dhs-forced-labor-enforcement');
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signInAndWait(a, 'official.dhs@pitf.demo');
  await signInAndWait(b, 'admin@pitf.demo');
  await a.goto(`/deliverables/${id}`);
  await b.goto(`/deliverables/${id}`);

  await a.getByTestId('edit-details-form').getByLabel('Funding (US dollars)').fill('3500000');
  await a.getByRole('button', { name: 'Save details' }).click();
  await expect(a.getByTestId('form-message')).toContainText('Details saved.');

  await b.getByTestId('edit-details-form').getByLabel('Due date').fill('2027-09-30');
  await b.getByRole('button', { name: 'Save details' }).click();
  const conflict = b.getByTestId('conflict-view');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('mine-dueOn')).toHaveText('2027-09-30');
  await expect(conflict.getByTestId('theirs-dueOn')).toHaveText('—');
  await conflict.getByRole('button', { name: 'Apply my changes on top' }).click();
  await expect(b.getByTestId('form-message')).toContainText('Details saved.');

  const row = deliverableRow(id);
  expect(row.funding_usd).toBe(3_500_000);
  expect(row.due_on).toBe('2027-09-30');
  await first.close();
  await second.close();
});
