/**
 * `npm run notify:once`: one notification pass from the command line (for cron, or after a
 * restore): writes the cutoff notices and daily digests that are due, under the same lease as the
 * servers' own passes, then delivers every due e-mail and prints what it did.
 */
import { closeDb } from '@/db';
import { runNotificationPass } from '@/lib/server/notification-worker';

const started = performance.now();
runNotificationPass()
  .then((result) => {
    const seconds = (performance.now() - started) / 1000;
    const d = result.delivery;
    console.log(
      `${result.ran ? 'Pass run' : 'Another process holds the pass; delivered only'}: ${result.cutoffNotices} cutoff notices, ${result.cutoffSnapshots} cutoff readiness records kept, ${result.digests} digests, ${result.readinessDigests} readiness digests written; ${d.sent} e-mails sent, ${d.retried} to retry, ${d.failed} failed, in ${seconds.toFixed(2)} s.`,
    );
    closeDb();
    process.exit(0);
  })
  .catch((error) => {
    console.error('The notification pass failed:', error);
    closeDb();
    process.exit(1);
  });
