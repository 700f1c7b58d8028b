/**
 * Which two points the pillars page's "change between two meetings" compares when the reader has
 * not chosen: the last meeting held (on or before today), and now. A planned meeting has no record
 * of its own yet, so comparing "as of" one would only show today's figures under a future date.
 * With no meeting held yet, the first meeting (the oldest) stands in for the last one held.
 */
export function defaultComparison(
  meetings: { id: number; date: string; status: string }[],
  today: string,
): { from: number | 'now'; to: number | 'now' } | null {
  const held = meetings.filter((m) => m.status === 'held' && m.date <= today).sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : y.id - x.id));
  const oldest = [...meetings].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id - y.id))[0];
  const from = held[0] ?? oldest;
  return from ? { from: from.id, to: 'now' } : null;
}
