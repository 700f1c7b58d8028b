'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api/client';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { TemporaryPassword } from './temporary-password';

type Props = { id: number; email: string; name: string; active: boolean };

/** Off-board (deactivate), bring back (reactivate), or reset the password of one account. */
export function UserAccess({ id, email, name, active }: Props) {
  const router = useRouter();
  const status = useFormStatus();
  const [temporary, setTemporary] = useState<string | null>(null);

  const setActive = useMutation({
    mutationFn: (next: boolean) => apiFetch(`/api/admin/users/${id}`, { method: 'PATCH', body: { active: next } }),
    ...status.handlers,
    onSuccess: (_data, next) => {
      status.setMessage({
        type: 'success',
        text: next ? `${name} can sign in again.` : `${name} is deactivated: their sessions have ended and they can no longer sign in.`,
      });
      router.refresh();
    },
  });
  const reset = useMutation({
    mutationFn: () => apiFetch<{ temporaryPassword: string }>(`/api/admin/users/${id}/password-reset`, { method: 'POST' }),
    ...status.handlers,
    onSuccess: (data) => {
      setTemporary(data.temporaryPassword);
      router.refresh();
    },
  });

  return (
    <section aria-labelledby="access-heading" className="margin-top-4">
      <h2 id="access-heading">Access</h2>
      <FormMessageBanner message={status.message} testId="access-message" />
      {temporary ? <TemporaryPassword email={email} password={temporary} /> : null}
      <p>
        {active
          ? 'Deactivating ends every session of this account at once; its history stays in the record.'
          : 'This account is deactivated. Reactivating lets it sign in again with its current password.'}
      </p>
      <button
        type="button"
        className={`usa-button${active ? ' usa-button--secondary' : ''}`}
        disabled={setActive.isPending}
        onClick={() => {
          if (!active || window.confirm(`Deactivate ${name}? They are signed out everywhere at once.`)) setActive.mutate(!active);
        }}
      >
        {active ? 'Deactivate' : 'Reactivate'}
      </button>
      <button
        type="button"
        className="usa-button usa-button--outline"
        disabled={reset.isPending}
        onClick={() => {
          if (window.confirm(`Reset the password of ${name}? Their current password and sessions stop working.`)) reset.mutate();
        }}
      >
        Reset password
      </button>
    </section>
  );
}
