import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAgencyBySlug } from '@/db/queries/agencies';
import { AgencyForm } from '@/components/admin/agency-form';
import { requireUser } from '@/lib/server/auth';
import { canManageAgencies } from '@/lib/authorization';
import { requirePageAccess } from '@/lib/server/page-access';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Edit agency' };

type Props = { params: Promise<{ slug: string }> };

export default async function AdminAgencyPage({ params }: Props) {
  const user = await requireUser();
  await requirePageAccess(user, canManageAgencies(user));
  const agency = getAgencyBySlug((await params).slug);
  if (!agency) notFound();
  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin/agencies', label: 'Manage agencies' }]} />
      <h1>{agency.name}</h1>
      <AgencyForm editing={{ slug: agency.slug, name: agency.name, abbreviation: agency.abbreviation, retired: agency.retiredAt !== null }} />
      <p className="margin-top-4">
        <Link href={`/admin/audit?entity=agency&entityId=${agency.slug}`} className="usa-link">
          Changes to this agency in the audit log
        </Link>
      </p>
    </>
  );
}
