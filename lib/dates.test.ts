import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isTimeZone, startOfDayIn, todayIso } from './dates';

const utc = (iso: string) => Date.parse(iso);

describe('the first instant of a calendar day in a time zone', () => {
  it('is midnight there, in UTC terms', () => {
    expect(startOfDayIn('2026-12-01', 'America/New_York')).toBe(utc('2026-12-01T05:00:00Z'));
    expect(startOfDayIn('2026-07-01', 'America/New_York')).toBe(utc('2026-07-01T04:00:00Z'));
    expect(startOfDayIn('2026-12-01', 'Asia/Tokyo')).toBe(utc('2026-11-30T15:00:00Z'));
    expect(startOfDayIn('2026-12-01', 'Asia/Kolkata')).toBe(utc('2026-11-30T18:30:00Z'));
    expect(startOfDayIn('2026-12-01', 'UTC')).toBe(utc('2026-12-01T00:00:00Z'));
    expect(startOfDayIn('2026-12-01', 'Pacific/Kiritimati')).toBe(utc('2026-11-30T10:00:00Z'));
  });

  it('follows the clock changes of daylight saving time', () => {
    // New York springs forward at 02:00 on 8 March 2026 and falls back at 02:00 on 1 November.
    expect(startOfDayIn('2026-03-08', 'America/New_York')).toBe(utc('2026-03-08T05:00:00Z'));
    expect(startOfDayIn('2026-03-09', 'America/New_York')).toBe(utc('2026-03-09T04:00:00Z'));
    expect(startOfDayIn('2026-11-01', 'America/New_York')).toBe(utc('2026-11-01T04:00:00Z'));
    expect(startOfDayIn('2026-11-02', 'America/New_York')).toBe(utc('2026-11-02T05:00:00Z'));
  });

  it('starts a day whose midnight a clock change skips at the change', () => {
    // Santiago moves from 00:00 to 01:00 on 6 September 2026, and back from 24:00 to 23:00 on 4 April.
    expect(startOfDayIn('2026-09-06', 'America/Santiago')).toBe(utc('2026-09-06T04:00:00Z'));
    expect(startOfDayIn('2026-04-05', 'America/Santiago')).toBe(utc('2026-04-05T04:00:00Z'));
  });

  it('puts an instant a millisecond either side of midnight on the right day', () => {
    const start = startOfDayIn('2026-12-01', 'America/New_York');
    expect(todayIso(new Date(start - 1), 'America/New_York')).toBe('2026-11-30');
    expect(todayIso(new Date(start), 'America/New_York')).toBe('2026-12-01');
  });
});

describe('time zone names', () => {
  it('knows IANA names and UTC, in any case, and refuses anything else', () => {
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(canonicalTimeZone('america/chicago')).toBe('America/Chicago');
    for (const bad of ['Mars/Olympus_Mons', 'EST5EDT; DROP', '', '../etc', 'x'.repeat(80)]) expect(isTimeZone(bad), bad).toBe(false);
  });
});
