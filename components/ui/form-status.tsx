'use client';

import { useEffect, useRef, useState } from 'react';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';

export type FormMessage = { type: 'success' | 'error'; text: string };

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
        setMessage({ type: 'error', text: error.message });
      } else setMessage({ type: 'error', text: 'The server could not be reached. Nothing was saved.' });
    },
  };
  return { errors, setErrors, message, setMessage, handlers };
}

/** A form field as its error summary names it: the label the user sees and the input's id. */
export type SummaryFields = Record<string, { label: string; id: string }>;

/**
 * The form's message, in a live region so it is announced. Given `errors` and the form's `fields`,
 * a refusal lists every field the server named by its label, each linking to its input, and takes
 * the focus (the error summary pattern); without them the server's message is shown as it is.
 */
export function FormMessageBanner({
  message,
  testId,
  errors,
  fields,
}: {
  message: FormMessage | null;
  testId: string;
  errors?: FieldErrors;
  fields?: SummaryFields;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const named = message?.type === 'error' && errors && fields ? Object.entries(errors) : [];
  useEffect(() => {
    if (named.length) summary.current?.focus();
  }, [named.length, errors]);
  return (
    <div aria-live="polite">
      {message ? (
        <div className={`usa-alert usa-alert--${message.type} usa-alert--slim`} data-testid={testId} ref={summary} tabIndex={-1}>
          <div className="usa-alert__body">
            {named.length ? (
              <>
                <p className="usa-alert__text">Nothing was saved. Correct {named.length === 1 ? 'this' : 'these'} and try again:</p>
                <ul className="usa-list margin-top-1">
                  {named.map(([key, messages]) => {
                    const field = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
                    return (
                      <li key={key}>
                        {field ? (
                          <a className="usa-link" href={`#${field.id}`}>
                            {field.label}
                          </a>
                        ) : key === '_' ? null : (
                          key
                        )}
                        {key === '_' ? '' : ': '}
                        {messages.join(' ')}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : (
              <p className="usa-alert__text">{message.text}</p>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
