'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { TextField } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import { useCreateAgencyMutation, useUpdateAgencyMutation } from './api';

type Editing = { slug: string; name: string; abbreviation: string; retired: boolean };

const LABELS: FieldLabels = {
  slug: { label: 'Short name', id: 'agency-slug' },
  name: { label: 'Name', id: 'agency-name' },
  abbreviation: { label: 'Abbreviation', id: 'agency-abbreviation' },
};

/** Add a member agency, or correct one's name and abbreviation and retire or reinstate it. */
export function AgencyForm({ editing }: { editing?: Editing }) {
  const router = useRouter();
  const [form, setForm] = useState({ slug: editing?.slug ?? '', name: editing?.name ?? '', abbreviation: editing?.abbreviation ?? '' });
  const status = useFormStatus();

  const saved = () => {
    status.setMessage({ type: 'success', text: editing ? 'Saved.' : `${form.name} added.` });
    if (!editing) setForm({ slug: '', name: '', abbreviation: '' });
    router.refresh();
  };
  const create = useCreateAgencyMutation({ ...status.handlers, onSuccess: saved });
  const update = useUpdateAgencyMutation(editing?.slug ?? '', { ...status.handlers, onSuccess: saved });
  const pending = create.isPending || update.isPending;
  function save() {
    if (editing) update.mutate({ name: form.name, abbreviation: form.abbreviation });
    else create.mutate(form);
  }
  const retire = useUpdateAgencyMutation(editing?.slug ?? '', {
    ...status.handlers,
    onSuccess: (_data, { retired }) => {
      status.setMessage({
        type: 'success',
        text: retired
          ? `${form.name} is retired: it keeps its history but no longer counts for readiness or takes new deliverables.`
          : `${form.name} is a member again.`,
      });
      router.refresh();
    },
  });

  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  return (
    <>
      <form
        className="usa-form usa-form--large"
        noValidate
        data-testid="agency-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <FormMessageBanner message={status.message} testId="agency-form-message" errors={status.errors} labels={LABELS} />
        {editing ? null : (
          <TextField
            id="agency-slug"
            label="Short name"
            hint="Lower case, used in addresses: e.g. dhs or ed. It cannot change later."
            errors={status.errors.slug}
            value={form.slug}
            onChange={set('slug')}
            autoComplete="off"
          />
        )}
        <TextField id="agency-name" label="Name" errors={status.errors.name} value={form.name} onChange={set('name')} autoComplete="off" />
        <TextField
          id="agency-abbreviation"
          label="Abbreviation"
          hint="As shown on boards and charts, e.g. DHS."
          errors={status.errors.abbreviation}
          value={form.abbreviation}
          onChange={set('abbreviation')}
          autoComplete="off"
        />
        <button type="submit" className="usa-button" disabled={pending}>
          {editing ? 'Save changes' : 'Add the agency'}
        </button>
      </form>
      {editing ? (
        <section aria-labelledby="membership-heading" className="margin-top-4">
          <h2 id="membership-heading">Membership</h2>
          <p>
            {editing.retired
              ? 'Retired: kept in the history, left out of readiness, reminders and new deliverables.'
              : 'Retiring keeps the agency’s deliverables, reports and history, and leaves it out of readiness, reminders and new deliverables. Its officials must be deactivated or moved first.'}
          </p>
          <button
            type="button"
            className={`usa-button${editing.retired ? '' : ' usa-button--secondary'}`}
            disabled={retire.isPending}
            onClick={() => {
              if (editing.retired || window.confirm(`Retire ${editing.name}?`)) retire.mutate({ retired: !editing.retired });
            }}
          >
            {editing.retired ? 'Reinstate' : 'Retire'}
          </button>
        </section>
      ) : null}
    </>
  );
}
