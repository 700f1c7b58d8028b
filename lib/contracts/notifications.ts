/**
 * What the notification endpoints answer, as JSON delivers it (instants as epoch milliseconds).
 * The data layer returns these shapes; the browser reads them.
 */
import type { EmailState, NotificationDelivery, NotificationKind } from '@/lib/domain';
import type { ChoosableKind } from '@/lib/notifications';

export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  subject: string;
  link: string;
  createdAt: number;
  readAt: number | null;
  emailState: EmailState;
};

export type NotificationPage = { items: NotificationItem[]; total: number; page: number; pageSize: number; unread: number };

export type PreferenceRow = { kind: ChoosableKind; delivery: NotificationDelivery; choices: NotificationDelivery[] };

export type CalendarFeedStatus = { createdAt: number; lastUsedAt: number | null } | null;

export type OutboxItem = {
  id: number;
  kind: NotificationKind;
  subject: string;
  to: string;
  toName: string;
  createdAt: number;
  emailState: EmailState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  sentAt: number | null;
};

export type OutboxPage = { items: OutboxItem[]; total: number; page: number; pageSize: number; counts: Partial<Record<EmailState, number>> };

export type OutboxMessage = Omit<OutboxItem, 'nextAttemptAt'> & { bodyText: string; bodyHtml: string; hasCalendar: boolean };
