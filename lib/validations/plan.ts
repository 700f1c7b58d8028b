/**
 * The plan's objectives and priority actions as the secretariat enters them (POST and PATCH under
 * /api/plan). Objects are strict; a PATCH carries the version edited (a stale one gets 409) and
 * `retired: true` retires, `retired: false` restores.
 */
import { z } from 'zod';
import { PILLARS, PILLAR_LABELS } from '@/lib/domain';
import { ACTION_CODE_PATTERN, pillarOfCode } from '@/lib/plan';
import { idField, routeId, slug, whenValid } from './common';
import { text } from './text';

export const PLAN_TITLE_MAX = 300;
export const SOURCE_PAGE_MAX = 40;

const pillar = z.enum(PILLARS, { error: `Choose one of ${PILLARS.join(', ')}.` });
const title = text({ error: 'Enter a title.' }).min(1, 'Enter a title.').max(PLAN_TITLE_MAX, `Keep the title to ${PLAN_TITLE_MAX} characters or fewer.`);
const number = z
  .number({ error: 'Enter the number as a whole number, or leave it empty (unnumbered).' })
  .int('Enter the number as a whole number.')
  .min(1, 'The number is at least 1.')
  .max(99, 'The number is at most 99.');
const sourceId = idField;
const sourcePage = text({ error: 'The page must be text.' })
  .max(SOURCE_PAGE_MAX, `Keep the page to ${SOURCE_PAGE_MAX} characters or fewer.`)
  .nullable()
  .transform((p) => p || null);
const version = z.number({ error: 'Send the version you edited.' }).int('Send the version you edited.').positive('Send the version you edited.');
const retired = z.boolean({ error: 'retired is true or false.' });

export const createObjectiveSchema = z.strictObject({
  pillar,
  title,
  number: number.nullable().default(null),
  sourceId: sourceId.nullable().default(null),
  sourcePage: sourcePage.default(null),
});
export type CreateObjectiveInput = z.infer<typeof createObjectiveSchema>;
export type CreateObjectiveBody = z.input<typeof createObjectiveSchema>;

export const updateObjectiveSchema = z.strictObject({
  version,
  pillar: pillar.optional(),
  title: title.optional(),
  number: number.nullable().optional(),
  sourceId: sourceId.nullable().optional(),
  sourcePage: sourcePage.optional(),
  retired: retired.optional(),
});
export type UpdateObjectiveInput = z.infer<typeof updateObjectiveSchema>;
export type UpdateObjectiveBody = z.input<typeof updateObjectiveSchema>;

const code = z
  .string({ error: 'Enter the code as pillar.objective.action, e.g. 1.3.2.' })
  .trim()
  .regex(ACTION_CODE_PATTERN, 'Enter the code as pillar.objective.action in digits, e.g. 1.3.2.');

/** The code's first number is the pillar's place (1 prevention … 4 partnership). */
const codeFitsPillar = (a: { code?: string; pillar?: string }, ctx: z.RefinementCtx) => {
  if (a.code === undefined || a.pillar === undefined) return;
  if (pillarOfCode(a.code) !== a.pillar) {
    const place = PILLARS.indexOf(a.pillar as (typeof PILLARS)[number]) + 1;
    ctx.addIssue({
      code: 'custom',
      path: ['code'],
      message: `A code under ${PILLAR_LABELS[a.pillar as (typeof PILLARS)[number]]} begins with ${place}, e.g. ${place}.1.1.`,
    });
  }
};

const objectiveRef = z
  .number({ error: 'Choose the objective this priority action is under.' })
  .int('Choose the objective this priority action is under.')
  .positive('Choose the objective this priority action is under.');
const leadAgency = slug.nullable();
const supportingAgencies = z.array(slug, { error: 'List supporting agencies by short name.' }).max(20, 'At most 20 agencies.');

export const createActionSchema = z
  .strictObject({
    code,
    pillar,
    title,
    objectiveId: objectiveRef,
    leadAgency: leadAgency.default(null),
    supportingAgencies: supportingAgencies.default([]),
    sourceId: sourceId.nullable().default(null),
    sourcePage: sourcePage.default(null),
  })
  .superRefine(codeFitsPillar, whenValid('code', 'pillar'));
export type CreateActionInput = z.infer<typeof createActionSchema>;
export type CreateActionBody = z.input<typeof createActionSchema>;

/** A new code or pillar is checked against the other as stored (in the data layer) when only one is sent. */
export const updateActionSchema = z
  .strictObject({
    version,
    code: code.optional(),
    pillar: pillar.optional(),
    title: title.optional(),
    objectiveId: objectiveRef.optional(),
    leadAgency: leadAgency.optional(),
    supportingAgencies: supportingAgencies.optional(),
    sourceId: sourceId.nullable().optional(),
    sourcePage: sourcePage.optional(),
    retired: retired.optional(),
  })
  .superRefine(codeFitsPillar, whenValid('code', 'pillar'));
export type UpdateActionInput = z.infer<typeof updateActionSchema>;
export type UpdateActionBody = z.input<typeof updateActionSchema>;

export const planListQuery = z.object({
  includeRetired: z
    .enum(['true', 'false'], { error: 'includeRetired is true or false.' })
    .transform((v) => v === 'true')
    .optional(),
});

export const planItemParams = z.object({ id: routeId });
