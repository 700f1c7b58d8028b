'use client';

import { useRouter } from 'next/navigation';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { useRetryOutboxMessageMutation } from './api';

/** Puts a failed e-mail back in the queue. */
export function RetryButton({ id }: { id: number }) {
  const router = useRouter();
  const status = useFormStatus();
  const retry = useRetryOutboxMessageMutation(id, {
    ...status.handlers,
    onSuccess: () => {
      status.setMessage({ type: 'success', text: 'The e-mail is back in the queue; it goes out with the next delivery.' });
      router.refresh();
    },
  });
  return (
    <div className="margin-y-2">
      <FormMessageBanner message={status.message} testId="retry-message" />
      <button type="button" className="usa-button" onClick={() => retry.mutate()} disabled={retry.isPending}>
        Send it again
      </button>
    </div>
  );
}
