'use client';

import { useState } from 'react';
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

/** The form's message, in a live region so it is announced. */
export function FormMessageBanner({ message, testId }: { message: FormMessage | null; testId: string }) {
  return (
    <div aria-live="polite">
      {message ? (
        <div className={`usa-alert usa-alert--${message.type} usa-alert--slim`} data-testid={testId}>
          <div className="usa-alert__body">
            <p className="usa-alert__text">{message.text}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
