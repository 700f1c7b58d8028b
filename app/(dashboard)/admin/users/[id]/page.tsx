import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listAgencies } from '@/db/queries/agencies';
import { getUser, listRecentSignIns } from '@/db/queries/admin-users';
import { UserAccess } from '@/components/admin/user-access';
import { countPasskeys } from '@/db/queries/passkeys';
import { UserForm } from '@/components/admin/user-form';
import { SignInHistory } from '@/components/admin/sign-in-history';
import { LocalTime } from '@/components/ui/local-time';
import { requireUser } from '@/lib/server/auth';
import { canManageUsers } from '@/lib/authorization';
import { ROLE_LABELS } from '@/lib/domain';
import { requirePageAccess } from '@/lib/server/page-access';
import { parseRouteId } from '@/lib/validations/common';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'User' };

type Props = { params: Promise<{ id: string }> };

export default async function UserPage({ params }: Props) {
  const viewer = await requireUser();
  await requirePageAccess(viewer, canManageUsers(viewer));
  const id = parseRouteId((await params).id);
  const user = id ? getUser(id) : null;
  if (!user) notFound();

  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin/users', label: 'Users' }]} />
      <h1>{user.name}</h1>
      <dl className="pitf-details" data-testid="user-facts">
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>
          {ROLE_LABELS[user.role]}
          {user.agencyName ? `, ${user.agencyName}` : ''}
        </dd>
        <dt>Status</dt>
        <dd data-testid="user-status">
          {user.active ? 'Active' : 'Deactivated'}
          {user.active && user.mustChangePassword ? ' (must choose a new password at the next sign-in)' : ''}
        </dd>
        <dt>Last sign-in</dt>
        <dd>{user.lastSignInAt ? <LocalTime value={user.lastSignInAt} /> : 'Never'}</dd>
      </dl>

      <h2>Details</h2>
      <UserForm
        agencies={listAgencies().map((a) => ({ slug: a.slug, name: a.name }))}
        editing={{ id: user.id, email: user.email, name: user.name, role: user.role, agencySlug: user.agencySlug }}
      />
      <UserAccess id={user.id} email={user.email} name={user.name} active={user.active} passkeyCount={countPasskeys(user.id)} />

      <h2 className="margin-top-4">Recent sign-ins</h2>
      <SignInHistory events={listRecentSignIns(user.id)} />
      <p>
        <Link href={`/admin/audit?entity=user&entityId=${user.id}`} className="usa-link">
          Everything recorded about this account in the audit log
        </Link>
      </p>
    </>
  );
}
