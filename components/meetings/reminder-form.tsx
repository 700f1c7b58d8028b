'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';
import { useSendRemindersMutation } from './api';

type Props = { meetingId: number; agencies: { slug: string; name: string; ready: boolean }[] };

const NOT_READY = '__not_ready__';

/** The chair reminds one agency, or every agency whose report is not yet submitted. */
export function ReminderForm({ meetingId, agencies }: Props) {
  const router = useRouter();
  const [target, setTarget] = useState(NOT_READY);
  const [message, setMessage] = useState('Please bring every open deliverable up to date and submit your report before the reporting cutoff.');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const send = useSendRemindersMutation(meetingId, {
    onMutate: () => {
      setErrors({});
      setResult(null);
    },
    onSuccess: (data) => {
      setResult({
        type: 'success',
        text: data.reminded.length
          ? `Reminder sent to ${data.reminded.length} ${data.reminded.length === 1 ? 'agency' : 'agencies'}: ${data.reminded.join(', ').toUpperCase()}.`
          : 'Every agency has already submitted: no reminder was needed.',
      });
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiClientError) {
        setErrors(error.fields);
        setResult({ type: 'error', text: error.message });
      } else setResult({ type: 'error', text: 'The server could not be reached. No reminder was sent.' });
    },
  });
  const notReady = agencies.filter((a) => !a.ready).length;

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate(target === NOT_READY ? { notReady: true, message } : { agency: target, message });
      }}
      data-testid="reminder-form"
    >
      <div aria-live="polite">
        {result ? (
          <div className={`usa-alert usa-alert--${result.type} usa-alert--slim`} data-testid="reminder-result">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{result.text}</p>
            </div>
          </div>
        ) : null}
      </div>
      <label className="usa-label" htmlFor="reminder-target">
        Send to
      </label>
      <select id="reminder-target" className="usa-select" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value={NOT_READY}>Every agency not yet submitted ({notReady})</option>
        {agencies.map((a) => (
          <option key={a.slug} value={a.slug}>
            {a.name}
          </option>
        ))}
      </select>
      <div className={`usa-form-group${errors.message ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="reminder-message">
          Message
        </label>
        <span className="usa-error-message" id="reminder-message-error" aria-live="polite">
          {errors.message?.join(' ')}
        </span>
        <textarea
          id="reminder-message"
          className="usa-textarea"
          aria-describedby="reminder-message-error"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <button type="submit" className="usa-button" disabled={send.isPending}>
        Send reminder
      </button>
    </form>
  );
}
