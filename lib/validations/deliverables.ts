import { z } from 'zod';
import { PILLARS, STATUSES } from '@/lib/domain';
import { id, paging, slug } from './common';

export const deliverableListQuery = z.object({
  agency: slug.optional(),
  pillar: z.enum(PILLARS, { error: `pillar must be one of ${PILLARS.join(', ')}.` }).optional(),
  status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}.` }).optional(),
  meeting: id.optional(),
  ...paging,
});
export type DeliverableListQuery = z.infer<typeof deliverableListQuery>;
