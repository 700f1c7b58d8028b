import { z } from 'zod';
import { idParam, slug } from './common';

export const pillarSummaryQuery = z.object({
  agency: slug.optional(),
  meeting: idParam.optional(),
  asOf: idParam.optional(),
});

/** A point to compare: a meeting (by id), or `now`, the record as it stands today. */
const comparePoint = z.union([z.literal('now'), idParam]);

/** The pillars page's URL: filters, and the two points to compare. Nonsense is ignored, not fatal. */
export const pillarsPageParams = z.object({
  agency: slug.optional().catch(undefined),
  meeting: idParam.optional().catch(undefined),
  from: comparePoint.optional().catch(undefined),
  to: comparePoint.optional().catch(undefined),
});
export type PillarsPageParams = z.infer<typeof pillarsPageParams>;
