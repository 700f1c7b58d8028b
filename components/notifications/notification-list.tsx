'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { LocalTime } from '@/components/ui/local-time';
import type { NotificationPage } from '@/lib/contracts/notifications';
import { NOTIFICATION_RULES } from '@/lib/notifications';
import { useMarkReadMutation } from './api';

const EMAIL_NOTES: Partial<Record<string, string>> = {
  pending: 'E-mail on its way',
  sending: 'E-mail on its way',
  sent: 'E-mailed',
  failed: 'E-mail failed',
  held_for_digest: 'Waits for your daily digest',
  in_digest: 'Sent in your daily digest',
  not_emailed: 'Not e-mailed, as you chose',
};

/** The person's notifications: unread ones stand out; opening one marks it read. */
export function NotificationList({ initial, mailServer }: { initial: NotificationPage; mailServer: boolean }) {
  const [items, setItems] = useState(initial.items);
  const [unread, setUnread] = useState(initial.unread);
  const status = useFormStatus();
  // Where focus goes when the button that had it ("Mark read") goes away.
  const summary = useRef<HTMLParagraphElement>(null);

  const mark = useMarkReadMutation({
    ...status.handlers,
    onSuccess: (left, input) => {
      const ids = 'all' in input ? 'all' : input.ids;
      const now = Date.now();
      setItems((list) => list.map((n) => (n.readAt === null && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt: now } : n)));
      setUnread(left);
      summary.current?.focus();
      if (ids === 'all') status.setMessage({ type: 'success', text: 'Every notification is marked read.' });
    },
  });

  if (!items.length) return <p data-testid="notifications-empty">You have no notifications yet.</p>;

  return (
    <>
      <FormMessageBanner message={status.message} testId="notifications-message" />
      <p data-testid="notifications-unread" ref={summary} tabIndex={-1} aria-live="polite">
        {unread === 0 ? 'Everything is read.' : `${unread} unread.`}{' '}
        {unread > 0 ? (
          <button type="button" className="usa-button usa-button--outline usa-button--small" onClick={() => mark.mutate({ all: true })} disabled={mark.isPending}>
            Mark all read
          </button>
        ) : null}
      </p>
      <ul className="usa-list usa-list--unstyled" data-testid="notifications">
        {items.map((n) => {
          const label = n.kind === 'digest' ? 'Daily digest' : NOTIFICATION_RULES[n.kind].label;
          return (
            <li key={n.id} className={`border-bottom-1px border-base-lighter padding-y-1${n.readAt === null ? ' pitf-unread' : ''}`} data-testid="notification">
              <Link href={n.link} className="usa-link" onClick={() => (n.readAt === null ? mark.mutate({ ids: [n.id] }) : undefined)}>
                {n.readAt === null ? <span className="usa-sr-only">Unread: </span> : null}
                {n.subject}
              </Link>
              <div className="font-sans-2xs text-base-dark text-normal">
                {label} · <LocalTime value={n.createdAt} />
                {!mailServer && (n.emailState === 'pending' || n.emailState === 'sending')
                  ? ' · Not e-mailed: this server has no mail server configured'
                  : EMAIL_NOTES[n.emailState]
                    ? ` · ${EMAIL_NOTES[n.emailState]}`
                    : ''}
                {n.readAt === null ? (
                  <>
                    {' · '}
                    <button type="button" className="usa-button usa-button--unstyled font-sans-2xs" onClick={() => mark.mutate({ ids: [n.id] })} disabled={mark.isPending}>
                      Mark read<span className="usa-sr-only">: {n.subject}</span>
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
