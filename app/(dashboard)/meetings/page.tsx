import type { Metadata } from 'next';
import Link from 'next/link';
import { listMeetings } from '@/db/queries/meetings';
import { getReadyShares } from '@/db/queries/readiness';
import { requireUser } from '@/lib/server/auth';
import { canManageMeetings } from '@/lib/authorization';
import { todayIso } from '@/lib/dates';
import { MEETING_KIND_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatNumber } from '@/lib/format';
import { Pagination } from '@/components/ui/pagination';
import { DataTable, type Column } from '@/components/ui/data-table';
import { pagingQuery } from '@/lib/validations/common';

export const metadata: Metadata = { title: 'Meetings' };

type MeetingRow = ReturnType<typeof listMeetings>['items'][number];

/** Planned meetings are few; this many at most are listed, soonest first. */
const UPCOMING_SHOWN = 50;
/** Past meetings, newest first, a page at a time. */
const PAST_PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MeetingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const today = todayIso();
  const { page } = pagingQuery.catch({ page: 1, pageSize: PAST_PAGE_SIZE }).parse(await searchParams);
  const upcomingResult = listMeetings({ timing: 'upcoming', page: 1, pageSize: UPCOMING_SHOWN }, today);
  const pastResult = listMeetings({ timing: 'past', page, pageSize: PAST_PAGE_SIZE }, today);
  const upcoming = upcomingResult.items;
  const past = pastResult.items;
  const pastPages = Math.max(1, Math.ceil(pastResult.total / PAST_PAGE_SIZE));
  const shares = getReadyShares(upcoming.map((m) => m.id));
  const manage = canManageMeetings(user);

  // The columns both tables share: the meeting (its row's header), kind, date, chair and place; and its documents, last.
  const leading: Column<MeetingRow>[] = [
    {
      header: 'Meeting',
      rowHeader: true,
      cell: (m) => (
        <Link href={`/meetings/${m.id}`} className="usa-link">
          {m.title}
        </Link>
      ),
    },
    { header: 'Kind', cell: (m) => MEETING_KIND_LABELS[m.kind] },
    { header: 'Date', className: 'text-no-wrap', cell: (m) => formatCalendarDate(m.date, m.datePrecision === 'month' ? 'month' : 'day') },
    { header: 'Chair', cell: (m) => m.chair ?? '—' },
    { header: 'Location', cell: (m) => m.location ?? '—' },
  ];
  const documents: Column<MeetingRow> = {
    header: 'Documents',
    cell: (m) => (
      <ul className="usa-list usa-list--unstyled pitf-cell-links">
        <li>
          <Link href={`/meetings/${m.id}/briefing`} className="usa-link">
            Briefing book<span className="usa-sr-only"> for {m.title}</span>
          </Link>
        </li>
        {manage ? (
          <li>
            <Link href={`/meetings/${m.id}/edit`} className="usa-link">
              Edit<span className="usa-sr-only"> {m.title}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    ),
  };

  return (
    <>
      <div className="display-flex flex-justify flex-align-center flex-wrap">
        <h1>Meetings</h1>
        {manage ? (
          <Link href="/meetings/new" className="usa-button">
            New meeting
          </Link>
        ) : null}
      </div>
      <p className="usa-intro font-sans-md margin-top-0">
        Cabinet-level meetings of the task force, its Senior Policy Operating Group and working groups. Each planned meeting opens a
        reporting cycle; its briefing book prints each agency’s readiness, report and deliverables.
      </p>

      <section aria-labelledby="upcoming-heading" className="margin-top-4">
        <h2 id="upcoming-heading">Upcoming</h2>
        {upcomingResult.total > upcoming.length ? (
          <p className="text-italic">
            The {formatNumber(upcoming.length)} soonest of {formatNumber(upcomingResult.total)} planned meetings.
          </p>
        ) : null}
        {upcoming.length === 0 ? (
          <p>No meeting is planned.</p>
        ) : (
          <DataTable
            caption="Planned meetings, soonest first, with the share of agencies ready"
            scroll="Upcoming meetings"
            stacked="header"
            className="pitf-meetings-table"
            testId="meetings-upcoming"
            rows={upcoming}
            rowKey={(m) => m.id}
            rowTestId={(m) => `meeting-${m.id}`}
            columns={[
              ...leading,
              { header: 'Reporting cutoff', className: 'text-no-wrap', cell: (m) => formatCalendarDate(m.reportingCutoff) },
              {
                header: 'Readiness',
                cellTestId: (m) => `readiness-${m.id}`,
                cell: (m) => {
                  const share = shares.get(m.id);
                  return share ? `${formatNumber(share.ready)} of ${formatNumber(share.members)} agencies ready` : '—';
                },
              },
              documents,
            ]}
          />
        )}
      </section>

      <section aria-labelledby="past-heading" className="margin-top-5">
        <h2 id="past-heading">Past</h2>
        {pastPages > 1 ? (
          <p data-testid="past-count">
            {formatNumber(pastResult.total)} past meetings, page {formatNumber(Math.min(page, pastPages))} of {formatNumber(pastPages)}
          </p>
        ) : null}
        {past.length === 0 ? (
          <p>{pastResult.total > 0 ? 'No meetings on this page.' : 'No meeting has been held yet.'}</p>
        ) : (
          <DataTable
            caption="Past meetings, newest first, with the awards presented at each"
            scroll="Past meetings"
            stacked="header"
            className="pitf-meetings-table"
            testId="meetings-past"
            rows={past}
            rowKey={(m) => m.id}
            rowTestId={(m) => `meeting-${m.id}`}
            columns={[
              ...leading,
              {
                header: 'Awards presented',
                numeric: true,
                cellTestId: (m) => `awards-${m.id}`,
                cell: (m) =>
                  m.status === 'held' ? (
                    formatNumber(m.awards)
                  ) : m.status === 'cancelled' ? (
                    <span className="text-bold">Cancelled</span>
                  ) : (
                    <span className="text-italic">Outcome not recorded</span>
                  ),
              },
              documents,
            ]}
          />
        )}
        <Pagination label="Pages of past meetings" page={page} pageCount={pastPages} href={(p) => `/meetings?page=${p}`} />
      </section>
    </>
  );
}
