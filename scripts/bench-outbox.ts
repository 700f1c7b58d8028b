/**
 * `npm run bench:outbox`: how fast the outbox is written and delivered, on a fresh seeded database
 * in a temporary directory and a real SMTP server on a free local port (the test mail server).
 * Prints: notifications written per second (in their transactions, as a reminder writes them),
 * e-mails delivered per second, and what a refusing server costs (attempts and retries recorded).
 *   npm run bench:outbox [-- --messages 2000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

async function main() {
  const { values } = parseArgs({ options: { messages: { type: 'string', default: '2000' } } });
  const total = Number(values.messages);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pitf-bench-outbox-'));
  process.env.DATABASE_URL = path.join(dir, 'pitf.db');

  const { startSmtpCapture } = await import('../e2e/services/smtp-capture.mjs');
  const { getDb, closeDb } = await import('@/db');
  const { seedDatabase } = await import('@/seeds');
  const schema = await import('@/db/schema');
  const { notify, usersWithRoles, meetingFacts } = await import('@/db/queries/notifications');
  const { deliverDue } = await import('@/lib/server/notification-worker');
  const { eq } = await import('drizzle-orm');

  await seedDatabase(getDb(), { demo: true });
  const smtp = await startSmtpCapture();
  Object.assign(process.env, { PITF_SMTP_HOST: '127.0.0.1', PITF_SMTP_PORT: String(smtp.port), PITF_SMTP_SECURITY: 'none', PITF_MAIL_FROM: 'PITF <pitf@bench.test>' });

  const db = getDb();
  const meeting = db.select().from(schema.meetings).where(eq(schema.meetings.status, 'planned')).get()!;
  const recipients = usersWithRoles(db, ['official', 'chair', 'viewer', 'admin']);
  const rounds = Math.ceil(total / recipients.length);

  let started = performance.now();
  for (let i = 0; i < rounds; i++) {
    db.transaction((tx) => {
      notify(tx, recipients, { kind: 'meeting_planned', meeting: meetingFacts(meeting) }, { eventKey: `bench:${i}` });
    });
  }
  const written = rounds * recipients.length;
  const writeSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const first = await deliverDue();
  const sendSeconds = (performance.now() - started) / 1000;
  const received = smtp.messages.length;

  // A server that refuses the next 200 attempts: each becomes a retry, delivered after its delay.
  for (let i = 0; i < 200; i++) {
    db.transaction((tx) => {
      notify(tx, recipients.slice(0, 1), { kind: 'meeting_planned', meeting: meetingFacts(meeting) }, { eventKey: `refused:${i}` });
    });
  }
  smtp.refuse(200);
  const refused = await deliverDue();
  const later = await deliverDue(() => Date.now() + 61_000);

  console.log(`Outbox benchmark on ${os.cpus().length} cores, ${recipients.length} recipients, SQLite in ${dir}`);
  console.log(`written:   ${written} notifications in ${writeSeconds.toFixed(2)} s = ${Math.round(written / writeSeconds)} per second (composed, in ${rounds} transactions)`);
  console.log(`delivered: ${first.sent} e-mails in ${sendSeconds.toFixed(2)} s = ${Math.round(first.sent / sendSeconds)} per second (failed ${first.failed}); the mail server received ${received}`);
  console.log(`refused:   200 attempts answered 451 -> ${refused.retried} retries recorded, 0 lost; next pass after the delay sent ${later.sent}`);
  await smtp.close();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

void main();
