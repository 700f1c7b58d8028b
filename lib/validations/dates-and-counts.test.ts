import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/errors';
import { isDateInRange } from '@/lib/dates';
import { INDICATOR_UNITS } from '@/lib/domain';
import { auditExportQuery, auditListQuery } from './audit';
import { createDeliverableSchema, progressUpdateSchema, updateDeliverableSchema } from './deliverables';
import { createMeetingSchema, updateMeetingSchema } from './meetings';
import { COUNT_UNITS, createObservationSchema, updateObservationSchema } from './statistics';

const RANGE = 'Enter a date between 1900 and 2100.';
const newDeliverable = { leadAgency: 'dhs', title: 'Train screeners', pillar: 'prevention' };
const newMeeting = { kind: 'cabinet', title: 'Annual meeting', date: '2026-05-01', agenda: [] };
const observation = { indicator: 'victims', period: '2024', sourceId: 1 };

const errorsOf = (parsed: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) => (parsed.success ? {} : fieldErrors(parsed.error!));

describe('calendar dates', () => {
  it('the range runs from 1900-01-01 to 2100-12-31 inclusive', () => {
    expect(['1900-01-01', '2026-02-28', '2100-12-31'].map(isDateInRange)).toEqual([true, true, true]);
    expect(['1899-12-31', '2101-01-01', '9999-12-31'].map(isDateInRange)).toEqual([false, false, false]);
  });

  it('a due date before 1900 or after 2100 is refused on dueOn', () => {
    for (const dueOn of ['1899-12-31', '2101-01-01', '0999-01-01']) {
      expect(errorsOf(createDeliverableSchema.safeParse({ ...newDeliverable, dueOn }))).toEqual({ dueOn: [RANGE] });
      expect(errorsOf(updateDeliverableSchema.safeParse({ version: 1, dueOn }))).toEqual({ dueOn: [RANGE] });
    }
    expect(createDeliverableSchema.parse({ ...newDeliverable, dueOn: '2100-12-31' }).dueOn).toBe('2100-12-31');
  });

  it('a meeting date or reporting cutoff outside 1900–2100 is refused on its own field', () => {
    expect(errorsOf(createMeetingSchema.safeParse({ ...newMeeting, date: '2206-05-01' }))).toEqual({ date: [RANGE] });
    expect(errorsOf(createMeetingSchema.safeParse({ ...newMeeting, reportingCutoff: '1850-01-01' }))).toEqual({ reportingCutoff: [RANGE] });
    expect(errorsOf(updateMeetingSchema.safeParse({ version: 1, date: '1899-12-31' }))).toEqual({ date: [RANGE] });
  });

  it('an audit filter date outside 1900–2100 is refused on from or to', () => {
    expect(errorsOf(auditListQuery.safeParse({ from: '1899-12-31', to: '2101-01-01' }))).toEqual({ from: [RANGE], to: [RANGE] });
    expect(errorsOf(auditExportQuery.safeParse({ to: '3000-01-01' }))).toEqual({ to: [RANGE] });
  });

  it('a date that is not a real date gets only the format message', () => {
    expect(errorsOf(createDeliverableSchema.safeParse({ ...newDeliverable, dueOn: 'tomorrow' }))).toEqual({
      dueOn: ['Enter a real calendar date as YYYY-MM-DD.'],
    });
  });
});

describe('statistics', () => {
  it('counts of people, cases, agencies and actions are whole numbers; dollars and percentages may have a fraction', () => {
    expect([...COUNT_UNITS].sort()).toEqual(['actions', 'agencies', 'cases', 'people']);
    for (const unit of INDICATOR_UNITS) {
      const parsed = createObservationSchema.safeParse({ ...observation, unit, value: 12.5 });
      if (COUNT_UNITS.includes(unit)) expect(errorsOf(parsed)).toEqual({ value: [`Enter a whole number of ${unit}.`] });
      else expect(parsed.success, unit).toBe(true);
    }
  });

  it('a correction to a fractional count is refused too', () => {
    expect(errorsOf(updateObservationSchema.safeParse({ id: 1, unit: 'people', value: 0.5 }))).toEqual({ value: ['Enter a whole number of people.'] });
    expect(updateObservationSchema.safeParse({ id: 1, unit: 'people', value: 3 }).success).toBe(true);
  });

  it('a period is a real month of a year between 1900 and 2100', () => {
    expect(errorsOf(createObservationSchema.safeParse({ ...observation, unit: 'people', value: 1, period: '2020-13' }))).toEqual({
      period: ['Enter the period as a year (2020) or a month (2020-12).'],
    });
    expect(errorsOf(createObservationSchema.safeParse({ ...observation, unit: 'people', value: 1, period: '0000' }))).toEqual({
      period: ['Enter a period between 1900 and 2100.'],
    });
    expect(createObservationSchema.safeParse({ ...observation, unit: 'people', value: 1, period: '2020-12' }).success).toBe(true);
  });
});

describe('measures', () => {
  it('a target or amount so far that is not a finite number is refused', () => {
    const measure = { label: 'Staff trained', unit: 'people', target: 100, actual: 0 };
    for (const bad of [Number.POSITIVE_INFINITY, Number.NaN, '100']) {
      expect(Object.keys(errorsOf(createDeliverableSchema.safeParse({ ...newDeliverable, measure: { ...measure, target: bad } })))).toEqual(['measure.target']);
      expect(Object.keys(errorsOf(progressUpdateSchema.safeParse({ status: 'in_progress', measureActual: bad })))).toEqual(['measureActual']);
    }
  });
});
