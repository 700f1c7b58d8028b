import Link from 'next/link';
import { Providers } from '@/app/providers';
import { SiteHeader, type NavItem } from '@/components/layout/site-header';
import { SessionTimeout } from '@/components/layout/session-timeout';
import { countUnread } from '@/db/queries/notifications';
import { IDLE_MINUTES, msUntil } from '@/db/queries/sessions';
import { getRequestSession, requireUser } from '@/lib/server/auth';
import { canManageUsers, canPublishRelease, canReviewReports, type SessionUser } from '@/lib/authorization';
import { ROLE_LABELS } from '@/lib/domain';

// Signed-in pages read the database on every request: never prerender them.
export const dynamic = 'force-dynamic';

const NAV: NavItem[] = [
  { href: '/', label: 'Overview' },
  { href: '/agencies', label: 'Agencies' },
  { href: '/deliverables', label: 'Deliverables' },
  { href: '/meetings', label: 'Meetings' },
  { href: '/pillars', label: 'Pillars' },
  { href: '/plan', label: 'Plan' },
  { href: '/statistics', label: 'Statistics' },
];

/** The main navigation: the user's own page first (an official's agency, what awaits the chair's staff), then the rest. */
function navigationFor(user: SessionUser): NavItem[] {
  const own: NavItem[] = [];
  if (user.role === 'official' && user.agencyId !== null) own.push({ href: '/my-agency', label: 'My agency' });
  if (canReviewReports(user)) own.push({ href: '/awaiting-me', label: 'Awaiting me' });
  const releases: NavItem[] = canPublishRelease(user) ? [{ href: '/releases', label: 'Releases' }] : [];
  return [...own, ...NAV, ...releases, ...(canManageUsers(user) ? [{ href: '/admin', label: 'Admin' }] : [])];
}

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const session = await getRequestSession();
  const items = navigationFor(user);
  const roleLabel =
    user.role === 'official' && user.agencyName
      ? `${ROLE_LABELS.official}, ${user.agencyName}`
      : ROLE_LABELS[user.role];
  return (
    <Providers>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <SiteHeader items={items} userName={user.name} roleLabel={roleLabel} unread={countUnread(user.id)} />
      {session.user ? (
        <SessionTimeout
          idleMinutes={IDLE_MINUTES}
          idleLeftMs={msUntil(session.times.idleExpiresAt)}
          absoluteLeftMs={msUntil(session.times.absoluteExpiresAt)}
        />
      ) : null}
      <main id="main-content" className="pitf-main grid-container" tabIndex={-1}>
        {children}
      </main>
      <footer className="pitf-footer grid-container">
        <Link href="/api-docs">API reference</Link>
      </footer>
    </Providers>
  );
}
