/** Numbers, money and dates for en-US readers, all through Intl. */
const integer = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const calendarDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const calendarMonth = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatNumber = (n: number) => integer.format(n);
/** "1 row", "1,204 rows": a count with its noun, singular for one. */
export const formatCount = (n: number, one: string, many = `${one}s`) => `${integer.format(n)} ${n === 1 ? one : many}`;
export const formatCompact = (n: number) => compact.format(n);
export const formatUsd = (n: number) => usd.format(n);
/** "$150 billion", "$87 million": Intl's compact currency would say "$150.0B". */
export const formatUsdCompact = (n: number) => `$${compact.format(n)}`;
/** `share` is a fraction (0.7 → "70%"). */
export const formatPercent = (share: number) => percent.format(share);

/** A calendar date (`YYYY-MM-DD`), shown as "Jan 25, 2022"; with month precision, "October 2020". */
export function formatCalendarDate(iso: string | null | undefined, precision: 'day' | 'month' = 'day'): string {
  if (!iso) return '—';
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return precision === 'month' ? calendarMonth.format(date) : calendarDate.format(date);
}

/** A meeting's date as far as it is known: "Jan 25, 2022", or "October 2020" for one known only to the month. */
export function formatMeetingDate(meeting: { date: string; datePrecision?: string | null }): string {
  return formatCalendarDate(meeting.date, meeting.datePrecision === 'month' ? 'month' : 'day');
}

/** An instant in the reader's own time zone (pass it from the browser) or UTC on the server. */
export function formatInstant(value: Date | number, timeZone?: string): string {
  return instantFormat(timeZone).format(value);
}

// Building an Intl formatter costs far more than using one: keep one per time zone.
const instantFormats = new Map<string | undefined, Intl.DateTimeFormat>();
function instantFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    instantFormats.set(timeZone, format);
  }
  return format;
}

export function formatDays(days: number): string {
  const n = Math.abs(days);
  return `${formatNumber(n)} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * A figure as its source words it: "over 60", "nearly 27.6 million", "about $15 million"; with no
 * qualifier, just the measure.
 */
export function formatObservationValue(value: number, unit: string, qualifier?: string | null): string {
  const measure = formatMeasure(value, unit);
  return qualifier === 'over' || qualifier === 'nearly' || qualifier === 'about' ? `${qualifier} ${measure}` : measure;
}

/**
 * The period a figure describes: "2020", or for an estimate published later, "estimate for 2016,
 * published 2017".
 */
export function formatObservationPeriod(o: { period: string; publishedYear?: number | null }): string {
  return o.publishedYear ? `estimate for ${o.period}, published ${o.publishedYear}` : o.period;
}

/** Observations carry their unit; this is how each unit reads. */
export function formatMeasure(value: number, unit: string): string {
  switch (unit) {
    case 'usd':
      return value >= 1_000_000 ? formatUsdCompact(value) : formatUsd(value);
    case 'percent':
      return `${formatNumber(value)}%`;
    default:
      return value >= 1_000_000 ? `${formatCompact(value)}` : formatNumber(value);
  }
}
