import { z } from 'zod';
import { MEETING_KINDS, MEETING_STATUSES } from '@/lib/domain';
import { calendarDate, idField, paging, routeId, slug, whenValid } from './common';
import { text } from './text';

export const meetingListQuery = z.object({
  kind: z.enum(MEETING_KINDS, { error: `kind must be one of ${MEETING_KINDS.join(', ')}.` }).optional(),
  status: z.enum(MEETING_STATUSES, { error: `status must be one of ${MEETING_STATUSES.join(', ')}.` }).optional(),
  timing: z.enum(['upcoming', 'past'], { error: 'timing must be upcoming or past.' }).optional(),
  ...paging,
});

const isoDate = calendarDate();
const optionalText = (max: number, what: string, { multiline = false } = {}) =>
  text({ multiline, error: `${what} must be text.` }).max(max, `Keep it to ${max} characters or fewer.`);

const agendaItem = z.strictObject({
  title: text({ error: 'Give each agenda item a title.' }).min(1, 'Give each agenda item a title.').max(300, 'Keep it to 300 characters.'),
  presenter: optionalText(200, 'The presenter').nullable().optional(),
});

const award = z.strictObject({
  awardYear: z.number({ error: 'Enter the award year.' }).int().min(2000, 'The award began in the 2010s.').max(2100),
  recipient: text({ error: 'Name the recipient.' }).min(1, 'Name the recipient.').max(300),
  kind: z.enum(['person', 'organization'], { error: 'Choose person or organization.' }),
  reason: optionalText(2000, 'The reason', { multiline: true }).nullable().optional(),
});

const fields = {
  kind: z.enum(MEETING_KINDS, { error: `Choose one of ${MEETING_KINDS.join(', ')}.` }),
  title: text({ error: 'Enter a title.' }).min(1, 'Enter a title.').max(200, 'Keep the title to 200 characters or fewer.'),
  date: isoDate,
  chair: optionalText(200, 'The chair').nullable(),
  location: optionalText(200, 'The location').nullable(),
  reportingCutoff: isoDate.nullable(),
  agenda: z.array(agendaItem).max(50, 'At most 50 agenda items.'),
};

const cutoffBeforeDate = (m: { date?: string; reportingCutoff?: string | null }, ctx: z.RefinementCtx) => {
  if (m.date && m.reportingCutoff && m.reportingCutoff > m.date) {
    ctx.addIssue({ code: 'custom', path: ['reportingCutoff'], message: 'The reporting cutoff must be on or before the meeting date.' });
  }
};

export const createMeetingSchema = z
  .strictObject({
    ...fields,
    chair: fields.chair.default(null),
    location: fields.location.default(null),
    // Left out, the cutoff defaults to 14 days before the meeting (db/queries/meetings.ts).
    reportingCutoff: fields.reportingCutoff.optional(),
    agenda: fields.agenda.default([]),
  })
  .superRefine(cutoffBeforeDate, whenValid('date', 'reportingCutoff'));
export type CreateMeetingInput = z.infer<typeof createMeetingSchema>;
export type CreateMeetingBody = z.input<typeof createMeetingSchema>;

export const updateMeetingSchema = z
  .strictObject({
    version: z.number({ error: 'Send the version you edited.' }).int().positive(),
    kind: fields.kind.optional(),
    title: fields.title.optional(),
    date: fields.date.optional(),
    chair: fields.chair.optional(),
    location: fields.location.optional(),
    reportingCutoff: fields.reportingCutoff.optional(),
    agenda: fields.agenda.optional(),
    // Cancelling has its own request (cancelMeetingSchema); planned reinstates a cancelled meeting.
    status: z.enum(['planned', 'held'], { error: 'Choose planned or held.' }).optional(),
    summary: optionalText(5000, 'The summary', { multiline: true }).nullable().optional(),
    commitments: z.array(idField, { error: 'List the deliverables announced there by id.' }).max(500).optional(),
    awards: z.array(award).max(10, 'At most ten awards.').optional(),
  })
  .superRefine(cutoffBeforeDate, whenValid('date', 'reportingCutoff'));
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;
export type UpdateMeetingBody = z.input<typeof updateMeetingSchema>;

export const cancelMeetingSchema = z.strictObject({
  version: z.number({ error: 'Send the version you cancelled.' }).int().positive(),
  reason: text({ multiline: true, error: 'Say why the meeting is cancelled.' })
    .min(1, 'Say why the meeting is cancelled.')
    .max(2000, 'Keep the reason to 2,000 characters or fewer.'),
});
export type CancelMeetingInput = z.infer<typeof cancelMeetingSchema>;
export type CancelMeetingBody = z.input<typeof cancelMeetingSchema>;

/** A later date; the cutoff moves with it (the same number of days before) unless one is given. */
export const postponeMeetingSchema = z
  .strictObject({
    version: z.number({ error: 'Send the version you postponed.' }).int().positive(),
    date: isoDate,
    reportingCutoff: isoDate.nullable().optional(),
  })
  .superRefine(cutoffBeforeDate, whenValid('date', 'reportingCutoff'));
export type PostponeMeetingInput = z.infer<typeof postponeMeetingSchema>;
export type PostponeMeetingBody = z.input<typeof postponeMeetingSchema>;

export const meetingIdParams = z.object({ id: routeId });
export const reportParams = z.object({ id: routeId, agency: slug });

export const statementSchema = z.strictObject({
  statement: text({ multiline: true, error: 'The statement must be text.' }).max(20_000, 'Keep the statement to 20,000 characters or fewer.'),
});
export type StatementBody = z.input<typeof statementSchema>;

export const returnSchema = z.strictObject({
  comment: text({ multiline: true, error: 'Say what the agency should change.' }).min(1, 'Say what the agency should change.').max(5000),
});
export type ReturnReportBody = z.input<typeof returnSchema>;

export const approveSchema = z.strictObject({
  comment: text({ multiline: true, error: 'The comment must be text.' }).max(5000, 'Keep the comment to 5,000 characters or fewer.').optional(),
});
export type ApproveReportBody = z.input<typeof approveSchema>;

export const reminderSchema = z
  .strictObject({
    agency: slug.optional(),
    notReady: z.literal(true, { error: 'Use notReady: true to remind every agency not yet submitted.' }).optional(),
    message: text({ multiline: true, error: 'Write the reminder.' }).min(1, 'Write the reminder.').max(2000, 'Keep it to 2,000 characters.'),
  })
  .superRefine((r, ctx) => {
    if (Boolean(r.agency) === Boolean(r.notReady)) {
      ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Name one agency, or set notReady to remind all agencies not yet submitted.' });
    }
  }, whenValid('agency', 'notReady'));
export type ReminderBody = z.input<typeof reminderSchema>;
