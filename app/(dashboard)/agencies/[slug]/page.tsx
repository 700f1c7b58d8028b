import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getAgencyBySlug, getAgencyMembership } from '@/db/queries/agencies';
import { countLedAndSupported, listDeliverables } from '@/db/queries/deliverables';
import { listMeetingsAnnouncingFor } from '@/db/queries/meetings';
import { requireUser } from '@/lib/server/auth';
import { formatCalendarDate } from '@/lib/format';
import { canCreateDeliverable, canEditDeliverable, canEditEveryDeliverable } from '@/lib/authorization';
import { boardFilters } from '@/lib/validations/board';
import { STATUSES } from '@/lib/domain';
import { BOARD_COLUMN_PAGE, boardColumnFilters, boardListQuery, type BoardFilters } from '@/lib/board';
import { formatNumber } from '@/lib/format';
import { AgencyBoard, type BoardColumns } from '@/components/board/agency-board';
import { FilterSelect, meetingOptions, pillarOptions } from '@/components/ui/filter-select';
import { FocusTarget } from '@/components/ui/focus';
import { ReminderNotices } from '@/components/meetings/reminder-notices';
import { listOpenReminders } from '@/db/queries/reminders';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { recordVersion } from '@/db/queries/until-change';
import { todayIso } from '@/lib/dates';
import { cacheLife } from 'next/cache';

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
  const query = await searchParams;
  const filters = boardFilters(query);
  // Set by the deliverable page after an administrator deleted one created by mistake.
  const deleted = typeof query.deleted === 'string' ? query.deleted.slice(0, 200) : null;
  const supportView = filters.view === 'support';
  const board: BoardFilters = { agency: agency.slug, view: filters.view, pillar: filters.pillar, meeting: filters.meeting };
  const meetings = listMeetingsAnnouncingFor(agency.id, { supported: supportView });
  const counts = countLedAndSupported(agency.id);
  // Cards another agency leads are read-only to the agency supporting them: their lead agency changes them.
  const canEdit = supportView ? canEditEveryDeliverable(user) : canEditDeliverable(user, { leadAgencyId: agency.id });
  const own = user.role === 'official' && user.agencyId === agency.id;
  const viewHref = (view: 'lead' | 'support') => {
    const query = new URLSearchParams();
    if (view === 'support') query.set('view', 'support');
    if (filters.pillar) query.set('pillar', filters.pillar);
    const s = query.toString();
    return `/agencies/${agency.slug}${s ? `?${s}` : ''}`;
  };
  const views = [
    { view: 'lead' as const, label: own ? 'We lead' : `${agency.abbreviation} leads`, count: counts.led, current: !supportView },
    { view: 'support' as const, label: own ? 'We support' : `${agency.abbreviation} supports`, count: counts.supported, current: supportView },
  ];
  const membership = getAgencyMembership(agency.id);

  return (
    <>
      <Breadcrumbs trail={[{ href: '/agencies', label: 'Agencies' }]} current={agency.abbreviation} />
      <h1 className="margin-top-1">{agency.name}</h1>
      <nav aria-label="Deliverables on this board" className="margin-bottom-2">
        <ul className="usa-button-group usa-button-group--segmented" data-testid="board-views">
          {views.map((v) => (
            <li key={v.view} className="usa-button-group__item">
              <Link
                href={viewHref(v.view)}
                className={`usa-button${v.current ? '' : ' usa-button--outline'}`}
                aria-current={v.current ? 'page' : undefined}
              >
                {v.label} ({formatNumber(v.count)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="usa-intro font-sans-md margin-top-0">
        {supportView
          ? `Deliverables other agencies lead with ${agency.abbreviation}’s support, by status.`
          : `Deliverables led by ${agency.abbreviation}, by status.`}{' '}
        {canEdit ? 'Drag a card to another column, or use its “Move to” control.' : supportView ? 'Their lead agencies change them.' : null}
      </p>
      {deleted ? (
        <FocusTarget id="deleted-notice" className="usa-alert usa-alert--success usa-alert--slim margin-bottom-2" testId="deleted-notice">
          <div className="usa-alert__body">
            <p className="usa-alert__text">Deleted “{deleted}”. The audit log keeps a copy of it.</p>
          </div>
        </FocusTarget>
      ) : null}
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
          {supportView ? <input type="hidden" name="view" value="support" /> : null}
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
            <Link href={`/agencies/${agency.slug}${supportView ? '?view=support' : ''}`} className="usa-link margin-bottom-1">
              Clear filters
            </Link>
          ) : null}
        </form>
        <div className="margin-left-auto display-flex flex-wrap" style={{ gap: '0.5rem' }}>
          {!supportView && canCreateDeliverable(user, agency.id) ? (
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
            href={`/api/export/deliverables.csv?${boardListQuery(board)}`}
          >
            Download CSV
          </a>
        </div>
      </div>
      <div className="margin-top-3">
        <KeptBoard
          key={supportView ? 'support' : 'lead'}
          agencyName={agency.abbreviation}
          board={board}
          canEdit={canEdit}
          record={recordVersion()}
          today={todayIso()}
        />
      </div>
    </>
  );
}

/**
 * The columns are rendered once per state of the record, day, filters and whether the viewer may
 * move cards (part of the key, so a read-only viewer never gets a board rendered with the controls
 * of someone who may edit), then kept. `record` and `today` are only part of the key.
 */
async function KeptBoard({ agencyName, board, canEdit }: { agencyName: string; board: BoardFilters; canEdit: boolean; record: string; today: string }) {
  'use cache';
  cacheLife('max');
  // Each column is its own page of the list: its first cards and its true total.
  const columns = Object.fromEntries(
    STATUSES.map((status) => [status, listDeliverables(boardColumnFilters(board, status, BOARD_COLUMN_PAGE))]),
  ) as BoardColumns;
  return <AgencyBoard agencyName={agencyName} filters={board} initialColumns={columns} canEdit={canEdit} />;
}
