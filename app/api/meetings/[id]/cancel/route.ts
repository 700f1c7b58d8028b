import { cancelMeeting } from '@/db/queries/meetings';
import { apiRoute } from '@/lib/server/handler';
import { cancelMeetingSchema, meetingIdParams } from '@/lib/validations/meetings';

export const POST = apiRoute({ params: meetingIdParams, body: cancelMeetingSchema }, ({ user, params, body }) => cancelMeeting(user, params.id, body));
