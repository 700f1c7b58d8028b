import type { Metadata } from 'next';
import Link from 'next/link';
import { listAgencySummaries, type AgencySummary } from '@/db/queries/agencies';
import { requireUser } from '@/lib/server/auth';
import { formatNumber, formatPercent } from '@/lib/format';
import { LocalTime } from '@/components/ui/local-time';
import { DataTable, type Column } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Agencies' };

const COLUMNS = [
  { key: 'name', label: 'Agency', numeric: false },
  { key: 'total', label: 'Deliverables', numeric: true },
  { key: 'notStarted', label: 'Not started', numeric: true },
  { key: 'inProgress', label: 'In progress', numeric: true },
  { key: 'atRiskOrBlocked', label: 'At risk or blocked', numeric: true },
  { key: 'completed', label: 'Completed', numeric: true },
  { key: 'share', label: 'Share completed', numeric: true },
  { key: 'stale', label: 'Stale (90 days)', numeric: true },
  { key: 'lastUpdateAt', label: 'Last update', numeric: true },
] as const;
type SortKey = (typeof COLUMNS)[number]['key'];

/** Each column's cell for an agency. */
const CELLS: Record<SortKey, (a: AgencySummary) => React.ReactNode> = {
  name: (a) => (
    <>
      <Link href={`/agencies/${a.slug}`} className="usa-link">
        {a.name}
      </Link>{' '}
      <span className="text-base-dark">({a.abbreviation})</span>
      {a.membershipInferred ? (
        <div className="font-sans-2xs text-normal text-base-dark" data-testid={`membership-inferred-${a.slug}`}>
          Membership inferred
        </div>
      ) : null}
    </>
  ),
  total: (a) => formatNumber(a.total),
  notStarted: (a) => formatNumber(a.notStarted),
  inProgress: (a) => formatNumber(a.inProgress),
  atRiskOrBlocked: (a) => formatNumber(a.atRisk + a.blocked),
  completed: (a) => formatNumber(a.completed),
  share: (a) => (a.total ? formatPercent(a.completed / a.total) : '—'),
  stale: (a) => formatNumber(a.stale),
  lastUpdateAt: (a) => (a.lastUpdateAt ? <LocalTime value={a.lastUpdateAt} /> : 'None'),
};

function sortValue(a: AgencySummary, key: SortKey): number | string {
  switch (key) {
    case 'name':
      return a.name;
    case 'atRiskOrBlocked':
      return a.atRisk + a.blocked;
    case 'share':
      return a.total ? a.completed / a.total : -1;
    case 'lastUpdateAt':
      return a.lastUpdateAt ?? 0;
    default:
      return a[key];
  }
}

type Props = { searchParams: Promise<{ sort?: string; dir?: string }> };

export default async function AgenciesPage({ searchParams }: Props) {
  await requireUser();
  const params = await searchParams;
  const sort: SortKey = COLUMNS.some((c) => c.key === params.sort) ? (params.sort as SortKey) : 'name';
  const dir = params.dir === 'desc' ? 'desc' : 'asc';
  // A copy: the summaries are remembered between requests, and sorting in place would reorder them for everyone.
  const rows = [...listAgencySummaries()].sort((a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return (dir === 'asc' ? order : -order) || a.name.localeCompare(b.name);
  });

  return (
    <>
      <h1>Agencies</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        The {rows.length} member agencies and where their deliverables stand. Choose a column heading to sort; choose an agency to
        open its board.
      </p>
      <DataTable
        caption={`Member agencies with their deliverables by status, sorted by ${sort}`}
        scroll="Agencies and their deliverables"
        testId="agencies-table"
        rows={rows}
        rowKey={(a) => a.slug}
        columns={COLUMNS.map((c): Column<AgencySummary> => {
          const active = c.key === sort;
          const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
          return {
            header: (
              <Link href={`/agencies?sort=${c.key}&dir=${nextDir}`} className="usa-link">
                {c.label}
                {active ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
              </Link>
            ),
            numeric: c.numeric,
            rowHeader: c.key === 'name',
            sorted: active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined,
            cell: (a) => CELLS[c.key](a),
          };
        })}
      />
    </>
  );
}
