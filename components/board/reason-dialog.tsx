'use client';

import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { STATUS_LABELS, type Status } from '@/lib/domain';

export type ReasonDialogHandle = {
  /** `onCancel` runs when the dialog is closed without confirming (Cancel or Escape). */
  open: (item: { title: string }, to: Status, onConfirm: (reason: string, note: string) => void, onCancel?: () => void) => void;
};

type Pending = { title: string; to: Status; onConfirm: (reason: string, note: string) => void; onCancel?: () => void };

/** Asks why, before a deliverable is marked at risk or blocked. A native modal dialog: focus stays inside it. */
export const ReasonDialog = forwardRef<ReasonDialogHandle>(function ReasonDialog(_props, ref) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const confirmed = useRef(false);

  // The dialog opens with focus in the Reason field, the one thing it asks for.
  useEffect(() => {
    if (pending) reasonField.current?.focus();
  }, [pending]);

  useImperativeHandle(ref, () => ({
    open(item, to, onConfirm, onCancel) {
      confirmed.current = false;
      setPending({ title: item.title, to, onConfirm, onCancel });
      setReason('');
      setNote('');
      setError(null);
      dialog.current?.showModal();
    },
  }));

  function close() {
    dialog.current?.close();
    setPending(null);
  }

  return (
    <dialog
      ref={dialog}
      className="pitf-dialog"
      aria-labelledby={headingId}
      onClose={() => {
        if (!confirmed.current) pending?.onCancel?.();
        setPending(null);
      }}
    >
      {pending ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError('Say why it is at risk or blocked.');
              reasonField.current?.focus();
              return;
            }
            confirmed.current = true;
            pending.onConfirm(reason.trim(), note.trim());
            close();
          }}
          noValidate
        >
          <h2 id={headingId} className="margin-top-0">
            Mark as {STATUS_LABELS[pending.to].toLowerCase()}
          </h2>
          <p>“{pending.title}”</p>
          <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
            <label className="usa-label" htmlFor="move-reason">
              Reason (required)
            </label>
            <span className="usa-hint" id="move-reason-hint">
              What puts it at risk or blocks it, and what would unblock it.
            </span>
            <span className="usa-error-message" id="move-reason-error" aria-live="polite">
              {error}
            </span>
            <textarea
              ref={reasonField}
              id="move-reason"
              className={`usa-textarea${error ? ' usa-input--error' : ''}`}
              aria-describedby="move-reason-hint move-reason-error"
              aria-invalid={error ? true : undefined}
              value={reason}
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <label className="usa-label" htmlFor="move-note">
            Note (optional)
          </label>
          <textarea id="move-note" className="usa-textarea" value={note} maxLength={5000} onChange={(e) => setNote(e.target.value)} />
          <div className="margin-top-3">
            <button type="submit" className="usa-button">
              Mark as {STATUS_LABELS[pending.to].toLowerCase()}
            </button>
            <button type="button" className="usa-button usa-button--unstyled padding-105" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
});
