import { describe, expect, it } from 'vitest';
import { defaultComparison } from './pillar-change';

const meeting = (id: number, date: string, status: string) => ({ id, date, status });

describe('the meetings the change chart compares by default', () => {
  it('compares the last meeting held with now, never a planned one', () => {
    const meetings = [meeting(4, '2027-02-15', 'planned'), meeting(3, '2026-11-20', 'planned'), meeting(2, '2026-02-10', 'held'), meeting(1, '2025-02-10', 'held')];
    expect(defaultComparison(meetings, '2026-12-01')).toEqual({ from: 2, to: 'now' });
  });

  it('skips a cancelled meeting and one marked held with a date still ahead', () => {
    const meetings = [meeting(3, '2026-12-05', 'held'), meeting(2, '2026-10-01', 'cancelled'), meeting(1, '2026-03-01', 'held')];
    expect(defaultComparison(meetings, '2026-12-01')).toEqual({ from: 1, to: 'now' });
  });

  it('takes a meeting held today', () => {
    expect(defaultComparison([meeting(2, '2026-12-01', 'held'), meeting(1, '2026-03-01', 'held')], '2026-12-01')).toEqual({ from: 2, to: 'now' });
  });

  it('with nothing held yet, compares the first meeting with now; with no meeting, nothing', () => {
    expect(defaultComparison([meeting(2, '2027-03-01', 'planned'), meeting(1, '2027-01-01', 'planned')], '2026-12-01')).toEqual({ from: 1, to: 'now' });
    expect(defaultComparison([], '2026-12-01')).toBeNull();
  });
});
