import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { expect, test, type Browser } from '@playwright/test';
import { BASE_URL, SMTP_CONTROL_URL } from '../playwright.config';
import type { CapturedMessage } from './services/smtp-capture.mjs';
import { openTestDatabase, seededPlannedMeetingId, signInAndWait, signInApi } from './helpers';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What the test SMTP server has received so far. */
async function receivedMail(): Promise<CapturedMessage[]> {
  return (await (await fetch(`${SMTP_CONTROL_URL}/messages`)).json()) as CapturedMessage[];
}

/** Waits until the mail matching `match` has arrived (and no more comes within the wait), and returns it. */
async function mailWhere(match: (m: CapturedMessage) => boolean, expected: number): Promise<CapturedMessage[]> {
  let found: CapturedMessage[] = [];
  await expect
    .poll(async () => {
      found = (await receivedMail()).filter(match);
      return found.length;
    }, { timeout: 20_000 })
    .toBe(expected);
  return found;
}

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, email);
  return { context, page };
}

const linkIn = (text: string, label: string) => new RegExp(`${label}: (\\S+)`).exec(text)?.[1] ?? null;

test.describe('notifications', () => {
  test('the chair’s reminder reaches the DHS official by e-mail and in the app, nobody else, and shows on the meeting page and in the outbox', async ({ browser }) => {
    test.slow();
    const meetingId = seededPlannedMeetingId();
    const message = `DHS: the UFLPA figures are still missing (${Date.now()}).`;
    const chair = await signedIn(browser, 'chair@pitf.demo');
    await chair.page.goto(`/meetings/${meetingId}`);
    await chair.page.getByLabel('Send to').selectOption('dhs');
    await chair.page.getByLabel('Message').fill(message);
    await chair.page.getByRole('button', { name: 'Send reminder' }).click();
    await expect(chair.page.getByTestId('reminder-result')).toContainText('Reminder sent to 1 agency');

    const [mail] = await mailWhere((m) => m.text.includes(message), 1);
    expect(mail!.to).toEqual(['official.dhs@pitf.demo']);
    expect(mail!.from).toBe('pitf@e2e.test');
    expect(mail!.subject).toMatch(/^Reminder: Department of Homeland Security's report for /);
    expect(linkIn(mail!.text, "Open your agency's report")).toBe(`${BASE_URL}/meetings/${meetingId}#report`);
    expect(mail!.text).toMatch(/Reporting cutoff: .+ \((\d+ days? left|due today|passed \d+ days? ago)\)/);
    expect(mail!.html).toContain(`href="${BASE_URL}/meetings/${meetingId}#report"`);
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // The chair sees it among the reminders sent, with how many officials it reached.
    await chair.page.reload();
    await expect(chair.page.getByTestId('reminders-sent')).toContainText(message);
    await expect(chair.page.getByTestId('reminder-sent-dhs').first()).toContainText('1 (1 e-mailed so far)');

    // The official: the bell counts it; the list shows it; opening it marks it read and leads to the report.
    const official = await signedIn(browser, 'official.dhs@pitf.demo');
    const bell = official.page.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName(/Notifications, [1-9]\d* unread/);
    const unreadBefore = Number(await official.page.getByTestId('unread-count').textContent());
    await bell.click();
    await expect(official.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const item = official.page.getByTestId('notification').filter({ hasText: mail!.subject }).first();
    await expect(item).toContainText('E-mailed');
    await item.getByRole('link').click();
    await expect(official.page).toHaveURL(new RegExp(`/meetings/${meetingId}#report$`));
    await expect(official.page.getByTestId('unread-count')).toHaveText(String(unreadBefore - 1));

    // Nobody else got it.
    const all = await receivedMail();
    expect(all.filter((m) => m.text.includes(message)).flatMap((m) => m.to)).toEqual(['official.dhs@pitf.demo']);

    // The administrator reads it in the outbox, as sent.
    const admin = await signedIn(browser, 'admin@pitf.demo');
    await admin.page.goto('/admin/outbox?state=sent');
    await admin.page.getByLabel('Recipient’s e-mail address (or part of it)').fill('official.dhs');
    await admin.page.getByRole('button', { name: 'Show' }).click();
    await expect(admin.page).toHaveURL(/state=sent&to=official.dhs/);
    const row = admin.page.getByTestId('outbox-row').filter({ hasText: 'official.dhs@pitf.demo' }).filter({ hasText: mail!.subject }).first();
    await expect(row.getByTestId('outbox-state')).toHaveText('Sent');
    await row.getByRole('link').click();
    await expect(admin.page.getByTestId('outbox-text')).toContainText(message);
    await Promise.all([chair.context.close(), official.context.close(), admin.context.close()]);
  });

  test('a returned report e-mails the chair’s comment to the agency’s officials', async ({ browser }) => {
    const meetingId = seededPlannedMeetingId();
    const db = openTestDatabase();
    try {
      // A submitted report from Treasury, as if its official had just sent it.
      db.prepare(
        `INSERT INTO agency_reports (meeting_id, agency_id, statement, state, created_at, updated_at, submitted_at)
         VALUES (?, (SELECT id FROM agencies WHERE slug = 'treasury'), 'Treasury statement', 'submitted', ?, ?, ?)
         ON CONFLICT DO UPDATE SET state = 'submitted'`,
      ).run(meetingId, Date.now(), Date.now(), Date.now());
    } finally {
      db.close();
    }
    const comment = `Say which FinCEN advisories were issued this cycle (${Date.now()}).`;
    const chair = await signedIn(browser, 'chair@pitf.demo');
    await chair.page.goto(`/meetings/${meetingId}?agency=treasury#report`);
    await chair.page.getByLabel('Comment to the agency').fill(comment);
    await chair.page.getByRole('button', { name: 'Return to agency' }).click();
    await expect(chair.page.getByTestId('report-state')).toContainText('Returned');

    const [mail] = await mailWhere((m) => m.text.includes(comment), 1);
    expect(mail!.to).toEqual(['official.treasury@pitf.demo']);
    expect(mail!.subject).toMatch(/^Returned: /);
    expect(mail!.html).toContain(comment);
    expect(linkIn(mail!.text, "Open your agency's report")).toBe(`${BASE_URL}/meetings/${meetingId}#report`);

    // Where the official writes the report, the comment is shown.
    const official = await signedIn(browser, 'official.treasury@pitf.demo');
    await official.page.goto(`/meetings/${meetingId}#report`);
    await expect(official.page.getByTestId('returned-comment')).toContainText(comment);
    await Promise.all([chair.context.close(), official.context.close()]);
  });

  test('a new meeting is e-mailed to officials with its calendar file; “stop these e-mails” works without signing in', async ({ browser, playwright }) => {
    const chairApi = await playwright.request.newContext({ baseURL: BASE_URL });
    await signInApi(chairApi, 'chair@pitf.demo');
    const title = `OMB budget working session ${Date.now()}`;
    const created = await chairApi.post('/api/meetings', {
      data: { kind: 'working_group', title, date: '2028-03-14', reportingCutoff: '2028-02-29', location: 'Eisenhower Executive Office Building' },
    });
    expect(created.status()).toBe(201);

    const officials = (() => {
      const db = openTestDatabase();
      try {
        return (db.prepare("SELECT email FROM users WHERE role = 'official' AND active = 1").all() as { email: string }[]).map((u) => u.email);
      } finally {
        db.close();
      }
    })();
    const mails = await mailWhere((m) => m.subject.includes(title), officials.length);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(officials.sort());
    const omb = mails.find((m) => m.to[0] === 'official.omb@pitf.demo')!;
    const ics = omb.attachments.find((a) => a.filename === 'meeting.ics')!;
    const events = new ICAL.Component(ICAL.parse(ics.content)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      [title, '2028-03-14'],
      [`Reporting cutoff: ${title}`, '2028-02-29'],
    ]);

    // The link at the bottom, opened without any session: the page changes nothing until the button.
    const stop = linkIn(omb.text, 'Stop these e-mails')!;
    expect(stop).toMatch(new RegExp(`^${BASE_URL}/unsubscribe\\?token=`));
    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    await page.goto(stop);
    await expect(page.getByRole('heading', { level: 1, name: 'Stop e-mails' })).toBeVisible();
    await expect(page.getByTestId('unsubscribe-form')).toContainText('official.omb@pitf.demo');
    const scan = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(scan.violations).toEqual([]);
    await page.getByRole('button', { name: 'Stop these e-mails' }).click();
    await expect(page.getByTestId('unsubscribe-done')).toContainText('no longer receives e-mails about: new meetings');

    // A changed token is refused; the one-click POST of mail programs (RFC 8058) works from anywhere.
    const forged = await stranger.request.post(stop.replace('/unsubscribe?', '/api/unsubscribe?').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), {
      form: { 'List-Unsubscribe': 'One-Click' },
      headers: { Origin: 'https://mail.example.com' },
    });
    expect(forged.status()).toBe(400);
    expect((await forged.json()).error.fields.token).toBeTruthy();
    const oneClick = omb.headers['list-unsubscribe']!.replace(/^<|>$/g, '');
    // A mail program that only opens the address is sent to the page, and nothing changes by opening it.
    const opened = await stranger.request.get(oneClick, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    expect(opened.headers().location).toMatch(/^\/unsubscribe\?token=/);
    const clicked = await stranger.request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' }, headers: { Origin: 'https://mail.example.com' } });
    expect(clicked.status()).toBe(200);
    expect((await clicked.json()).unsubscribed).toMatchObject({ kind: 'meeting_planned', delivery: 'off' });
    await stranger.close();

    // The official's account page shows the choice.
    const official = await signedIn(browser, 'official.omb@pitf.demo');
    await official.page.goto('/account#notifications');
    await expect(official.page.getByTestId('preference-meeting_planned').getByLabel('Not by e-mail')).toBeChecked();
    await expect(official.page.getByTestId('preference-reminder').getByLabel('Not by e-mail')).toHaveCount(0);
    await official.context.close();
    await chairApi.dispose();
  });

  test('preferences are saved on the account page, and a meeting’s calendar file and the private feed open in a calendar', async ({ browser, playwright }) => {
    const official = await signedIn(browser, 'official.dod@pitf.demo');
    const { page } = official;
    await page.goto('/account');
    const approved = page.getByTestId('preference-report_approved');
    await approved.getByText('In the daily digest').click();
    await page.getByRole('button', { name: 'Save notification choices' }).click();
    await expect(page.getByTestId('preferences-message')).toContainText('saved');
    await page.reload();
    await expect(page.getByTestId('preference-report_approved').getByLabel('In the daily digest')).toBeChecked();
    const scan = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    expect(scan.violations).toEqual([]);

    // The meeting page's file.
    const meetingId = seededPlannedMeetingId();
    await page.goto(`/meetings/${meetingId}`);
    const download = await page.request.get(await page.getByTestId('meeting-ics').getAttribute('href').then((h) => h!));
    expect(download.headers()['content-type']).toContain('text/calendar');
    const one = new ICAL.Component(ICAL.parse(await download.text()));
    expect(one.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    expect(one.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual([`meeting-${meetingId}@localhost`, `cutoff-${meetingId}@localhost`]);

    // The feed: made once, read without signing in, dead once turned off.
    await page.goto('/account#calendar');
    await page.getByRole('button', { name: 'Make my calendar address' }).click();
    const url = await page.getByTestId('calendar-feed-url').inputValue();
    expect(url).toMatch(new RegExp(`^${BASE_URL}/api/calendar/[A-Za-z0-9_-]{43}$`));
    const calendarProgram = await playwright.request.newContext();
    const feed = await calendarProgram.get(url);
    expect(feed.status()).toBe(200);
    const uids = new ICAL.Component(ICAL.parse(await feed.text())).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids).toContain(`meeting-${meetingId}@localhost`);
    expect(uids).toContain(`cutoff-${meetingId}@localhost`);
    await page.getByRole('button', { name: 'Turn the address off' }).click();
    await expect(page.getByTestId('calendar-feed-message')).toContainText('turned off');
    expect((await calendarProgram.get(url)).status()).toBe(404);
    await calendarProgram.dispose();
    await official.context.close();
  });

  test('the notifications page, the outbox and one of its e-mails have no accessibility violations', async ({ browser }) => {
    const admin = await signedIn(browser, 'admin@pitf.demo');
    for (const path of ['/notifications', '/admin/outbox']) {
      await admin.page.goto(path);
      const scan = await new AxeBuilder({ page: admin.page }).withTags(WCAG_21_AA).analyze();
      expect(scan.violations, path).toEqual([]);
    }
    await admin.page.getByTestId('outbox-row').first().getByRole('link').click();
    await expect(admin.page.getByTestId('outbox-text')).toBeVisible();
    const scan = await new AxeBuilder({ page: admin.page }).withTags(WCAG_21_AA).analyze();
    expect(scan.violations).toEqual([]);
    // Nobody but an administrator reads the outbox.
    const chair = await signedIn(browser, 'chair@pitf.demo');
    expect((await chair.page.request.get('/api/admin/outbox')).status()).toBe(403);
    await chair.page.goto('/admin/outbox');
    await expect(chair.page.getByTestId('outbox')).toHaveCount(0);
    await Promise.all([admin.context.close(), chair.context.close()]);
  });
});
