import { z } from 'zod';
import { idParam, slug } from './common';

export const pillarSummaryQuery = z.object({
  agency: slug.optional(),
  meeting: idParam.optional(),
  asOf: idParam.optional(),
});

/** The pillars page's URL: filters, and the two meetings to compare. Nonsense is ignored, not fatal. */
export const pillarsPageParams = z.object({
  agency: slug.optional().catch(undefined),
  meeting: idParam.optional().catch(undefined),
  from: idParam.optional().catch(undefined),
  to: idParam.optional().catch(undefined),
});
