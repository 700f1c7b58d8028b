import { postponeMeeting } from '@/db/queries/meetings';
import { apiRoute } from '@/lib/server/handler';
import { meetingIdParams, postponeMeetingSchema } from '@/lib/validations/meetings';

export const POST = apiRoute({ params: meetingIdParams, body: postponeMeetingSchema }, ({ user, params, body }) => postponeMeeting(user, params.id, body));
