'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AFTER_SIGN_IN_PATH } from '@/lib/landing';
import { useChangePasswordMutation } from '@/components/account/api';
import { TextField } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';

const MIN = 12;

/** The signed-in user replaces their password. Length is the only rule; the server also refuses common passwords. */
export function ChangePasswordForm({ required }: { required: boolean }) {
  const router = useRouter();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const status = useFormStatus();

  const save = useChangePasswordMutation({
    ...status.handlers,
    onSuccess: () => {
      setForm({ currentPassword: '', newPassword: '', confirm: '' });
      if (required) {
        // The rest of the app opens now, from the user's landing page.
        router.push(AFTER_SIGN_IN_PATH);
        router.refresh();
        return;
      }
      status.setMessage({ type: 'success', text: 'Password changed. Your other sessions have been signed out.' });
    },
  });

  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      data-testid="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        // Two different new passwords are caught here: nothing is sent.
        if (form.newPassword !== form.confirm) {
          status.handlers.onMutate();
          status.setErrors({ confirm: ['The two new passwords are not the same.'] });
          status.setMessage({ type: 'error', text: 'Check the new password.' });
          return;
        }
        save.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
      }}
    >
      <FormMessageBanner
        message={status.message}
        testId="password-message"
        errors={status.errors}
        labels={{
          currentPassword: { label: required ? 'Temporary password' : 'Current password', id: 'current-password' },
          newPassword: { label: 'New password', id: 'new-password' },
          confirm: { label: 'New password again', id: 'confirm-password' },
        } satisfies FieldLabels}
      />
      <TextField
        id="current-password"
        label={required ? 'Temporary password' : 'Current password'}
        errors={status.errors.currentPassword}
        type="password"
        autoComplete="current-password"
        value={form.currentPassword}
        onChange={set('currentPassword')}
      />
      <TextField
        id="new-password"
        label="New password"
        hint={`At least ${MIN} characters. Long is strong: a few unrelated words work well. Common passwords are refused.`}
        errors={status.errors.newPassword}
        type="password"
        autoComplete="new-password"
        value={form.newPassword}
        onChange={set('newPassword')}
      />
      <TextField
        id="confirm-password"
        label="New password again"
        errors={status.errors.confirm}
        type="password"
        autoComplete="new-password"
        value={form.confirm}
        onChange={set('confirm')}
      />
      <button type="submit" className="usa-button" disabled={save.isPending}>
        {save.isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
