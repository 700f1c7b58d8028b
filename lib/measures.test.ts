import { describe, expect, it } from 'vitest';
import { countSummary, measureOf, measureSummary, progressFor, progressFromCount } from './measures';

describe('progress from a count', () => {
  it('is the count’s share of its target, rounded to a whole percent', () => {
    expect(progressFromCount(640, 1200)).toBe(53);
    expect(progressFromCount(0, 1200)).toBe(0);
    expect(progressFromCount(1, 3)).toBe(33);
    expect(progressFromCount(2, 3)).toBe(67);
  });

  it('reaches 100% only when the target is met, and stays at 100% beyond it', () => {
    expect(progressFromCount(1199, 1200)).toBe(99);
    expect(progressFromCount(1200, 1200)).toBe(100);
    expect(progressFromCount(5000, 1200)).toBe(100);
  });

  it('a completed deliverable is at 100%; a measured one follows its count; an unmeasured one keeps what was typed', () => {
    const measure = { target: 1200, actual: 640 };
    expect(progressFor('completed', measure, 10)).toBe(100);
    expect(progressFor('in_progress', measure, 10)).toBe(53);
    expect(progressFor('not_started', measure, 0)).toBe(53);
    expect(progressFor('blocked', measure, 90)).toBe(53);
    expect(progressFor('in_progress', null, 40)).toBe(40);
  });
});

describe('how a measure reads', () => {
  it('says the count of the target with thousands separators', () => {
    expect(measureSummary({ label: 'investigators trained', unit: null, target: 1200, actual: 640 })).toBe('640 of 1,200 investigators trained');
    expect(measureSummary({ label: 'training delivered', unit: 'hours', target: 25000, actual: 12500 })).toBe(
      '12,500 of 25,000 hours (training delivered)',
    );
    expect(countSummary(1640, { label: 'investigators trained', unit: null })).toBe('1,640 investigators trained');
    expect(countSummary(1640, null)).toBe('count 1,640');
  });

  it('is read from the stored columns only when it has what is counted and a target', () => {
    expect(measureOf({ measureLabel: 'investigators trained', measureUnit: '', measureTarget: 1200, measureActual: null })).toEqual({
      label: 'investigators trained',
      unit: null,
      target: 1200,
      actual: 0,
    });
    expect(measureOf({ measureLabel: null, measureUnit: null, measureTarget: null, measureActual: null })).toBeNull();
    expect(measureOf({ measureLabel: 'investigators trained', measureUnit: null, measureTarget: null, measureActual: 5 })).toBeNull();
  });
});
