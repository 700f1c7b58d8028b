import type { BriefingAgency, BriefingReadiness } from '@/db/queries/briefing';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import { READINESS_LABELS, type Readiness } from '@/lib/domain';
import { formatCalendarDate, formatNumber, formatPercent } from '@/lib/format';
import { LocalTime } from '@/components/ui/local-time';
import { ScrollRegion } from '@/components/ui/scroll-region';

const READINESS_ORDER: Readiness[] = ['ready', 'awaiting_review', 'in_progress', 'not_started'];

/** "At the reporting cutoff: 2 of 20 agencies ready (10%)": the share at a moment kept. */
function Share({ lead, counts, members, shareReady, testId }: { lead?: string; counts: Record<Readiness, number>; members: number; shareReady: number; testId: string }) {
  return (
    <p className="font-sans-lg margin-top-1" data-testid={testId}>
      {lead ? <>{lead} </> : null}
      <strong>
        {formatNumber(counts.ready)} of {formatNumber(members)} agencies ready
      </strong>{' '}
      ({formatPercent(shareReady)}): their reports are approved.
    </p>
  );
}

/**
 * The readiness summary, as the meeting page shows it: a planned meeting's as it stands now, a held
 * meeting's as kept at the meeting (and at its cutoff), never recomputed; a held meeting whose
 * readiness was never kept says so.
 */
export function BriefingReadinessSummary({
  meeting,
  readiness,
  agencies,
}: {
  meeting: Pick<MeetingDetail, 'status' | 'reportingCutoff'>;
  readiness: BriefingReadiness;
  agencies: Pick<BriefingAgency, 'slug'>[];
}) {
  const { shown, cutoff } = readiness;
  const inBook = new Set(agencies.map((a) => a.slug));
  const cutoffLead = `At the reporting cutoff (${formatCalendarDate(meeting.reportingCutoff)}):`;
  const atCutoff = new Map(cutoff?.agencies.map((a) => [a.agencyId, a.readiness]));
  const readinessHeading = cutoff ? (readiness.moment === 'meeting' ? 'At the meeting' : 'Now') : 'Readiness';
  return (
    <section aria-labelledby="readiness-heading" className="pitf-briefing__part" data-testid="briefing-readiness">
      <h2 id="readiness-heading">Readiness summary</h2>
      {shown ? (
        <>
          {readiness.moment === 'meeting' && cutoff ? (
            <Share lead={cutoffLead} counts={cutoff.counts} members={cutoff.agencies.length} shareReady={cutoff.shareReady} testId="briefing-share-at-cutoff" />
          ) : null}
          <Share
            lead={readiness.moment === 'meeting' ? 'At the meeting:' : undefined}
            counts={shown.counts}
            members={shown.agencies.length}
            shareReady={shown.shareReady}
            testId="briefing-share"
          />
          {readiness.moment === 'now' && cutoff ? (
            <Share lead={cutoffLead} counts={cutoff.counts} members={cutoff.agencies.length} shareReady={cutoff.shareReady} testId="briefing-share-at-cutoff" />
          ) : null}
          {shown.takenAt !== null ? (
            <p className="margin-top-0" data-testid="briefing-readiness-kept">
              As recorded when the meeting was marked held, <LocalTime value={shown.takenAt} />
              {cutoff ? (
                <>
                  , and at the reporting cutoff, <LocalTime value={cutoff.takenAt} />
                </>
              ) : null}
              . Later updates do not change these figures.
            </p>
          ) : null}
          <table className="usa-table usa-table--borderless usa-table--compact">
            <caption className="text-left">Agencies by readiness{readiness.moment === 'meeting' ? ' at the meeting' : ''}</caption>
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
                    {formatNumber(shown.counts[r])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          <ScrollRegion label="Readiness of each agency">
            <table className="usa-table usa-table--borderless usa-table--compact usa-table--stacked-header width-full" data-testid="briefing-readiness-table">
              <caption className="text-left">
                Each agency’s readiness and what is outstanding{readiness.moment === 'meeting' ? ', as it stood at the meeting' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Agency</th>
                  {cutoff ? <th scope="col">At the cutoff</th> : null}
                  <th scope="col">{readinessHeading}</th>
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
                {shown.agencies.map((a) => {
                  const wasAtCutoff = atCutoff.get(a.agencyId);
                  return (
                    <tr key={a.slug}>
                      <th scope="row">
                        {inBook.has(a.slug) ? (
                          <a href={`#agency-${a.slug}`} className="usa-link">
                            {a.name}
                          </a>
                        ) : (
                          a.name
                        )}
                      </th>
                      {cutoff ? <td data-label="At the cutoff">{wasAtCutoff ? READINESS_LABELS[wasAtCutoff] : 'Not a member then'}</td> : null}
                      <td data-label={readinessHeading}>{READINESS_LABELS[a.readiness]}</td>
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
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : (
        <p data-testid="briefing-share">
          {meeting.status === 'cancelled'
            ? 'The meeting was cancelled: no readiness is kept for it.'
            : 'No readiness was recorded for this meeting: it was held before the dashboard kept each agency’s readiness.'}
        </p>
      )}
    </section>
  );
}
