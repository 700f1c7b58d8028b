import type { Metadata } from 'next';
import Link from 'next/link';
import { listAgencies } from '@/db/queries/agencies';
import { listUsers } from '@/db/queries/admin-users';
import { FilterSelect, agencyOptions } from '@/components/ui/filter-select';
import { LocalTime } from '@/components/ui/local-time';
import { Pagination } from '@/components/ui/pagination';
import { DataTable } from '@/components/ui/data-table';
import { requireUser } from '@/lib/server/auth';
import { canManageUsers } from '@/lib/authorization';
import { ROLES, ROLE_LABELS } from '@/lib/domain';
import { formatNumber } from '@/lib/format';
import { requirePageAccess } from '@/lib/server/page-access';
import { userListQuery } from '@/lib/validations/admin';

export const metadata: Metadata = { title: 'Users' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const user = await requireUser();
  await requirePageAccess(user, canManageUsers(user));
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = userListQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : userListQuery.parse({});
  const result = listUsers(filters);
  const agencies = listAgencies();
  const linkTo = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ['q', 'role', 'agency', 'status'] as const) if (filters[key]) params.set(key, String(filters[key]));
    if (page > 1) params.set('page', String(page));
    return `/admin/users${params.size ? `?${params}` : ''}`;
  };

  return (
    <>
      <div className="display-flex flex-justify flex-align-center flex-wrap">
        <h1>Users</h1>
        <Link href="/admin/users/new" className="usa-button">
          Add a user
        </Link>
      </div>
      {!parsed.success ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Some filters in the address were not valid and have been ignored.</p>
          </div>
        </div>
      ) : null}

      <form method="get" className="pitf-filters" role="search" aria-label="Search and filter users">
        <div className="pitf-filters__search">
          <label className="usa-label margin-top-0" htmlFor="filter-q">
            Name or e-mail contains
          </label>
          <input id="filter-q" name="q" type="search" className="usa-input" defaultValue={filters.q ?? ''} />
        </div>
        <FilterSelect id="filter-role" name="role" label="Role" anyLabel="Any role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={filters.role} />
        <FilterSelect id="filter-agency" name="agency" label="Agency" anyLabel="All agencies" options={agencyOptions(agencies)} value={filters.agency} />
        <FilterSelect
          id="filter-status"
          name="status"
          label="Status"
          anyLabel="Active and deactivated"
          options={[
            { value: 'active', label: 'Active' },
            { value: 'deactivated', label: 'Deactivated' },
          ]}
          value={filters.status}
        />
        <div className="pitf-filters__actions">
          <button type="submit" className="usa-button">
            Filter
          </button>
          <Link href="/admin/users" className="usa-link">
            Clear
          </Link>
        </div>
      </form>

      <p className="margin-top-3" role="status" data-testid="result-count">
        {formatNumber(result.total)} {result.total === 1 ? 'account' : 'accounts'}
        {result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ''}
      </p>
      {result.items.length === 0 ? (
        <p>No account matches these filters.</p>
      ) : (
        <DataTable
          caption="Accounts matching the filters"
          scroll="Users"
          testId="users-table"
          rows={result.items}
          rowKey={(u) => u.id}
          columns={[
            {
              header: 'Name',
              rowHeader: true,
              cell: (u) => (
                <Link href={`/admin/users/${u.id}`} className="usa-link">
                  {u.name}
                </Link>
              ),
            },
            { header: 'E-mail', cell: (u) => u.email },
            { header: 'Role', cell: (u) => ROLE_LABELS[u.role] },
            { header: 'Agency', cell: (u) => u.agencyName ?? '—' },
            {
              header: 'Status',
              cell: (u) => (
                <>
                  {u.active ? 'Active' : <span className="pitf-flag pitf-flag--stale">Deactivated</span>}
                  {u.active && u.mustChangePassword ? <span className="display-block font-sans-3xs">Must choose a new password</span> : null}
                </>
              ),
            },
            { header: 'Last sign-in', cell: (u) => (u.lastSignInAt ? <LocalTime value={u.lastSignInAt} /> : 'Never') },
          ]}
        />
      )}
      <Pagination label="Pages of users" page={result.page} pageCount={result.pageCount} href={linkTo} />
    </>
  );
}
