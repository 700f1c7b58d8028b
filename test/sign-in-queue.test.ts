import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/auth/[...nextauth]/route';
import { getDb } from '@/db';
import * as t from '@/db/schema';
import { passwordHashQueue } from '@/lib/env';
import { hashPassword } from '@/lib/password';
import { passwordChecks } from '@/lib/server/rate-limit';

const db = getDb();
const PASSWORD = 'burst-pass-2026';

describe('the line of password checks', () => {
  const held: (() => void)[] = [];
  afterEach(async () => {
    // Each task let go lets a waiting one start, which is then let go in turn.
    while (held.length) {
      held.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(passwordChecks().size).toEqual({ running: 0, waiting: 0 });
  });

  /** Occupies every place, running and waiting, until the test ends. */
  function fillLine() {
    const limits = passwordHashQueue();
    for (let i = 0; i < limits.running + limits.waiting; i++) void passwordChecks().run(() => new Promise<void>((resolve) => held.push(resolve)));
    expect(passwordChecks().size).toEqual(limits);
  }

  it('refuses a sign-in at once when full, as over the limit, and counts nothing for the account', async () => {
    const email = 'burst@pitf.test';
    db.insert(t.users).values({ email, name: 'Burst', role: 'viewer', passwordHash: await hashPassword(PASSWORD) }).run();
    fillLine();
    const throttleBefore = db.select().from(t.loginThrottle).all();
    const bucketsBefore = db.select().from(t.rateBuckets).all();
    const request = new NextRequest('http://localhost:3000/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-pitf-client': '198.51.100.77' },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken: 'x', json: 'true' }),
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as { url: string; error: { code: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(new URL(body.url).searchParams.get('error')).toBe('RateLimited');
    expect(db.select().from(t.loginThrottle).all()).toEqual(throttleBefore);
    expect(db.select().from(t.rateBuckets).all()).toEqual(bucketsBefore);
    const refusals = db.select().from(t.auditEvents).where(eq(t.auditEvents.action, 'sign_in.refused')).all();
    expect(refusals.at(-1)?.after).toEqual({ reason: 'busy', address: '198.51.100.77' });
  });
});
