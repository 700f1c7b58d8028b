import type { Metadata } from 'next';
import Link from 'next/link';
import { getAgencyBySlug } from '@/db/queries/agencies';
import { listDeliverables } from '@/db/queries/deliverables';
import { getNextMeeting } from '@/db/queries/meetings';
import { listRemindersReceived } from '@/db/queries/reminders';
import { getReport } from '@/db/queries/reports';
import { requireUser } from '@/lib/server/auth';
import { daysBetween, todayIso } from '@/lib/dates';
import { reportStateLabel } from '@/lib/domain';
import { formatCalendarDate, formatDays, formatNumber } from '@/lib/format';
import { refusePage } from '@/lib/server/page-access';
import { DeliverableTable } from '@/components/deliverables/deliverable-table';
import { ReportGaps } from '@/components/meetings/report-gaps';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'My agency' };

/** Each list on this page shows this many; the deliverables list holds the rest. */
const SHOWN = 10;

/**
 * An agency official's landing page: their agency's report for the next meeting (its status,
 * what still holds it up, the chair's comment, the reminders received), the deliverables it leads
 * that need attention, and those of other agencies it supports.
 */
export default async function MyAgencyPage() {
  const user = await requireUser();
  const agency = user.role === 'official' && user.agencySlug ? getAgencyBySlug(user.agencySlug) : null;
  if (!agency) {
    return refusePage(user, 'My agency is the page of an agency’s officials.');
  }

  const meeting = getNextMeeting();
  // A retired agency reports no more.
  const report = meeting && !agency.retiredAt ? getReport(meeting.id, agency.slug) : null;
  const reminders = meeting ? listRemindersReceived(meeting.id, agency.id) : [];
  const attention = listDeliverables({ agency: agency.slug, attention: true, sort: 'concern', page: 1, pageSize: SHOWN });
  const supported = listDeliverables({ supportedBy: agency.slug, sort: 'concern', page: 1, pageSize: SHOWN });
  const today = todayIso();
  const locked = report?.state === 'submitted' || report?.state === 'approved';
  const statementMissing = report !== null && !locked && !report.statement.trim();

  return (
    <>
      <h1 className="margin-bottom-05">My agency</h1>
      <p className="usa-intro font-sans-md margin-top-0" data-testid="my-agency-name">
        {agency.name} ({agency.abbreviation})
      </p>
      <ul className="usa-list usa-list--unstyled display-flex flex-wrap" style={{ gap: '0.5rem 1.5rem' }}>
        <li>
          <Link href={`/agencies/${agency.slug}`} className="usa-link">
            {agency.abbreviation}’s board
          </Link>
        </li>
        <li>
          <Link href={`/deliverables?agency=${agency.slug}`} className="usa-link">
            Every deliverable {agency.abbreviation} leads
          </Link>
        </li>
        <li>
          <Link href={`/deliverables/new?agency=${agency.slug}`} className="usa-link">
            Add a deliverable
          </Link>
        </li>
      </ul>

      <section aria-labelledby="my-report-heading" className="margin-top-4" data-testid="my-report">
        <h2 id="my-report-heading">Report for the next meeting</h2>
        {!meeting ? (
          <p>No meeting is planned yet: there is no report to write.</p>
        ) : (
          <>
            <p className="margin-top-0">
              <Link href={`/meetings/${meeting.id}`} className="usa-link text-bold">
                {meeting.title}
              </Link>
              , {formatCalendarDate(meeting.date)} (in {formatDays(daysBetween(today, meeting.date))})
              {meeting.reportingCutoff ? (
                <>
                  . Reporting cutoff {formatCalendarDate(meeting.reportingCutoff)}:{' '}
                  <strong data-testid="my-report-cutoff">
                    {daysBetween(today, meeting.reportingCutoff) >= 0
                      ? `${formatDays(daysBetween(today, meeting.reportingCutoff))} left`
                      : `passed ${formatDays(-daysBetween(today, meeting.reportingCutoff))} ago`}
                  </strong>
                </>
              ) : null}
              .
            </p>
            {!report ? (
              <p>{agency.abbreviation} is no longer a member agency: it has no report to submit.</p>
            ) : (
              <>
                <p className="font-sans-md" data-testid="my-report-status">
                  <span className="text-bold">Report status:</span> {reportStateLabel(report.state)}
                  {report.submittedAt && locked ? (
                    <span className="text-base-dark">
                      {' '}
                      · submitted <LocalTime value={report.submittedAt} />
                    </span>
                  ) : null}
                </p>
                {report.state === 'returned' && report.reviewerComment ? (
                  <div className="usa-alert usa-alert--warning usa-alert--slim" data-testid="returned-comment">
                    <div className="usa-alert__body">
                      <h3 className="usa-alert__heading">The chair returned it</h3>
                      <p className="usa-alert__text">{report.reviewerComment}</p>
                    </div>
                  </div>
                ) : null}
                {locked ? null : report.gapCounts.deliverables || statementMissing ? (
                  <>
                    {report.gapCounts.deliverables ? (
                      <ReportGaps meetingId={meeting.id} agencySlug={agency.slug} gaps={report.gaps} gapCounts={report.gapCounts} />
                    ) : null}
                    {statementMissing ? (
                      <p data-testid="statement-missing">The agency’s statement for the meeting is not written yet.</p>
                    ) : null}
                  </>
                ) : (
                  <p data-testid="report-nothing-missing">Nothing holds it up: every open deliverable has its update, and the statement is written.</p>
                )}
                <p>
                  <Link href={`/meetings/${meeting.id}#report`} className="usa-button">
                    {locked ? 'Open the report' : report.state ? 'Finish and submit the report' : 'Write and submit the report'}
                  </Link>
                </p>
              </>
            )}

            <h3>Reminders received for this meeting</h3>
            {reminders.length === 0 ? (
              <p data-testid="my-reminders">No reminder has been sent to {agency.abbreviation} for this meeting.</p>
            ) : (
              <ul className="usa-list usa-list--unstyled" data-testid="my-reminders">
                {reminders.map((r) => (
                  <li key={r.id} className="border-left-05 border-primary-light padding-left-2 margin-bottom-2">
                    <p className="margin-y-05" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.message}
                    </p>
                    <p className="margin-y-0 font-sans-2xs text-base-dark">
                      From {r.sentBy ?? 'the chair’s staff'}, <LocalTime value={r.sentAt} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="attention-heading" className="margin-top-4">
        <h2 id="attention-heading">Deliverables needing attention</h2>
        <p className="margin-top-0">
          Open deliverables {agency.abbreviation} leads that are blocked, at risk, overdue or stale (no update in 90 days), the most
          urgent first.
        </p>
        {attention.total === 0 ? (
          <p data-testid="attention-none">None: every open deliverable is on track and up to date.</p>
        ) : (
          <>
            <DeliverableTable
              items={attention.items}
              caption={`Deliverables ${agency.abbreviation} leads that need attention, the most urgent first`}
              label="Deliverables needing attention"
              testId="attention"
            />
            <p>
              <Link href={`/deliverables?agency=${agency.slug}&attention=true&sort=concern`} className="usa-link">
                {attention.total > attention.items.length
                  ? `All ${formatNumber(attention.total)} in the deliverables list`
                  : 'These in the deliverables list'}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="supported-heading" className="margin-top-4">
        <h2 id="supported-heading">Deliverables {agency.abbreviation} supports</h2>
        <p className="margin-top-0">Led by other agencies, with {agency.abbreviation} named as a supporting agency.</p>
        {supported.total === 0 ? (
          <p data-testid="supported">No other agency names {agency.abbreviation} as supporting one of its deliverables.</p>
        ) : (
          <>
            <DeliverableTable
              items={supported.items}
              caption={`Deliverables of other agencies that ${agency.abbreviation} supports, by lead agency`}
              label="Deliverables supported"
              showLead
              testId="supported"
            />
            <ul className="usa-list usa-list--unstyled">
              <li>
                <Link href={`/deliverables?supportedBy=${agency.slug}`} className="usa-link">
                  {supported.total > supported.items.length
                    ? `All ${formatNumber(supported.total)} in the deliverables list`
                    : 'These in the deliverables list'}
                </Link>
              </li>
              <li>
                <Link href={`/agencies/${agency.slug}?view=support`} className="usa-link">
                  As a board, by status
                </Link>
              </li>
            </ul>
          </>
        )}
      </section>
    </>
  );
}
