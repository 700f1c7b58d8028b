'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain';
import { useSaveSignInPolicyMutation } from './api';

/** Which roles must sign in with a passkey or single sign-on at the required assurance. */
export function SignInPolicyForm({ roles }: { roles: Role[] }) {
  const router = useRouter();
  const status = useFormStatus();
  const [chosen, setChosen] = useState<Set<Role>>(new Set(roles));

  const save = useSaveSignInPolicyMutation({
    ...status.handlers,
    onSuccess: () => {
      status.setMessage({ type: 'success', text: 'Saved. It applies from the next request of every affected user.' });
      router.refresh();
    },
  });

  return (
    <form
      className="usa-form usa-form--large"
      data-testid="sign-in-policy"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ phishingResistantRoles: ROLES.filter((r) => chosen.has(r)) });
      }}
    >
      <FormMessageBanner message={status.message} testId="sign-in-policy-message" />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">Roles that must sign in with a phishing-resistant method</legend>
        <span className="usa-hint">
          A passkey, or single sign-on at the required assurance. After a password, these users must use a passkey (or register one,
          when you allow enrolment) before anything else opens.
        </span>
        {ROLES.map((role) => (
          <div className="usa-checkbox" key={role}>
            <input
              className="usa-checkbox__input"
              id={`policy-${role}`}
              type="checkbox"
              checked={chosen.has(role)}
              onChange={(e) =>
                setChosen((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.add(role);
                  else next.delete(role);
                  return next;
                })
              }
            />
            <label className="usa-checkbox__label" htmlFor={`policy-${role}`}>
              {ROLE_LABELS[role]}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="usa-button" disabled={save.isPending}>
        Save sign-in policy
      </button>
    </form>
  );
}
