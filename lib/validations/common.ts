import { z } from 'zod';
import { DATE_RANGE_MESSAGE, isDateInRange, isIsoDate } from '@/lib/dates';

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

/**
 * An id in a query string, a route's path or a form field, where every value arrives as text:
 * "12" is read as 12.
 */
export const idParam = z.coerce.number({ error: 'Must be a number.' }).int('Must be a whole number.').positive('Must be positive.');

/**
 * An id in a route's path, `/meetings/7` or `/api/meetings/7`: decimal digits only, so "1e1",
 * " 7" or "0x7" name nothing. Route handlers read it through their params schema (a bad one is a
 * 404, the path naming no resource); pages through parseRouteId.
 */
export const routeId = z
  .string()
  .regex(/^\d{1,15}$/, 'Must be a whole number.')
  .transform(Number)
  .pipe(z.number().int().positive('Must be positive.'));

/** A page's `[id]` segment as a number, or null (the page then answers with its not-found page). */
export function parseRouteId(raw: string): number | null {
  const parsed = routeId.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * An id in a JSON body, where a number has its own type: "12", true or "1e1" there is a caller's
 * mistake, and coercing it would store a reference the caller never meant (true is meeting 1).
 */
export const idField = z
  .number({ error: 'Must be a whole number (not text).' })
  .int('Must be a whole number.')
  .positive('Must be positive.');

/**
 * A calendar date as YYYY-MM-DD, between 1900 and 2100 (FIRST_DATE and LAST_DATE): anything
 * outside is a typing mistake (2206 for 2026) that would sort to the top of every list.
 */
export function calendarDate({ type = 'Enter a date as YYYY-MM-DD.', format = 'Enter a real calendar date as YYYY-MM-DD.' } = {}) {
  return z
    .string({ error: type })
    .refine(isIsoDate, format)
    // Only a real date is checked for its range (one message per field). Not `abort`: that would
    // also stop the rules between this field and others, which should name their fields too.
    .refine((value) => !isIsoDate(value) || isDateInRange(value), DATE_RANGE_MESSAGE);
}

export const pagingQuery = z.object(paging);

/** `/api/deliverables/:id` and below: an id that is not a positive whole number is a 404, not a 500. */
export const deliverableIdParams = z.object({ id: routeId });

/**
 * For a rule between fields (`superRefine(rule, whenValid('status', 'reason'))`): run it whenever
 * the fields it reads are valid, even if another field failed, so that one answer names every
 * mistake. By default zod skips a refinement once any field has failed. Nothing runs on input that
 * is not an object at all.
 */
export function whenValid(...fields: string[]) {
  return {
    when: (payload: { issues: readonly { code?: string; path?: readonly PropertyKey[] }[] }) =>
      !payload.issues.some((issue) => {
        const path = issue.path ?? [];
        return path.length === 0 ? issue.code !== 'unrecognized_keys' : fields.includes(String(path[0]));
      }),
  };
}
