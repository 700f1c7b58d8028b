import { z } from 'zod';
import { AGE_GROUPS, INDICATOR_UNITS, TRAFFICKING_TYPES } from '@/lib/domain';

const fields = {
  indicator: z.string({ error: 'Choose the indicator.' }).trim().min(1, 'Choose the indicator.').max(80),
  unit: z.enum(INDICATOR_UNITS, { error: `The unit must be one of ${INDICATOR_UNITS.join(', ')}.` }),
  period: z
    .string({ error: 'Enter the period, e.g. 2020 or 2020-12.' })
    .trim()
    .regex(/^\d{4}(-\d{2})?$/, 'Enter the period as a year (2020) or a month (2020-12).'),
  value: z.number({ error: 'Enter the value as a number.' }).min(0, 'The value cannot be negative.').max(1e15, 'That number is too large.'),
  ageGroup: z.enum(AGE_GROUPS, { error: 'Choose adult or child.' }).nullable().default(null),
  traffickingType: z.enum(TRAFFICKING_TYPES, { error: 'Choose labor, sex, both or unknown.' }).nullable().default(null),
  category: z.string().trim().max(80, 'Keep it to 80 characters.').nullable().default(null),
  note: z.string().trim().max(2000, 'Keep it to 2,000 characters.').nullable().default(null),
};

const percentAtMost100 = (o: { unit?: string; value?: number }, ctx: z.RefinementCtx) => {
  if (o.unit === 'percent' && o.value !== undefined && o.value > 100) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'A percentage is at most 100.' });
  }
};

export const createObservationSchema = z
  .strictObject({ ...fields, sourceId: z.number({ error: 'Choose the source document.' }).int().positive('Choose the source document.') })
  .superRefine(percentAtMost100);
export type CreateObservationInput = z.infer<typeof createObservationSchema>;

export const updateObservationSchema = z
  .strictObject({
    id: z.number({ error: 'Say which observation to correct.' }).int().positive(),
    unit: fields.unit,
    period: fields.period.optional(),
    value: fields.value.optional(),
    ageGroup: fields.ageGroup.optional(),
    traffickingType: fields.traffickingType.optional(),
    category: fields.category.optional(),
    note: fields.note.optional(),
    sourceId: z.number({ error: 'Choose the source document.' }).int().positive('Choose the source document.').optional(),
  })
  .superRefine(percentAtMost100);
export type UpdateObservationInput = z.infer<typeof updateObservationSchema>;
