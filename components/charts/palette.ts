import type { Status } from '@/lib/domain';

/**
 * Chart colours: each at least 3:1 against white (WCAG 1.4.11) and distinct from its neighbours;
 * every chart also labels its marks and has a data table, so colour never carries meaning alone.
 */
export const STATUS_COLOURS: Record<Status, string> = {
  not_started: '#71767a',
  in_progress: '#005ea2',
  at_risk: '#9c4d00',
  blocked: '#b50909',
  completed: '#216e1f',
};

export const SERIES_COLOURS = { a: '#71767a', b: '#005ea2', completed: '#216e1f', inProgress: '#005ea2' } as const;
