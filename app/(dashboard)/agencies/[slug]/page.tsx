import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAgencyBySlug, getAgencyMembership } from '@/db/queries/agencies';
import { listDeliverables } from '@/db/queries/deliverables';
import { listMeetingsAnnouncingFor } from '@/db/queries/meetings';
import { requireUser } from '@/lib/auth';
import { formatCalendarDate } from '@/lib/format';
import { canCreateDeliverable, canEditDeliverable } from '@/lib/authorization';
import { boardFilters } from '@/lib/validations/board';
import { STATUSES } from '@/lib/domain';
import { BOARD_COLUMN_PAGE, boardColumnFilters, type BoardFilters } from '@/lib/board';
import { AgencyBoard, type BoardColumns } from '@/components/board/agency-board';
import { FilterSelect, meetingOptions, pillarOptions } from '@/components/ui/filter-select';
import { ReminderNotices } from '@/components/meetings/reminder-notices';
import { listOpenReminders } from '@/db/queries/reminders';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agency = getAgencyBySlug((await params).slug);
  return { title: agency ? `${agency.abbreviation} board` : 'Agency not found' };
}

export default async function AgencyBoardPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const agency = getAgencyBySlug((await params).slug);
  if (!agency) notFound();
  const filters = boardFilters(await searchParams);
  const board: BoardFilters = { agency: agency.slug, pillar: filters.pillar, meeting: filters.meeting };
  // Each column is its own page of the list: its first cards and its true total.
  const columns = Object.fromEntries(
    STATUSES.map((status) => [status, listDeliverables(boardColumnFilters(board, status, BOARD_COLUMN_PAGE))]),
  ) as BoardColumns;
  const meetings = listMeetingsAnnouncingFor(agency.id);
  const membership = getAgencyMembership(agency.id);
  const canEdit = canEditDeliverable(user, { leadAgencyId: agency.id });

  return (
    <>
      <nav aria-label="Breadcrumbs" className="usa-breadcrumb padding-top-2">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link href="/agencies" className="usa-breadcrumb__link">
              Agencies
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {agency.abbreviation}
          </li>
        </ol>
      </nav>
      <h1 className="margin-top-1">{agency.name}</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        Deliverables led by {agency.abbreviation}, by status.{' '}
        {canEdit ? 'Drag a card to another column, or use its “Move to” control.' : null}
      </p>
      {membership?.source || membership?.inferred ? (
        <p className="font-sans-2xs margin-top-0" data-testid="agency-membership">
          {membership.inferred ? (
            <>
              <strong>Membership inferred:</strong> no official member list names {agency.abbreviation}; an administrator can
              confirm or correct it.
            </>
          ) : (
            'Member of the task force.'
          )}
          {membership.source ? (
            <>
              {' '}
              Source:{' '}
              <a className="usa-link" href={membership.source.url} rel="noreferrer">
                {membership.source.title}
              </a>
              {membership.source.publishedOn ? `, ${formatCalendarDate(membership.source.publishedOn)}` : ''}.
            </>
          ) : null}
        </p>
      ) : null}
      {user.role === 'official' && user.agencyId === agency.id ? <ReminderNotices reminders={listOpenReminders(agency.id)} /> : null}
      <div className="display-flex flex-wrap flex-align-end" style={{ gap: '1rem' }}>
        <form method="get" className="display-flex flex-wrap flex-align-end" style={{ gap: '1rem' }} aria-label="Filter the board">
          <FilterSelect id="filter-pillar" name="pillar" label="Pillar" anyLabel="All pillars" options={pillarOptions} value={filters.pillar} />
          <FilterSelect
            id="filter-meeting"
            name="meeting"
            label="Announced at"
            anyLabel="Any meeting"
            options={meetingOptions(meetings)}
            value={filters.meeting}
          />
          <button type="submit" className="usa-button margin-top-1">
            Apply filters
          </button>
          {filters.pillar || filters.meeting ? (
            <Link href={`/agencies/${agency.slug}`} className="usa-link margin-bottom-1">
              Clear filters
            </Link>
          ) : null}
        </form>
        <div className="margin-left-auto display-flex flex-wrap" style={{ gap: '0.5rem' }}>
          {canCreateDeliverable(user, agency.id) ? (
            <>
              <Link href={`/deliverables/new?agency=${agency.slug}`} className="usa-button usa-button--outline margin-right-0">
                New deliverable
              </Link>
              <Link href={`/agencies/${agency.slug}/import`} className="usa-button usa-button--unstyled padding-105">
                Import from CSV
              </Link>
            </>
          ) : null}
          <a
            className="usa-button usa-button--unstyled padding-105"
            href={`/api/export/deliverables.csv?agency=${agency.slug}${filters.pillar ? `&pillar=${filters.pillar}` : ''}${filters.meeting ? `&meeting=${filters.meeting}` : ''}`}
          >
            Download CSV
          </a>
        </div>
      </div>
      <div className="margin-top-3">
        <AgencyBoard agencyName={agency.abbreviation} filters={board} initialColumns={columns} canEdit={canEdit} />
      </div>
    </>
  );
}
