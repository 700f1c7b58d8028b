import { expect, test } from '@playwright/test';
import { deliverableIdByKey, signInApi } from './helpers';

/**
 * Every list that can grow is paged: asked for one item per page, each endpoint answers with at
 * most one, the total, and the page it is on; a second page holds a different item.
 */
const LISTS: { path: () => string; note: string }[] = [
  { path: () => '/api/deliverables', note: 'deliverables' },
  { path: () => '/api/deliverables?q=screening', note: 'a search' },
  { path: () => `/api/deliverables/${deliverableIdByKey('2022-dol-investigator-training')}/updates`, note: 'a deliverable’s updates' },
  { path: () => '/api/meetings', note: 'meetings' },
  { path: () => '/api/meetings?timing=past', note: 'past meetings' },
  { path: () => '/api/admin/users', note: 'accounts' },
  { path: () => '/api/admin/audit', note: 'audit events' },
];

test.describe('paging', () => {
  for (const list of LISTS) {
    test(`${list.note} come a page at a time`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({ baseURL });
      await signInApi(request, 'admin@pitf.demo');
      const path = list.path();
      const join = path.includes('?') ? '&' : '?';
      // The audit trail grows while other specs run: a pair of pages read while nothing was added
      // (the same total on both) must hold different items.
      await expect(async () => {
        const first = await request.get(`${path}${join}pageSize=1&page=1`);
        expect(first.status()).toBe(200);
        const one = await first.json();
        expect(one).toMatchObject({ page: 1, pageSize: 1 });
        expect(one.items).toHaveLength(1);
        expect(one.total).toBeGreaterThanOrEqual(2);
        const second = await (await request.get(`${path}${join}pageSize=1&page=2`)).json();
        expect(second).toMatchObject({ page: 2, total: one.total });
        expect(second.items).toHaveLength(1);
        expect(second.items[0]).not.toEqual(one.items[0]);
      }).toPass({ timeout: 15_000 });
      const tooBig = await request.get(`${path}${join}pageSize=100000`);
      expect(tooBig.status()).toBe(400);
      expect((await tooBig.json()).error.fields.pageSize).toBeDefined();
      await request.dispose();
    });
  }
});
