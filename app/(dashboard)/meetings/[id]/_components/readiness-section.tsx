import type { AgencyReadiness, MeetingDetail, ReadinessSnapshot } from '@/lib/contracts/meetings';
import type { Readiness, SnapshotMoment } from '@/lib/domain';
import { formatCalendarDate, formatMeetingDate } from '@/lib/format';
import { ReadinessMatrix, ReadinessShare } from '@/components/meetings/readiness-matrix';
import { LocalTime } from '@/components/ui/local-time';

type Live = {
  agencies: AgencyReadiness[];
  counts: Record<Readiness, number>;
  shareReady: number;
  previousMeeting: { title: string; date: string; datePrecision: string } | null;
};

/**
 * The meeting's readiness: a planned meeting's as it stands now (and as kept at its cutoff, once
 * that has passed), a held meeting's as kept when it was marked held, never recomputed.
 */
export function ReadinessSection({
  meeting,
  readiness,
  kept,
  reviewing,
}: {
  meeting: Pick<MeetingDetail, 'id' | 'status' | 'reportingCutoff'>;
  readiness: Live;
  kept: Record<SnapshotMoment, ReadinessSnapshot | null>;
  reviewing: boolean;
}) {
  const atCutoff = kept.cutoff ? new Map(kept.cutoff.agencies.map((a) => [a.agencyId, a.readiness])) : undefined;
  const cutoffShare = kept.cutoff ? (
    <ReadinessShare
      lead={`At the reporting cutoff (${formatCalendarDate(meeting.reportingCutoff)}):`}
      counts={kept.cutoff.counts}
      shareReady={kept.cutoff.shareReady}
      members={kept.cutoff.agencies.length}
      testId="share-ready-at-cutoff"
    />
  ) : null;
  return (
    <section aria-labelledby="readiness-heading" className="margin-top-4">
      <h2 id="readiness-heading">Readiness</h2>
      {meeting.status === 'planned' ? (
        <>
          <ReadinessShare counts={readiness.counts} shareReady={readiness.shareReady} members={readiness.agencies.length} testId="share-ready" />
          {cutoffShare}
          <p className="margin-top-0 text-base-dark">
            {readiness.previousMeeting
              ? `This reporting cycle began at the previous meeting of this kind, ${readiness.previousMeeting.title} (${formatMeetingDate(readiness.previousMeeting)}): every open deliverable needs an update since then.`
              : 'This is the first meeting of its kind on record: every open deliverable needs an update.'}
          </p>
          <ReadinessMatrix
            meetingId={meeting.id}
            agencies={readiness.agencies}
            atCutoff={atCutoff}
            readinessHeading={kept.cutoff ? 'Now' : 'Readiness'}
            caption="Each member agency’s readiness for this meeting and the reasons"
            reviewing={reviewing}
          />
        </>
      ) : kept.meeting ? (
        <>
          {cutoffShare}
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
            atCutoff={atCutoff}
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
  );
}
