/**
 * Runs once when a server process starts (not while building): starts the server's schedule of
 * audit checkpoints and rate-limit housekeeping, and the notification pass with its delivery.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startHousekeeping } = await import('@/lib/server/housekeeping');
  startHousekeeping();
  const { startNotificationLoop } = await import('@/lib/server/notification-worker');
  startNotificationLoop();
}
