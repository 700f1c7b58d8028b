'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CreatedAccount } from '@/lib/contracts/admin';
import { ROLES, ROLE_LABELS, type Role } from '@/lib/domain';
import { Field, TextField } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import { TemporaryPassword } from './temporary-password';
import { useCreateUserMutation, useUpdateUserMutation } from './api';

type Agency = { slug: string; name: string };
type Editing = { id: number; email: string; name: string; role: Role; agencySlug: string | null };

const LABELS: FieldLabels = {
  email: { label: 'E-mail address', id: 'user-email' },
  name: { label: 'Full name', id: 'user-name' },
  role: { label: 'Role', id: 'user-role' },
  agency: { label: 'Agency', id: 'user-agency' },
};

/** Add an account, or change an existing one's name, role and agency. */
export function UserForm({ agencies, editing }: { agencies: Agency[]; editing?: Editing }) {
  const router = useRouter();
  const [form, setForm] = useState({
    email: editing?.email ?? '',
    name: editing?.name ?? '',
    role: editing?.role ?? ('official' as Role),
    agency: editing?.agencySlug ?? '',
  });
  const [created, setCreated] = useState<CreatedAccount | null>(null);
  const status = useFormStatus();
  const official = form.role === 'official';

  const update = useUpdateUserMutation(editing?.id ?? 0, {
    ...status.handlers,
    onSuccess: () => {
      status.setMessage({ type: 'success', text: 'Saved. If the role or agency changed, the user signs in again to continue.' });
      router.refresh();
    },
  });
  const create = useCreateUserMutation({ ...status.handlers, onSuccess: setCreated });
  const pending = update.isPending || create.isPending;
  function save() {
    const agency = official ? form.agency || null : null;
    if (editing) update.mutate({ name: form.name, role: form.role, agency });
    else create.mutate({ email: form.email, name: form.name, role: form.role, agency });
  }

  if (created) {
    return (
      <>
        <TemporaryPassword email={created.user.email} password={created.temporaryPassword} />
        <p>
          <Link href={`/admin/users/${created.user.id}`} className="usa-link">
            Open the new account
          </Link>{' '}
          ·{' '}
          <Link href="/admin/users" className="usa-link">
            Back to users
          </Link>
        </p>
      </>
    );
  }

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      data-testid="user-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <FormMessageBanner message={status.message} testId="user-form-message" errors={status.errors} labels={LABELS} />
      {editing ? null : (
        <TextField
          id="user-email"
          label="E-mail address"
          hint="The address they sign in with."
          errors={status.errors.email}
          type="email"
          autoComplete="off"
          value={form.email}
          onChange={(email) => setForm((f) => ({ ...f, email }))}
        />
      )}
      <TextField id="user-name" label="Full name" errors={status.errors.name} autoComplete="off" value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} />
      <Field id="user-role" label="Role" errors={status.errors.role}>
        {(describedBy) => (
          <select id="user-role" className="usa-select" aria-describedby={describedBy} value={form.role} onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as Role }))}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {official ? (
        <Field id="user-agency" label="Agency" hint="The agency this official reports for." errors={status.errors.agency}>
          {(describedBy, invalid) => (
            <select
              id="user-agency"
              className={`usa-select${invalid ? ' usa-input--error' : ''}`}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.agency}
              onChange={(e) => setForm((f) => ({ ...f, agency: e.target.value }))}
            >
              <option value="">Choose an agency</option>
              {agencies.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <button type="submit" className="usa-button" disabled={pending}>
        {pending ? 'Saving…' : editing ? 'Save changes' : 'Create the account'}
      </button>
    </form>
  );
}
