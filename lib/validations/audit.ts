/**
 * The audit log's filters, shared by the page (`/admin/audit`) and the API
 * (`GET /api/admin/audit`, `GET /api/admin/audit/export.csv`). An empty parameter means "any",
 * as a GET form sends it for a filter left blank.
 *
 * `from` and `to` are whole days in the time zone `tz` (an IANA name; the page sends the reader's
 * own, and without one they are the task force's days, lib/dates.ts).
 */
import { z } from 'zod';
import { TASK_FORCE_TIME_ZONE, canonicalTimeZone, isTimeZone } from '@/lib/dates';
import { calendarDate as isoDate, idParam, paging, slug, whenValid } from './common';
import { text } from './text';

const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const calendarDate = (name: string) =>
  z
    .string()
    .trim()
    .pipe(isoDate({ type: `${name} must be a real calendar date as YYYY-MM-DD.`, format: `${name} must be a real calendar date as YYYY-MM-DD.` }));

const timeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'tz must be a time zone name, e.g. America/New_York.')
  .transform(canonicalTimeZone);

const auditFilterFields = {
  actor: z.preprocess(blankIsAbsent, idParam.optional()),
  agency: z.preprocess(blankIsAbsent, slug.optional()),
  entity: z.preprocess(
    blankIsAbsent,
    z.string().trim().max(40, 'entity is at most 40 characters.').regex(/^[a-z][a-z_]*$/, 'entity is a lower-case name, e.g. deliverable.').optional(),
  ),
  entityId: z.preprocess(blankIsAbsent, text().max(200, 'entityId is at most 200 characters.').optional()),
  action: z.preprocess(
    blankIsAbsent,
    z.string().trim().max(60, 'action is at most 60 characters.').regex(/^[a-z][a-z_.]*$/, 'action is a lower-case name, e.g. deliverable.update.').optional(),
  ),
  from: z.preprocess(blankIsAbsent, calendarDate('from').optional()),
  to: z.preprocess(blankIsAbsent, calendarDate('to').optional()),
  tz: z.preprocess(blankIsAbsent, timeZone.default(TASK_FORCE_TIME_ZONE)),
};

type FilterShape = { entity?: string; entityId?: string; from?: string; to?: string };

/** Rules between fields; each names the field to correct, and runs when the fields it reads are valid. */
function datesInOrder(value: FilterShape, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be on or after from.' });
  }
}
function entityIdWithEntity(value: FilterShape, ctx: z.RefinementCtx) {
  if (value.entityId !== undefined && value.entity === undefined) {
    ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'entityId needs entity (e.g. entity=deliverable).' });
  }
}

export const auditListQuery = z
  .object({ ...auditFilterFields, ...paging })
  .superRefine(datesInOrder, whenValid('from', 'to'))
  .superRefine(entityIdWithEntity, whenValid('entity', 'entityId'));

/** The export holds every matching event, so it takes the filters without paging. */
export const auditExportQuery = z
  .object(auditFilterFields)
  .superRefine(datesInOrder, whenValid('from', 'to'))
  .superRefine(entityIdWithEntity, whenValid('entity', 'entityId'));
export type AuditExportQuery = z.infer<typeof auditExportQuery>;
