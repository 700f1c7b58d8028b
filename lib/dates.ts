/**
 * Calendar dates (meeting dates, due dates, cutoffs) are ISO `YYYY-MM-DD` strings with no time
 * zone. "Today" is the task force's day in Washington, D.C., so a cutoff does not move with the
 * server's clock zone.
 */
export const TASK_FORCE_TIME_ZONE = 'America/New_York';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The dates the app accepts. Every date it records (meetings, due dates, cutoffs, reports) falls
 * well inside; a date outside is a typing mistake, and refusing it keeps lists and charts sane.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2100-12-31';
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
export const DATE_RANGE_MESSAGE = 'Enter a date between 1900 and 2100.';

/** For an ISO date (check isIsoDate first): YYYY-MM-DD strings compare as the dates do. */
export function isDateInRange(value: string): boolean {
  return value >= FIRST_DATE && value <= LAST_DATE;
}

// en-CA formats as YYYY-MM-DD.
const taskForceDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TASK_FORCE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// One formatter per other time zone, made on first use.
const otherZones = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `now` in the task force's time zone, or in `timeZone`. */
export function todayIso(now = new Date(), timeZone?: string): string {
  if (!timeZone || timeZone === TASK_FORCE_TIME_ZONE) return taskForceDay.format(now);
  let format = otherZones.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    otherZones.set(timeZone, format);
  }
  return format.format(now);
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether `name` is a time zone this runtime knows (an IANA name such as America/Chicago, or UTC). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The spelling the runtime uses for a known time zone (america/chicago → America/Chicago). */
export function canonicalTimeZone(name: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `timeZone` at `instant`, read as if it were UTC, in milliseconds. */
function wallClock(instant: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) + (instant % 1000 + 1000) % 1000;
}

/**
 * The first instant (epoch ms) of calendar day `iso` in `timeZone`: for "from 1 December" in New
 * York, 05:00 UTC. The zone's offset is tried as it stands a day before, at and a day after the
 * day's wall-clock midnight, which covers a clock change on either side; of the candidates that fall
 * on the day, the earliest wins. Where a clock change skips midnight (Santiago in September), the
 * day starts at the change, at 01:00.
 */
export function startOfDayIn(iso: string, timeZone: string): number {
  const midnight = Date.parse(`${iso}T00:00:00Z`);
  const candidates = [midnight - 86_400_000, midnight, midnight + 86_400_000]
    .map((probe) => midnight - (wallClock(probe, timeZone) - probe))
    .filter((instant) => new Date(wallClock(instant, timeZone)).toISOString().slice(0, 10) === iso);
  return Math.min(...candidates);
}
