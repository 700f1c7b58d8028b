'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormMessageBanner, type FormMessage } from '@/components/ui/form-status';
import { LocalTime } from '@/components/ui/local-time';
import { passkeyErrorMessage } from '@/lib/passkeys-client';
import { useDeletePasskeyMutation, useRegisterPasskeyMutation } from './api';

export type PasskeyRow = { id: string; name: string; createdAt: number; lastUsedAt: number | null; backedUp: boolean };

/** The user's passkeys, with adding one on this device and removing one. */
export function Passkeys({ passkeys }: { passkeys: PasskeyRow[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<FormMessage | null>(null);
  const outcome = (success: (variables: string) => string) => ({
    onMutate: () => setMessage(null),
    onSuccess: (_data: unknown, variables: string) => {
      setMessage({ type: 'success', text: success(variables) });
      router.refresh();
    },
    onError: (error: unknown) => setMessage({ type: 'error', text: passkeyErrorMessage(error) }),
  });
  const register = useRegisterPasskeyMutation({
    ...outcome((chosen) => `Added “${chosen}”. You can now sign in with it.`),
    onSettled: () => setName(''),
  });
  const named = new Map(passkeys.map((p) => [p.id, p.name]));
  const remove = useDeletePasskeyMutation(outcome((id) => `Removed “${named.get(id) ?? 'the passkey'}”.`));
  const busy = register.isPending || remove.isPending;

  return (
    <div data-testid="passkeys">
      <FormMessageBanner message={message} testId="passkey-message" />
      {passkeys.length === 0 ? (
        <p>You have no passkeys yet.</p>
      ) : (
        <table className="usa-table usa-table--borderless">
          <caption className="usa-sr-only">Your passkeys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Added</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="usa-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>
                  <LocalTime value={p.createdAt} />
                </td>
                <td>{p.lastUsedAt ? <LocalTime value={p.lastUsedAt} /> : 'Not yet'}</td>
                <td>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    disabled={busy}
                    onClick={() => remove.mutate(p.id)}
                  >
                    Remove<span className="usa-sr-only"> {p.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="usa-form"
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = name.trim() || 'Passkey';
          register.mutate(chosen);
        }}
      >
        <label className="usa-label" htmlFor="passkey-name">
          Name for a new passkey
        </label>
        <span className="usa-hint" id="passkey-name-hint">
          Where it lives, so you can tell your passkeys apart, e.g. “Work laptop” or “Security key”.
        </span>
        <input
          className="usa-input"
          id="passkey-name"
          aria-describedby="passkey-name-hint"
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="usa-button" disabled={busy}>
          Add a passkey
        </button>
      </form>
    </div>
  );
}
