import { expect, test, type APIRequestContext } from '@playwright/test';
import { openTestDatabase, signInAndWait, signInApi } from './helpers';

const MINUTE = 60_000;

/** The id of the server-side session behind a signed-in browser or API client. */
async function sessionId(request: APIRequestContext): Promise<string> {
  const session = await (await request.get('/api/auth/session')).json();
  expect(typeof session.sid).toBe('string');
  return session.sid;
}

/** Moves a session's clocks into the past, as if time had passed on the server. */
function ageSession(sid: string, { idleMs = 0, ageMs = 0 }: { idleMs?: number; ageMs?: number }) {
  const db = openTestDatabase();
  db.prepare('UPDATE sessions SET last_seen_at = ?, created_at = created_at - ? WHERE id = ?').run(Date.now() - idleMs, ageMs, sid);
  db.close();
}

function lastSeenAt(sid: string): number {
  const db = openTestDatabase();
  const row = db.prepare('SELECT last_seen_at FROM sessions WHERE id = ?').get(sid) as { last_seen_at: number };
  db.close();
  return row.last_seen_at;
}

test.describe('sessions', () => {
  test('after 30 minutes without activity the next page asks to sign in again, and says why', async ({ page }) => {
    await signInAndWait(page, 'viewer@pitf.demo');
    const sid = await sessionId(page.request);
    ageSession(sid, { idleMs: 31 * MINUTE });
    await page.goto('/deliverables?status=blocked');
    await expect(page).toHaveURL(/\/login\?reason=idle&callbackUrl=%2Fdeliverables%3Fstatus%3Dblocked$/);
    await expect(page.getByTestId('session-notice')).toContainText('30 minutes without activity');
    const api = await page.request.get('/api/agencies');
    expect(api.status()).toBe(401);
    expect((await api.json()).error.message).toContain('30 minutes without activity');
  });

  test('a session ends after 12 hours however active it is', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await signInApi(request, 'viewer@pitf.demo');
    const sid = await sessionId(request);
    expect((await request.get('/api/agencies')).status()).toBe(200);
    ageSession(sid, { ageMs: 12 * 60 * MINUTE });
    const response = await request.get('/api/agencies');
    expect(response.status()).toBe(401);
    expect((await response.json()).error.message).toContain('at most 12 hours');
    await request.dispose();
  });

  test('signing out ends the session on the server: a copy of the cookie no longer works', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await signInApi(request, 'chair@pitf.demo');
    const copy = await playwright.request.newContext({ baseURL, storageState: await request.storageState() });
    expect((await copy.get('/api/meetings')).status()).toBe(200);

    const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
    await request.post('/api/auth/signout', { form: { csrfToken, json: 'true' } });
    const replay = await copy.get('/api/meetings');
    expect(replay.status()).toBe(401);
    expect((await replay.json()).error.message).toContain('You signed out');
    await request.dispose();
    await copy.dispose();
  });

  test('the unread count the header asks for in the background does not keep a session alive; a real request does', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    expect((await signInApi(request, 'official.usaid@pitf.demo')).ok()).toBe(true);
    const sid = await sessionId(request);
    ageSession(sid, { idleMs: 10 * MINUTE });
    const before = lastSeenAt(sid);
    const unread = await request.get('/api/notifications/unread');
    expect(unread.status()).toBe(200);
    expect(typeof (await unread.json()).unread).toBe('number');
    expect(lastSeenAt(sid)).toBe(before);
    expect((await request.get('/api/notifications')).status()).toBe(200);
    expect(lastSeenAt(sid)).toBeGreaterThan(before);
    await request.dispose();
  });

  test('five minutes before the idle timeout a warning offers to stay signed in, and staying restarts the clock', async ({ page }) => {
    await page.clock.install();
    await signInAndWait(page, 'official.dot@pitf.demo');
    const sid = await sessionId(page.request);

    // 26 minutes pass without activity, on the server and in the browser.
    ageSession(sid, { idleMs: 26 * MINUTE });
    await page.clock.fastForward(26 * MINUTE);
    const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/signed out in [34]:\d\d/);

    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await expect(dialog).toBeHidden();
    expect(lastSeenAt(sid)).toBeGreaterThan(Date.now() - MINUTE);
    expect((await page.request.get('/api/agencies')).status()).toBe(200);
  });

  test('when the idle timeout passes with the page open, the browser goes to the sign-in page', async ({ page }) => {
    await page.clock.install();
    await signInAndWait(page, 'official.ed@pitf.demo');
    await page.goto('/agencies/ed');
    const sid = await sessionId(page.request);
    ageSession(sid, { idleMs: 31 * MINUTE });
    await page.clock.fastForward(31 * MINUTE);
    await expect(page).toHaveURL(/\/login\?reason=idle&callbackUrl=%2Fagencies%2Fed/);
    await expect(page.getByTestId('session-notice')).toContainText('30 minutes without activity');
  });
});
