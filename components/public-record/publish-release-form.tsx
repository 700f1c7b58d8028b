'use client';

/**
 * The chair's staff publish the next release, with an optional note shown beside it on the public
 * pages. On success the page is refreshed and says which release went out, with its link.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { usePublishReleaseMutation } from './api';

export function PublishReleaseForm({ nextNumber }: { nextNumber: number }) {
  const router = useRouter();
  const [note, setNote] = useState('');
  const { errors, message, setMessage, handlers } = useFormStatus();
  const publish = usePublishReleaseMutation({
    ...handlers,
    onSuccess: (release) => {
      setNote('');
      setMessage({ type: 'success', text: `Release ${release.number} is published at /public/releases/${release.number}.` });
      router.refresh();
    },
  });
  return (
    <form
      noValidate
      className="usa-form maxw-mobile-lg margin-top-3"
      onSubmit={(e) => {
        e.preventDefault();
        publish.mutate(note.trim() ? { note } : {});
      }}
    >
      <FormMessageBanner message={message} testId="publish-message" errors={errors} labels={{ note: { label: 'Note', id: 'release-note' } }} focusAlways />
      <Field id="release-note" label="Note (optional)" hint="Shown with the release on the public pages." errors={errors.note}>
        {(describedBy, invalid) => (
          <textarea
            id="release-note"
            className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
          />
        )}
      </Field>
      <button type="submit" className="usa-button" disabled={publish.isPending}>
        Publish release {nextNumber}
      </button>
    </form>
  );
}
