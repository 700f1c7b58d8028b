'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import { daysBetween } from '@/lib/dates';
import { formatCalendarDate, formatDays } from '@/lib/format';
import { Field, TextField } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import { useCancelMeetingMutation, usePostponeMeetingMutation, useReinstateMeetingMutation } from './api';

const POSTPONE_LABELS: FieldLabels = {
  date: { label: 'New date', id: 'postpone-date' },
  reportingCutoff: { label: 'New reporting cutoff', id: 'postpone-cutoff' },
};
const CANCEL_LABELS: FieldLabels = { reason: { label: 'Reason', id: 'cancel-reason' } };

type Props = { meeting: Pick<MeetingDetail, 'id' | 'date' | 'reportingCutoff' | 'version' | 'status'> };

/** Once the server has answered, the meeting's page is shown afresh (its date, state and notices change). */
function useShowMeeting() {
  const router = useRouter();
  return (saved: MeetingDetail) => {
    router.push(`/meetings/${saved.id}`);
    router.refresh();
  };
}

/**
 * For the chair's staff, below the edit form of a planned meeting: postpone it to a later date
 * (the cutoff moves with it unless another is given) or cancel it with a reason. Everyone is told.
 */
export function MeetingScheduleActions({ meeting }: Props) {
  const postponeStatus = useFormStatus();
  const cancelStatus = useFormStatus();
  const showMeeting = useShowMeeting();
  const postpone = usePostponeMeetingMutation(meeting.id, { onSuccess: showMeeting, onError: postponeStatus.handlers.onError });
  const cancel = useCancelMeetingMutation(meeting.id, { onSuccess: showMeeting, onError: cancelStatus.handlers.onError });
  const [date, setDate] = useState('');
  const [cutoff, setCutoff] = useState('');
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const gap = meeting.reportingCutoff ? daysBetween(meeting.reportingCutoff, meeting.date) : null;

  return (
    <>
      <section aria-labelledby="postpone-heading" className="margin-top-5 border-top border-base-lighter padding-top-2">
        <h2 id="postpone-heading">Postpone the meeting</h2>
        <p className="margin-top-0">
          Planned for {formatCalendarDate(meeting.date)}. Everyone is told of the new date, with a calendar file that moves it.
        </p>
        <form
          className="usa-form usa-form--large"
          noValidate
          data-testid="postpone-form"
          onSubmit={(e) => {
            e.preventDefault();
            postponeStatus.handlers.onMutate();
            postpone.mutate({ version: meeting.version, date, ...(cutoff ? { reportingCutoff: cutoff } : {}) });
          }}
        >
          <FormMessageBanner message={postponeStatus.message} testId="postpone-message" errors={postponeStatus.errors} labels={POSTPONE_LABELS} />
          <TextField
            id="postpone-date"
            label="New date"
            type="date"
            value={date}
            onChange={setDate}
            errors={postponeStatus.errors.date}
            required
          />
          <TextField
            id="postpone-cutoff"
            label="New reporting cutoff (optional)"
            hint={
              gap !== null
                ? `Left empty, the cutoff moves with the date: ${formatDays(gap)} before it, as now.`
                : 'Left empty, the meeting keeps no cutoff.'
            }
            type="date"
            value={cutoff}
            onChange={setCutoff}
            errors={postponeStatus.errors.reportingCutoff}
          />
          <button type="submit" className="usa-button" disabled={postpone.isPending}>
            Postpone the meeting
          </button>
        </form>
      </section>

      <section aria-labelledby="cancel-heading" className="margin-top-5 border-top border-base-lighter padding-top-2">
        <h2 id="cancel-heading">Cancel the meeting</h2>
        <p className="margin-top-0">
          No report is due for a cancelled meeting and no reminder is sent for it; the next meeting of its kind takes up the reporting
          cycle. Everyone is told, with the reason.
        </p>
        <form
          className="usa-form usa-form--large"
          noValidate
          data-testid="cancel-form"
          onSubmit={(e) => {
            e.preventDefault();
            cancelStatus.handlers.onMutate();
            cancel.mutate({ version: meeting.version, reason }, { onError: () => reasonRef.current?.focus() });
          }}
        >
          <FormMessageBanner message={cancelStatus.message} testId="cancel-message" errors={cancelStatus.errors} labels={CANCEL_LABELS} />
          <Field id="cancel-reason" label="Reason" hint="Shown on the meeting page and in the notice everyone receives." errors={cancelStatus.errors.reason}>
            {(describedBy, invalid) => (
              <textarea
                id="cancel-reason"
                ref={reasonRef}
                className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
              />
            )}
          </Field>
          <button type="submit" className="usa-button usa-button--secondary" disabled={cancel.isPending}>
            Cancel the meeting
          </button>
        </form>
      </section>
    </>
  );
}

/** For the chair's staff, on a cancelled meeting's edit page: plan it again. */
export function ReinstateMeeting({ meeting }: Props) {
  const status = useFormStatus();
  const showMeeting = useShowMeeting();
  const reinstate = useReinstateMeetingMutation(meeting.id, { onSuccess: showMeeting, onError: status.handlers.onError });
  return (
    <form
      noValidate
      data-testid="reinstate-form"
      onSubmit={(e) => {
        e.preventDefault();
        status.handlers.onMutate();
        reinstate.mutate({ version: meeting.version });
      }}
    >
      <FormMessageBanner message={status.message} testId="reinstate-message" />
      <button type="submit" className="usa-button" disabled={reinstate.isPending}>
        Reinstate the meeting as planned
      </button>
    </form>
  );
}
