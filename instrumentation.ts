/**
 * Runs once when a server process starts (not while building). The process that runs the schedule
 * (the only one with PITF_SCHEDULER=1 under scripts/cluster.mjs; see runsSchedule in lib/env.ts)
 * starts the audit checkpoints, the rate-limit housekeeping and the notification pass; every
 * process delivers the e-mail its own changes write at once (claims are atomic in SQLite).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { runsSchedule } = await import('@/lib/env');
  const schedule = runsSchedule();
  if (schedule) {
    const { startHousekeeping } = await import('@/lib/server/housekeeping');
    startHousekeeping();
  }
  const { startNotificationLoop } = await import('@/lib/server/notification-worker');
  startNotificationLoop({ schedule });
}
