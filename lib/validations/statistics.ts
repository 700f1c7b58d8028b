import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/dates';
import { AGE_GROUPS, INDICATOR_UNITS, TRAFFICKING_TYPES, VALUE_QUALIFIERS, type IndicatorUnit } from '@/lib/domain';
import { whenValid } from './common';
import { text } from './text';

/**
 * Units that count whole things: there is no half a victim, case, agency or action, so 12.5 is
 * a typing mistake. Dollars (cents) and percentages may have a fraction.
 */
export const COUNT_UNITS: readonly IndicatorUnit[] = ['people', 'cases', 'agencies', 'actions'];

/** "2020" or "2020-12": a real month, in the years the app accepts dates for. */
function isPeriod(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!match) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  return month >= 1 && month <= 12;
}
const periodYearInRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};

const qualifier = z.enum(VALUE_QUALIFIERS, { error: 'Choose exact, over, nearly or about.' }).nullable();
const publishedYear = z
  .number({ error: 'Enter the year the estimate was published, e.g. 2017.' })
  .int('Enter the year the estimate was published, e.g. 2017.')
  .min(FIRST_YEAR, `Enter a year between ${FIRST_YEAR} and ${LAST_YEAR}.`)
  .max(LAST_YEAR, `Enter a year between ${FIRST_YEAR} and ${LAST_YEAR}.`)
  .nullable();

const fields = {
  indicator: text({ error: 'Choose the indicator.' }).min(1, 'Choose the indicator.').max(80),
  unit: z.enum(INDICATOR_UNITS, { error: `The unit must be one of ${INDICATOR_UNITS.join(', ')}.` }),
  period: z
    .string({ error: 'Enter the period, e.g. 2020 or 2020-12.' })
    .trim()
    .refine(isPeriod, 'Enter the period as a year (2020) or a month (2020-12).')
    // Only a real period is checked for its range (one message per field), without stopping the other checks.
    .refine((value) => !isPeriod(value) || periodYearInRange(value), `Enter a period between ${FIRST_YEAR} and ${LAST_YEAR}.`),
  value: z.number({ error: 'Enter the value as a number.' }).min(0, 'The value cannot be negative.').max(1e15, 'That number is too large.'),
  ageGroup: z.enum(AGE_GROUPS, { error: 'Choose adult or child.' }).nullable().default(null),
  traffickingType: z.enum(TRAFFICKING_TYPES, { error: 'Choose labor, sex, both or unknown.' }).nullable().default(null),
  category: text({ error: 'The category must be text.' }).max(80, 'Keep it to 80 characters.').nullable().default(null),
  qualifier: qualifier.default(null),
  publishedYear: publishedYear.default(null),
  note: text({ multiline: true, error: 'The note must be text.' }).max(2000, 'Keep it to 2,000 characters.').nullable().default(null),
};

/** An estimate is published after the period it describes (or in it), never before. */
const publishedAfterPeriod = (o: { period?: string; publishedYear?: number | null }, ctx: z.RefinementCtx) => {
  if (!o.period || o.publishedYear === undefined || o.publishedYear === null) return;
  if (o.publishedYear < Number(o.period.slice(0, 4))) {
    ctx.addIssue({ code: 'custom', path: ['publishedYear'], message: 'An estimate cannot be published before the period it describes.' });
  }
};

/** The value must make sense in its unit: a percentage is at most 100, a count is whole. */
const valueFitsUnit = (o: { unit?: IndicatorUnit; value?: number }, ctx: z.RefinementCtx) => {
  if (o.unit === undefined || o.value === undefined) return;
  if (o.unit === 'percent' && o.value > 100) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percentage is at most 100.' });
  }
  if (COUNT_UNITS.includes(o.unit) && !Number.isInteger(o.value)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `Enter a whole number of ${o.unit}.` });
  }
};

export const createObservationSchema = z
  .strictObject({ ...fields, sourceId: z.number({ error: 'Choose the source document.' }).int().positive('Choose the source document.') })
  .superRefine(valueFitsUnit, whenValid('unit', 'value'))
  .superRefine(publishedAfterPeriod, whenValid('period', 'publishedYear'));
export type CreateObservationInput = z.infer<typeof createObservationSchema>;
export type CreateObservationBody = z.input<typeof createObservationSchema>;

export const updateObservationSchema = z
  .strictObject({
    id: z.number({ error: 'Say which observation to correct.' }).int().positive(),
    unit: fields.unit,
    period: fields.period.optional(),
    value: fields.value.optional(),
    ageGroup: fields.ageGroup.optional(),
    traffickingType: fields.traffickingType.optional(),
    category: fields.category.optional(),
    // Left out, these keep what is stored.
    qualifier: qualifier.optional(),
    publishedYear: publishedYear.optional(),
    note: fields.note.optional(),
    sourceId: z.number({ error: 'Choose the source document.' }).int().positive('Choose the source document.').optional(),
  })
  .superRefine(valueFitsUnit, whenValid('unit', 'value'))
  .superRefine(publishedAfterPeriod, whenValid('period', 'publishedYear'));
export type UpdateObservationInput = z.infer<typeof updateObservationSchema>;
export type UpdateObservationBody = z.input<typeof updateObservationSchema>;
