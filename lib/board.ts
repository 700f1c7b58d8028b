/**
 * An agency board is five columns, one per status, each its own page of the deliverable list:
 * the most recently updated cards of that status and its true total. "Show more" asks for a longer first page,
 * up to the list's largest page; past that, the column links to the full list, which pages.
 */
import type { PillarSlug, Status } from './domain';

export const BOARD_COLUMN_PAGE = 25;
export const BOARD_COLUMN_MAX = 200;

export type BoardFilters = { agency: string; pillar?: PillarSlug; meeting?: number };

/** The list request behind one column showing `shown` cards, the most recently updated first. */
export function boardColumnFilters(board: BoardFilters, status: Status, shown: number) {
  return { ...board, status, sort: 'recent' as const, page: 1, pageSize: shown };
}

/** The full list of one column's deliverables, with the board's filters. */
export function boardColumnListHref(board: BoardFilters, status: Status): string {
  const query = new URLSearchParams({ agency: board.agency, status });
  if (board.pillar) query.set('pillar', board.pillar);
  if (board.meeting) query.set('meeting', String(board.meeting));
  return `/deliverables?${query}`;
}
