import { z } from 'zod';
import { id, slug } from './common';

export const pillarSummaryQuery = z.object({
  agency: slug.optional(),
  meeting: id.optional(),
  asOf: id.optional(),
});

/** The pillars page's URL: filters, and the two meetings to compare. Nonsense is ignored, not fatal. */
export const pillarsPageParams = z.object({
  agency: slug.optional().catch(undefined),
  meeting: id.optional().catch(undefined),
  from: id.optional().catch(undefined),
  to: id.optional().catch(undefined),
});
