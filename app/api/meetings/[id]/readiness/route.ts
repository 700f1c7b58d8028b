import { getMeeting } from '@/db/queries/meetings';
import { getReadiness, getReadinessSnapshots } from '@/db/queries/readiness';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { meetingIdParams } from '@/lib/validations/meetings';

/**
 * A planned meeting: each agency's readiness now, and (once the cutoff has passed) as it stood at
 * the cutoff. A held meeting: only what was kept, at the cutoff and at the meeting, never today's
 * figures; both null when nothing was recorded.
 */
export const GET = apiRoute({ params: meetingIdParams }, ({ params }) => {
  const meeting = getMeeting(params.id);
  if (!meeting) throw notFound('The meeting');
  const kept = getReadinessSnapshots(meeting.id);
  if (meeting.status === 'held') return { meetingId: meeting.id, status: meeting.status, atCutoff: kept.cutoff, atMeeting: kept.meeting };
  return { ...getReadiness(meeting.id)!, status: meeting.status, atCutoff: kept.cutoff };
});
