/** The browser's calls to the notification endpoints, typed by their wire contract. */
import { apiFetch } from '@/lib/api/client';
import type { CalendarFeedStatus, NotificationPage, OutboxMessage, PreferenceRow } from '@/lib/contracts/notifications';
import type { MarkReadInput, PreferencesInput } from '@/lib/validations/notifications';

/** Sent on the window when the unread count changes, so the header's bell follows at once. */
export const UNREAD_EVENT = 'pitf:unread';

export const fetchUnread = () => apiFetch<NotificationPage>('/api/notifications?page=1').then((p) => p.unread);

export async function markRead(input: MarkReadInput): Promise<number> {
  const { unread } = await apiFetch<{ unread: number }>('/api/notifications/read', { method: 'POST', body: input });
  window.dispatchEvent(new CustomEvent(UNREAD_EVENT, { detail: unread }));
  return unread;
}

export const savePreferences = (input: PreferencesInput) =>
  apiFetch<{ items: PreferenceRow[] }>('/api/account/notifications', { method: 'PUT', body: input }).then((r) => r.items);

export const createCalendarFeed = () => apiFetch<{ url: string; feed: CalendarFeedStatus }>('/api/account/calendar-feed', { method: 'POST' });

export const revokeCalendarFeed = () => apiFetch<{ revoked: boolean }>('/api/account/calendar-feed', { method: 'DELETE' });

export const retryOutboxMessage = (id: number) => apiFetch<OutboxMessage>(`/api/admin/outbox/${id}/retry`, { method: 'POST' });
