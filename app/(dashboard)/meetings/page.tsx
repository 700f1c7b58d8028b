import type { Metadata } from 'next';
import Link from 'next/link';
import { listMeetings } from '@/db/queries/meetings';
import { getReadyShares } from '@/db/queries/readiness';
import { requireUser } from '@/lib/auth';
import { canManageMeetings } from '@/lib/authorization';
import { todayIso } from '@/lib/dates';
import { MEETING_KIND_LABELS, type MeetingKind } from '@/lib/domain';
import { formatCalendarDate, formatNumber } from '@/lib/format';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Meetings' };

type MeetingRow = ReturnType<typeof listMeetings>['items'][number];

/**
 * Every meeting, read a page of 200 at a time. The task force meets a few times a year, so the
 * whole list is small; if it ever is not, page this screen by URL like /deliverables.
 */
function allMeetings(): MeetingRow[] {
  const rows: MeetingRow[] = [];
  for (let page = 1; ; page++) {
    const result = listMeetings({ page, pageSize: 200 });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length === 0) return rows;
  }
}

export default async function MeetingsPage() {
  const user = await requireUser();
  const today = todayIso();
  const meetings = allMeetings();
  // Soonest first for what is ahead; newest first (as listed) for what is past.
  const upcoming = meetings.filter((m) => m.status === 'planned' && m.date >= today).reverse();
  const past = meetings.filter((m) => !(m.status === 'planned' && m.date >= today));
  const shares = getReadyShares(upcoming.map((m) => m.id));
  const manage = canManageMeetings(user);

  const titleCell = (m: MeetingRow) => (
    <th scope="row">
      <Link href={`/meetings/${m.id}`} className="usa-link">
        {m.title}
      </Link>
    </th>
  );
  const commonCells = (m: MeetingRow) => (
    <>
      <td data-label="Kind">{MEETING_KIND_LABELS[m.kind as MeetingKind] ?? m.kind}</td>
      <td data-label="Date" className="text-no-wrap">
        {formatCalendarDate(m.date, m.datePrecision === 'month' ? 'month' : 'day')}
      </td>
      <td data-label="Chair">{m.chair ?? '—'}</td>
      <td data-label="Location">{m.location ?? '—'}</td>
    </>
  );
  const links = (m: MeetingRow) => (
    <td data-label="Documents">
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
    </td>
  );

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
        {upcoming.length === 0 ? (
          <p>No meeting is planned.</p>
        ) : (
          <ScrollRegion label="Upcoming meetings">
            <table className="usa-table usa-table--borderless usa-table--stacked-header width-full pitf-meetings-table" data-testid="meetings-upcoming">
              <caption className="usa-sr-only">Planned meetings, soonest first, with the share of agencies ready</caption>
              <thead>
                <tr>
                  <th scope="col">Meeting</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Date</th>
                  <th scope="col">Chair</th>
                  <th scope="col">Location</th>
                  <th scope="col">Reporting cutoff</th>
                  <th scope="col">Readiness</th>
                  <th scope="col">Documents</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((m) => {
                  const share = shares.get(m.id);
                  return (
                    <tr key={m.id} data-testid={`meeting-${m.id}`}>
                      {titleCell(m)}
                      {commonCells(m)}
                      <td data-label="Reporting cutoff" className="text-no-wrap">
                        {formatCalendarDate(m.reportingCutoff)}
                      </td>
                      <td data-label="Readiness" data-testid={`readiness-${m.id}`}>
                        {share ? `${formatNumber(share.ready)} of ${formatNumber(share.members)} agencies ready` : '—'}
                      </td>
                      {links(m)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="past-heading" className="margin-top-5">
        <h2 id="past-heading">Past</h2>
        {past.length === 0 ? (
          <p>No meeting has been held yet.</p>
        ) : (
          <ScrollRegion label="Past meetings">
            <table className="usa-table usa-table--borderless usa-table--stacked-header width-full pitf-meetings-table" data-testid="meetings-past">
              <caption className="usa-sr-only">Past meetings, newest first, with the awards presented at each</caption>
              <thead>
                <tr>
                  <th scope="col">Meeting</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Date</th>
                  <th scope="col">Chair</th>
                  <th scope="col">Location</th>
                  <th scope="col" className="text-right">
                    Awards presented
                  </th>
                  <th scope="col">Documents</th>
                </tr>
              </thead>
              <tbody>
                {past.map((m) => (
                  <tr key={m.id} data-testid={`meeting-${m.id}`}>
                    {titleCell(m)}
                    {commonCells(m)}
                    <td data-label="Awards presented" className="text-right" data-testid={`awards-${m.id}`}>
                      {m.status === 'held' ? formatNumber(m.awards) : <span className="text-italic">Outcome not recorded</span>}
                    </td>
                    {links(m)}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
