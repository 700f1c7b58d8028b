import type { Metadata } from 'next';
import { listAgencies } from '@/db/queries/agencies';
import { UserForm } from '@/components/admin/user-form';
import { requireUser } from '@/lib/server/auth';
import { canManageUsers } from '@/lib/authorization';
import { requirePageAccess } from '@/lib/server/page-access';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Add a user' };

export default async function NewUserPage() {
  const user = await requireUser();
  await requirePageAccess(user, canManageUsers(user));
  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin/users', label: 'Users' }]} />
      <h1>Add a user</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        The account gets a temporary password, shown once here; the user chooses their own at the first sign-in.
      </p>
      <UserForm agencies={listAgencies().map((a) => ({ slug: a.slug, name: a.name }))} />
    </>
  );
}
