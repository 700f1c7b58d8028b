'use client';

import { useState } from 'react';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { LocalTime } from '@/components/ui/local-time';
import type { CalendarFeedStatus } from '@/lib/contracts/notifications';
import { useCreateCalendarFeedMutation, useRevokeCalendarFeedMutation } from './api';

/**
 * The person's calendar feed address: made here, shown once (only its hash is kept), replaced or
 * turned off at any time.
 */
export function CalendarFeed({ initial }: { initial: CalendarFeedStatus }) {
  const [feed, setFeed] = useState(initial);
  const [url, setUrl] = useState<string | null>(null);
  const status = useFormStatus();

  const create = useCreateCalendarFeedMutation({
    ...status.handlers,
    onSuccess: (made) => {
      setFeed(made.feed);
      setUrl(made.url);
      status.setMessage({
        type: 'success',
        text: feed ? 'A new address is made; the old one no longer works.' : 'Your calendar address is made. Copy it now: it is shown only once.',
      });
    },
  });
  const revoke = useRevokeCalendarFeedMutation({
    ...status.handlers,
    onSuccess: () => {
      setFeed(null);
      setUrl(null);
      status.setMessage({ type: 'success', text: 'Your calendar address is turned off; calendars subscribed to it stop updating.' });
    },
  });

  return (
    <div data-testid="calendar-feed">
      <FormMessageBanner message={status.message} testId="calendar-feed-message" />
      {url ? (
        <div className="usa-form-group">
          <label className="usa-label" htmlFor="calendar-feed-url">
            Your calendar address (subscribe to it in Outlook: Add calendar, From internet)
          </label>
          <input id="calendar-feed-url" className="usa-input" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="calendar-feed-url" />
        </div>
      ) : feed ? (
        <p>
          Your calendar address was made <LocalTime value={feed.createdAt} />
          {feed.lastUsedAt ? (
            <>
              {' '}
              and last read by a calendar <LocalTime value={feed.lastUsedAt} />
            </>
          ) : (
            ' and has not been read by a calendar yet'
          )}
          . It is not shown again; make a new one if you need it.
        </p>
      ) : (
        <p>You have no calendar address.</p>
      )}
      <div className="margin-top-2">
        <button type="button" className="usa-button" onClick={() => create.mutate()} disabled={create.isPending || revoke.isPending}>
          {feed ? 'Make a new address' : 'Make my calendar address'}
        </button>
        {feed ? (
          <button type="button" className="usa-button usa-button--secondary" onClick={() => revoke.mutate()} disabled={create.isPending || revoke.isPending}>
            Turn the address off
          </button>
        ) : null}
      </div>
    </div>
  );
}
