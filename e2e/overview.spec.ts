import { expect, test } from '@playwright/test';
import { signInAndWait, signInApi, signInToOverview } from './helpers';

test.describe('overview', () => {
  test('shows the database’s numbers: deliverables, pillars, next meeting and statistics', async ({ page }) => {
    await signInToOverview(page, 'chair@pitf.demo');
    // Other tests add deliverables meanwhile: compare the page with the API read just after it,
    // and read both again if one landed in between.
    await expect(async () => {
      await page.reload();
      const api = await (await page.request.get('/api/deliverables?pageSize=200')).json();
      const headline = page.getByTestId('headline-numbers');
      await expect(headline.getByRole('listitem').filter({ hasText: /^\s*\d+\s*Deliverables/ })).toContainText(String(api.total), {
        timeout: 1000,
      });
      await expect(headline).toContainText('20Member agencies', { timeout: 1000 });

      // The pillar table's totals add up to every deliverable, and each row to its pillar's count.
      const table = page.getByTestId('pillar-status-table');
      const allRow = table.getByRole('row', { name: /All pillars/ });
      await expect(allRow.getByRole('cell').last()).toHaveText(String(api.total), { timeout: 1000 });
      for (const pillar of ['prevention', 'protection', 'prosecution', 'partnership']) {
        const count = api.items.filter((d: { pillar: string }) => d.pillar === pillar).length;
        const row = table.getByRole('row', { name: new RegExp(`^${pillar}`, 'i') });
        await expect(row.getByRole('cell').last()).toHaveText(String(count), { timeout: 1000 });
      }
    }).toPass({ timeout: 20_000 });

    await expect(page.getByTestId('next-meeting')).toContainText(/Reporting cutoff .*\d+ days left/);
    const stats = page.getByTestId('key-statistics');
    await expect(stats).toContainText('11,193');
    await expect(stats).toContainText('508');
    await expect(stats).toContainText('70% labor, 15% sex, 11% both sex and labor, 4% unknown');
    await expect(stats).toContainText('673');
    await expect(stats.getByRole('row', { name: /\(estimate for 2021, published 2022\)/ })).toContainText('nearly 27.6 million');
    await expect(stats.getByRole('row', { name: /\(estimate for 2016, published 2017\)/ })).toContainText('24.9 million');
    await expect(stats).toContainText('$150 billion');
    await expect(stats.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  });

  test('lists recent progress updates with status in words', async ({ page }) => {
    await signInAndWait(page, 'viewer@pitf.demo');
    const recent = page.getByTestId('recent-updates');
    await expect(recent.getByRole('listitem')).toHaveCount(8);
    await expect(recent).toContainText('At risk');
  });
});

test.describe('read API', () => {
  test('filters deliverables by agency, pillar and status, and pages them', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    const dhs = await (await request.get('/api/deliverables?agency=dhs')).json();
    expect(dhs.total).toBeGreaterThan(0);
    expect(dhs.items.every((d: { leadAgency: string }) => d.leadAgency === 'dhs')).toBe(true);

    const completedPrevention = await (await request.get('/api/deliverables?pillar=prevention&status=completed')).json();
    expect(completedPrevention.items.every((d: { pillar: string; status: string }) => d.pillar === 'prevention' && d.status === 'completed')).toBe(true);

    const page1 = await (await request.get('/api/deliverables?pageSize=5&page=1')).json();
    const page2 = await (await request.get('/api/deliverables?pageSize=5&page=2')).json();
    expect(page1.items).toHaveLength(5);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page1.total).toBe(page2.total);
  });

  test('answers bad filters with 400 naming every field', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    const response = await request.get('/api/deliverables?status=finished&pillar=prevent&page=0');
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields).sort()).toEqual(['page', 'pillar', 'status']);

    const unknownAgency = await request.get('/api/deliverables?agency=nasa');
    expect(unknownAgency.status()).toBe(400);
    expect((await unknownAgency.json()).error.fields.agency[0]).toContain('nasa');

    for (const path of ['/api/deliverables?holdingUp=999999', '/api/export/deliverables.csv?holdingUp=999999']) {
      const unknownMeeting = await request.get(path);
      expect(unknownMeeting.status(), path).toBe(400);
      expect((await unknownMeeting.json()).error.fields, path).toEqual({ holdingUp: ['No meeting has the id 999999.'] });
    }
  });

  test('lists agencies, meetings and statistics', async ({ request }) => {
    await signInApi(request, 'viewer@pitf.demo');
    expect((await (await request.get('/api/agencies')).json()).items).toHaveLength(20);
    const meetings = await (await request.get('/api/meetings?kind=cabinet')).json();
    expect(meetings.items.map((m: { date: string }) => m.date)).toContain('2023-02-13');
    const statistics = await (await request.get('/api/statistics')).json();
    const hotline = statistics.indicators.find((i: { key: string }) => i.key === 'us-hotline-cases');
    const of2020 = hotline.observations.find((o: { period: string }) => o.period === '2020');
    expect(of2020.value).toBe(11193);
    expect(of2020.source.url).toMatch(/^https:\/\//);
  });
});
