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

/** The plan's objectives and priority actions. A change to them also changes what deliverables' forms offer. */
export const planKeys = {
  all: ['plan'] as const,
};

/** Member agencies (their list, counts and boards). */
export const agencyKeys = {
  all: ['agencies'] as const,
};

export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  details: () => [...meetingKeys.all, 'detail'] as const,
  detail: (id: number) => [...meetingKeys.details(), id] as const,
};

/** Accounts as administrators manage them (list, one account, its access). */
export const userKeys = {
  all: ['users'] as const,
};

/** Statistics: indicators and their observations. */
export const statisticsKeys = {
  all: ['statistics'] as const,
};

/** What belongs to the signed-in person: password, passkeys, notification settings, calendar feed. */
export const accountKeys = {
  all: ['account'] as const,
};

/** The person's notifications; the header's bell reads the unread count under this root. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
};

/** The sign-in policy and the outbox an administrator looks after. */
export const adminKeys = {
  all: ['admin'] as const,
};
