'use client';

import { useState } from 'react';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import type { PreferenceRow } from '@/lib/contracts/notifications';
import { DELIVERY_LABELS, NOTIFICATION_RULES } from '@/lib/notifications';
import { useSavePreferencesMutation } from './api';

/** For each kind the person's role receives: e-mail at once, in the daily digest, or not by e-mail. */
export function PreferencesForm({ initial }: { initial: PreferenceRow[] }) {
  const [rows, setRows] = useState(initial);
  const status = useFormStatus();

  const save = useSavePreferencesMutation({
    ...status.handlers,
    onSuccess: (saved) => {
      setRows(saved);
      status.setMessage({ type: 'success', text: 'Your notification choices are saved.' });
    },
  });

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      data-testid="preferences-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(Object.fromEntries(rows.map((r) => [r.kind, r.delivery])));
      }}
    >
      <FormMessageBanner message={status.message} testId="preferences-message" />
      {rows.map((row) => {
        const rule = NOTIFICATION_RULES[row.kind];
        const errors = status.errors[row.kind];
        return (
          <fieldset key={row.kind} className={`usa-fieldset margin-top-3${errors ? ' usa-form-group--error' : ''}`} data-testid={`preference-${row.kind}`}>
            <legend className="usa-legend text-bold">{rule.label}</legend>
            <span className="usa-hint" id={`hint-${row.kind}`}>
              {rule.description}
              {row.choices.includes('off') ? '' : ' It cannot be switched off for your role.'}
            </span>
            {errors ? (
              <span id={`error-${row.kind}`} className="usa-error-message" role="alert">
                {errors.join(' ')}
              </span>
            ) : null}
            {row.choices.map((choice) => (
              <div key={choice} className="usa-radio">
                <input
                  className="usa-radio__input"
                  id={`${row.kind}-${choice}`}
                  type="radio"
                  name={row.kind}
                  value={choice}
                  aria-describedby={errors ? `hint-${row.kind} error-${row.kind}` : `hint-${row.kind}`}
                  checked={row.delivery === choice}
                  onChange={() => setRows((list) => list.map((r) => (r.kind === row.kind ? { ...r, delivery: choice } : r)))}
                />
                <label className="usa-radio__label" htmlFor={`${row.kind}-${choice}`}>
                  {rule.daily && choice === 'immediate' ? 'E-mail it' : DELIVERY_LABELS[choice]}
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <button type="submit" className="usa-button margin-top-3" disabled={save.isPending}>
        Save notification choices
      </button>
    </form>
  );
}
