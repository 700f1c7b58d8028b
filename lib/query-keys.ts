/**
 * React Query keys, one factory per resource. Mutations invalidate a resource's root key
 * (`deliverableKeys.all`), so every list, board and detail of it refetches.
 */
export type DeliverableListFilters = {
  agency?: string;
  pillar?: string;
  status?: string;
  supportedBy?: string;
  meeting?: number;
  stale?: boolean;
  overdue?: boolean;
  attention?: boolean;
  q?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
};

export const deliverableKeys = {
  all: ['deliverables'] as const,
  lists: () => [...deliverableKeys.all, 'list'] as const,
  list: (filters: DeliverableListFilters) => [...deliverableKeys.lists(), filters] as const,
  details: () => [...deliverableKeys.all, 'detail'] as const,
  detail: (id: number) => [...deliverableKeys.details(), id] as const,
  updates: (id: number) => [...deliverableKeys.detail(id), 'updates'] as const,
};

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  details: () => [...meetingKeys.all, 'detail'] as const,
  detail: (id: number) => [...meetingKeys.details(), id] as const,
};
