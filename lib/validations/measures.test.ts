import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from '@/lib/errors';
import { createDeliverableSchema, progressUpdateSchema, updateDeliverableSchema } from './deliverables';

const newDeliverable = { leadAgency: 'dol', title: 'Train investigators', pillar: 'prevention' };
const errorsOf = (result: z.ZodSafeParseResult<unknown>) => (result.success ? {} : { ...fieldErrors(result.error) });
const withMeasure = (measure: unknown) => createDeliverableSchema.safeParse({ ...newDeliverable, measure });

describe('a deliverable’s measure', () => {
  it('takes what is counted and a target; the unit is optional and the count so far starts at 0', () => {
    const parsed = withMeasure({ label: '  investigators trained ', target: 1200 });
    expect(parsed.success && parsed.data.measure).toEqual({ label: 'investigators trained', unit: null, target: 1200, actual: 0 });
    const blankUnit = withMeasure({ label: 'training delivered', unit: ' ', target: 40, actual: 12 });
    expect(blankUnit.success && blankUnit.data.measure).toEqual({ label: 'training delivered', unit: null, target: 40, actual: 12 });
    expect(createDeliverableSchema.parse(newDeliverable).measure).toBeNull();
  });

  it('a count without a target, or a target without what is counted, is refused naming each missing field', () => {
    expect(errorsOf(withMeasure({ label: '', actual: 640 }))).toEqual({
      'measure.label': ['Say what is counted, e.g. investigators trained.'],
      'measure.target': ['Enter the target as a whole number.'],
    });
    expect(errorsOf(withMeasure({ label: 'investigators trained', actual: 640 }))).toEqual({
      'measure.target': ['Enter the target as a whole number.'],
    });
    expect(errorsOf(withMeasure({ label: '', target: 1200 }))).toEqual({ 'measure.label': ['Say what is counted, e.g. investigators trained.'] });
  });

  it('the target is a whole number above zero and the count so far a whole number of at least zero', () => {
    const measure = { label: 'investigators trained', target: 1200, actual: 640 };
    expect(errorsOf(withMeasure({ ...measure, target: 0 }))).toEqual({ 'measure.target': ['The target must be above zero.'] });
    expect(errorsOf(withMeasure({ ...measure, target: -5 }))).toEqual({ 'measure.target': ['The target must be above zero.'] });
    expect(errorsOf(withMeasure({ ...measure, target: 12.5 }))).toEqual({ 'measure.target': ['Enter the target as a whole number.'] });
    expect(errorsOf(withMeasure({ ...measure, actual: -1 }))).toEqual({ 'measure.actual': ['The count so far cannot be negative.'] });
    expect(errorsOf(withMeasure({ ...measure, actual: 0.5 }))).toEqual({ 'measure.actual': ['Enter the count so far as a whole number.'] });
    expect(errorsOf(withMeasure({ ...measure, actual: '640' }))).toEqual({ 'measure.actual': ['Enter the count so far as a whole number.'] });
    expect(withMeasure({ ...measure, actual: 5000 }).success).toBe(true);
  });

  it('an edit may set, change or take away the measure', () => {
    expect(updateDeliverableSchema.safeParse({ version: 3, measure: null }).success).toBe(true);
    expect(errorsOf(updateDeliverableSchema.safeParse({ version: 3, measure: { label: 'x', target: 10, extra: 1 } }))).toEqual({
      'measure.extra': ['This field is not accepted here.'],
    });
  });
});

describe('a progress update’s count so far', () => {
  it('is a whole number of at least zero', () => {
    expect(progressUpdateSchema.safeParse({ status: 'in_progress', measureActual: 700 }).success).toBe(true);
    expect(errorsOf(progressUpdateSchema.safeParse({ status: 'in_progress', measureActual: -1 }))).toEqual({
      measureActual: ['The count so far cannot be negative.'],
    });
    expect(errorsOf(progressUpdateSchema.safeParse({ status: 'in_progress', measureActual: 7.5 }))).toEqual({
      measureActual: ['Enter the count so far as a whole number.'],
    });
  });

  it('is not sent with a typed progress: the count sets it', () => {
    expect(errorsOf(progressUpdateSchema.safeParse({ status: 'in_progress', measureActual: 700, progress: 60 }))).toEqual({
      progress: ['Send the count so far or the progress, not both: the count sets the progress.'],
    });
  });
});
