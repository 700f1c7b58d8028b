'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { TemporaryPassword } from './temporary-password';
import { useAllowPasskeyEnrolmentMutation, useResetPasskeysMutation, useResetPasswordMutation, useUpdateUserMutation } from './api';

type Props = { id: number; email: string; name: string; active: boolean; passkeyCount: number };

/** Off-board (deactivate), bring back (reactivate), reset the password or the passkeys of one account. */
export function UserAccess({ id, email, name, active, passkeyCount }: Props) {
  const router = useRouter();
  const status = useFormStatus();
  const [temporary, setTemporary] = useState<string | null>(null);

  const setActive = useUpdateUserMutation(id, {
    ...status.handlers,
    onSuccess: (_data, { active: next }) => {
      status.setMessage({
        type: 'success',
        text: next ? `${name} can sign in again.` : `${name} is deactivated: their sessions have ended and they can no longer sign in.`,
      });
      router.refresh();
    },
  });
  const reset = useResetPasswordMutation(id, {
    ...status.handlers,
    onSuccess: (data) => {
      setTemporary(data.temporaryPassword);
      router.refresh();
    },
  });

  const resetPasskeys = useResetPasskeysMutation(id, {
    ...status.handlers,
    onSuccess: (data) => {
      status.setMessage({
        type: 'success',
        text: `Removed ${data.removed} passkey${data.removed === 1 ? '' : 's'} of ${name} and signed them out everywhere. For 72 hours they may register a new passkey after signing in with their password.`,
      });
      router.refresh();
    },
  });
  const allowEnrolment = useAllowPasskeyEnrolmentMutation(id, {
    ...status.handlers,
    onSuccess: () => {
      status.setMessage({ type: 'success', text: `For 72 hours ${name} may register a first passkey right after signing in with their password.` });
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
          if (!active || window.confirm(`Deactivate ${name}? They are signed out everywhere at once.`)) setActive.mutate({ active: !active });
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
      <h3>Passkeys</h3>
      <p>
        {passkeyCount === 0 ? 'No passkeys registered.' : `${passkeyCount} passkey${passkeyCount === 1 ? '' : 's'} registered.`}{' '}
        If a passkey is lost, reset the passkeys: all of them stop working, the user is signed out, and may register a new one after
        signing in with their password. To let a user whose role must use a passkey register their first, allow enrolment.
      </p>
      <button
        type="button"
        className="usa-button usa-button--outline"
        disabled={resetPasskeys.isPending}
        onClick={() => {
          if (window.confirm(`Remove every passkey of ${name}? They are signed out everywhere and must register a new one.`)) resetPasskeys.mutate();
        }}
      >
        Reset passkeys
      </button>
      <button type="button" className="usa-button usa-button--outline" disabled={allowEnrolment.isPending} onClick={() => allowEnrolment.mutate()}>
        Allow passkey enrolment
      </button>
    </section>
  );
}
