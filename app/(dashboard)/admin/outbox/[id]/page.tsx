import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getOutboxMessage } from '@/db/queries/notifications';
import { RetryButton } from '@/components/notifications/retry-button';
import { LocalTime } from '@/components/ui/local-time';
import { requireUser } from '@/lib/server/auth';
import { canReadOutbox } from '@/lib/authorization';
import { mailConfig } from '@/lib/env';
import { EMAIL_STATE_LABELS } from '@/lib/notifications';
import { requirePageAccess } from '@/lib/server/page-access';
import { parseRouteId } from '@/lib/validations/common';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'E-mail in the outbox' };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  await requirePageAccess(user, canReadOutbox(user));
  const id = parseRouteId((await params).id);
  const message = id ? getOutboxMessage(id) : null;
  if (!message) notFound();
  return (
    <>
      <Breadcrumbs trail={[{ href: '/admin/outbox', label: 'Outbox' }]} />
      <h1 data-testid="outbox-subject">{message.subject}</h1>
      <dl className="pitf-details" data-testid="outbox-message">
        <dt>To</dt>
        <dd>
          {message.toName} &lt;{message.to}&gt;
        </dd>
        <dt>Written</dt>
        <dd>
          <LocalTime value={message.createdAt} />
        </dd>
        <dt>State</dt>
        <dd data-testid="outbox-message-state">
          {message.emailState === 'pending' && !mailConfig() ? 'Kept (no mail server is configured)' : EMAIL_STATE_LABELS[message.emailState]}
          {message.sentAt ? (
            <>
              {' '}
              on <LocalTime value={message.sentAt} />
            </>
          ) : null}
          {message.attempts > 0 ? ` (${message.attempts} ${message.attempts === 1 ? 'attempt' : 'attempts'})` : ''}
        </dd>
        {message.lastError ? (
          <>
            <dt>Mail server’s last answer</dt>
            <dd data-testid="outbox-error">{message.lastError}</dd>
          </>
        ) : null}
        <dt>Attachment</dt>
        <dd>{message.hasCalendar ? 'meeting.ics (the meeting and its cutoff for the calendar)' : 'None'}</dd>
      </dl>
      {message.emailState === 'failed' ? <RetryButton id={message.id} /> : null}
      <h2>Plain-text part</h2>
      <pre className="pitf-mail-text" data-testid="outbox-text">
        {message.bodyText}
      </pre>
      <p>
        <a href={`/api/admin/outbox/${message.id}/html`} className="usa-link" target="_blank" rel="noopener">
          Open the HTML part as the recipient sees it (new tab)
        </a>
      </p>
    </>
  );
}
