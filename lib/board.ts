/**
 * An agency board is five columns, one per status, each its own page of the deliverable list:
 * the most recently updated cards of that status and its true total. "Show more" asks for a longer first page,
 * up to the list's largest page; past that, the column links to the full list, which pages.
 *
 * A board shows the deliverables the agency leads, or (`view: 'support'`) those of other agencies
 * that it supports.
 */
import type { PillarSlug, Status } from './domain';

export const BOARD_COLUMN_PAGE = 25;
export const BOARD_COLUMN_MAX = 200;

export const BOARD_VIEWS = ['lead', 'support'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

export type BoardFilters = { agency: string; view?: BoardView; pillar?: PillarSlug; meeting?: number };

/** The list's filters for the board's deliverables: led by the agency, or supported by it. */
function whose({ agency, view }: BoardFilters): { agency?: string; supportedBy?: string } {
  return view === 'support' ? { supportedBy: agency } : { agency };
}

/** The list request behind one column showing `shown` cards, the most recently updated first. */
export function boardColumnFilters(board: BoardFilters, status: Status, shown: number) {
  return {
    ...whose(board),
    ...(board.pillar ? { pillar: board.pillar } : {}),
    ...(board.meeting ? { meeting: board.meeting } : {}),
    status,
    sort: 'recent' as const,
    page: 1,
    pageSize: shown,
  };
}

/** The board's filters as a list address's query (no status): for the column links and the CSV. */
export function boardListQuery(board: BoardFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(whose(board))) query.set(key, value);
  if (board.pillar) query.set('pillar', board.pillar);
  if (board.meeting) query.set('meeting', String(board.meeting));
  return query;
}

/** The full list of one column's deliverables, with the board's filters. */
export function boardColumnListHref(board: BoardFilters, status: Status): string {
  const query = boardListQuery(board);
  query.set('status', status);
  return `/deliverables?${query}`;
}
