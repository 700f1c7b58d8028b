import { createMeeting, listMeetings } from '@/db/queries/meetings';
import { apiRoute, json } from '@/lib/server/handler';
import { createMeetingSchema, meetingListQuery } from '@/lib/validations/meetings';

export const GET = apiRoute({ query: meetingListQuery }, ({ query }) => listMeetings(query));

export const POST = apiRoute({ body: createMeetingSchema }, ({ user, body }) => json(createMeeting(user, body), 201));
