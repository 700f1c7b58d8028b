import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { countLedByAgencyAndStatus, listLatestUpdates, listMeetingReports, type BriefingReport } from '@/db/queries/briefing';
import { getDeliverableSummary, listMostInNeedByAgency, noneByStatus } from '@/db/queries/deliverables';
import { getMeeting } from '@/db/queries/meetings';
import { READINESS_LABELS, getChangesSinceLastMeeting, getReadiness, type Readiness } from '@/db/queries/readiness';
import { requireUser } from '@/lib/auth';
import { daysBetween, todayIso } from '@/lib/dates';
import { MEETING_KIND_LABELS, PILLAR_LABELS, STATUSES, STATUS_LABELS, type ReportState } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatDays, formatMeetingDate, formatNumber, formatPercent } from '@/lib/format';
import { meetingIdParams } from '@/lib/validations/meetings';
import { PrintButton } from '@/components/meetings/print-button';
import { LocalTime } from '@/components/ui/local-time';
import { ProgressBar } from '@/components/ui/progress-bar';
import { PillarStatusTable } from '@/components/ui/pillar-status-table';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StatusBadge } from '@/components/ui/status-badge';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = meetingIdParams.safeParse(await params);
  const meeting = parsed.success ? getMeeting(parsed.data.id) : null;
  return { title: meeting ? `Briefing book: ${meeting.title}` : 'Briefing book' };
}

const READINESS_ORDER: Readiness[] = ['ready', 'awaiting_review', 'in_progress', 'not_started'];

const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: 'Draft, not yet submitted',
  submitted: 'Submitted, awaiting review',
  returned: 'Returned to the agency for changes',
  approved: 'Approved',
};

/**
 * Each agency's section lists this many of its deliverables at most, those most in need of
 * attention first; the agency's board and the deliverables list hold the rest.
 */
const BRIEFING_DELIVERABLES = 25;

/** The day an instant falls on for the task force (Washington, D.C.), as "Mar 3, 2026". */
const dayOf = (ms: number) => formatCalendarDate(todayIso(new Date(ms)));

/**
 * Everything the briefing prints, read once per request, each read covering every agency at once:
 * the reports, the counts by status, each agency's deliverables most in need of attention and
 * their latest updates.
 */
const NOT_BEGUN: BriefingReport = { statement: '', state: null, reviewerComment: null, submittedAt: null };

function loadBriefing(meetingId: number) {
  const meeting = getMeeting(meetingId);
  const readiness = getReadiness(meetingId);
  if (!meeting || !readiness) return null;
  const changes = new Map(getChangesSinceLastMeeting(meetingId).map((c) => [c.agencyId, c]));
  const reports = listMeetingReports(meetingId);
  const counts = countLedByAgencyAndStatus();
  const listed = listMostInNeedByAgency(BRIEFING_DELIVERABLES);
  const latest = listLatestUpdates([...listed.values()].flat().map((d) => d.id));
  const agencies = readiness.agencies.map((agency) => {
    const byStatus = counts.get(agency.agencyId) ?? noneByStatus();
    return {
      ...agency,
      report: reports.get(agency.agencyId) ?? NOT_BEGUN,
      deliverables: { items: listed.get(agency.agencyId) ?? [], total: STATUSES.reduce((n, s) => n + byStatus[s], 0) },
      byStatus,
      change: changes.get(agency.agencyId),
    };
  });
  return { meeting, readiness, agencies, latest, summary: getDeliverableSummary(), today: todayIso(), preparedAt: Date.now() };
}

/**
 * The briefing book: one document to print or save as PDF before a meeting. A title block, the
 * readiness summary, agenda, pillar summary and awards; then one section per member agency, each
 * starting on a new printed page (the print styles are in app/globals.css).
 */
export default async function BriefingPage({ params }: Props) {
  await requireUser();
  const parsed = meetingIdParams.safeParse(await params);
  const data = parsed.success ? loadBriefing(parsed.data.id) : null;
  if (!data) notFound();
  const { meeting, readiness, agencies, latest, summary, today, preparedAt } = data;
  const members = readiness.agencies.length;

  const since = readiness.previousMeeting
    ? `Since ${readiness.previousMeeting.title} (${formatMeetingDate(readiness.previousMeeting)}):`
    : 'Since this meeting was planned (no earlier meeting of its kind was held):';

  return (
    <article className="pitf-briefing" data-testid="briefing">
      <nav aria-label="Breadcrumbs" className="margin-top-2 pitf-no-print">
        <Link href="/meetings" className="usa-link">
          Meetings
        </Link>
        {' › '}
        <Link href={`/meetings/${meeting.id}`} className="usa-link">
          {meeting.title}
        </Link>
      </nav>

      <header className="pitf-briefing__title">
        <p className="pitf-briefing__kicker">Briefing book · President’s Interagency Task Force to Monitor and Combat Trafficking in Persons</p>
        <h1 className="margin-top-1">{meeting.title}</h1>
        <dl className="pitf-details" data-testid="briefing-facts">
          <dt>Kind</dt>
          <dd>{MEETING_KIND_LABELS[meeting.kind]}</dd>
          <dt>Date</dt>
          <dd>
            {formatCalendarDate(meeting.date, meeting.datePrecision === 'month' ? 'month' : 'day')}
            {meeting.status === 'held' ? ' (held)' : ''}
          </dd>
          <dt>Location</dt>
          <dd>{meeting.location ?? 'Not recorded'}</dd>
          <dt>Chair</dt>
          <dd>{meeting.chair ?? 'Not recorded'}</dd>
          <dt>Reporting cutoff</dt>
          <dd>
            {meeting.reportingCutoff ? formatCalendarDate(meeting.reportingCutoff) : 'None set'}
            {meeting.reportingCutoff && meeting.status === 'planned'
              ? daysBetween(today, meeting.reportingCutoff) >= 0
                ? ` (${formatDays(daysBetween(today, meeting.reportingCutoff))} left)`
                : ` (passed ${formatDays(daysBetween(today, meeting.reportingCutoff))} ago)`
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

      <section aria-labelledby="readiness-heading" className="margin-top-4" data-testid="briefing-readiness">
        <h2 id="readiness-heading">Readiness summary</h2>
        <p className="font-sans-lg margin-top-1" data-testid="briefing-share">
          <strong>
            {formatNumber(readiness.counts.ready)} of {formatNumber(members)} agencies ready
          </strong>{' '}
          ({formatPercent(readiness.shareReady)}): their reports are approved.
        </p>
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption className="text-left">Agencies by readiness</caption>
          <thead>
            <tr>
              <th scope="col">Readiness</th>
              <th scope="col" className="text-right">
                Agencies
              </th>
            </tr>
          </thead>
          <tbody>
            {READINESS_ORDER.map((r) => (
              <tr key={r}>
                <th scope="row">{READINESS_LABELS[r]}</th>
                <td className="text-right" data-testid={`readiness-count-${r}`}>
                  {formatNumber(readiness.counts[r])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <ScrollRegion label="Readiness of each agency">
          <table className="usa-table usa-table--borderless usa-table--compact usa-table--stacked-header width-full" data-testid="briefing-readiness-table">
            <caption className="text-left">Each agency’s readiness and what is outstanding</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Readiness</th>
                <th scope="col" className="text-right">
                  Open
                </th>
                <th scope="col" className="text-right">
                  No update this cycle
                </th>
                <th scope="col" className="text-right">
                  At risk or blocked without reason
                </th>
                <th scope="col" className="text-right">
                  Overdue
                </th>
                <th scope="col" className="text-right">
                  Stale
                </th>
              </tr>
            </thead>
            <tbody>
              {readiness.agencies.map((a) => (
                <tr key={a.slug}>
                  <th scope="row">
                    <a href={`#agency-${a.slug}`} className="usa-link">
                      {a.name}
                    </a>
                  </th>
                  <td data-label="Readiness">{READINESS_LABELS[a.readiness]}</td>
                  <td data-label="Open" className="text-right">
                    {formatNumber(a.open)}
                  </td>
                  <td data-label="No update this cycle" className="text-right">
                    {formatNumber(a.missingUpdate)}
                  </td>
                  <td data-label="At risk or blocked without reason" className="text-right">
                    {formatNumber(a.withoutReason)}
                  </td>
                  <td data-label="Overdue" className="text-right">
                    {formatNumber(a.overdue)}
                  </td>
                  <td data-label="Stale" className="text-right">
                    {formatNumber(a.stale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="agenda-heading" className="margin-top-4 pitf-keep-together">
        <h2 id="agenda-heading">Agenda</h2>
        {meeting.agenda.length ? (
          <ol className="usa-list">
            {meeting.agenda.map((item) => (
              <li key={item.position}>
                {item.title}
                {item.presenter ? <span className="text-base-dark"> — {item.presenter}</span> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>No agenda recorded yet.</p>
        )}
      </section>

      <section aria-labelledby="pillars-heading" className="margin-top-4 pitf-keep-together">
        <h2 id="pillars-heading">Deliverables by pillar and status</h2>
        <PillarStatusTable
          rows={summary.byPillarAndStatus}
          caption="All deliverables of the task force, by pillar and status"
          testId="briefing-pillars"
          variant="print"
        />
        <p>
          {formatCount(summary.total, 'deliverable', 'deliverables')} in all; {formatNumber(summary.overdue)} overdue and{' '}
          {formatNumber(summary.stale)} stale (no update in 90 days).
        </p>
      </section>

      <section aria-labelledby="awards-heading" className="margin-top-4 pitf-keep-together">
        <h2 id="awards-heading">Awards presented</h2>
        {meeting.awards.length ? (
          <ScrollRegion label="Awards presented">
            <table className="usa-table usa-table--borderless usa-table--compact usa-table--stacked width-full" data-testid="briefing-awards">
              <caption className="text-left">Presidential Awards for Extraordinary Efforts to Combat Trafficking in Persons</caption>
              <thead>
                <tr>
                  <th scope="col">Award year</th>
                  <th scope="col">Recipient</th>
                  <th scope="col">Person or organization</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {meeting.awards.map((a) => (
                  <tr key={a.id}>
                    <td data-label="Award year">{a.awardYear}</td>
                    <th scope="row" data-label="Recipient">
                      {a.recipient}
                    </th>
                    <td data-label="Person or organization">{a.kind === 'person' ? 'Person' : 'Organization'}</td>
                    <td data-label="Reason">{a.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <p>{meeting.status === 'held' ? 'No award was recorded at this meeting.' : 'None yet: awards are recorded once the meeting is held.'}</p>
        )}
      </section>

      {agencies.map((agency) => {
        const { report, deliverables, byStatus, change } = agency;
        const statusCounts = STATUSES.filter((st) => byStatus[st] > 0)
          .map((st) => `${formatNumber(byStatus[st])} ${STATUS_LABELS[st].toLowerCase()}`)
          .join(', ');
        const reasons = [
          agency.missingUpdate ? `${formatCount(agency.missingUpdate, 'open deliverable has', 'open deliverables have')} no update this cycle` : null,
          agency.withoutReason ? `${formatCount(agency.withoutReason, 'deliverable is', 'deliverables are')} at risk or blocked without a reason` : null,
          agency.overdue ? `${formatCount(agency.overdue, 'deliverable is', 'deliverables are')} overdue` : null,
          agency.stale ? `${formatCount(agency.stale, 'deliverable is', 'deliverables are')} stale (no update in 90 days)` : null,
        ].filter((r): r is string => r !== null);
        const headingId = `agency-${agency.slug}`;
        return (
          <section key={agency.slug} className="pitf-briefing__agency" aria-labelledby={headingId} data-testid="briefing-agency">
            <h2 id={headingId} tabIndex={-1}>
              {agency.name} <span className="text-base-dark">({agency.abbreviation})</span>
            </h2>
            <p className="margin-bottom-1">
              Readiness: <strong data-testid="agency-readiness">{READINESS_LABELS[agency.readiness]}</strong>
              {agency.atRiskOrBlocked ? `; ${formatCount(agency.atRiskOrBlocked, 'deliverable', 'deliverables')} at risk or blocked` : ''}.
            </p>
            {reasons.length ? (
              <ul className="usa-list margin-top-0">
                {reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              <p className="margin-top-0">Nothing outstanding on its open deliverables.</p>
            )}

            <h3>Report for this meeting</h3>
            <p>
              State: <strong>{report.state ? REPORT_STATE_LABELS[report.state] : 'Not started'}</strong>
              {report.submittedAt ? (
                <>
                  {' '}
                  (submitted {dayOf(report.submittedAt.getTime())})
                </>
              ) : null}
            </p>
            {report.statement.trim() ? (
              <blockquote className="pitf-statement">{report.statement}</blockquote>
            ) : (
              <p>No statement written yet.</p>
            )}
            {report.reviewerComment ? (
              <p>
                Reviewer’s comment: <span className="pitf-statement-inline">{report.reviewerComment}</span>
              </p>
            ) : null}

            <h3>What changed since the last meeting</h3>
            <p className="margin-bottom-0">{since}</p>
            <ul className="usa-list margin-top-1">
              <li>{formatCount(change?.updates ?? 0, 'progress update', 'progress updates')}</li>
              <li>{formatCount(change?.completed ?? 0, 'deliverable', 'deliverables')} completed</li>
              <li>{formatCount(change?.created ?? 0, 'new deliverable', 'new deliverables')}</li>
              <li>{formatCount(change?.nowAtRiskOrBlocked ?? 0, 'deliverable', 'deliverables')} now at risk or blocked</li>
            </ul>

            <h3>Deliverables</h3>
            {deliverables.total ? (
              <p data-testid="agency-deliverable-counts">
                {formatCount(deliverables.total, 'deliverable', 'deliverables')} led: {statusCounts}.
                {deliverables.total > deliverables.items.length
                  ? ` The ${formatNumber(deliverables.items.length)} most in need of attention are listed: blocked, at risk, then the rest still open, overdue first.`
                  : null}
              </p>
            ) : null}
            {deliverables.items.length ? (
              <ScrollRegion label={`Deliverables led by ${agency.name}`}>
                <table className="usa-table usa-table--borderless usa-table--compact usa-table--stacked-header width-full pitf-briefing__deliverables">
                  <caption className="usa-sr-only">Deliverables led by {agency.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Deliverable</th>
                      <th scope="col">Pillar</th>
                      <th scope="col">Status</th>
                      <th scope="col">Progress</th>
                      <th scope="col">Due</th>
                      <th scope="col">Latest update</th>
                    </tr>
                  </thead>
                  <tbody>
                    {deliverables.items.map((d) => {
                      const update = latest.get(d.id);
                      return (
                        <tr key={d.id}>
                          <th scope="row">
                            <Link href={`/deliverables/${d.id}`} className="usa-link">
                              {d.title}
                            </Link>
                            {d.stale ? <span className="pitf-flag pitf-flag--stale">Stale</span> : null}
                          </th>
                          <td data-label="Pillar">{PILLAR_LABELS[d.pillar]}</td>
                          <td data-label="Status">
                            <StatusBadge status={d.status} />
                            {d.statusReason && (d.status === 'at_risk' || d.status === 'blocked') ? (
                              <div className="font-sans-2xs">Reason: {d.statusReason}</div>
                            ) : null}
                          </td>
                          <td data-label="Progress" className="pitf-briefing__progress">
                            <ProgressBar value={d.progress} />
                          </td>
                          <td data-label="Due" className="text-no-wrap">
                            {formatCalendarDate(d.dueOn)}
                            {d.overdue ? <span className="pitf-flag pitf-flag--overdue">Overdue</span> : null}
                          </td>
                          <td data-label="Latest update">
                            {update ? (
                              <>
                                <span className="text-no-wrap">{dayOf(update.createdAt)}</span>
                                {update.note.trim() ? <>: {update.note}</> : null}
                              </>
                            ) : (
                              'No update yet'
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
            ) : (
              <p>{agency.name} leads no deliverable on record.</p>
            )}
            {deliverables.total > deliverables.items.length ? (
              <p data-testid="agency-deliverables-more">
                All {formatNumber(deliverables.total)}:{' '}
                <a href={`/deliverables?agency=${agency.slug}&sort=concern`} className="usa-link pitf-print-href">
                  the deliverables list for {agency.abbreviation}
                </a>
                .
              </p>
            ) : null}
          </section>
        );
      })}
    </article>
  );
}
