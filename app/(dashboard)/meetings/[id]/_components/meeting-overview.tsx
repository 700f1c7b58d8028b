import type { MeetingDetail } from '@/lib/contracts/meetings';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatDays } from '@/lib/format';

/** The meeting's details (kind, date, status, chair, place, cutoff, calendar, source) beside its agenda. */
export function MeetingOverview({ meeting, daysToCutoff }: { meeting: MeetingDetail; daysToCutoff: number | null }) {
  const planned = meeting.status === 'planned';
  return (
    <div className="grid-row grid-gap-lg margin-top-2">
      <section className="desktop:grid-col-6" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <dl className="pitf-details" data-testid="meeting-details">
          <dt>Kind</dt>
          <dd>{MEETING_KIND_LABELS[meeting.kind]}</dd>
          <dt>Date</dt>
          <dd>{formatCalendarDate(meeting.date, meeting.datePrecision as 'day' | 'month')}</dd>
          <dt>Status</dt>
          <dd data-testid="meeting-status">
            {MEETING_STATUS_LABELS[meeting.status]}
            {meeting.postponedFrom ? ` (postponed from ${formatCalendarDate(meeting.postponedFrom)})` : ''}
          </dd>
          <dt>Chair</dt>
          <dd>{meeting.chair ?? 'Not recorded'}</dd>
          <dt>Location</dt>
          <dd>{meeting.location ?? 'Not recorded'}</dd>
          {meeting.reportingCutoff ? (
            <>
              <dt>Reporting cutoff</dt>
              <dd data-testid="cutoff">
                {formatCalendarDate(meeting.reportingCutoff)}
                {planned && daysToCutoff !== null
                  ? daysToCutoff >= 0
                    ? ` (${formatDays(daysToCutoff)} left)`
                    : ` (passed ${formatDays(daysToCutoff)} ago)`
                  : ''}
              </dd>
            </>
          ) : null}
          {meeting.datePrecision === 'day' ? (
            <>
              <dt>Calendar</dt>
              <dd>
                <a className="usa-link" href={`/api/meetings/${meeting.id}/calendar`} download={`meeting-${meeting.id}.ics`} data-testid="meeting-ics">
                  Add to your calendar (.ics)
                </a>
              </dd>
            </>
          ) : null}
          {meeting.source ? (
            <>
              <dt>Source</dt>
              <dd>
                <a className="usa-link" href={meeting.source.url} rel="noreferrer">
                  {meeting.source.title}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {meeting.summary ? <p className="measure-5">{meeting.summary}</p> : null}
      </section>
      <section className="desktop:grid-col-6" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda</h2>
        {meeting.agenda.length ? (
          <ol className="usa-list" data-testid="agenda">
            {meeting.agenda.map((item) => (
              <li key={item.position}>
                {item.title}
                {item.presenter ? <span className="text-base-dark"> ({item.presenter})</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>No agenda recorded.</p>
        )}
      </section>
    </div>
  );
}
