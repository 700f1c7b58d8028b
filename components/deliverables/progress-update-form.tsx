'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiClientError } from '@/lib/api/client';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import { STATUSES, STATUS_LABELS, STATUSES_NEEDING_REASON, type Status } from '@/lib/domain';
import { formatNumber } from '@/lib/format';
import { countedAs } from '@/lib/measures';
import { Field } from '@/components/ui/field';
import { ConflictView } from './conflict-view';
import { toNumber, type Conflict, type EditableDeliverable as Deliverable } from './editing';
import type { ProgressUpdateBody } from '@/lib/validations/deliverables';
import { useAddProgressUpdateMutation } from './api';

/** The progress-update form's fields as its error summary names them. */
const UPDATE_FIELDS: FieldLabels = {
  status: { label: 'Status', id: 'update-status' },
  progress: { label: 'Progress (%)', id: 'update-progress' },
  measureActual: { label: 'Count so far', id: 'update-actual' },
  reason: { label: 'Reason', id: 'update-reason' },
  note: { label: 'Note', id: 'update-note' },
};

/** A progress update of the deliverable: status, progress (or the count so far), the reason when at risk or blocked, and a note. */
export function ProgressUpdateForm({ deliverable }: { deliverable: Deliverable }) {
  const router = useRouter();
  const { measure } = deliverable;
  // The form is offered only while the deliverable is not withdrawn: its status is one of STATUSES.
  const [status, setStatus] = useState<Status>(deliverable.status as Status);
  const [progress, setProgress] = useState(String(deliverable.progress));
  const [actual, setActual] = useState(String(measure?.actual ?? ''));
  // When the page is refreshed with a new count or progress (an edit of the details, or this
  // form's own update), a field the user has not touched takes it, so that posting never sends an
  // old count back.
  const [seen, setSeen] = useState({ progress: String(deliverable.progress), actual: String(measure?.actual ?? '') });
  const now = { progress: String(deliverable.progress), actual: String(measure?.actual ?? '') };
  if (now.progress !== seen.progress || now.actual !== seen.actual) {
    setSeen(now);
    if (progress === seen.progress) setProgress(now.progress);
    if (actual === seen.actual) setActual(now.actual);
  }
  const [note, setNote] = useState('');
  const [reason, setReason] = useState(deliverable.statusReason ?? '');
  const { errors, message, setMessage, handlers } = useFormStatus();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const mutation = useAddProgressUpdateMutation(deliverable.id, {
    onSuccess: () => {
      setNote('');
      setMessage({ type: 'success', text: 'Update posted.' });
      router.refresh();
    },
  });
  const needsReason = STATUSES_NEEDING_REASON.includes(status);

  function body(version: number): ProgressUpdateBody {
    return {
      status,
      ...(measure ? { measureActual: toNumber(actual, { grouped: true }) } : { progress: toNumber(progress) }),
      note,
      ...(needsReason ? { reason } : {}),
      version,
    };
  }

  function send(version: number) {
    handlers.onMutate();
    setConflict(null);
    const request = body(version);
    mutation.mutate(request, {
      onError: (error) => {
        if (error instanceof ApiClientError && error.status === 409) {
          setConflict({ mine: request, theirs: (error.current as Deliverable) ?? null, retry: send });
        } else handlers.onError(error);
      },
    });
  }

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      data-testid="progress-update-form"
      onSubmit={(e) => {
        e.preventDefault();
        send(deliverable.version);
      }}
    >
      <FormMessageBanner message={message} testId="form-message" errors={errors} labels={UPDATE_FIELDS} />
      {conflict ? (
        <ConflictView
          what="update"
          mine={conflict.mine}
          theirs={conflict.theirs}
          onKeepTheirs={() => {
            setConflict(null);
            router.refresh();
          }}
          onReapply={() => conflict.theirs && conflict.retry(conflict.theirs.version)}
        />
      ) : null}
      <Field id="update-status" label="Status" errors={errors.status}>
        {(describedBy, invalid) => (
          <select
            id="update-status"
            name="status"
            className={`usa-select${invalid ? ' usa-input--error' : ''}`}
            aria-describedby={describedBy}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {measure ? (
        <Field
          id="update-actual"
          label="Count so far"
          hint={`A whole number, toward the target of ${formatNumber(measure.target)} ${countedAs(measure)}. Progress follows from it.`}
          errors={errors.measureActual ?? errors.progress}
        >
          {(describedBy, invalid) => (
            <input
              id="update-actual"
              className={`usa-input usa-input--small${invalid ? ' usa-input--error' : ''}`}
              inputMode="numeric"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={actual}
              onChange={(e) => setActual(e.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field id="update-progress" label="Progress (%)" hint="A whole number from 0 to 100." errors={errors.progress}>
          {(describedBy, invalid) => (
            <input
              id="update-progress"
              className={`usa-input usa-input--xs${invalid ? ' usa-input--error' : ''}`}
              inputMode="numeric"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={progress}
              onChange={(e) => setProgress(e.target.value)}
            />
          )}
        </Field>
      )}
      {needsReason ? (
        <Field id="update-reason" label="Reason (required)" hint="What puts it at risk or blocks it." errors={errors.reason}>
          {(describedBy, invalid) => (
            <textarea
              id="update-reason"
              className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field id="update-note" label="Note" hint="What happened since the last update." errors={errors.note}>
        {(describedBy, invalid) => (
          <textarea
            id="update-note"
            className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="usa-button" disabled={mutation.isPending}>
        {mutation.isPending ? 'Posting…' : 'Post update'}
      </button>
    </form>
  );
}
