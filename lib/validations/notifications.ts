import { z } from 'zod';
import { NOTIFICATION_DELIVERIES } from '@/lib/domain';
import { CHOOSABLE_KINDS } from '@/lib/notifications';
import { idField, paging, routeId } from './common';
import { text } from './text';

export const notificationListQuery = z.strictObject({ page: paging.page });

/** Mark read: the ids listed, or every unread notification with `all: true`. */
export const markReadSchema = z.union(
  [
    z.strictObject({ ids: z.array(idField).min(1, 'List at least one notification.').max(200, 'At most 200 at a time.') }),
    z.strictObject({ all: z.literal(true, { error: 'Send all: true to mark every notification read.' }) }),
  ],
  { error: 'Send ids (a list of notification ids) or all: true.' },
);
export type MarkReadInput = z.input<typeof markReadSchema>;

const delivery = z.enum(NOTIFICATION_DELIVERIES, { error: `Choose one of: ${NOTIFICATION_DELIVERIES.join(', ')}.` });

/** Preferences: any of the kinds, each with its delivery; a kind the role does not receive is refused by the data layer. */
export const preferencesSchema = z
  .strictObject(Object.fromEntries(CHOOSABLE_KINDS.map((kind) => [kind, delivery.optional()])) as Record<(typeof CHOOSABLE_KINDS)[number], z.ZodOptional<typeof delivery>>)
  .refine((value) => Object.keys(value).length > 0, { message: 'Choose a delivery for at least one kind of notification.', path: ['_'] });
export type PreferencesInput = z.input<typeof preferencesSchema>;

export const OUTBOX_STATES = ['all', 'pending', 'sent', 'failed', 'held_for_digest'] as const;
export const outboxListQuery = z.strictObject({
  state: z.enum(OUTBOX_STATES, { error: `state is one of: ${OUTBOX_STATES.join(', ')}.` }).default('all'),
  /** Part of the recipient's e-mail address. */
  to: text()
    .max(200, 'to is at most 200 characters.')
    .optional()
    .transform((v) => v || undefined),
  page: paging.page,
});

export const outboxIdParams = z.object({ id: routeId });

/** A token in a public address: its form only; whether it is genuine is the data layer's to say. */
export const unsubscribeQuery = z.strictObject({ token: z.string({ error: 'The unsubscribe address has no token.' }).min(1).max(200, 'The token is too long.') });
export const calendarFeedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}(\.ics)?$/) });
