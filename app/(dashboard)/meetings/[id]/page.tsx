import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getMeeting } from '@/db/queries/meetings';
import {
  getAccountabilityLedger,
  getChangesSinceLastMeeting,
  getCommitmentsAnnouncedAt,
  getReadiness,
  getReadinessSnapshots,
} from '@/db/queries/readiness';
import { listOpenReminders, listRemindersSent } from '@/db/queries/reminders';
import { ReminderNotices } from '@/components/meetings/reminder-notices';
import { getReport } from '@/db/queries/reports';
import { requireUser } from '@/lib/server/auth';
import { mailConfig } from '@/lib/env';
import { canEditAgencyReport, canManageMeetings, canReviewReports, canSendReminders } from '@/lib/authorization';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, PILLARS, PILLAR_LABELS, STATUSES } from '@/lib/domain';
import { formatCalendarDate, formatDays, formatMeetingDate, formatNumber } from '@/lib/format';
import { ReadinessMatrix, ReadinessShare } from '@/components/meetings/readiness-matrix';
import { ReportPanel } from '@/components/meetings/report-panel';
import { ReminderForm } from '@/components/meetings/reminder-form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StatusBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/ui/local-time';
import { FocusOnHash } from '@/components/ui/focus-on-hash';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ agency?: string | string[] }> };

function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const meeting = id ? getMeeting(id) : null;
  return { title: meeting ? meeting.title : 'Meeting not found' };
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const meeting = id ? getMeeting(id) : null;
  if (!meeting) notFound();
  const readiness = getReadiness(meeting.id)!;
  const kept = getReadinessSnapshots(meeting.id);
  const changes = new Map(getChangesSinceLastMeeting(meeting.id).map((c) => [c.agencyId, c]));
  const ledger = getAccountabilityLedger(meeting.id);
  const announced = getCommitmentsAnnouncedAt(meeting.id);
  const planned = meeting.status === 'planned';

  // The report shown below the matrix: the official's own, or the one the chair chose to review.
  const requested = (await searchParams).agency;
  const requestedSlug = Array.isArray(requested) ? requested[0] : requested;
  const reviewing = canReviewReports(user);
  const reportSlug =
    user.role === 'official' ? user.agencySlug : reviewing || user.role === 'admin' ? (requestedSlug ?? null) : null;
  const reportAgency = readiness.agencies.find((a) => a.slug === reportSlug) ?? null;
  const report = reportAgency ? getReport(meeting.id, reportAgency.slug) : null;

  return (
    <>
      <nav aria-label="Breadcrumbs" className="usa-breadcrumb padding-top-2">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link href="/meetings" className="usa-breadcrumb__link">
              Meetings
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {formatCalendarDate(meeting.date, meeting.datePrecision as 'day' | 'month')}
          </li>
        </ol>
      </nav>
      <h1 className="margin-top-1">{meeting.title}</h1>
      <div className="display-flex flex-wrap" style={{ gap: '0.5rem 1.5rem' }}>
        <Link href={`/meetings/${meeting.id}/briefing`} className="usa-link">
          Briefing book
        </Link>
        {canManageMeetings(user) ? (
          <Link href={`/meetings/${meeting.id}/edit`} className="usa-link">
            {meeting.status === 'cancelled' ? 'Reinstate the meeting' : planned ? 'Edit, postpone or cancel the meeting, or record its outcome' : 'Edit meeting'}
          </Link>
        ) : null}
      </div>

      {meeting.status === 'cancelled' ? (
        <div className="usa-alert usa-alert--warning margin-top-2" data-testid="meeting-cancelled">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">This meeting is cancelled</h2>
            <p className="usa-alert__text">
              The reason given: {meeting.cancelledReason} No report is due for it; the next meeting of its kind takes up the reporting cycle.
            </p>
          </div>
        </div>
      ) : null}

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
                  {planned && readiness.daysToCutoff !== null
                    ? readiness.daysToCutoff >= 0
                      ? ` (${formatDays(readiness.daysToCutoff)} left)`
                      : ` (passed ${formatDays(readiness.daysToCutoff)} ago)`
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

      <section aria-labelledby="readiness-heading" className="margin-top-4">
        <h2 id="readiness-heading">Readiness</h2>
        {planned ? (
          <>
            <ReadinessShare counts={readiness.counts} shareReady={readiness.shareReady} members={readiness.agencies.length} testId="share-ready" />
            {kept.cutoff ? (
              <ReadinessShare
                lead={`At the reporting cutoff (${formatCalendarDate(meeting.reportingCutoff)}):`}
                counts={kept.cutoff.counts}
                shareReady={kept.cutoff.shareReady}
                members={kept.cutoff.agencies.length}
                testId="share-ready-at-cutoff"
              />
            ) : null}
            <p className="margin-top-0 text-base-dark">
              {readiness.previousMeeting
                ? `This reporting cycle began at the previous meeting of this kind, ${readiness.previousMeeting.title} (${formatMeetingDate(readiness.previousMeeting)}): every open deliverable needs an update since then.`
                : 'This is the first meeting of its kind on record: every open deliverable needs an update.'}
            </p>
            <ReadinessMatrix
              meetingId={meeting.id}
              agencies={readiness.agencies}
              atCutoff={kept.cutoff ? new Map(kept.cutoff.agencies.map((a) => [a.agencyId, a.readiness])) : undefined}
              readinessHeading={kept.cutoff ? 'Now' : 'Readiness'}
              caption="Each member agency’s readiness for this meeting and the reasons"
              reviewing={reviewing}
            />
          </>
        ) : kept.meeting ? (
          <>
            {kept.cutoff ? (
              <ReadinessShare
                lead={`At the reporting cutoff (${formatCalendarDate(meeting.reportingCutoff)}):`}
                counts={kept.cutoff.counts}
                shareReady={kept.cutoff.shareReady}
                members={kept.cutoff.agencies.length}
                testId="share-ready-at-cutoff"
              />
            ) : null}
            <ReadinessShare
              lead="At the meeting:"
              counts={kept.meeting.counts}
              shareReady={kept.meeting.shareReady}
              members={kept.meeting.agencies.length}
              testId="share-ready"
            />
            <p className="margin-top-0 text-base-dark" data-testid="readiness-kept">
              As recorded when the meeting was marked held, <LocalTime value={kept.meeting.takenAt} />
              {kept.cutoff ? (
                <>
                  , and at the reporting cutoff, <LocalTime value={kept.cutoff.takenAt} />
                </>
              ) : null}
              . Later updates do not change these figures.
            </p>
            <ReadinessMatrix
              meetingId={meeting.id}
              agencies={kept.meeting.agencies}
              atCutoff={kept.cutoff ? new Map(kept.cutoff.agencies.map((a) => [a.agencyId, a.readiness])) : undefined}
              readinessHeading="At the meeting"
              caption="Each member agency’s readiness as it stood at the meeting, with the counts of that moment"
              reviewing={reviewing}
            />
          </>
        ) : (
          <p data-testid="share-ready">
            {meeting.status === 'cancelled'
              ? 'The meeting was cancelled: no readiness is kept for it.'
              : 'No readiness was recorded for this meeting: it was held before the dashboard kept each agency’s readiness.'}
          </p>
        )}
      </section>

      {report && reportAgency ? (
        <section aria-labelledby="report-heading" className="margin-top-4" id="report">
          <h2 id="report-heading" tabIndex={-1}>
            Report of {report.agency.name}
          </h2>
          <FocusOnHash hash="report" targetId="report-heading" />
          {planned && user.role === 'official' && user.agencyId === reportAgency.agencyId ? (
            <ReminderNotices onMeetingPage reminders={listOpenReminders(reportAgency.agencyId).filter((r) => r.meetingId === meeting.id)} />
          ) : null}
          <ReportPanel
            meetingId={meeting.id}
            report={{
              ...report,
              submittedAt: report.submittedAt?.getTime() ?? null,
              reviewedAt: report.reviewedAt?.getTime() ?? null,
              history: report.history.map((h) => ({ ...h, at: h.at.getTime() })),
            }}
            canEdit={planned && canEditAgencyReport(user, reportAgency.agencyId)}
            canReview={planned && reviewing}
          />
        </section>
      ) : null}

      {planned && canSendReminders(user) ? (
        <section aria-labelledby="reminders-heading" className="margin-top-4">
          <h2 id="reminders-heading">Send a reminder</h2>
          <ReminderForm
            meetingId={meeting.id}
            agencies={readiness.agencies.map((a) => ({ slug: a.slug, name: a.name, ready: a.readiness !== 'not_started' && a.readiness !== 'in_progress' }))}
          />
        </section>
      ) : null}

      {canSendReminders(user) ? <RemindersSent meetingId={meeting.id} /> : null}

      <section aria-labelledby="changes-heading" className="margin-top-4">
        <h2 id="changes-heading">What changed since the last meeting</h2>
        <ScrollRegion label="Changes since the last meeting by agency">
          <table className="usa-table usa-table--borderless usa-table--compact width-full" data-testid="changes">
            <caption className="usa-sr-only">Progress updates, completions and new deliverables per agency since the previous meeting</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col" className="text-right">
                  Updates
                </th>
                <th scope="col" className="text-right">
                  Completed
                </th>
                <th scope="col" className="text-right">
                  New deliverables
                </th>
                <th scope="col" className="text-right">
                  Now at risk or blocked
                </th>
              </tr>
            </thead>
            <tbody>
              {readiness.agencies.map((a) => {
                const c = changes.get(a.agencyId);
                return (
                  <tr key={a.slug}>
                    <th scope="row">{a.abbreviation}</th>
                    <td className="text-right">{formatNumber(c?.updates ?? 0)}</td>
                    <td className="text-right">{formatNumber(c?.completed ?? 0)}</td>
                    <td className="text-right">{formatNumber(c?.created ?? 0)}</td>
                    <td className="text-right">{formatNumber(c?.nowAtRiskOrBlocked ?? 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="commitments-heading" className="margin-top-4">
        <h2 id="commitments-heading">Commitments announced at this meeting</h2>
        {announced.total ? (
          <>
            <ul className="usa-list usa-list--unstyled pitf-ledger-counts" data-testid="commitments-counts" aria-label="Commitments by status now">
              {STATUSES.filter((s) => announced.byStatus[s] > 0).map((s) => (
                <li key={s}>
                  <StatusBadge status={s} /> {formatNumber(announced.byStatus[s])}
                </li>
              ))}
            </ul>
            {PILLARS.filter((p) => announced.commitments.some((c) => c.pillar === p)).map((p) => (
              <section key={p} aria-labelledby={`commitments-${p}`}>
                <h3 id={`commitments-${p}`}>{PILLAR_LABELS[p]}</h3>
                <ScrollRegion label={`Commitments under ${PILLAR_LABELS[p]}`}>
                  <table className="usa-table usa-table--borderless usa-table--compact width-full" data-testid={`commitments-${p}`}>
                    <caption className="usa-sr-only">Commitments under {PILLAR_LABELS[p]} announced at this meeting, by agency, with their status now</caption>
                    <thead>
                      <tr>
                        <th scope="col">Agency</th>
                        <th scope="col">Commitment</th>
                        <th scope="col">Status now</th>
                        <th scope="col" className="text-right">
                          Progress
                        </th>
                        <th scope="col">Due</th>
                      </tr>
                    </thead>
                    <tbody>
                      {announced.commitments
                        .filter((c) => c.pillar === p)
                        .map((c) => (
                          <tr key={c.id}>
                            <td>
                              <Link href={`/agencies/${c.agencySlug}`} className="usa-link">
                                {c.agency}
                              </Link>
                            </td>
                            <th scope="row">
                              <Link href={`/deliverables/${c.id}`} className="usa-link">
                                {c.title}
                              </Link>
                            </th>
                            <td>
                              <StatusBadge status={c.status} />
                            </td>
                            <td className="text-right">{formatNumber(c.progress)}%</td>
                            <td>{formatCalendarDate(c.dueOn)}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </section>
            ))}
            {announced.total > announced.commitments.length ? (
              <p data-testid="commitments-more">
                Showing the first {formatNumber(announced.commitments.length)} of {formatNumber(announced.total)}.{' '}
                <Link href={`/deliverables?meeting=${meeting.id}`} className="usa-link">
                  All {formatNumber(announced.total)} commitments in the deliverables list
                </Link>
              </p>
            ) : null}
          </>
        ) : (
          <p data-testid="commitments-counts">
            {planned ? 'The commitments announced here are recorded with the meeting’s outcome.' : 'No commitment is recorded as announced at this meeting.'}
          </p>
        )}
      </section>

      <section aria-labelledby="ledger-heading" className="margin-top-4">
        <h2 id="ledger-heading">Accountability ledger</h2>
        {ledger.previousMeeting ? (
          <>
            <p className="margin-top-0">
              Commitments announced at {ledger.previousMeeting.title} ({formatMeetingDate(ledger.previousMeeting)}), and where
              they stand now.
            </p>
            {ledger.total ? (
              <>
                <ul className="usa-list usa-list--unstyled pitf-ledger-counts" data-testid="ledger-counts" aria-label="Commitments by status now">
                  {STATUSES.filter((s) => ledger.byStatus[s] > 0).map((s) => (
                    <li key={s}>
                      <StatusBadge status={s} /> {formatNumber(ledger.byStatus[s])}
                    </li>
                  ))}
                </ul>
                <ScrollRegion label="Commitments from the previous meeting">
                  <table className="usa-table usa-table--borderless width-full" data-testid="ledger">
                    <caption className="usa-sr-only">
                      Commitments from the previous meeting with their status now, blocked and at risk first
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Commitment</th>
                        <th scope="col">Agency</th>
                        <th scope="col">Status now</th>
                        <th scope="col" className="text-right">
                          Progress
                        </th>
                        <th scope="col">Due</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ledger.commitments.map((c) => (
                        <tr key={c.id}>
                          <th scope="row">
                            <Link href={`/deliverables/${c.id}`} className="usa-link">
                              {c.title}
                            </Link>
                          </th>
                          <td>{c.agency}</td>
                          <td>
                            <StatusBadge status={c.status} />
                          </td>
                          <td className="text-right">{formatNumber(c.progress)}%</td>
                          <td>{formatCalendarDate(c.dueOn)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
                {ledger.total > ledger.commitments.length ? (
                  <p data-testid="ledger-more">
                    Showing the first {formatNumber(ledger.commitments.length)} of {formatNumber(ledger.total)}.{' '}
                    <Link href={`/deliverables?meeting=${ledger.previousMeeting.id}&sort=concern`} className="usa-link">
                      All {formatNumber(ledger.total)} commitments in the deliverables list
                    </Link>
                  </p>
                ) : null}
              </>
            ) : (
              <p data-testid="ledger">No commitments are recorded as announced at that meeting.</p>
            )}
          </>
        ) : (
          <p data-testid="ledger">There is no earlier meeting of this kind on record.</p>
        )}
      </section>

      <section aria-labelledby="awards-heading" className="margin-top-4">
        <h2 id="awards-heading">Presidential Awards presented</h2>
        {meeting.awards.length ? (
          <ul className="usa-list" data-testid="awards">
            {meeting.awards.map((a) => (
              <li key={a.id}>
                <strong>{a.recipient}</strong> ({a.awardYear} award{a.kind === 'person' ? ', individual' : ''})
                {a.reason ? `: ${a.reason}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{planned ? 'Awards are recorded with the meeting’s outcome.' : 'No award is recorded for this meeting.'}</p>
        )}
      </section>
    </>
  );
}

/** For the chair's staff: the reminders already sent for this meeting, and how many officials each reached. */
function RemindersSent({ meetingId }: { meetingId: number }) {
  const sent = listRemindersSent(meetingId);
  const mailServer = mailConfig() !== null;
  return (
    <section aria-labelledby="reminders-sent-heading" className="margin-top-4">
      <h2 id="reminders-sent-heading">Reminders sent</h2>
      {sent.length === 0 ? (
        <p data-testid="reminders-sent">No reminder has been sent for this meeting.</p>
      ) : (
        <ScrollRegion label="Reminders sent for this meeting">
          <table className="usa-table usa-table--borderless usa-table--compact width-full" data-testid="reminders-sent">
            <caption className="usa-sr-only">Reminders sent, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">By</th>
                <th scope="col">To</th>
                <th scope="col">Message</th>
                <th scope="col">Officials notified</th>
              </tr>
            </thead>
            <tbody>
              {sent.map((r) => (
                <tr key={r.id} data-testid={`reminder-sent-${r.agencySlug}`}>
                  <td>
                    <LocalTime value={r.sentAt} />
                  </td>
                  <td>{r.sentBy ?? 'Unknown'}</td>
                  <td>{r.agencyName}</td>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{r.message}</td>
                  <td>
                    {r.notified === 0
                      ? 'None: the agency has no active official'
                      : mailServer
                        ? `${formatNumber(r.notified)} (${formatNumber(r.emailed)} e-mailed so far)`
                        : `${formatNumber(r.notified)} (in the app; no mail server is configured)`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
