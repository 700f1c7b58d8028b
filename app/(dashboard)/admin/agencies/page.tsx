import type { Metadata } from 'next';
import Link from 'next/link';
import { listAgenciesForAdmin } from '@/db/queries/admin-agencies';
import { AgencyForm } from '@/components/admin/agency-form';
import { DataTable } from '@/components/ui/data-table';
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
      <DataTable
        caption="Member and retired agencies"
        scroll="Agencies"
        testId="admin-agencies-table"
        rows={agencies}
        rowKey={(a) => a.slug}
        columns={[
          {
            header: 'Agency',
            rowHeader: true,
            cell: (a) => (
              <Link href={`/admin/agencies/${a.slug}`} className="usa-link">
                {a.name}
              </Link>
            ),
          },
          { header: 'Abbreviation', cell: (a) => a.abbreviation },
          { header: 'Short name', cell: (a) => a.slug },
          { header: 'Active officials', numeric: true, cell: (a) => formatNumber(a.officials) },
          { header: 'Deliverables led', numeric: true, cell: (a) => formatNumber(a.deliverables) },
          { header: 'Membership', cell: (a) => (a.retiredAt ? <span className="pitf-flag pitf-flag--stale">Retired</span> : 'Member') },
        ]}
      />
      <h2 className="margin-top-4">Add an agency</h2>
      <AgencyForm />
    </>
  );
}
