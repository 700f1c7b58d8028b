'use client';

import { useEffect, useRef, useState } from 'react';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';

export type FormMessage = { type: 'success' | 'error' | 'info'; text: string };

/**
 * What each field the server may name is called on the form, and the id of its input: the error
 * summary says "Due date", not `dueOn`, and links to the field. Keys are the request's field
 * names ("measure.target" for a nested one).
 */
export type FieldLabels = Record<string, { label: string; id: string }>;

/** Said when the server names fields to correct (its own message names them by their keys, for programs). */
export const CORRECT_FIELDS = 'Nothing was saved. Correct what is marked and try again.';

/**
 * The state every API-backed form keeps: each field's errors as the server named them, and one
 * message for the whole form. Spread `handlers` into a useMutation.
 */
export function useFormStatus() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<FormMessage | null>(null);
  const handlers = {
    onMutate: () => {
      setErrors({});
      setMessage(null);
    },
    onError: (error: unknown) => {
      if (error instanceof ApiClientError) {
        setErrors(error.fields);
        const named = Object.keys(error.fields).some((key) => key !== '_');
        setMessage({ type: 'error', text: named ? CORRECT_FIELDS : error.message });
      } else setMessage({ type: 'error', text: 'The server could not be reached. Nothing was saved.' });
    },
  };
  return { errors, setErrors, message, setMessage, handlers };
}

/** One line per field, in the form's order (the order of `labels`), then any the form does not know. */
export function summaryLines(errors: FieldErrors, labels: FieldLabels): { key: string; label: string | null; id: string | null; message: string }[] {
  const keys = Object.keys(errors).filter((key) => key !== '_' && errors[key]?.length);
  const order = Object.keys(labels);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => {
      const known = Object.hasOwn(labels, key) ? labels[key]! : null;
      return { key, label: known?.label ?? null, id: known?.id ?? null, message: errors[key]![0]! };
    });
}

/**
 * The form's message, in a live region so it is announced. With `errors`, an error summary: every
 * field the server named, once each, by its label (from `labels`) with its first message and a
 * link to it; focus moves to the summary so the list is read first. `focusAlways`: focus moves to
 * any message (a form whose every outcome is said there, such as "Nothing to save").
 */
export function FormMessageBanner({
  message,
  testId,
  errors,
  labels = {},
  id,
  focusAlways = false,
}: {
  message: FormMessage | null;
  testId: string;
  errors?: FieldErrors;
  labels?: FieldLabels;
  id?: string;
  focusAlways?: boolean;
}) {
  const lines = message?.type === 'error' && errors ? summaryLines(errors, labels) : [];
  const box = useRef<HTMLDivElement>(null);
  const hasLines = lines.length > 0;
  const takesFocus = hasLines || (focusAlways && message !== null);
  useEffect(() => {
    if (takesFocus) box.current?.focus();
  }, [takesFocus, message]);
  return (
    <div aria-live="polite">
      {message ? (
        <div
          className={`usa-alert usa-alert--${message.type} usa-alert--slim`}
          id={id}
          data-testid={testId}
          ref={box}
          tabIndex={takesFocus ? -1 : undefined}
        >
          <div className="usa-alert__body">
            <p className="usa-alert__text">{message.text}</p>
            {hasLines ? (
              <ul className="usa-list margin-top-1" data-testid={`${testId}-fields`}>
                {lines.map((line) => (
                  <li key={line.key}>
                    {line.id ? (
                      <a className="usa-link" href={`#${line.id}`}>
                        {line.label}
                      </a>
                    ) : (
                      (line.label ?? line.key)
                    )}
                    : {line.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
