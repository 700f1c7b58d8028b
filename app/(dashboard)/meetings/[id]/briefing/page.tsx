import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { getBriefing } from '@/db/queries/briefing';
import { getPlanCoverage } from '@/db/queries/plan-coverage';
import { requireUser } from '@/lib/server/auth';
import { formatCalendarDate, formatMeetingDate } from '@/lib/format';
import { runningHeaderCss } from '@/lib/print';
import { AgencySection, NothingToReport } from './_components/agency-sections';
import { BriefingLedger } from './_components/briefing-ledger';
import { BriefingReadinessSummary } from './_components/briefing-readiness';
import { BriefingAgenda } from './_components/briefing-agenda';
import { BriefingAwards } from './_components/briefing-awards';
import { BriefingContents } from './_components/briefing-contents';
import { BriefingCoverage } from './_components/briefing-coverage';
import { BriefingPillars } from './_components/briefing-pillars';
import { BriefingTitle } from './_components/briefing-title';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { getRequestedMeeting } from '../_lib/requested-meeting';
import { LoadingSkeleton } from '@/components/ui/loading-skeleton';
import type { MeetingDetail } from '@/lib/contracts/meetings';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meeting = getRequestedMeeting((await params).id);
  return { title: meeting ? `Briefing book: ${meeting.title}` : 'Briefing book' };
}

/**
 * The briefing book: one document to print or save as PDF before a meeting. A title page with the
 * contents; the readiness summary, agenda, pillar summary, the plan's coverage (from a new page),
 * accountability ledger and awards; then a
 * section per agency with something to report, each starting on a new printed page, and the
 * agencies with nothing to report named together on one. Every printed page carries the meeting's
 * title and date at the top and its page number at the bottom (lib/print.ts; the other print
 * rules are in app/globals.css).
 */
export default async function BriefingPage({ params }: Props) {
  await requireUser();
  const requested = getRequestedMeeting((await params).id);
  // Whether there is such a meeting is known before anything is streamed, so that a wrong
  // number still answers 404; the book itself takes a moment, and says so while it is prepared.
  if (!requested) notFound();
  return (
    <Suspense fallback={<LoadingSkeleton label="the briefing book" blocks={6} />}>
      <BriefingBook requested={requested} />
    </Suspense>
  );
}

async function BriefingBook({ requested }: { requested: MeetingDetail }) {
  const data = getBriefing(requested.id, undefined, requested);
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

      <BriefingTitle meeting={meeting} date={date} today={today} preparedAt={preparedAt} />
      <BriefingContents reporting={reporting} nothingToReport={nothingToReport} />

      <BriefingReadinessSummary meeting={meeting} readiness={readiness} agencies={[...reporting, ...nothingToReport]} />

      <BriefingAgenda agenda={meeting.agenda} />
      <BriefingPillars summary={summary} />
      <BriefingCoverage coverage={getPlanCoverage()} today={today} />
      <BriefingLedger ledger={ledger} />

      <BriefingAwards meeting={meeting} />

      {reporting.map((agency) => (
        <AgencySection key={agency.slug} agency={agency} since={since} latest={latest} />
      ))}
      {nothingToReport.length ? <NothingToReport agencies={nothingToReport} since={previousMeeting} /> : null}
    </article>
  );
}
