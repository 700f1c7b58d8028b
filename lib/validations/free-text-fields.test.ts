import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '@/lib/errors';
import { changePasswordSchema, createAgencySchema, createUserSchema, updateAgencySchema, updateUserSchema, userListQuery } from './admin';
import { auditListQuery } from './audit';
import { signInSchema } from './auth';
import { createDeliverableSchema, deliverableListQuery, progressUpdateSchema, updateDeliverableSchema } from './deliverables';
import { approveSchema, createMeetingSchema, reminderSchema, returnSchema, statementSchema, updateMeetingSchema } from './meetings';
import { createObservationSchema, updateObservationSchema } from './statistics';

const measure = { label: 'Staff trained', unit: 'people', target: 100, actual: 10 };
const agendaItem = { title: 'Opening', presenter: 'The chair' };
const award = { awardYear: 2026, recipient: 'A. Person', kind: 'person', reason: 'For the work.' };
const observation = { indicator: 'victims', unit: 'people', period: '2024', value: 3, sourceId: 1 };

type Case = { schema: z.ZodType; base: Record<string, unknown>; path: string; set: (text: string) => Record<string, unknown>; multiline: boolean };

/** Every free-text field of every schema: where the text goes, and whether it may hold several lines. */
const field = (schema: z.ZodType, base: Record<string, unknown>, path: string, multiline: boolean, set?: (text: string) => Record<string, unknown>): Case => ({
  schema,
  base,
  path,
  multiline,
  set: set ?? ((text) => ({ ...base, [path]: text })),
});

const newDeliverable = { leadAgency: 'dhs', title: 'Train screeners', pillar: 'prevention' };
const newMeeting = { kind: 'cabinet', title: 'Annual meeting', date: '2026-05-01', agenda: [] };
const CASES: Case[] = [
  field(deliverableListQuery, {}, 'q', false),
  field(createDeliverableSchema, newDeliverable, 'title', false),
  field(createDeliverableSchema, newDeliverable, 'description', true),
  field(createDeliverableSchema, newDeliverable, 'measure.label', false, (t) => ({ ...newDeliverable, measure: { ...measure, label: t } })),
  field(createDeliverableSchema, newDeliverable, 'measure.unit', false, (t) => ({ ...newDeliverable, measure: { ...measure, unit: t } })),
  field(updateDeliverableSchema, { version: 1 }, 'title', false),
  field(updateDeliverableSchema, { version: 1 }, 'description', true),
  field(progressUpdateSchema, { status: 'in_progress' }, 'note', true),
  field(progressUpdateSchema, { status: 'at_risk', reason: 'Staff left.' }, 'reason', true),
  field(createMeetingSchema, newMeeting, 'title', false),
  field(createMeetingSchema, newMeeting, 'chair', false),
  field(createMeetingSchema, newMeeting, 'location', false),
  field(createMeetingSchema, newMeeting, 'agenda.0.title', false, (t) => ({ ...newMeeting, agenda: [{ ...agendaItem, title: t }] })),
  field(createMeetingSchema, newMeeting, 'agenda.0.presenter', false, (t) => ({ ...newMeeting, agenda: [{ ...agendaItem, presenter: t }] })),
  field(updateMeetingSchema, { version: 1 }, 'summary', true),
  field(updateMeetingSchema, { version: 1 }, 'awards.0.recipient', false, (t) => ({ version: 1, awards: [{ ...award, recipient: t }] })),
  field(updateMeetingSchema, { version: 1 }, 'awards.0.reason', true, (t) => ({ version: 1, awards: [{ ...award, reason: t }] })),
  field(statementSchema, { statement: '' }, 'statement', true),
  field(returnSchema, { comment: 'Fix it.' }, 'comment', true),
  field(approveSchema, {}, 'comment', true),
  field(reminderSchema, { agency: 'dhs', message: 'Please submit.' }, 'message', true),
  field(createObservationSchema, observation, 'indicator', false),
  field(createObservationSchema, observation, 'category', false),
  field(createObservationSchema, observation, 'note', true),
  field(updateObservationSchema, { id: 1, unit: 'people' }, 'category', false),
  field(updateObservationSchema, { id: 1, unit: 'people' }, 'note', true),
  field(createUserSchema, { email: 'a@example.gov', name: 'Ann Lee', role: 'viewer' }, 'email', false),
  field(createUserSchema, { email: 'a@example.gov', name: 'Ann Lee', role: 'viewer' }, 'name', false),
  field(updateUserSchema, { active: true }, 'name', false),
  field(userListQuery, {}, 'q', false),
  field(createAgencySchema, { slug: 'dhs', name: 'Department of Homeland Security', abbreviation: 'DHS' }, 'name', false),
  field(updateAgencySchema, { retired: false }, 'name', false),
  field(auditListQuery, { entity: 'deliverable' }, 'entityId', false),
  field(signInSchema, { email: 'a@example.gov', password: 'secret' }, 'email', false),
];

const errorsOf = (c: Case, text: string) => {
  const parsed = c.schema.safeParse(c.set(text));
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('every free-text field', () => {
  it.each(CASES.map((c) => [`${c.path} (${c.multiline ? 'several lines' : 'one line'})`, c] as const))(
    '%s is accepted as plain text and refuses a NUL, a right-to-left override and a zero-width space on its own path',
    (_, c) => {
      expect(c.schema.safeParse(c.set(c.path.includes('email') ? 'a@example.gov' : 'Plain text')).success).toBe(true);
      expect(errorsOf(c, 'ab\u0000c')).toEqual({ [c.path]: ['Remove the control character at position 3.'] });
      expect(errorsOf(c, 'ab\u202ec')).toEqual({ [c.path]: ['Remove the text-direction control character at position 3.'] });
      expect(errorsOf(c, 'ab\u200bc')).toEqual({ [c.path]: ['Remove the invisible zero-width character at position 3.'] });
    },
  );

  it.each(CASES.map((c) => [c.path, c] as const))('%s takes a line break only when it may hold several lines', (_, c) => {
    if (c.multiline) expect(errorsOf(c, 'one\r\ntwo')).toEqual({});
    else expect(errorsOf(c, 'one\ntwo')).toEqual({ [c.path]: ['Keep this to one line: remove the line break at position 4.'] });
  });

  it('stores text normalised: trimmed, NFC and with plain line breaks', () => {
    const parsed = createDeliverableSchema.parse({ ...newDeliverable, title: '  Cafe\u0301 outreach ', description: 'one\r\ntwo' });
    expect(parsed).toMatchObject({ title: 'Café outreach', description: 'one\ntwo' });
  });

  it('keeps the field’s own limits, counted after normalising', () => {
    expect(createDeliverableSchema.safeParse({ ...newDeliverable, title: `  ${'x'.repeat(200)}  ` }).success).toBe(true);
    expect(fieldErrors(createDeliverableSchema.safeParse({ ...newDeliverable, title: 'x'.repeat(201) }).error!)).toEqual({
      title: ['Keep the title to 200 characters or fewer.'],
    });
  });

  it('leaves passwords exactly as typed', () => {
    expect(changePasswordSchema.parse({ currentPassword: ' a\u0000b ', newPassword: '\u202e pass ' })).toEqual({
      currentPassword: ' a\u0000b ',
      newPassword: '\u202e pass ',
    });
    expect(signInSchema.parse({ email: 'a@example.gov', password: ' \t x ' }).password).toBe(' \t x ');
  });
});
