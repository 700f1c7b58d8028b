import { listMeetings } from '@/db/queries/meetings';
import { apiRoute } from '@/lib/api/handler';
import { meetingListQuery } from '@/lib/validations/meetings';

export const GET = apiRoute({ query: meetingListQuery }, ({ query }) => listMeetings(query));
