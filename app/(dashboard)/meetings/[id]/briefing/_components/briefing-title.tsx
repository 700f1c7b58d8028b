import type { Briefing } from '@/db/queries/briefing';
import { daysBetween } from '@/lib/dates';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatDays } from '@/lib/format';
import { PrintButton } from '@/components/meetings/print-button';
import { LocalTime } from '@/components/ui/local-time';

/** The title page: what the book is, the meeting's facts, when the book was prepared, and the print button. */
export function BriefingTitle({
  meeting,
  date,
  today,
  preparedAt,
}: {
  meeting: Briefing['meeting'];
  date: string;
  today: string;
  preparedAt: number;
}) {
  const daysToCutoff = meeting.reportingCutoff ? daysBetween(today, meeting.reportingCutoff) : null;
  return (
    <header className="pitf-briefing__title">
      <p className="pitf-briefing__kicker">Briefing book · President’s Interagency Task Force to Monitor and Combat Trafficking in Persons</p>
      <h1 className="margin-top-1">{meeting.title}</h1>
      <dl className="pitf-details" data-testid="briefing-facts">
        <dt>Kind</dt>
        <dd>{MEETING_KIND_LABELS[meeting.kind]}</dd>
        <dt>Date</dt>
        <dd>
          {date}
          {meeting.status === 'planned' ? '' : ` (${MEETING_STATUS_LABELS[meeting.status].toLowerCase()})`}
        </dd>
        <dt>Location</dt>
        <dd>{meeting.location ?? 'Not recorded'}</dd>
        <dt>Chair</dt>
        <dd>{meeting.chair ?? 'Not recorded'}</dd>
        <dt>Reporting cutoff</dt>
        <dd>
          {meeting.reportingCutoff ? formatCalendarDate(meeting.reportingCutoff) : 'None set'}
          {daysToCutoff !== null && meeting.status === 'planned'
            ? daysToCutoff >= 0
              ? ` (${formatDays(daysToCutoff)} left)`
              : ` (passed ${formatDays(daysToCutoff)} ago)`
            : ''}
        </dd>
        <dt>Prepared</dt>
        <dd>
          <LocalTime value={preparedAt} />
        </dd>
        {meeting.source ? (
          <>
            <dt>Source</dt>
            <dd>
              <a href={meeting.source.url} className="usa-link pitf-print-href">
                {meeting.source.title}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="margin-top-3">
        <PrintButton />
      </div>
    </header>
  );
}
