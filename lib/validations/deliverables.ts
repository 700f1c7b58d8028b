/**
 * Deliverable inputs, checked by the route handlers on the server; the forms send what the person
 * typed and show the 400's field errors beside each field (the forms do not run these schemas).
 * Objects are strict: a field the caller may not set is refused and named, never silently dropped.
 */
import { z } from 'zod';
import { DELIVERABLE_SORTS, DELIVERABLE_STATES, PILLARS, STATUSES, STATUSES_NEEDING_REASON, type DeliverableState } from '@/lib/domain';
import { calendarDate, idField, idParam, paging, slug, whenValid } from './common';
import { text } from './text';

const booleanFlag = z.enum(['true', 'false', '1', '0'], { error: 'Use true or false.' }).transform((v) => v === 'true' || v === '1');

const STATUS_MESSAGE = `status must be one of ${DELIVERABLE_STATES.join(', ')}, or several of them separated by commas.`;
/** One status, or several separated by commas (`at_risk,blocked`): the deliverables at any of them. */
const statusFilter = z.string({ error: STATUS_MESSAGE }).transform((value, ctx): DeliverableState | DeliverableState[] => {
  const list = [...new Set(value.split(',').map((s) => s.trim()))];
  if (!list.every((s): s is DeliverableState => (DELIVERABLE_STATES as readonly string[]).includes(s))) {
    ctx.addIssue({ code: 'custom', message: STATUS_MESSAGE });
    return z.NEVER;
  }
  return list.length === 1 ? list[0]! : list;
});

export const deliverableListQuery = z.object({
  agency: slug.optional(),
  pillar: z.enum(PILLARS, { error: `pillar must be one of ${PILLARS.join(', ')}.` }).optional(),
  status: statusFilter.optional(),
  // An agency's short name: the deliverables it supports (led by another agency).
  supportedBy: slug.optional(),
  meeting: idParam.optional(),
  // A plan objective's id, or `none`: the deliverables not yet mapped to an objective.
  objective: z.union([z.literal('none'), idParam], { error: 'objective is an objective’s id, or none.' }).optional(),
  // A meeting's id: the deliverables holding up their agency's report for it.
  holdingUp: idParam.optional(),
  stale: booleanFlag.optional(),
  overdue: booleanFlag.optional(),
  // Open deliverables needing attention: blocked, at risk, overdue or stale.
  attention: booleanFlag.optional(),
  q: text().max(200, 'Keep the search under 200 characters.').optional(),
  sort: z.enum(DELIVERABLE_SORTS, { error: `sort must be one of ${DELIVERABLE_SORTS.join(', ')}.` }).optional(),
  ...paging,
});

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const NOTE_MAX = 5000;

const title = text({ error: 'Enter a title.' })
  .min(1, 'Enter a title.')
  .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters or fewer.`);
const description = text({ multiline: true, error: 'The description must be text.' })
  .max(DESCRIPTION_MAX, `Keep the description to ${DESCRIPTION_MAX} characters or fewer.`);
const isoDate = calendarDate();
const fundingUsd = z
  .number({ error: 'Enter funding as a whole number of dollars.' })
  .int('Enter funding as a whole number of dollars.')
  .min(0, 'Funding cannot be negative.')
  .max(1e13, 'That is more than the federal budget.');
const napAction = z.string().regex(/^\d\.\d{1,2}\.\d{1,2}$/, 'Use the plan’s numbering, e.g. 1.3.2.');
export const MEASURE_LABEL_MAX = 100;
export const MEASURE_UNIT_MAX = 40;
const MEASURE_MAX = 1e12;
/** A count: a whole number from `min`, each message saying what is wrong with it. */
const count = (what: string, min: 0 | 1) =>
  z
    .number({ error: `Enter ${what} as a whole number.` })
    .int(`Enter ${what} as a whole number.`)
    .min(min, min === 1 ? `${what.charAt(0).toUpperCase()}${what.slice(1)} must be above zero.` : `${what.charAt(0).toUpperCase()}${what.slice(1)} cannot be negative.`)
    .max(MEASURE_MAX, `Keep ${what} under ${MEASURE_MAX.toLocaleString('en-US')}.`);
/**
 * What a deliverable counts (lib/measures.ts): what is counted and a target, both required (a
 * count without a target is what oversight keeps finding); the unit is optional and the count so
 * far starts at 0.
 */
const measure = z.strictObject({
  label: text({ error: 'Say what is counted, e.g. investigators trained.' })
    .min(1, 'Say what is counted, e.g. investigators trained.')
    .max(MEASURE_LABEL_MAX, `Keep what is counted to ${MEASURE_LABEL_MAX} characters or fewer.`),
  unit: text({ error: 'The unit must be text.' })
    .max(MEASURE_UNIT_MAX, `Keep the unit to ${MEASURE_UNIT_MAX} characters or fewer.`)
    .nullable()
    .default(null)
    .transform((unit) => unit || null),
  target: count('the target', 1),
  actual: count('the count so far', 0).default(0),
});
/** The count so far alone, as a progress update sends it. */
export const measureActual = count('the count so far', 0);

const detailFields = {
  title,
  description,
  pillar: z.enum(PILLARS, { error: `Choose one of ${PILLARS.join(', ')}.` }),
  supportingAgencies: z.array(slug, { error: 'List supporting agencies by short name.' }).max(20, 'At most 20 agencies.'),
  announcedAtMeetingId: idField.nullable(),
  dueOn: isoDate.nullable(),
  fundingUsd: fundingUsd.nullable(),
  napAction: napAction.nullable(),
  // The plan objective it serves (lib/contracts/plan.ts); null is "not yet mapped".
  objectiveId: idField.nullable(),
  measure: measure.nullable(),
};

export const createDeliverableSchema = z.strictObject({
  leadAgency: slug,
  ...detailFields,
  description: detailFields.description.default(''),
  supportingAgencies: detailFields.supportingAgencies.default([]),
  announcedAtMeetingId: detailFields.announcedAtMeetingId.default(null),
  dueOn: detailFields.dueOn.default(null),
  fundingUsd: detailFields.fundingUsd.default(null),
  napAction: detailFields.napAction.default(null),
  objectiveId: detailFields.objectiveId.default(null),
  measure: detailFields.measure.default(null),
});
export type CreateDeliverableInput = z.infer<typeof createDeliverableSchema>;
export type CreateDeliverableBody = z.input<typeof createDeliverableSchema>;

/** PATCH: any detail field, plus the version the caller edited (a stale one gets 409). */
export const updateDeliverableSchema = z.strictObject({
  version: z.number({ error: 'Send the version you edited.' }).int().positive(),
  leadAgency: slug.optional(),
  title: detailFields.title.optional(),
  description: detailFields.description.optional(),
  pillar: detailFields.pillar.optional(),
  supportingAgencies: detailFields.supportingAgencies.optional(),
  announcedAtMeetingId: detailFields.announcedAtMeetingId.optional(),
  dueOn: detailFields.dueOn.optional(),
  fundingUsd: detailFields.fundingUsd.optional(),
  napAction: detailFields.napAction.optional(),
  objectiveId: detailFields.objectiveId.optional(),
  measure: detailFields.measure.optional(),
});
export type UpdateDeliverableInput = z.infer<typeof updateDeliverableSchema>;
export type UpdateDeliverableBody = z.input<typeof updateDeliverableSchema>;

export const progressUpdateSchema = z
  .strictObject({
    status: z.enum(STATUSES, { error: `Choose one of ${STATUSES.join(', ')}.` }),
    progress: z
      .number({ error: 'Enter progress as a whole number from 0 to 100.' })
      .int('Enter progress as a whole number from 0 to 100.')
      .min(0, 'Progress is at least 0.')
      .max(100, 'Progress is at most 100.')
      .optional(),
    measureActual: measureActual.optional(),
    note: text({ multiline: true, error: 'The note must be text.' }).max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters or fewer.`).default(''),
    reason: text({ multiline: true, error: 'The reason must be text.' }).max(2000, 'Keep the reason to 2,000 characters or fewer.').optional(),
    version: z.number({ error: 'Send the version you saw.' }).int().positive().optional(),
  })
  // Each rule runs when the fields it reads are valid: a missing reason is named together with a bad progress.
  .superRefine((u, ctx) => {
    if (STATUSES_NEEDING_REASON.includes(u.status) && !u.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why it is at risk or blocked.' });
    }
  }, whenValid('status', 'reason'))
  .superRefine((u, ctx) => {
    if (u.progress !== undefined && u.measureActual !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['progress'], message: 'Send the count so far or the progress, not both: the count sets the progress.' });
    }
    if (u.status === 'completed' && u.progress !== undefined && u.progress < 100) {
      ctx.addIssue({ code: 'custom', path: ['progress'], message: 'A completed deliverable is at 100%.' });
    }
  }, whenValid('status', 'progress', 'measureActual'));
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;
export type ProgressUpdateBody = z.input<typeof progressUpdateSchema>;

const version = z.number({ error: 'Send the version you saw.' }).int('Send the version you saw.').positive('Send the version you saw.');

/** An agency withdraws a deliverable it no longer pursues: it says why. */
export const withdrawDeliverableSchema = z.strictObject({
  version,
  reason: text({ multiline: true, error: 'The reason must be text.' })
    .min(1, 'Say why the deliverable is withdrawn.')
    .max(2000, 'Keep the reason to 2,000 characters or fewer.'),
});
export type WithdrawDeliverableInput = z.infer<typeof withdrawDeliverableSchema>;
export type WithdrawDeliverableBody = z.input<typeof withdrawDeliverableSchema>;

export const reinstateDeliverableSchema = z.strictObject({ version });
export type ReinstateDeliverableInput = z.infer<typeof reinstateDeliverableSchema>;
export type ReinstateDeliverableBody = z.input<typeof reinstateDeliverableSchema>;
