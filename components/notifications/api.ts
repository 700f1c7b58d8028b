/** The browser's calls to the notification endpoints, typed by their wire contract. */
import { apiFetch } from '@/lib/api/client';
import type { CalendarFeedStatus, OutboxMessage, PreferenceRow } from '@/lib/contracts/notifications';
import type { MarkReadInput, PreferencesInput } from '@/lib/validations/notifications';

/** Sent on the window when the unread count changes, so the header's bell follows at once. */
export const UNREAD_EVENT = 'pitf:unread';

/**
 * The unread count, asked in the background. Not through apiFetch: that announces activity to the
 * idle clock, and this request is not the person doing anything (the server does not count it either).
 */
export async function fetchUnread(): Promise<number> {
  const response = await fetch('/api/notifications/unread', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return ((await response.json()) as { unread: number }).unread;
}

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
