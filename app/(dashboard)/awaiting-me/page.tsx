import type { Metadata } from 'next';
import Link from 'next/link';
import { getNextMeeting } from '@/db/queries/meetings';
import { listChangesSince, STATUS_CHANGES_COUNTED } from '@/db/queries/progress-updates';
import { NOT_STARTED_WARNING_DAYS, notStartedNearCutoff } from '@/db/queries/readiness';
import { listReportEventsSince, listReportsAwaitingReview, type ReportEvent } from '@/db/queries/reports';
import { sinceLastVisit } from '@/db/queries/sessions';
import { getRequestSession, requireUser } from '@/lib/server/auth';
import { canReviewReports } from '@/lib/authorization';
import { formatCalendarDate, formatCount, formatDays, formatNumber } from '@/lib/format';
import { refusePage } from '@/lib/server/page-access';
import { LocalTime } from '@/components/ui/local-time';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';

export const metadata: Metadata = { title: 'Awaiting me' };

/** Without an earlier visit on record, "what changed" covers this many days. */
const FIRST_VISIT_DAYS = 7;

const EVENT_WORDS: Record<ReportEvent['toState'], string> = {
  submitted: 'submitted its report',
  approved: 'report approved',
  returned: 'report returned',
};

/**
 * The chair's staff's landing page: the reports waiting for their review, the agencies that have
 * not begun theirs when the cutoff is close, and what changed since their last visit.
 */
export default async function AwaitingMePage() {
  const user = await requireUser();
  if (!canReviewReports(user)) {
    return refusePage(user, 'Awaiting me is the page of the chair’s staff.');
  }

  const session = await getRequestSession();
  // requireUser has returned: the session stands.
  const { previous, since } = sinceLastVisit(user.id, session.user ? session.sessionId : '', FIRST_VISIT_DAYS);
  const meeting = getNextMeeting();
  const notStarted = meeting ? notStartedNearCutoff(meeting.id) : null;
  const awaiting = listReportsAwaitingReview();
  const changes = listChangesSince(since);
  const reportEvents = listReportEventsSince(since);

  return (
    <>
      <h1 className="margin-bottom-05">Awaiting me</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        {meeting ? (
          <>
            Next meeting:{' '}
            <Link href={`/meetings/${meeting.id}`} className="usa-link">
              {meeting.title}
            </Link>
            , {formatCalendarDate(meeting.date)}; {formatNumber(meeting.approved)} of {formatNumber(meeting.memberAgencies)} reports
            approved.
          </>
        ) : (
          'No meeting is planned yet.'
        )}
      </p>

      <section aria-labelledby="awaiting-review-heading" className="margin-top-4">
        <h2 id="awaiting-review-heading">Reports awaiting your review</h2>
        {awaiting.length === 0 ? (
          <p data-testid="awaiting-review">No report is waiting for review.</p>
        ) : (
          <DataTable
            caption="Reports submitted and not yet reviewed, the next meeting first, the longest waiting first"
            scroll="Reports awaiting review"
            testId="awaiting-review"
            rows={awaiting}
            rowKey={(r) => `${r.meetingId}-${r.agencySlug}`}
            rowTestId={(r) => `awaiting-${r.meetingId}-${r.agencySlug}`}
            columns={[
              { header: 'Agency', rowHeader: true, cell: (r) => r.agencyName },
              {
                header: 'Meeting',
                cell: (r) => (
                  <>
                    {r.meetingTitle} ({formatCalendarDate(r.meetingDate)})
                  </>
                ),
              },
              {
                header: 'Submitted',
                cell: (r) => (
                  <>
                    {r.submittedAt ? <LocalTime value={r.submittedAt} /> : '—'}
                    {r.submittedBy ? ` by ${r.submittedBy}` : ''}
                  </>
                ),
              },
              {
                header: <span className="usa-sr-only">Action</span>,
                cell: (r) => (
                  <Link href={`/meetings/${r.meetingId}?agency=${r.agencySlug}#report`} className="usa-link text-bold">
                    Review<span className="usa-sr-only"> the {r.agencyAbbreviation} report</span>
                  </Link>
                ),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="not-started-heading" className="margin-top-4">
        <h2 id="not-started-heading">Agencies not started</h2>
        {!meeting || !notStarted ? (
          <p data-testid="not-started">No meeting is planned yet.</p>
        ) : notStarted.agencies.length === 0 ? (
          <p data-testid="not-started">Every member agency has begun its report for the next meeting.</p>
        ) : !notStarted.close ? (
          <p data-testid="not-started">
            {formatCount(notStarted.agencies.length, 'agency has', 'agencies have')} not begun the report for the next meeting. The reporting
            cutoff is {formatCalendarDate(notStarted.reportingCutoff)}
            {notStarted.daysToCutoff !== null ? `, in ${formatDays(notStarted.daysToCutoff)}` : ''}: they are listed here from{' '}
            {formatDays(NOT_STARTED_WARNING_DAYS)} before it. Each agency’s readiness is on{' '}
            <Link href={`/meetings/${meeting.id}`} className="usa-link">
              the meeting’s page
            </Link>
            .
          </p>
        ) : (
          <>
            <div className="usa-alert usa-alert--warning usa-alert--slim" data-testid="not-started-warning">
              <div className="usa-alert__body">
                <p className="usa-alert__text">
                  {formatCount(notStarted.agencies.length, 'agency has', 'agencies have')} not begun the report, and the reporting cutoff (
                  {formatCalendarDate(notStarted.reportingCutoff)}){' '}
                  {notStarted.daysToCutoff! >= 0 ? `is in ${formatDays(notStarted.daysToCutoff!)}` : `passed ${formatDays(notStarted.daysToCutoff!)} ago`}.
                </p>
              </div>
            </div>
            <DataTable
              caption="Member agencies that have not begun their report for the next meeting"
              scroll="Agencies not started"
              compact
              testId="not-started"
              rows={notStarted.agencies}
              rowKey={(a) => a.slug}
              columns={[
                {
                  header: 'Agency',
                  rowHeader: true,
                  cell: (a) => (
                    <Link href={`/agencies/${a.slug}`} className="usa-link">
                      {a.name}
                    </Link>
                  ),
                },
                { header: 'Open deliverables', numeric: true, cell: (a) => formatNumber(a.open) },
                { header: 'No update this cycle', numeric: true, cell: (a) => formatNumber(a.missingUpdate) },
              ]}
            />
            <p>
              <Link href={`/meetings/${meeting.id}#reminders-heading`} className="usa-link">
                Send them a reminder on the meeting’s page
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="since-heading" className="margin-top-4" data-testid="since-last-visit">
        <h2 id="since-heading">What changed since your last visit</h2>
        <p className="margin-top-0" data-testid="since">
          {previous ? (
            <>
              Since your last visit, <LocalTime value={since} />:
            </>
          ) : (
            <>
              This is your first visit on record; here is what changed in the last {formatDays(FIRST_VISIT_DAYS)}, since{' '}
              <LocalTime value={since} />:
            </>
          )}{' '}
          {changes.updates === 0
            ? 'no progress update'
            : `${formatCount(changes.updates, 'progress update')} on ${formatCount(changes.deliverables, 'deliverable')}, ${
                changes.statusChanges >= STATUS_CHANGES_COUNTED ? `${formatNumber(STATUS_CHANGES_COUNTED)} or more` : formatNumber(changes.statusChanges)
              } of them changing a status`}
          ; {reportEvents.total === 0 ? 'no report submitted or reviewed' : formatCount(reportEvents.total, 'report submitted or reviewed', 'reports submitted or reviewed')}.
        </p>

        <h3>Status changes</h3>
        {changes.items.length === 0 ? (
          <p data-testid="status-changes">No deliverable changed status.</p>
        ) : (
          <>
            <ul className="usa-list usa-list--unstyled" data-testid="status-changes">
              {changes.items.map((c) => (
                <li key={c.id} className="border-bottom-1px border-base-lighter padding-y-1">
                  <Link href={`/deliverables/${c.deliverableId}`} className="usa-link text-bold">
                    {c.deliverableTitle}
                  </Link>{' '}
                  ({c.agency})
                  <div>
                    <StatusBadge status={c.from} /> <span aria-hidden="true">→</span>
                    <span className="usa-sr-only">to</span> <StatusBadge status={c.to} /> · <LocalTime value={c.at} />
                    {c.author ? ` · ${c.author}` : ''}
                  </div>
                </li>
              ))}
            </ul>
            {changes.statusChanges > changes.items.length ? (
              <p className="font-sans-2xs">
                The latest {formatNumber(changes.items.length)} shown. Every deliverable’s history is on its page; the{' '}
                <Link href="/deliverables?sort=recent" className="usa-link">
                  deliverables list
                </Link>{' '}
                orders them by their last update.
              </p>
            ) : null}
          </>
        )}

        <h3>Reports</h3>
        {reportEvents.items.length === 0 ? (
          <p data-testid="report-events">No report was submitted or reviewed.</p>
        ) : (
          <ul className="usa-list usa-list--unstyled" data-testid="report-events">
            {reportEvents.items.map((e) => (
              <li key={e.id} className="border-bottom-1px border-base-lighter padding-y-1">
                <Link href={`/meetings/${e.meetingId}?agency=${e.agencySlug}#report`} className="usa-link text-bold">
                  {e.agencyAbbreviation} {EVENT_WORDS[e.toState]}
                </Link>{' '}
                for {e.meetingTitle} · <LocalTime value={e.at} />
                {e.actor ? ` · ${e.actor}` : ''}
                {e.toState === 'returned' && e.comment ? <div className="text-base-dark">“{e.comment}”</div> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
