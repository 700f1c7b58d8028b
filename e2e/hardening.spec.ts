/**
 * What a hostile caller can send, against the production build: parallel password guesses,
 * redirects smuggled past the sign-in page, JSON keys named like Object members, ids and text that
 * are not what they seem, floods of refused requests, forged headers and oversized bodies.
 *
 * Tests that spend a per-address allowance connect from their own loopback address (127.0.9.x),
 * so that they neither use up nor depend on the allowance of the other tests' 127.0.0.1.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, apiSession, deliverableIdByKey, deliverableRow, direct, openTestDatabase } from './helpers';
import { RawClient } from './raw-http';

const MINUTE = 60_000;

/**
 * The administrator's API client, through the validation proxy. What a test sends malformed on
 * purpose (keys, types or repeats the OpenAPI document rules out) goes `direct` to the app: the
 * proxy would refuse it itself, and the app's own answer is what these tests are about. The raw
 * clients (RawClient) talk to the app directly too: they forge what a proxy would rewrite.
 */
async function adminApi(playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }) {
  return apiSession(playwright, 'admin@pitf.demo');
}

/** A new account made the way the secretariat makes one; answers with its one-time password. */
async function newAccount(admin: APIRequestContext, email: string, role = 'viewer') {
  const response = await admin.post('/api/admin/users', { data: { email, name: `Test ${email.split('@')[0]}`, role } });
  expect(response.status(), await response.text()).toBe(201);
  const { user, temporaryPassword } = (await response.json()) as { user: { id: number }; temporaryPassword: string };
  return { id: user.id, email, password: temporaryPassword };
}

function auditActions(where: string, ...args: unknown[]): string[] {
  const db = openTestDatabase();
  try {
    return db.prepare(`SELECT action FROM audit_events WHERE ${where} ORDER BY id`).pluck().all(...args) as string[];
  } finally {
    db.close();
  }
}

const errorOf = (url: string) => new URL(url).searchParams.get('error');

test.describe('signing in under attack', () => {
  test('thirty parallel guesses check five passwords and lock the account; the right password is then refused', async ({ playwright, baseURL }) => {
    const admin = await adminApi(playwright);
    const account = await newAccount(admin, 'race.target@agency.example');
    await admin.dispose();

    const attacker = new RawClient(baseURL!, '127.0.9.1');
    const csrf = await attacker.csrfToken();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attacker.signIn(account.email, `guess-${i}-wrong`, csrf)));
    // next-auth answers a refused sign-in 401 with the error in the URL it gives back.
    expect(answers.map((a) => a.status).every((s) => s === 401)).toBe(true);
    expect(attacker.hasCookie('next-auth.session-token')).toBe(false);
    const errors = answers.map((a) => errorOf(a.json().url));
    expect(errors.filter((e) => e === 'CredentialsSignin')).toHaveLength(4);
    expect(errors.filter((e) => e === 'AccountLocked')).toHaveLength(26);

    // Exactly five passwords were checked: four failures and the one that locked the account.
    const checks = auditActions(`actor_email = ? AND action IN ('sign_in.failure', 'sign_in.locked')`, account.email);
    expect(checks).toEqual(['sign_in.failure', 'sign_in.failure', 'sign_in.failure', 'sign_in.failure', 'sign_in.locked']);
    // The 25 refused while locked are one audit event (and a count written when the window closes).
    expect(auditActions(`actor_email = ? AND action LIKE 'sign_in.refused%'`, account.email)).toEqual(['sign_in.refused']);

    const owner = new RawClient(baseURL!, '127.0.9.2');
    const right = await owner.signIn(account.email, account.password);
    expect(errorOf(right.json().url)).toBe('AccountLocked');
    expect(owner.hasCookie('next-auth.session-token')).toBe(false);
    expect(await (await owner.request('GET', '/api/auth/session')).json()).toEqual({});
  });

  test('an address that keeps failing gets 429 with Retry-After, and the sign-in form says so', async ({ page, baseURL }) => {
    const client = new RawClient(baseURL!, '127.0.9.3');
    const csrf = await client.csrfToken();
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 40 && !limited; i++) {
      // A different unknown address each time: no account lock, only the address's allowance.
      const answer = await client.signIn(`nobody.${i}@agency.example`, 'not-a-password', csrf);
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(limited, `statuses: ${statuses.join(',')}`).toBeDefined();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(limited!.json().url)).toBe('RateLimited');
    // Over the limit no password is checked and nothing is written for the address tried.
    expect(auditActions(`actor_email = ?`, `nobody.${statuses.length - 1}@agency.example`)).toEqual([]);

    // A person at that address: the browser's sign-in goes out from it (the page's own request,
    // relayed unchanged), and the form says why it was refused.
    await page.route('**/api/auth/callback/credentials', async (route) => {
      // The allowance refills (3 a minute): spend what came back meanwhile, then relay at once.
      let probe = 0;
      while ((await client.signIn(`nobody.refill.${probe++}@agency.example`, 'not-a-password', csrf)).status !== 429);
      const request = route.request();
      const answer = await client.post(new URL(request.url()).pathname, request.postData() ?? '', {
        'content-type': request.headers()['content-type'] ?? 'application/x-www-form-urlencoded',
      });
      await route.fulfill({ status: answer.status, headers: { 'content-type': 'application/json' }, body: answer.text });
    });
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill('viewer@pitf.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('sign-in-error')).toContainText('Too many sign-in attempts from this network');
    await expect(page).toHaveURL(/\/login/);

    // The right password from elsewhere is unaffected.
    const other = new RawClient(baseURL!, '127.0.9.4');
    await other.signIn('viewer@pitf.demo', DEMO_PASSWORD);
    expect(other.hasCookie('next-auth.session-token')).toBe(true);
  });

  for (const [name, target] of [
    ['a tab', '/%09/evil.example/x'],
    ['a newline', '/%0A/evil.example/x'],
    ['a backslash', '/%5Cevil.example/x'],
  ]) {
    test(`a callbackUrl with ${name} after the first slash does not leave the site`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${target}`);
      await page.getByLabel('E-mail address').fill('viewer@pitf.demo');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(page.url()).not.toContain('evil.example');
    });
  }
});

test.describe('JSON bodies', () => {
  const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

  test('every key named like an Object member answers 400 naming it, on every endpoint that takes JSON', async ({ playwright }) => {
    const admin = await adminApi(playwright);
    const deliverable = deliverableIdByKey('2022-treasury-fincen-priorities');
    const endpoints: [string, string][] = [
      ['POST', '/api/deliverables'],
      ['PATCH', `/api/deliverables/${deliverable}`],
      ['POST', `/api/deliverables/${deliverable}/updates`],
      ['POST', '/api/meetings'],
      ['PATCH', '/api/meetings/1'],
      ['POST', '/api/meetings/1/reminders'],
      ['PUT', '/api/meetings/1/reports/dos'],
      ['POST', '/api/meetings/1/reports/dos/approve'],
      ['POST', '/api/meetings/1/reports/dos/return'],
      ['POST', '/api/statistics/observations'],
      ['PATCH', '/api/statistics/observations'],
      ['POST', '/api/agencies/dos/import'],
      ['POST', '/api/admin/users'],
      ['PATCH', '/api/admin/users/1'],
      ['POST', '/api/admin/agencies'],
      ['PATCH', '/api/admin/agencies/dos'],
      ['POST', '/api/account/password'],
    ];
    const unexpected: string[] = [];
    for (const [method, path] of endpoints) {
      for (const key of PROTOTYPE_KEYS) {
        const response = await admin.fetch(direct(path), { method, headers: { 'content-type': 'application/json' }, data: `{"${key}": 1}` });
        const body = await response.json().catch(() => null);
        if (response.status() !== 400 || !body?.error?.fields || !Object.hasOwn(body.error.fields, key)) {
          unexpected.push(`${method} ${path} {"${key}"}: ${response.status()} ${JSON.stringify(body)}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
    await admin.dispose();
  });

  test('ids are integers: strings and booleans are refused, and nothing is stored', async ({ playwright }) => {
    const admin = await adminApi(playwright);
    for (const announcedAtMeetingId of [true, '1', 1.5]) {
      const response = await admin.post(direct('/api/deliverables'), {
        data: { leadAgency: 'dos', title: 'Id typed as anything', pillar: 'prevention', announcedAtMeetingId },
      });
      expect(response.status(), JSON.stringify(announcedAtMeetingId)).toBe(400);
      expect(Object.keys((await response.json()).error.fields)).toEqual(['announcedAtMeetingId']);
    }
    const db = openTestDatabase();
    const meeting = db.prepare('SELECT id, version FROM meetings ORDER BY id LIMIT 1').get() as { id: number; version: number };
    const stored = db.prepare("SELECT count(*) FROM deliverables WHERE title = 'Id typed as anything'").pluck().get();
    db.close();
    expect(stored).toBe(0);
    const patch = await admin.patch(direct(`/api/meetings/${meeting.id}`), { data: { version: meeting.version, commitments: ['9', true, '1e1'] } });
    expect(patch.status()).toBe(400);
    expect(Object.keys((await patch.json()).error.fields).sort()).toEqual(['commitments.0', 'commitments.1', 'commitments.2']);
    await admin.dispose();
  });

  test('text with control, direction or broken characters is refused naming the field; other text is normalised', async ({ playwright }) => {
    const admin = await adminApi(playwright);
    const hostile = {
      NUL: 'A\u0000B',
      escape: 'A\u001b[31mB',
      'C1 control': 'A\u0085B',
      'right-to-left override': 'nimda\u202e',
      'zero-width space': 'A\u200bB',
      'lone surrogate': 'A\ud800B',
      'newline in a one-line field': 'A\nB',
    };
    for (const [kind, title] of Object.entries(hostile)) {
      const response = await admin.post('/api/deliverables', { data: { leadAgency: 'dos', title, pillar: 'prevention' } });
      expect(response.status(), kind).toBe(400);
      expect(Object.keys((await response.json()).error.fields), kind).toEqual(['title']);
    }
    // Decomposed accents are composed (NFC), surrounding space is trimmed, and a multi-line field keeps its lines.
    const created = await admin.post('/api/deliverables', {
      data: { leadAgency: 'dos', title: '  Re\u0301sume\u0301 of the review\t ', pillar: 'prevention', description: 'Line one\r\nLine two' },
    });
    expect(created.status()).toBe(201);
    const row = deliverableRow((await created.json()).id);
    expect(row.title).toBe('R\u00e9sum\u00e9 of the review');
    expect(row.description).toBe('Line one\nLine two');
    await admin.dispose();
  });

  test('a body is refused past 1 MB, whether announced or streamed', async ({ baseURL }) => {
    const client = new RawClient(baseURL!, '127.0.9.5');
    const announced = await client.post('/api/deliverables', 'x'.repeat(1_100_000), { 'content-type': 'application/json' });
    expect(announced.status).toBe(413);
    expect(announced.json().error.code).toBe('too_large');

    // Streamed without a length: refused once 1 MB has arrived, not after the whole body.
    const signedIn = new RawClient(baseURL!, '127.0.9.5');
    await signedIn.signIn('admin@pitf.demo', DEMO_PASSWORD);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const streamed = await signedIn.request('POST', '/api/deliverables', {
      headers: { origin: signedIn.origin, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 40 }, () => chunk),
    });
    expect(streamed.status).toBe(413);
  });
});

test.describe('requests', () => {
  test('a repeated query parameter is refused naming it, not resolved to one of its values', async ({ playwright }) => {
    const admin = await adminApi(playwright);
    const response = await admin.get(direct('/api/deliverables?agency=dos&agency=dhs'));
    expect(response.status()).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['agency']);
    expect((await admin.get('/api/deliverables?agency=dos')).status()).toBe(200);
    await admin.dispose();
  });

  test('a write whose Origin differs in scheme, or that forges the forwarded host, is refused and changes nothing', async ({ baseURL }) => {
    const id = deliverableIdByKey('2023-dos-procurement');
    const before = deliverableRow(id);
    const client = new RawClient(baseURL!, '127.0.9.6');
    await client.signIn('admin@pitf.demo', DEMO_PASSWORD);
    const origin = new URL(baseURL!);
    const attempts: Record<string, string>[] = [
      { origin: `https://${origin.host}` },
      { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      { origin: 'http://evil.example', host: 'evil.example' },
      { origin: `${origin.origin}.evil.example` },
    ];
    for (const headers of attempts) {
      const response = await client.request('POST', `/api/deliverables/${id}/updates`, {
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ status: 'in_progress', progress: 5, note: 'Forged origin' }),
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(deliverableRow(id)).toEqual(before);
  });

  test('a prefetch with a forged path header does not pass the password-change gate', async ({ playwright, baseURL }) => {
    const admin = await adminApi(playwright);
    const account = await newAccount(admin, 'gate.prefetch@agency.example');
    await admin.dispose();
    const client = new RawClient(baseURL!, '127.0.9.7');
    await client.signIn(account.email, account.password);
    expect(client.hasCookie('next-auth.session-token')).toBe(true);

    const forged = { 'next-router-prefetch': '1', 'x-pitf-path': '/account' };
    const page = await client.request('GET', '/deliverables?agency=dos', { headers: forged });
    expect(page.status).toBe(307);
    expect(page.headers.location).toMatch(/\/account$/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'nonce-");
    // The same request from an account without the gate shows the agency's deliverables.
    const title = deliverableRow(deliverableIdByKey('2023-dos-procurement')).title as string;
    const other = new RawClient(baseURL!, '127.0.9.7');
    await other.signIn('viewer@pitf.demo', DEMO_PASSWORD);
    const shown = await other.request('GET', '/deliverables?agency=dos', { headers: forged });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(title.replace(/&/g, '&amp;'));
    const api = await client.request('GET', '/api/deliverables?agency=dos', { headers: forged });
    expect(api.status).toBe(403);
    expect(api.json().error.code).toBe('password_change_required');
  });
});

test.describe('refusals', () => {
  test('a signed-out caller that keeps being refused is audited once, then limited with 429 and Retry-After', async ({ baseURL }) => {
    const client = new RawClient(baseURL!, '127.0.9.8');
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 400 && !limited; i++) {
      const response = await client.request('GET', '/api/agencies');
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(limited, 'never limited').toBeDefined();
    const refused = statuses.filter((s) => s === 401).length;
    expect(refused).toBeGreaterThanOrEqual(120);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited!.json().error.code).toBe('rate_limited');
    // All those refusals are two audit events: the first 401 and the first 429 (their repeats are counted).
    const events = auditActions(`json_extract(after, '$.address') = ?`, '127.0.9.8');
    expect(events).toEqual(['unauthenticated', 'rate_limited']);
  });
});

test.describe('the session endpoint agrees with the app', () => {
  async function signedIn(baseURL: string, address: string, email: string, password = DEMO_PASSWORD) {
    const client = new RawClient(baseURL, address);
    await client.signIn(email, password);
    const session = (await client.request('GET', '/api/auth/session')).json();
    expect(session.user?.email).toBe(email);
    return { client, sid: session.sid as string };
  }

  function ageSession(sid: string, idleMs: number, ageMs: number) {
    const db = openTestDatabase();
    db.prepare('UPDATE sessions SET last_seen_at = ?, created_at = created_at - ? WHERE id = ?').run(Date.now() - idleMs, ageMs, sid);
    db.close();
  }

  async function expectSignedOut(client: RawClient) {
    const answer = await client.request('GET', '/api/auth/session');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({});
    expect((await client.request('GET', '/api/agencies')).status).toBe(401);
  }

  test('after signing out, idling, the 12-hour limit, deactivation and a password reset it says signed out', async ({ playwright, baseURL }) => {
    const signOut = await signedIn(baseURL!, '127.0.9.10', 'viewer@pitf.demo');
    const csrfToken = await signOut.client.csrfToken();
    // A copy of the cookie taken before signing out: the browser forgets it, the server must too.
    const copy = signOut.client.copy();
    await signOut.client.post('/api/auth/signout', new URLSearchParams({ csrfToken, json: 'true' }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    await expectSignedOut(copy);

    const idle = await signedIn(baseURL!, '127.0.9.11', 'chair@pitf.demo');
    ageSession(idle.sid, 31 * MINUTE, 0);
    await expectSignedOut(idle.client);

    const expired = await signedIn(baseURL!, '127.0.9.12', 'official.dos@pitf.demo');
    ageSession(expired.sid, 0, 12 * 60 * MINUTE);
    await expectSignedOut(expired.client);

    const admin = await adminApi(playwright);
    const leaving = await newAccount(admin, 'session.deactivated@agency.example');
    const deactivated = await signedIn(baseURL!, '127.0.9.13', leaving.email, leaving.password);
    expect((await admin.patch(`/api/admin/users/${leaving.id}`, { data: { active: false } })).status()).toBe(200);
    await expectSignedOut(deactivated.client);

    const forgetful = await newAccount(admin, 'session.reset@agency.example');
    const reset = await signedIn(baseURL!, '127.0.9.14', forgetful.email, forgetful.password);
    expect((await admin.post(`/api/admin/users/${forgetful.id}/password-reset`)).status()).toBe(200);
    await expectSignedOut(reset.client);
    await admin.dispose();
  });
});
