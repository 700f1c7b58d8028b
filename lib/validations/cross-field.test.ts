import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '@/lib/errors';
import { createUserSchema } from './admin';
import { auditListQuery } from './audit';
import { progressUpdateSchema } from './deliverables';
import { createMeetingSchema, reminderSchema } from './meetings';
import { createObservationSchema } from './statistics';

const errorsOf = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrors(parsed.error);
};

describe('rules between fields are checked with the fields, so one answer names every mistake', () => {
  it('a progress update names a missing reason together with a progress that is not a number', () => {
    expect(errorsOf(progressUpdateSchema, { status: 'blocked', progress: null, note: '' })).toEqual({
      progress: ['Enter progress as a whole number from 0 to 100.'],
      reason: ['Say why it is at risk or blocked.'],
    });
    expect(errorsOf(progressUpdateSchema, { status: 'at_risk', progress: 150 })).toEqual({
      progress: ['Progress is at most 100.'],
      reason: ['Say why it is at risk or blocked.'],
    });
  });

  it('a rule does not add a second message to a field that already failed', () => {
    expect(errorsOf(progressUpdateSchema, { status: 'completed', progress: 'half' })).toEqual({
      progress: ['Enter progress as a whole number from 0 to 100.'],
    });
    expect(errorsOf(progressUpdateSchema, { status: 'sideways', reason: '' })).toEqual({
      status: [expect.stringContaining('Choose one of')],
    });
  });

  it('a new account names a bad e-mail together with the missing agency of an official', () => {
    expect(errorsOf(createUserSchema, { email: 'not-an-address', name: 'New Official', role: 'official' })).toEqual({
      email: ['Enter a valid e-mail address.'],
      agency: ['Choose the agency this official reports for.'],
    });
    expect(errorsOf(createUserSchema, { email: '', name: '', role: 'viewer', agency: 'dhs' })).toEqual({
      email: ['Enter an e-mail address.'],
      name: ['Enter a name.'],
      agency: ['Only agency officials belong to an agency; leave it empty for this role.'],
    });
  });

  it('a meeting names a cutoff after its date together with a missing title', () => {
    expect(Object.keys(errorsOf(createMeetingSchema, { kind: 'spog', title: '', date: '2031-01-10', reportingCutoff: '2031-02-01' })).sort()).toEqual([
      'reportingCutoff',
      'title',
    ]);
  });

  it('a reminder, an observation and the audit filters do the same', () => {
    expect(Object.keys(errorsOf(reminderSchema, { message: '' })).sort()).toEqual(['agency', 'message']);
    expect(
      Object.keys(errorsOf(createObservationSchema, { indicator: 'x', unit: 'percent', period: 'last year', value: 140, sourceId: 1 })).sort(),
    ).toEqual(expect.arrayContaining(['period', 'value']));
    expect(Object.keys(errorsOf(auditListQuery, { actor: 'me', from: '2026-03-02', to: '2026-03-01', entityId: '3' })).sort()).toEqual([
      'actor',
      'entityId',
      'to',
    ]);
  });

  it('runs no rule on a body that is not an object', () => {
    expect(Object.keys(errorsOf(progressUpdateSchema, 'at_risk'))).toEqual(['_']);
  });
});
