import type { BriefingAgency, BriefingReadiness } from '@/db/queries/briefing';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import { READINESS_LABELS, type Readiness } from '@/lib/domain';
import { formatCalendarDate, formatNumber, formatPercent } from '@/lib/format';
import { LocalTime } from '@/components/ui/local-time';
import { DataTable } from '@/components/ui/data-table';
import { ReadinessMatrix } from '@/components/meetings/readiness-matrix';

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
  meeting: Pick<MeetingDetail, 'id' | 'status' | 'reportingCutoff'>;
  readiness: BriefingReadiness;
  agencies: Pick<BriefingAgency, 'slug'>[];
}) {
  const { shown, cutoff } = readiness;
  const meetingId = meeting.id;
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
          <DataTable
            caption={`Agencies by readiness${readiness.moment === 'meeting' ? ' at the meeting' : ''}`}
            showCaption
            compact
            fullWidth={false}
            rows={READINESS_ORDER}
            rowKey={(r) => r}
            columns={[
              { header: 'Readiness', rowHeader: true, cell: (r) => READINESS_LABELS[r] },
              { header: 'Agencies', numeric: true, cell: (r) => <span data-testid={`readiness-count-${r}`}>{formatNumber(shown.counts[r])}</span> },
            ]}
          />

          <ReadinessMatrix
            meetingId={meetingId}
            agencies={shown.agencies}
            atCutoff={cutoff ? atCutoff : undefined}
            readinessHeading={readinessHeading}
            caption={`Each agency’s readiness and what is outstanding${readiness.moment === 'meeting' ? ', as it stood at the meeting' : ''}`}
            book={{ sections: inBook }}
            testId="briefing-readiness-table"
          />
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
