'use client';

/**
 * The browser's calls to the notification endpoints, typed by their wire contract: the unread
 * count the header's bell reads (a query: it changes without the page being loaded again), and a
 * mutation hook per write, which invalidates `notificationKeys.all` (or `accountKeys.all`, or
 * `adminKeys.all` for the outbox) before the caller's onSuccess (see lib/api/mutation.ts).
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import type { CalendarFeedStatus, OutboxMessage, PreferenceRow } from '@/lib/contracts/notifications';
import { accountKeys, adminKeys, notificationKeys } from '@/lib/query-keys';
import type { MarkReadInput, PreferencesInput } from '@/lib/validations/notifications';

// GET /api/notifications/unread

/**
 * The unread count, asked in the background. Not through apiFetch: that announces activity to the
 * idle clock, and this request is not the person doing anything (the server does not count it either).
 */
export async function fetchUnread(signal?: AbortSignal): Promise<number> {
  const response = await fetch('/api/notifications/unread', { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return ((await response.json()) as { unread: number }).unread;
}

/** Always read again when asked (on each page and when the window regains focus): it is one small number. */
export const unreadQuery = () =>
  queryOptions({ queryKey: notificationKeys.unread(), queryFn: ({ signal }) => fetchUnread(signal), staleTime: 0, retry: false });

/** The count rendered with the page, then as the server says it is now. */
export function useUnread(initialUnread: number) {
  return useQuery({ ...unreadQuery(), initialData: initialUnread });
}

// POST /api/notifications/read

export async function markRead(input: MarkReadInput): Promise<number> {
  const { unread } = await apiFetch<{ unread: number }>('/api/notifications/read', { method: 'POST', body: input });
  return unread;
}

/** The bell follows at once: the answer is the new unread count. */
export function useMarkReadMutation(options?: MutationHookOptions<number, MarkReadInput>) {
  const queryClient = useQueryClient();
  return useInvalidatingMutation(markRead, [notificationKeys.all], {
    ...options,
    onSuccess: (unread, ...rest) => {
      queryClient.setQueryData(notificationKeys.unread(), unread);
      return options?.onSuccess?.(unread, ...rest);
    },
  });
}

// PUT /api/account/notifications

export const savePreferences = (input: PreferencesInput) =>
  apiFetch<{ items: PreferenceRow[] }>('/api/account/notifications', { method: 'PUT', body: input }).then((r) => r.items);

export function useSavePreferencesMutation(options?: MutationHookOptions<PreferenceRow[], PreferencesInput>) {
  return useInvalidatingMutation(savePreferences, [accountKeys.all], options);
}

// POST and DELETE /api/account/calendar-feed

export const createCalendarFeed = () => apiFetch<{ url: string; feed: CalendarFeedStatus }>('/api/account/calendar-feed', { method: 'POST' });

export function useCreateCalendarFeedMutation(options?: MutationHookOptions<{ url: string; feed: CalendarFeedStatus }, void>) {
  return useInvalidatingMutation(createCalendarFeed, [accountKeys.all], options);
}

export const revokeCalendarFeed = () => apiFetch<{ revoked: boolean }>('/api/account/calendar-feed', { method: 'DELETE' });

export function useRevokeCalendarFeedMutation(options?: MutationHookOptions<{ revoked: boolean }, void>) {
  return useInvalidatingMutation(revokeCalendarFeed, [accountKeys.all], options);
}

// POST /api/admin/outbox/:id/retry

export const retryOutboxMessage = (id: number) => apiFetch<OutboxMessage>(`/api/admin/outbox/${id}/retry`, { method: 'POST' });

export function useRetryOutboxMessageMutation(id: number, options?: MutationHookOptions<OutboxMessage, void>) {
  return useInvalidatingMutation(() => retryOutboxMessage(id), [adminKeys.all], options);
}
