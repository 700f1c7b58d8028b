import { SiteHeader, type NavItem } from '@/components/layout/site-header';
import { requireUser } from '@/lib/auth';
import { ROLE_LABELS } from '@/lib/domain';

// Signed-in pages read the database on every request: never prerender them.
export const dynamic = 'force-dynamic';

const NAV: NavItem[] = [
  { href: '/', label: 'Overview' },
  { href: '/agencies', label: 'Agencies' },
  { href: '/deliverables', label: 'Deliverables' },
  { href: '/meetings', label: 'Meetings' },
  { href: '/pillars', label: 'Pillars' },
  { href: '/statistics', label: 'Statistics' },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const roleLabel =
    user.role === 'official' && user.agencyName
      ? `${ROLE_LABELS.official}, ${user.agencyName}`
      : ROLE_LABELS[user.role];
  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <SiteHeader items={NAV} userName={user.name} roleLabel={roleLabel} />
      <main id="main-content" className="pitf-main grid-container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
