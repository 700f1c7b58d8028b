import 'server-only';
import { startAuditCheckpoints } from '@/db/audit-checkpoint';
import { flushRefusalTallies } from '@/db/queries/refusals';
import { pruneRateLimits } from './rate-limit';

const MINUTE = 60_000;
const timers = globalThis as unknown as { pitfHousekeeping?: NodeJS.Timeout };

/**
 * The running server's schedule: the audit trail's signed checkpoint, the audit event that closes
 * each window of collapsed refusals once it has ended, and the removal of rate-limit buckets that
 * have been full for a while. Each is also done on demand; the schedule only keeps them timely.
 *
 * Under scripts/cluster.mjs only one server process runs it (instrumentation.ts). Should two ever
 * overlap (a process started by hand beside the server), nothing is done twice: the tallies are
 * flushed and the buckets pruned in SQLite transactions that take the write lock, and a checkpoint
 * is written to a file of the process's own and renamed into place.
 */
export function startHousekeeping(): void {
  startAuditCheckpoints();
  const tidy = () => {
    try {
      flushRefusalTallies();
      pruneRateLimits();
    } catch (error) {
      console.error('Housekeeping failed; it will be tried again in a minute.', error);
    }
  };
  if (timers.pitfHousekeeping) clearInterval(timers.pitfHousekeeping);
  const timer = setInterval(tidy, MINUTE);
  timer.unref();
  timers.pitfHousekeeping = timer;
}
