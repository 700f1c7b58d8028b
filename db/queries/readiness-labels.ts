/** Readiness words, importable by client components (no database code here). */
export type Readiness = 'ready' | 'awaiting_review' | 'in_progress' | 'not_started';

export const READINESS_LABELS: Record<Readiness, string> = {
  ready: 'Ready',
  awaiting_review: 'Awaiting review',
  in_progress: 'In progress',
  not_started: 'Not started',
};
