import 'server-only';
/**
 * Delivers the outbox and runs the scheduled notification pass.
 *
 * Delivery: claim due e-mails (atomically, so two workers never take the same row), send each over
 * SMTP with nodemailer, record the outcome. A failed attempt is retried after 1, 5, 30 and 120
 * minutes, then marked failed for administrators to see. The Message-ID is made from the
 * notification's id, so in the rare case of a worker dying after the server accepted a message
 * but before recording it, the resend carries the same Message-ID, by which mail programs can
 * recognise the second copy.
 *
 * The pass (every PITF_NOTIFY_INTERVAL_SECONDS in the one server process that runs the schedule,
 * or `npm run notify:once`): under a lease in SQLite, so that two processes never run it at once
 * (not even while a restarted server process and `npm run notify:once` overlap), it writes the
 * cutoff notices and, on working days from 7 a.m. in the task force's time zone, the daily
 * digests; then it delivers. Every server process delivers what its own changes wrote at once:
 * the claim on each e-mail is what keeps two of them from sending the same message.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import {
  claimDueEmails,
  isWorkingDay,
  markAttemptFailed,
  markSent,
  onNotificationsWritten,
  pruneNotifications,
  renewClaim,
  releaseLease,
  takeLease,
  taskForceHour,
  writeCutoffNotices,
  writeDigests,
  writeReadinessDigest,
  type ClaimedEmail,
} from '@/db/queries/notifications';
import { getNextMeeting } from '@/db/queries/meetings';
import { getReadiness, keepCutoffSnapshots } from '@/db/queries/readiness';
import { appOrigin, mailConfig, notifyIntervalMs, taskForceTimeZone, type MailConfig } from '@/lib/env';
import { oneClickUnsubscribeUrl, unsubscribeUrl } from '@/lib/notification-tokens';

const PASS_JOB = 'notifications';
const LEASE_MS = 5 * 60_000;
const DIGEST_HOUR = 7;

export type DeliveryTally = { sent: number; retried: number; failed: number };

let transport: { config: string; transporter: Transporter } | null = null;

function transporterFor(config: MailConfig): Transporter {
  const key = JSON.stringify(config);
  if (transport?.config !== key) {
    transport?.transporter.close();
    transport = {
      config: key,
      transporter: nodemailer.createTransport({
        // Connections kept open and reused: one per message would cost a TLS handshake each.
        pool: true,
        maxConnections: 5,
        host: config.host,
        port: config.port,
        secure: config.security === 'tls',
        requireTLS: config.security === 'starttls',
        ignoreTLS: config.security === 'none',
        auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return transport.transporter;
}

/**
 * A reply in the 500s is the server's final word about this message (no such mailbox, refused
 * sender); anything else may pass later. A refused sign-in to the mail server (530, 534, 535, 538)
 * is a setting to fix, not the message's fault: it is retried like a temporary failure.
 */
const SETTING_PROBLEMS = new Set([530, 534, 535, 538]);
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 && !SETTING_PROBLEMS.has(code);
}

async function send(transporter: Transporter, config: MailConfig, email: ClaimedEmail) {
  const host = new URL(appOrigin()).hostname;
  const listUnsubscribe = email.kind === 'digest' ? null : { url: oneClickUnsubscribeUrl(email.userId, email.kind), page: unsubscribeUrl(email.userId, email.kind) };
  await transporter.sendMail({
    from: config.from,
    to: email.to,
    subject: email.subject,
    text: email.bodyText,
    html: email.bodyHtml,
    messageId: `<notification-${email.id}@${host}>`,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-PITF-Notification': email.kind,
      ...(listUnsubscribe ? { 'List-Unsubscribe': `<${listUnsubscribe.url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
    },
    attachments: email.calendar
      ? [{ filename: 'meeting.ics', content: email.calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
      : [],
  });
}

const workerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Sends every due e-mail, a batch at a time. With no mail server configured nothing is claimed:
 * the messages stay in the outbox for administrators to read.
 */
export async function deliverDue(now: () => number = Date.now): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, retried: 0, failed: 0 };
  const config = mailConfig();
  if (!config) return tally;
  const transporter = transporterFor(config);
  const id = workerId();
  for (;;) {
    const batch = claimDueEmails(id, now());
    if (!batch.length) return tally;
    // The batch (as many as the pool has connections) in parallel; each outcome is recorded as it
    // comes. The claim is renewed just before each send, and an e-mail whose claim was lost is left
    // to the worker that took it.
    await Promise.all(
      batch.map(async (email) => {
        if (!renewClaim(email.id, id, now())) return;
        try {
          await send(transporter, config, email);
          if (markSent(email.id, id, now())) tally.sent++;
        } catch (error) {
          const outcome = markAttemptFailed(email.id, id, (error as Error).message || String(error), isPermanent(error), now());
          if (outcome === 'retry') tally.retried++;
          else if (outcome === 'failed') tally.failed++;
        }
      }),
    );
  }
}

export type PassResult = { ran: boolean; cutoffNotices: number; cutoffSnapshots: number; digests: number; readinessDigests: number; delivery: DeliveryTally };

/** One notification pass; `ran` is false when another process held the lease (delivery still runs). */
export async function runNotificationPass(now: () => number = Date.now, holder = workerId()): Promise<PassResult> {
  const result: PassResult = { ran: false, cutoffNotices: 0, cutoffSnapshots: 0, digests: 0, readinessDigests: 0, delivery: { sent: 0, retried: 0, failed: 0 } };
  if (takeLease(PASS_JOB, holder, LEASE_MS, now())) {
    try {
      result.ran = true;
      const at = new Date(now());
      result.cutoffNotices = writeCutoffNotices(at);
      result.cutoffSnapshots = keepCutoffSnapshots(at, taskForceTimeZone());
      pruneNotifications(at.getTime());
      if (isWorkingDay(at) && taskForceHour(at) >= DIGEST_HOUR) {
        result.digests = writeDigests(at);
        result.readinessDigests = writeReadinessDigest(() => nextMeetingReadiness(at.getTime()), at);
      }
    } finally {
      releaseLease(PASS_JOB, holder, now());
    }
  }
  result.delivery = await deliverDue(now);
  return result;
}

function nextMeetingReadiness(now: number) {
  const next = getNextMeeting();
  if (!next) return null;
  const readiness = getReadiness(next.id, now);
  if (!readiness) return null;
  return {
    meeting: { id: next.id, title: next.title, date: next.date, reportingCutoff: readiness.reportingCutoff },
    agencies: readiness.agencies.map((a) => ({ slug: a.slug, name: a.name, readiness: a.readiness })),
    counts: readiness.counts,
  };
}

const loop = globalThis as unknown as { pitfNotifications?: { timer: NodeJS.Timeout | null; unsubscribe: () => void } };

/**
 * The server's schedule: with `schedule`, a pass every interval and one a second after the start;
 * in every process, a delivery as soon as a change in this process has written notifications
 * (coalesced: one delivery at a time, another after it if more came).
 */
export function startNotificationLoop({ schedule = true }: { schedule?: boolean } = {}): void {
  if (loop.pitfNotifications) {
    if (loop.pitfNotifications.timer) clearInterval(loop.pitfNotifications.timer);
    loop.pitfNotifications.unsubscribe();
  }
  let running = false;
  let again = false;
  const guard = async (work: () => Promise<unknown>) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await work();
      } while (again);
    } catch (error) {
      console.error('Notification delivery failed; it will be tried again at the next pass.', error);
    } finally {
      running = false;
    }
  };
  const unsubscribe = onNotificationsWritten(() => void guard(() => deliverDue()));
  if (!schedule) {
    loop.pitfNotifications = { timer: null, unsubscribe };
    return;
  }
  const timer = setInterval(() => void guard(() => runNotificationPass()), notifyIntervalMs());
  timer.unref();
  loop.pitfNotifications = { timer, unsubscribe };
  // A pass at start: whatever a stopped server left in the outbox goes out now.
  setTimeout(() => void guard(() => runNotificationPass()), 1_000).unref();
}
