import type { Metadata } from 'next';
import Link from 'next/link';
import { listAgenciesForAdmin } from '@/db/queries/admin-agencies';
import { AgencyForm } from '@/components/admin/agency-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireUser } from '@/lib/server/auth';
import { canManageAgencies } from '@/lib/authorization';
import { formatNumber } from '@/lib/format';
import { requirePageAccess } from '@/lib/server/page-access';

export const metadata: Metadata = { title: 'Manage agencies' };

export default async function AdminAgenciesPage() {
  const user = await requireUser();
  await requirePageAccess(user, canManageAgencies(user));
  const agencies = listAgenciesForAdmin();
  return (
    <>
      <p>
        <Link href="/admin" className="usa-link">
          Administration
        </Link>
      </p>
      <h1>Manage agencies</h1>
      <ScrollRegion label="Agencies">
        <table className="usa-table usa-table--borderless width-full" data-testid="admin-agencies-table">
          <caption className="usa-sr-only">Member and retired agencies</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Abbreviation</th>
              <th scope="col">Short name</th>
              <th scope="col" className="text-right">
                Active officials
              </th>
              <th scope="col" className="text-right">
                Deliverables led
              </th>
              <th scope="col">Membership</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.slug}>
                <th scope="row">
                  <Link href={`/admin/agencies/${a.slug}`} className="usa-link">
                    {a.name}
                  </Link>
                </th>
                <td>{a.abbreviation}</td>
                <td>{a.slug}</td>
                <td className="text-right">{formatNumber(a.officials)}</td>
                <td className="text-right">{formatNumber(a.deliverables)}</td>
                <td>{a.retiredAt ? <span className="pitf-flag pitf-flag--stale">Retired</span> : 'Member'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2 className="margin-top-4">Add an agency</h2>
      <AgencyForm />
    </>
  );
}
