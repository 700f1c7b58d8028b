'use client';

/**
 * Withdrawing a deliverable the agency no longer pursues (with a reason), reinstating it, and an
 * administrator's deletion of one created by mistake. Each refreshes the page when it is done and
 * moves focus to what changed.
 */
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { DELETE_WITHIN_HOURS } from '@/lib/domain';
import { FormMessageBanner, useFormStatus } from '@/components/ui/form-status';
import { Field } from '@/components/ui/field';
import { focusAfterRefresh } from '@/components/ui/focus';
import { useDeleteDeliverableMutation, useReinstateDeliverableMutation, useWithdrawDeliverableMutation } from './api';

type Target = { id: number; version: number; title: string; leadAgency: { slug: string } };

/** For the lead agency's officials and administrators, below the update and details forms. */
export function WithdrawDeliverable({ deliverable }: { deliverable: Target }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const { errors, message, handlers } = useFormStatus();
  const withdraw = useWithdrawDeliverableMutation(deliverable.id, {
    ...handlers,
    onSuccess: () => {
      focusAfterRefresh('deliverable-state');
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="withdraw-heading" className="margin-top-4 border-top-1px border-base-lighter padding-top-2">
      <h2 id="withdraw-heading">Withdraw this deliverable</h2>
      <p className="measure-5">
        If your agency no longer pursues it, withdraw it: it keeps its history, leaves the counts, charts, the board and
        readiness, and can be reinstated.
      </p>
      <form
        noValidate
        className="usa-form maxw-mobile-lg"
        onSubmit={(e) => {
          e.preventDefault();
          // Refused (no reason given): focus goes to the field to correct.
          withdraw.mutate({ version: deliverable.version, reason }, { onError: () => reasonField.current?.focus() });
        }}
      >
        <FormMessageBanner message={message} testId="withdraw-message" />
        <Field id="withdraw-reason" label="Reason for withdrawing" hint="Seen by everyone who reads this deliverable." errors={errors.reason}>
          {(describedBy, invalid) => (
            <textarea
              id="withdraw-reason"
              ref={reasonField}
              className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
            />
          )}
        </Field>
        <button type="submit" className="usa-button usa-button--secondary" disabled={withdraw.isPending}>
          Withdraw
        </button>
      </form>
    </section>
  );
}

/** Shown instead of the forms while the deliverable is withdrawn. */
export function ReinstateDeliverable({ deliverable }: { deliverable: Target }) {
  const router = useRouter();
  const { message, handlers } = useFormStatus();
  const reinstate = useReinstateDeliverableMutation(deliverable.id, {
    ...handlers,
    onSuccess: () => {
      focusAfterRefresh('deliverable-state');
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="reinstate-heading" className="margin-top-4">
      <h2 id="reinstate-heading">Reinstate</h2>
      <p className="measure-5">Reinstating puts it back where it stood when it was withdrawn, and in every count again.</p>
      <FormMessageBanner message={message} testId="reinstate-message" />
      <button type="button" className="usa-button" disabled={reinstate.isPending} onClick={() => reinstate.mutate({ version: deliverable.version })}>
        Reinstate this deliverable
      </button>
    </section>
  );
}

/**
 * An administrator's way to remove a deliverable created by mistake: asks to confirm, and on
 * cancelling gives focus back to the button that asked.
 */
export function DeleteDeliverable({ deliverable }: { deliverable: Target }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const { message, handlers } = useFormStatus();
  const remove = useDeleteDeliverableMutation(deliverable.id, {
    ...handlers,
    onSuccess: () => {
      focusAfterRefresh('deleted-notice');
      router.push(`/agencies/${deliverable.leadAgency.slug}?deleted=${encodeURIComponent(deliverable.title)}`);
    },
  });
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) askButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return (
    <section aria-labelledby="delete-heading" className="margin-top-4">
      <h2 id="delete-heading">Delete (created by mistake)</h2>
      <p className="measure-5">
        Administrators can delete a deliverable within {DELETE_WITHIN_HOURS} hours of its creation while nothing refers to
        it. The audit log keeps a copy.
      </p>
      <FormMessageBanner message={message} testId="delete-message" />
      {confirming ? (
        <div className="usa-button-group" role="group" aria-label="Confirm the deletion">
          <button ref={confirmButton} type="button" className="usa-button usa-button--secondary" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Delete “{deliverable.title}” permanently
          </button>
          <button type="button" className="usa-button usa-button--outline" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button ref={askButton} type="button" className="usa-button usa-button--outline" onClick={() => setConfirming(true)}>
          Delete this deliverable
        </button>
      )}
    </section>
  );
}
