import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES } from '@/lib/domain';
import { paging } from './common';

export const meetingListQuery = z.object({
  kind: z.enum(MEETING_KINDS, { error: `kind must be one of ${MEETING_KINDS.join(', ')}.` }).optional(),
  status: z.enum(MEETING_STATUSES, { error: `status must be one of ${MEETING_STATUSES.join(', ')}.` }).optional(),
  ...paging,
});
