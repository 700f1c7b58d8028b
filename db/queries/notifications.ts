import 'server-only';
/**
 * The outbox. A change that people must hear about calls `notify` inside its own transaction, so
 * the notifications commit (or roll back) with the change and its audit event. The delivery worker
 * (lib/server/notification-worker.ts) then claims due e-mails atomically, one worker per row, and records each
 * outcome; the scheduled pass writes the notices nobody's click causes (a cutoff approaching, the
 * daily digests) through the same `notify`, whose event keys make a second write of the same event
 * a no-op.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { DomainError } from '@/lib/errors';
import { addDays, daysBetween, todayIso } from '@/lib/dates';
import type { EmailState, NotificationDelivery, NotificationKind, Readiness, Role } from '@/lib/domain';
import { appOrigin, taskForceTimeZone } from '@/lib/env';
import { composeMessage, type MeetingFacts, type MessageInput } from '@/lib/notification-messages';
import { unsubscribeUrl } from '@/lib/notification-tokens';
import { CHOOSABLE_KINDS, cutoffThreshold, deliveriesFor, kindsFor, NOTIFICATION_PAGE_SIZE, type ChoosableKind } from '@/lib/notifications';
import { calendarFile, type CalendarMeeting } from '@/lib/calendar';
import type { CalendarFeedStatus, NotificationPage, OutboxMessage, OutboxPage, PreferenceRow } from '@/lib/contracts/notifications';
import { getDb, getSqlite, preparedStatement, type DbOrTx, type Tx } from '../index';
import { agencies, agencyReports, calendarFeeds, meetings, notificationPreferences, notifications, schedulerJobs, users } from '../schema';
import { recordAudit, SYSTEM_ACTOR, type Actor } from './audit';

export type Recipient = { id: number; name: string; role: Role };

/** The day in the task force's time zone (YYYY-MM-DD). */
export function taskForceDay(now: Date | number = Date.now()): string {
  return todayIso(new Date(now), taskForceTimeZone());
}

// ── Who receives ────────────────────────────────────────────────────────────────────────────────

const recipientColumns = { id: users.id, name: users.name, role: users.role };

export function officialsOf(db: DbOrTx, agencyId: number): Recipient[] {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.role, 'official'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .all() as Recipient[];
}

export function usersWithRoles(db: DbOrTx, roles: Role[]): Recipient[] {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.active, true)))
    .orderBy(asc(users.id))
    .all() as Recipient[];
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

const listeners = new Set<() => void>();

/** Called (after the writing transaction has ended) whenever notifications were written in this process. */
export function onNotificationsWritten(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function wakeDelivery() {
  queueMicrotask(() => listeners.forEach((listener) => listener()));
}

function emailStateFor(delivery: NotificationDelivery): EmailState {
  return delivery === 'immediate' ? 'pending' : delivery === 'digest' ? 'held_for_digest' : 'not_emailed';
}

/** The deliveries these people chose for a kind (those who chose nothing are absent). */
function deliveriesChosen(db: DbOrTx, userIds: number[], kind: NotificationKind): Map<number, NotificationDelivery> {
  if (kind === 'digest' || !userIds.length) return new Map();
  const rows = db
    .select({ userId: notificationPreferences.userId, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, userIds)))
    .all();
  return new Map(rows.map((r) => [r.userId, r.delivery]));
}

function deliveryOf(recipient: Recipient, kind: NotificationKind, chosen: NotificationDelivery | undefined): NotificationDelivery {
  if (kind === 'digest' || !chosen) return 'immediate';
  // A choice the role may no longer make (its rules changed) falls back to e-mail at once.
  return deliveriesFor(recipient.role, kind).includes(chosen) ? chosen : 'immediate';
}

export type NotifyOptions = {
  /** Names the event; with the recipient it is unique, so the same event is written once. */
  eventKey: string;
  meetingId?: number | null;
  /** An iCalendar file to send with the e-mail. */
  calendar?: string | null;
  now?: Date;
};

/**
 * Writes one notification per recipient, in the caller's transaction. Returns how many were new
 * (an event already written for a recipient is skipped).
 */
export function notify(tx: Tx, recipients: Recipient[], input: MessageInput, options: NotifyOptions): number {
  const now = options.now ?? new Date();
  const today = taskForceDay(now);
  const origin = appOrigin();
  let written = 0;
  // Two lookups for all recipients: who already has this event (a pass that runs every minute, a
  // retried job: nothing to compose for them), and everyone's choice for this kind.
  const ids = recipients.map((r) => r.id);
  const already = new Set(
    ids.length
      ? tx
          .select({ userId: notifications.userId })
          .from(notifications)
          .where(and(eq(notifications.eventKey, options.eventKey), inArray(notifications.userId, ids)))
          .all()
          .map((r) => r.userId)
      : [],
  );
  const chosen = deliveriesChosen(tx, ids, input.kind);
  for (const recipient of recipients) {
    if (already.has(recipient.id)) continue;
    const delivery = deliveryOf(recipient, input.kind, chosen.get(recipient.id));
    const message = composeMessage(input, {
      origin,
      today,
      recipientName: recipient.name,
      unsubscribeUrl: input.kind === 'digest' ? null : unsubscribeUrl(recipient.id, input.kind),
    });
    const inserted = tx
      .insert(notifications)
      .values({
        userId: recipient.id,
        kind: input.kind,
        eventKey: options.eventKey,
        meetingId: options.meetingId ?? null,
        subject: message.subject,
        bodyText: message.text,
        bodyHtml: message.html,
        link: message.link,
        calendar: options.calendar ?? null,
        createdAt: now,
        emailState: emailStateFor(delivery),
        nextAttemptAt: delivery === 'immediate' ? now : null,
      })
      .onConflictDoNothing()
      .run();
    written += inserted.changes;
  }
  // Runs once the synchronous transaction around this call has committed (or rolled back: then the
  // worker simply finds nothing new).
  if (written > 0) wakeDelivery();
  return written;
}

export function meetingFacts(m: { id: number; title: string; date: string; reportingCutoff: string | null }): MeetingFacts {
  return { id: m.id, title: m.title, date: m.date, reportingCutoff: m.reportingCutoff };
}

/** One meeting as an iCalendar file, for the e-mails about it. */
export function meetingCalendarFile(m: CalendarMeeting): string {
  return calendarFile([m], m.title);
}

/**
 * Removes a person's notifications and stops their e-mails when their role or agency changes: what
 * they were told before is no longer theirs to read. In the caller's transaction (the account's).
 */
export function forgetNotifications(tx: Tx, userId: number) {
  tx.delete(notifications).where(eq(notifications.userId, userId)).run();
}

// ── Reading, in the app ─────────────────────────────────────────────────────────────────────────

const unreadCount = preparedStatement((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare(),
);

export function countUnread(userId: number): number {
  return unreadCount().get({ userId })!.n;
}

export function listNotifications(userId: number, page = 1): NotificationPage {
  const db = getDb();
  const where = eq(notifications.userId, userId);
  const total = db.select({ n: count() }).from(notifications).where(where).get()!.n;
  const items = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      emailState: notifications.emailState,
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATION_PAGE_SIZE)
    .all()
    .map((n) => ({ ...n, createdAt: n.createdAt.getTime(), readAt: n.readAt?.getTime() ?? null }));
  return { items, total, page, pageSize: NOTIFICATION_PAGE_SIZE, unread: countUnread(userId) };
}

/** Marks the person's own notifications read (all of them, or those listed); returns the unread count left. */
export function markRead(userId: number, ids: number[] | 'all', now = new Date()): number {
  const db = getDb();
  const own = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  db.update(notifications)
    .set({ readAt: now })
    .where(ids === 'all' ? own : and(own, inArray(notifications.id, ids.length ? ids : [-1])))
    .run();
  return countUnread(userId);
}

// ── Preferences ────────────────────────────────────────────────────────────────────────────────

export function getPreferences(user: { id: number; role: Role }): PreferenceRow[] {
  const rows = getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id)).all();
  return kindsFor(user.role).map((kind) => {
    const choices = deliveriesFor(user.role, kind);
    const chosen = rows.find((r) => r.kind === kind)?.delivery;
    return { kind, choices, delivery: chosen && choices.includes(chosen) ? chosen : 'immediate' };
  });
}

/**
 * Sets the person's choices; a kind their role does not receive, or a choice it may not make
 * (switching off a chair's reminder as an official), is refused naming the kind, and nothing changes.
 */
export function setPreferences(user: { id: number; email: string; role: Role }, choices: Partial<Record<NotificationKind, NotificationDelivery>>) {
  const fields: Record<string, string[]> = {};
  for (const [kind, delivery] of Object.entries(choices) as [NotificationKind, NotificationDelivery][]) {
    if (!(CHOOSABLE_KINDS as string[]).includes(kind) || !kindsFor(user.role).includes(kind as ChoosableKind)) {
      fields[kind] = ['Your role does not receive this kind of notification.'];
    } else if (!deliveriesFor(user.role, kind as ChoosableKind).includes(delivery)) {
      fields[kind] = ['This notification cannot be switched off for your role; choose e-mail at once or the daily digest.'];
    }
  }
  if (Object.keys(fields).length) throw new DomainError('invalid', `Invalid input: ${Object.keys(fields).join(', ')}.`, { fields });
  getDb().transaction((tx) => {
    const before = Object.fromEntries(getPreferencesIn(tx, user.id).map((r) => [r.kind, r.delivery]));
    const now = new Date();
    for (const [kind, delivery] of Object.entries(choices) as [NotificationKind, NotificationDelivery][]) {
      tx.insert(notificationPreferences)
        .values({ userId: user.id, kind, delivery, updatedAt: now })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery, updatedAt: now } })
        .run();
    }
    recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'notification.preferences',
      entity: 'user',
      entityId: user.id,
      before,
      after: choices,
      at: now,
    });
  });
  return getPreferences(user);
}

/** One person's choice for one kind, with their address: for the unsubscribe page. Null for an inactive account or a kind their role does not receive. */
export function getPreferenceOf(userId: number, kind: Exclude<NotificationKind, 'digest'>) {
  const user = getDb().select({ id: users.id, email: users.email, role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!user || !user.active) return null;
  const row = getPreferences({ id: user.id, role: user.role }).find((r) => r.kind === kind);
  return row ? { ...row, email: user.email } : null;
}

function getPreferencesIn(db: DbOrTx, userId: number) {
  return db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).all();
}

/**
 * The one-click unsubscribe: stops e-mails of one kind for the person the token names. A kind the
 * role may not switch off moves to the daily digest instead. Audited as the person's own change.
 */
export function unsubscribe(userId: number, kind: NotificationKind): { kind: NotificationKind; delivery: NotificationDelivery; email: string } | null {
  const db = getDb();
  const user = db.select({ id: users.id, email: users.email, role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).get();
  if (!user || !user.active || kind === 'digest') return null;
  const role = user.role;
  const choosable = kindsFor(role).find((k) => k === kind);
  if (!choosable) return null;
  const delivery: NotificationDelivery = deliveriesFor(role, choosable).includes('off') ? 'off' : 'digest';
  db.transaction((tx) => {
    const now = new Date();
    tx.insert(notificationPreferences)
      .values({ userId, kind, delivery, updatedAt: now })
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { delivery, updatedAt: now } })
      .run();
    recordAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: 'notification.unsubscribe',
      entity: 'user',
      entityId: user.id,
      after: { [kind]: delivery },
      at: now,
    });
  });
  return { kind, delivery, email: user.email };
}

// ── The outbox, for administrators ──────────────────────────────────────────────────────────────

export const OUTBOX_FILTERS = ['all', 'pending', 'sent', 'failed', 'held_for_digest'] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];
export const OUTBOX_PAGE_SIZE = 50;

export function listOutbox(filter: OutboxFilter, page = 1, to?: string): OutboxPage {
  const db = getDb();
  const state =
    filter === 'all'
      ? sql`${notifications.emailState} <> 'not_emailed'`
      : filter === 'pending'
        ? inArray(notifications.emailState, ['pending', 'sending'])
        : eq(notifications.emailState, filter);
  const where = to ? and(state, sql`instr(${users.email}, ${to.toLowerCase()}) > 0`) : state;
  const total = db.select({ n: count() }).from(notifications).innerJoin(users, eq(users.id, notifications.userId)).where(where).get()!.n;
  const items = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      to: users.email,
      toName: users.name,
      createdAt: notifications.createdAt,
      emailState: notifications.emailState,
      attempts: notifications.attempts,
      nextAttemptAt: notifications.nextAttemptAt,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(where)
    .orderBy(desc(notifications.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all()
    .map((n) => ({
      ...n,
      createdAt: n.createdAt.getTime(),
      nextAttemptAt: n.nextAttemptAt?.getTime() ?? null,
      sentAt: n.sentAt?.getTime() ?? null,
    }));
  return { items, total, page, pageSize: OUTBOX_PAGE_SIZE, counts: outboxCounts() };
}

/** How many e-mails stand in each state. */
export function outboxCounts(): Partial<Record<EmailState, number>> {
  const states = getDb().select({ state: notifications.emailState, n: count() }).from(notifications).groupBy(notifications.emailState).all();
  return Object.fromEntries(states.map((s) => [s.state, s.n]));
}

export function getOutboxMessage(id: number): OutboxMessage | null {
  const row = getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      to: users.email,
      toName: users.name,
      bodyText: notifications.bodyText,
      bodyHtml: notifications.bodyHtml,
      hasCalendar: sql<number>`${notifications.calendar} IS NOT NULL`,
      createdAt: notifications.createdAt,
      emailState: notifications.emailState,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id))
    .get();
  if (!row) return null;
  return { ...row, hasCalendar: Boolean(row.hasCalendar), createdAt: row.createdAt.getTime(), sentAt: row.sentAt?.getTime() ?? null };
}

/** Puts a failed e-mail back in the queue (an administrator, after fixing the mail server's settings). */
export function retryFailed(actor: Actor, id: number) {
  getDb().transaction((tx) => {
    const row = tx.select().from(notifications).where(eq(notifications.id, id)).get();
    if (!row) throw new DomainError('not_found', 'The message was not found.');
    if (row.emailState !== 'failed') throw new DomainError('conflict', `Only a failed message can be retried; this one is ${row.emailState.replace(/_/g, ' ')}.`);
    const now = new Date();
    tx.update(notifications).set({ emailState: 'pending', attempts: 0, nextAttemptAt: now, lastError: row.lastError }).where(eq(notifications.id, id)).run();
    recordAudit(tx, { actor, action: 'notification.retry', entity: 'notification', entityId: id, before: { emailState: 'failed', attempts: row.attempts }, after: { emailState: 'pending' }, at: now });
  });
  wakeDelivery();
  return getOutboxMessage(id)!;
}

// ── Delivery ────────────────────────────────────────────────────────────────────────────────────

/** How long a claim holds before another worker may take the row (a worker that died mid-send). */
export const CLAIM_MS = 2 * 60_000;
/** Waits before the 2nd, 3rd, 4th and 5th attempts; the 5th failure marks the e-mail failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export type ClaimedEmail = {
  id: number;
  kind: NotificationKind;
  eventKey: string;
  userId: number;
  to: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  calendar: string | null;
  attempts: number;
};

/**
 * Claims up to `limit` due e-mails for one worker in a single UPDATE, which SQLite runs under its
 * write lock: two workers (in one process or several) never claim the same row. A claim that has
 * expired (its worker died) is due again.
 */
export function claimDueEmails(workerId: string, now = Date.now(), limit = 5): ClaimedEmail[] {
  const sqlite = getSqlite();
  // Nothing more goes to an account deactivated since its e-mails were written.
  sqlite
    .prepare(
      `UPDATE notifications SET email_state = 'not_emailed', claimed_by = NULL, claimed_until = NULL,
         last_error = 'Not sent: the account was deactivated first.'
       WHERE email_state IN ('pending', 'sending', 'held_for_digest') AND user_id IN (SELECT id FROM users WHERE active = 0)`,
    )
    .run();
  const rows = sqlite
    .prepare(
      `UPDATE notifications SET email_state = 'sending', claimed_by = ?, claimed_until = ?, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM notifications
         WHERE (email_state = 'pending' AND coalesce(next_attempt_at, 0) <= ?)
            OR (email_state = 'sending' AND claimed_until < ?)
         ORDER BY id LIMIT ?)
       RETURNING id, kind, event_key AS eventKey, user_id AS userId, subject, body_text AS bodyText, body_html AS bodyHtml, calendar, attempts`,
    )
    .all(workerId, now + CLAIM_MS, now, now, limit) as Omit<ClaimedEmail, 'to'>[];
  if (!rows.length) return [];
  const emails = new Map(
    getDb()
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]))
      .all()
      .map((u) => [u.id, u.email]),
  );
  return rows.sort((a, b) => a.id - b.id).map((r) => ({ ...r, to: emails.get(r.userId)! }));
}

/**
 * Renews this worker's claim just before it sends, and says whether it still holds it: an e-mail
 * whose claim ran out (and may have been taken by another worker) is not sent by this one.
 */
export function renewClaim(id: number, workerId: string, now = Date.now()): boolean {
  return (
    getDb()
      .update(notifications)
      .set({ claimedUntil: new Date(now + CLAIM_MS) })
      .where(and(eq(notifications.id, id), eq(notifications.claimedBy, workerId), eq(notifications.emailState, 'sending')))
      .run().changes === 1
  );
}

/** Records a delivery, only if this worker still holds the claim (an earlier attempt's error stays, as its record). */
export function markSent(id: number, workerId: string, now = Date.now()): boolean {
  return (
    getDb()
      .update(notifications)
      .set({ emailState: 'sent', sentAt: new Date(now), claimedBy: null, claimedUntil: null })
      .where(and(eq(notifications.id, id), eq(notifications.claimedBy, workerId), eq(notifications.emailState, 'sending')))
      .run().changes === 1
  );
}

/**
 * Records a failed attempt: due again after the next delay, or failed for good after the last
 * attempt or when the server refused for good (a 5xx reply such as an unknown mailbox).
 */
export function markAttemptFailed(id: number, workerId: string, error: string, permanent: boolean, now = Date.now()): 'retry' | 'failed' | 'lost_claim' {
  const row = getDb().select({ attempts: notifications.attempts }).from(notifications).where(eq(notifications.id, id)).get();
  if (!row) return 'lost_claim';
  const failed = permanent || row.attempts >= MAX_ATTEMPTS;
  const changed = getDb()
    .update(notifications)
    .set({
      emailState: failed ? 'failed' : 'pending',
      nextAttemptAt: failed ? null : new Date(now + RETRY_DELAYS_MS[row.attempts - 1]!),
      lastError: error.slice(0, 500),
      claimedBy: null,
      claimedUntil: null,
    })
    .where(and(eq(notifications.id, id), eq(notifications.claimedBy, workerId), eq(notifications.emailState, 'sending')))
    .run().changes;
  if (!changed) return 'lost_claim';
  return failed ? 'failed' : 'retry';
}

/**
 * The pass's transactions read, then write: begun IMMEDIATE, they wait for another process's write
 * to end instead of failing when their read turns out to be stale.
 */
const IMMEDIATE = { behavior: 'immediate' } as const;

// ── The scheduled pass ──────────────────────────────────────────────────────────────────────────

/**
 * Takes the lease of a scheduled job for `ms`, unless another holder's lease is still running.
 * One statement, under SQLite's write lock: of two processes asking at once, one gets it.
 */
export function takeLease(job: string, holder: string, ms: number, now = Date.now()): boolean {
  const row = getSqlite()
    .prepare(
      `INSERT INTO scheduler_jobs (job, lease_holder, lease_until) VALUES (?, ?, ?)
       ON CONFLICT(job) DO UPDATE SET lease_holder = excluded.lease_holder, lease_until = excluded.lease_until
       WHERE scheduler_jobs.lease_until IS NULL OR scheduler_jobs.lease_until < ? OR scheduler_jobs.lease_holder = excluded.lease_holder
       RETURNING lease_holder`,
    )
    .get(job, holder, now + ms, now) as { lease_holder: string } | undefined;
  return row?.lease_holder === holder;
}

export function releaseLease(job: string, holder: string, now = Date.now()) {
  getDb()
    .update(schedulerJobs)
    .set({ leaseHolder: null, leaseUntil: null, lastRunAt: new Date(now) })
    .where(and(eq(schedulerJobs.job, job), eq(schedulerJobs.leaseHolder, holder)))
    .run();
}

function jobState<T>(db: DbOrTx, job: string): T | null {
  return (db.select({ state: schedulerJobs.state }).from(schedulerJobs).where(eq(schedulerJobs.job, job)).get()?.state as T | undefined) ?? null;
}

function setJobState(db: DbOrTx, job: string, state: unknown) {
  db.insert(schedulerJobs).values({ job, state }).onConflictDoUpdate({ target: schedulerJobs.job, set: { state } }).run();
}

/**
 * Officials of every agency whose report is not submitted, for each planned meeting whose cutoff
 * has reached a threshold (14, 7 or 1 days left, in the task force's time zone), each threshold
 * once per cutoff. Returns the notifications written.
 */
export function writeCutoffNotices(now = new Date()): number {
  const today = taskForceDay(now);
  const db = getDb();
  const upcoming = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.status, 'planned'), sql`${meetings.reportingCutoff} >= ${today}`, lte(meetings.reportingCutoff, addDays(today, 14))))
    .all();
  let written = 0;
  for (const meeting of upcoming) {
    const daysLeft = daysBetween(today, meeting.reportingCutoff!);
    const threshold = cutoffThreshold(daysLeft);
    if (threshold === null) continue;
    written += db.transaction((tx) => {
      const waiting = tx
        .select({ id: agencies.id, name: agencies.name, state: agencyReports.state })
        .from(agencies)
        .leftJoin(agencyReports, and(eq(agencyReports.agencyId, agencies.id), eq(agencyReports.meetingId, meeting.id)))
        .where(and(isNull(agencies.retiredAt), or(isNull(agencyReports.state), inArray(agencyReports.state, ['draft', 'returned']))))
        .orderBy(asc(agencies.name))
        .all();
      let n = 0;
      for (const agency of waiting) {
        n += notify(
          tx,
          officialsOf(tx, agency.id),
          { kind: 'cutoff_approaching', meeting: meetingFacts(meeting), agencyName: agency.name, reportState: agency.state },
          { eventKey: `cutoff:${meeting.id}:${meeting.reportingCutoff}:${threshold}`, meetingId: meeting.id, now },
        );
      }
      if (n > 0) {
        recordAudit(tx, {
          actor: SYSTEM_ACTOR,
          action: 'notification.cutoff',
          entity: 'meeting',
          entityId: meeting.id,
          after: { threshold, daysLeft, agencies: waiting.length, notifications: n },
          at: now,
        });
      }
      return n;
    }, IMMEDIATE);
  }
  return written;
}

/** How long notifications are kept: a year, as the record of what people were told. */
export const NOTIFICATION_RETENTION_DAYS = 365;

/** Deletes notifications older than the retention period (and not waiting to be sent). */
export function pruneNotifications(now = Date.now()): number {
  return getDb()
    .delete(notifications)
    .where(
      and(
        sql`${notifications.createdAt} < ${now - NOTIFICATION_RETENTION_DAYS * 86_400_000}`,
        inArray(notifications.emailState, ['sent', 'failed', 'in_digest', 'not_emailed']),
      ),
    )
    .run().changes;
}

/** Monday to Friday in the task force's time zone. */
export function isWorkingDay(now: Date | number): boolean {
  const day = new Intl.DateTimeFormat('en-US', { timeZone: taskForceTimeZone(), weekday: 'short' }).format(now);
  return day !== 'Sat' && day !== 'Sun';
}

/** The hour (0–23) in the task force's time zone. */
export function taskForceHour(now: Date | number): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: taskForceTimeZone(), hour: 'numeric', hourCycle: 'h23' }).format(now));
}

/**
 * Gathers what each person chose to receive once a day into one e-mail, and marks what it gathered.
 * Returns the digests written.
 */
export function writeDigests(now = new Date()): number {
  const today = taskForceDay(now);
  const db = getDb();
  const waiting = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(eq(notifications.emailState, 'held_for_digest'))
    .all();
  let written = 0;
  for (const { userId } of waiting) {
    written += db.transaction((tx) => {
      const recipient = tx.select(recipientColumns).from(users).where(and(eq(users.id, userId), eq(users.active, true))).get() as Recipient | undefined;
      const items = tx
        .select({ id: notifications.id, subject: notifications.subject, link: notifications.link })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.emailState, 'held_for_digest')))
        .orderBy(asc(notifications.id))
        .all();
      if (!items.length) return 0;
      if (!recipient) {
        tx.update(notifications).set({ emailState: 'not_emailed' }).where(inArray(notifications.id, items.map((i) => i.id))).run();
        return 0;
      }
      const eventKey = `digest:${today}`;
      // One digest a day: what was held after today's left waits for tomorrow's.
      const sentToday = tx.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.eventKey, eventKey))).get();
      if (sentToday) return 0;
      const n = notify(tx, [recipient], { kind: 'digest', items }, { eventKey, now });
      const digest = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.eventKey, eventKey)))
        .get()!;
      tx.update(notifications)
        .set({ emailState: 'in_digest', digestId: digest.id })
        .where(inArray(notifications.id, items.map((i) => i.id)))
        .run();
      return n;
    }, IMMEDIATE);
  }
  return written;
}

type ReadinessState = { meetingId: number; day: string; agencies: Record<string, Readiness> };

/**
 * The chair's daily digest of readiness for the next meeting: which agencies' readiness changed
 * since the last digest. Written only when something changed; the first run records where things
 * stand. Returns the notifications written.
 */
export type ReadinessNow = { meeting: MeetingFacts; agencies: { slug: string; name: string; readiness: Readiness }[]; counts: Record<Readiness, number> };

export function writeReadinessDigest(readNext: () => ReadinessNow | null, now = new Date()): number {
  const db = getDb();
  const today = taskForceDay(now);
  // Once a day: readiness is computed only when today's digest is still to be written.
  if (jobState<ReadinessState>(db, 'readiness_digest')?.day === today) return 0;
  const next = readNext();
  if (!next) return 0;
  return db.transaction((tx) => {
    const last = jobState<ReadinessState>(tx, 'readiness_digest');
    const current: ReadinessState = { meetingId: next.meeting.id, day: today, agencies: Object.fromEntries(next.agencies.map((a) => [a.slug, a.readiness])) };
    if (last?.day === today) return 0;
    setJobState(tx, 'readiness_digest', current);
    if (!last || last.meetingId !== next.meeting.id) return 0;
    const changes = next.agencies
      .filter((a) => last.agencies[a.slug] !== a.readiness)
      .map((a) => ({ agencyName: a.name, from: last.agencies[a.slug] ?? null, to: a.readiness }));
    if (!changes.length) return 0;
    return notify(
      tx,
      usersWithRoles(tx, ['chair']),
      { kind: 'readiness_digest', meeting: next.meeting, changes, counts: next.counts },
      { eventKey: `readiness_digest:${today}`, meetingId: next.meeting.id, now },
    );
  }, IMMEDIATE);
}

// ── Calendar feeds ──────────────────────────────────────────────────────────────────────────────

export function getCalendarFeed(userId: number): CalendarFeedStatus {
  const row = getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get();
  return row ? { createdAt: row.createdAt.getTime(), lastUsedAt: row.lastUsedAt?.getTime() ?? null } : null;
}

/** Makes (or replaces) the person's feed; the old address stops working at once. */
export function replaceCalendarFeed(user: { id: number; email: string }, tokenHash: string, now = new Date()) {
  getDb().transaction((tx) => {
    const had = tx.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, user.id)).get();
    tx.insert(calendarFeeds)
      .values({ userId: user.id, tokenHash, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now, lastUsedAt: null } })
      .run();
    recordAudit(tx, { actor: { id: user.id, email: user.email }, action: had ? 'calendar_feed.replace' : 'calendar_feed.create', entity: 'user', entityId: user.id, at: now });
  });
}

export function revokeCalendarFeed(user: { id: number; email: string }): boolean {
  return getDb().transaction((tx) => {
    const removed = tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, user.id)).run().changes;
    if (removed) recordAudit(tx, { actor: { id: user.id, email: user.email }, action: 'calendar_feed.revoke', entity: 'user', entityId: user.id });
    return removed > 0;
  });
}

/** The active user a feed token belongs to, or null; notes when the feed was last read. */
export function userOfCalendarFeed(tokenHash: string, now = new Date()): { id: number; role: Role } | null {
  const db = getDb();
  const row = db
    .select({ id: users.id, role: users.role, active: users.active, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash))
    .get();
  if (!row || !row.active) return null;
  // At most once an hour: calendars poll often, and this is not worth a write each time.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 3_600_000) {
    db.update(calendarFeeds).set({ lastUsedAt: now }).where(eq(calendarFeeds.tokenHash, tokenHash)).run();
  }
  return { id: row.id, role: row.role };
}

const calendarColumns = {
  id: meetings.id,
  kind: meetings.kind,
  title: meetings.title,
  date: meetings.date,
  reportingCutoff: meetings.reportingCutoff,
  location: meetings.location,
  status: meetings.status,
  version: meetings.version,
};

/** Meetings a feed or a download lists: planned ones, and those held in the last year. */
export function listCalendarMeetings(today: string): CalendarMeeting[] {
  return getDb()
    .select(calendarColumns)
    .from(meetings)
    .where(and(eq(meetings.datePrecision, 'day'), or(eq(meetings.status, 'planned'), sql`${meetings.date} >= ${addDays(today, -365)}`)))
    .orderBy(asc(meetings.date))
    .all() as CalendarMeeting[];
}

export function getCalendarMeeting(id: number): (CalendarMeeting & { datePrecision: string }) | null {
  return (
    (getDb()
      .select({ ...calendarColumns, datePrecision: meetings.datePrecision })
      .from(meetings)
      .where(eq(meetings.id, id))
      .get() as (CalendarMeeting & { datePrecision: string }) | undefined) ?? null
  );
}
