import type { Metadata } from 'next';
import Link from 'next/link';
import { listAgencies } from '@/db/queries/agencies';
import { listDeliverables } from '@/db/queries/deliverables';
import { deliverableFilterErrors } from '@/db/queries/deliverable-filters';
import { listMeetingOptions } from '@/db/queries/meetings';
import { listObjectives } from '@/db/queries/plan';
import { objectiveName } from '@/lib/plan';
import { PILLAR_LABELS } from '@/lib/domain';
import { requireUser } from '@/lib/server/auth';
import { formatNumber } from '@/lib/format';
import { deliverableListQuery } from '@/lib/validations/deliverables';
import { FilterSelect, agencyOptions, meetingOptions, pillarOptions, sortOptions, statusFilterOptions } from '@/components/ui/filter-select';
import { Pagination } from '@/components/ui/pagination';
import { DeliverableTable } from '@/components/deliverables/deliverable-table';
import { recordVersion } from '@/db/queries/until-change';
import { todayIso } from '@/lib/dates';
import { cacheLife } from 'next/cache';

export const metadata: Metadata = { title: 'All deliverables' };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliverablesPage({ searchParams }: Props) {
  await requireUser();
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string>;
  return <KeptDeliverables raw={raw} record={recordVersion()} today={todayIso()} />;
}

/**
 * The list is the same for every signed-in user: rendered once per state of the record, day and
 * query string, then kept. `record` and `today` are only part of the key.
 */
async function KeptDeliverables({ raw }: { raw: Record<string, string>; record: string; today: string }) {
  'use cache';
  cacheLife('max');
  const parsed = deliverableListQuery.safeParse({ pageSize: String(PAGE_SIZE), ...raw });
  // A filter naming an agency or a meeting that does not exist is not understood either.
  const unknown = parsed.success ? deliverableFilterErrors(parsed.data) : null;
  const understood = parsed.success && !unknown;
  const filters = understood ? parsed.data : deliverableListQuery.parse({ pageSize: String(PAGE_SIZE) });
  const result = listDeliverables(filters);
  const agencies = listAgencies();
  const meetings = listMeetingOptions();
  const objectiveOptions = [
    { value: 'none', label: 'Not yet mapped to an objective' },
    ...listObjectives({ includeRetired: true }).map((o) => ({
      value: String(o.id),
      label: `${PILLAR_LABELS[o.pillar]}: ${objectiveName(o)}${o.retiredAt === null ? '' : ' (retired)'}`,
    })),
  ];
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const statusChoice = statusFilterOptions(filters.status);

  const linkTo = (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams({ ...raw });
    params.delete('pageSize');
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') params.delete(k);
      else params.set(k, String(v));
    }
    const s = params.toString();
    return s ? `/deliverables?${s}` : '/deliverables';
  };
  const exportParams = new URLSearchParams(raw);
  exportParams.delete('page');
  exportParams.delete('pageSize');

  return (
    <>
      <h1>All deliverables</h1>
      {!understood ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Some filters in the address were not understood and are ignored.</p>
          </div>
        </div>
      ) : null}
      <form method="get" className="pitf-filters" role="search" aria-label="Search and filter deliverables">
        <div className="pitf-filters__search">
          <label className="usa-label margin-top-0" htmlFor="filter-q">
            Search titles, descriptions and update notes
          </label>
          <input id="filter-q" name="q" type="search" className="usa-input" defaultValue={filters.q ?? ''} />
        </div>
        <FilterSelect id="filter-agency" name="agency" label="Lead agency" anyLabel="All agencies" options={agencyOptions(agencies)} value={filters.agency} />
        <FilterSelect id="filter-pillar" name="pillar" label="Pillar" anyLabel="All pillars" options={pillarOptions} value={filters.pillar} />
        <FilterSelect id="filter-status" name="status" label="Status" anyLabel="Any status" options={statusChoice.options} value={statusChoice.value} />
        <FilterSelect
          id="filter-supported-by"
          name="supportedBy"
          label="Supported by"
          anyLabel="Any or no agency"
          options={agencyOptions(agencies)}
          value={filters.supportedBy}
        />
        <FilterSelect id="filter-objective" name="objective" label="Objective of the plan" anyLabel="Any or no objective" options={objectiveOptions} value={filters.objective} />
        <FilterSelect id="filter-meeting" name="meeting" label="Announced at" anyLabel="Any meeting" options={meetingOptions(meetings)} value={filters.meeting} />
        <FilterSelect
          id="filter-holding-up"
          name="holdingUp"
          label="Holding up the report for"
          anyLabel="No filter"
          options={meetingOptions(meetings.filter((m) => m.status === 'planned' || m.id === filters.holdingUp))}
          value={filters.holdingUp}
        />
        <FilterSelect id="filter-sort" name="sort" label="Order, within each agency" anyLabel="By pillar" options={sortOptions} value={filters.sort} />
        <fieldset className="usa-fieldset">
          <legend className="usa-sr-only">Flags</legend>
          <div className="usa-checkbox">
            <input className="usa-checkbox__input" id="filter-stale" type="checkbox" name="stale" value="true" defaultChecked={filters.stale === true} />
            <label className="usa-checkbox__label" htmlFor="filter-stale">
              Stale only
            </label>
          </div>
          <div className="usa-checkbox">
            <input className="usa-checkbox__input" id="filter-overdue" type="checkbox" name="overdue" value="true" defaultChecked={filters.overdue === true} />
            <label className="usa-checkbox__label" htmlFor="filter-overdue">
              Overdue only
            </label>
          </div>
          <div className="usa-checkbox">
            <input className="usa-checkbox__input" id="filter-attention" type="checkbox" name="attention" value="true" defaultChecked={filters.attention === true} />
            <label className="usa-checkbox__label" htmlFor="filter-attention">
              Needs attention only (blocked, at risk, overdue or stale)
            </label>
          </div>
        </fieldset>
        <div className="pitf-filters__actions">
          <button type="submit" className="usa-button">
            Search
          </button>
          <Link href="/deliverables" className="usa-link">
            Clear
          </Link>
        </div>
      </form>

      <div className="display-flex flex-justify flex-align-center flex-wrap margin-top-3">
        <p className="margin-0" role="status" data-testid="result-count">
          {formatNumber(result.total)} {result.total === 1 ? 'deliverable' : 'deliverables'}
          {filters.q ? ` matching “${filters.q}”` : ''}
          {pages > 1 ? `, page ${result.page} of ${pages}` : ''}
        </p>
        <a className="usa-link" href={`/api/export/deliverables.csv${exportParams.size ? `?${exportParams}` : ''}`}>
          Download these as CSV
        </a>
      </div>

      {result.items.length === 0 ? (
        <p>No deliverable matches these filters.</p>
      ) : (
        <DeliverableTable
          items={result.items}
          caption="Deliverables matching the filters"
          label="Deliverables"
          showLead
          showPillar
          showReason={false}
          showMeasure
          compact={false}
          testId="deliverables-table"
        />
      )}

      <Pagination label="Pages of deliverables" page={result.page} pageCount={pages} href={(page) => linkTo({ page })} />
    </>
  );
}
