import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getBriefing } from '@/db/queries/briefing';
import { getMeeting } from '@/db/queries/meetings';
import { requireUser } from '@/lib/server/auth';
import { daysBetween, todayIso } from '@/lib/dates';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatDays, formatMeetingDate, formatNumber } from '@/lib/format';
import { runningHeaderCss } from '@/lib/print';
import { meetingIdParams } from '@/lib/validations/meetings';
import { PrintButton } from '@/components/meetings/print-button';
import { LocalTime } from '@/components/ui/local-time';
import { PillarStatusTable } from '@/components/ui/pillar-status-table';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { AgencySection, NothingToReport } from './_components/agency-sections';
import { BriefingLedger } from './_components/briefing-ledger';
import { BriefingReadinessSummary } from './_components/briefing-readiness';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = meetingIdParams.safeParse(await params);
  const meeting = parsed.success ? getMeeting(parsed.data.id) : null;
  return { title: meeting ? `Briefing book: ${meeting.title}` : 'Briefing book' };
}

/** The sections before the agencies', in the order printed; the contents lists them with the agencies'. */
const FRONT_SECTIONS = [
  { id: 'readiness-heading', title: 'Readiness summary' },
  { id: 'agenda-heading', title: 'Agenda' },
  { id: 'pillars-heading', title: 'Deliverables by pillar and status' },
  { id: 'ledger-heading', title: 'Accountability ledger' },
  { id: 'awards-heading', title: 'Awards presented' },
] as const;

/** The book's data and the moment it is prepared (read once per request). */
function loadBriefing(meetingId: number) {
  const data = getBriefing(meetingId);
  return data ? { ...data, today: todayIso(), preparedAt: Date.now() } : null;
}

/**
 * The briefing book: one document to print or save as PDF before a meeting. A title page with the
 * contents; the readiness summary, agenda, pillar summary, accountability ledger and awards; then a
 * section per agency with something to report, each starting on a new printed page, and the
 * agencies with nothing to report named together on one. Every printed page carries the meeting's
 * title and date at the top and its page number at the bottom (lib/print.ts; the other print
 * rules are in app/globals.css).
 */
export default async function BriefingPage({ params }: Props) {
  await requireUser();
  const parsed = meetingIdParams.safeParse(await params);
  const data = parsed.success ? loadBriefing(parsed.data.id) : null;
  if (!data) notFound();
  const { meeting, previousMeeting, readiness, reporting, nothingToReport, latest, summary, ledger, today, preparedAt } = data;
  const date = formatCalendarDate(meeting.date, meeting.datePrecision === 'month' ? 'month' : 'day');

  const since = previousMeeting
    ? `Since ${previousMeeting.title} (${formatMeetingDate(previousMeeting)}):`
    : 'Since this meeting was planned (no earlier meeting of its kind was held):';

  return (
    <article className="pitf-briefing" data-testid="briefing">
      {/* The running header and page numbers of the printed pages: see lib/print.ts. */}
      <style>{runningHeaderCss(`${meeting.title} · ${date}`)}</style>
      <Breadcrumbs
        className="pitf-no-print"
        trail={[
          { href: '/meetings', label: 'Meetings' },
          { href: `/meetings/${meeting.id}`, label: meeting.title },
        ]}
      />

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

      {/*
        Chromium cannot print the page a link leads to (no target-counter()), so the contents
        numbers the sections instead; each entry links to its section, on screen and in the PDF.
      */}
      <nav aria-labelledby="contents-heading" className="margin-top-4 pitf-briefing__contents" data-testid="briefing-contents">
        <h2 id="contents-heading">Contents</h2>
        <ol className="usa-list">
          {FRONT_SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="usa-link">
                {s.title}
              </a>
            </li>
          ))}
          <li>
            Agencies
            <ol className="usa-list">
              {reporting.map((a) => (
                <li key={a.slug}>
                  <a href={`#agency-${a.slug}`} className="usa-link">
                    {a.name} ({a.abbreviation})
                  </a>
                </li>
              ))}
              {nothingToReport.length ? (
                <li>
                  <a href="#nothing-to-report-heading" className="usa-link">
                    Agencies with nothing to report
                  </a>{' '}
                  ({formatCount(nothingToReport.length, 'agency', 'agencies')})
                </li>
              ) : null}
            </ol>
          </li>
        </ol>
      </nav>

      <BriefingReadinessSummary meeting={meeting} readiness={readiness} agencies={[...reporting, ...nothingToReport]} />

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

      <BriefingLedger ledger={ledger} />

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

      {reporting.map((agency) => (
        <AgencySection key={agency.slug} agency={agency} since={since} latest={latest} />
      ))}
      {nothingToReport.length ? <NothingToReport agencies={nothingToReport} since={previousMeeting} /> : null}
    </article>
  );
}
