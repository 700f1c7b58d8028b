import { z } from 'zod';

/** Paging for every list that can grow. */
export const paging = {
  page: z.coerce.number({ error: 'page must be a whole number.' }).int('page must be a whole number.').min(1, 'page starts at 1.').max(100_000).default(1),
  pageSize: z.coerce
    .number({ error: 'pageSize must be a whole number.' })
    .int('pageSize must be a whole number.')
    .min(1, 'pageSize must be at least 1.')
    .max(200, 'pageSize is at most 200.')
    .default(50),
};

export const slug = z
  .string()
  .trim()
  .max(40, 'Too long.')
  .regex(/^[a-z][a-z0-9-]*$/, 'Use the lower-case short name, e.g. dhs.');

export const id = z.coerce.number({ error: 'Must be a number.' }).int('Must be a whole number.').positive('Must be positive.');

export const pagingQuery = z.object(paging);

/** `/api/deliverables/:id` and below: an id that is not a positive whole number is a 404, not a 500. */
export const deliverableIdParams = z.object({ id });
