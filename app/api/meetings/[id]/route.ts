import { getMeeting, updateMeeting } from '@/db/queries/meetings';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { meetingIdParams, updateMeetingSchema } from '@/lib/validations/meetings';

export const GET = apiRoute({ params: meetingIdParams }, ({ params }) => {
  const meeting = getMeeting(params.id);
  if (!meeting) throw notFound('The meeting');
  return meeting;
});

export const PATCH = apiRoute({ params: meetingIdParams, body: updateMeetingSchema }, ({ user, params, body }) =>
  updateMeeting(user, params.id, body),
);
