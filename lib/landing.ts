import type { SessionUser } from './authorization';

/**
 * Where sign-in leads when no page was asked for (`/start`): it sends each user on to their
 * landing page. The overview stays at `/` and in the main navigation for everyone.
 */
export const AFTER_SIGN_IN_PATH = '/start';

/**
 * The page that answers what a role comes for: an agency's official their agency's report and
 * deliverables; the chair's staff what awaits their review; everyone else the overview.
 */
export function landingPath(user: Pick<SessionUser, 'role' | 'agencyId'>): string {
  if (user.role === 'official' && user.agencyId !== null) return '/my-agency';
  if (user.role === 'chair') return '/awaiting-me';
  return '/';
}
