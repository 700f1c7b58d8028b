'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import type { CommitmentChoice } from '@/lib/contracts/deliverables';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';
import { DEFAULT_CUTOFF_DAYS, MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind, type MeetingStatus } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { FormMessageBanner, type FieldLabels } from '@/components/ui/form-status';
import { AgendaEditor } from './agenda-editor';
import { AwardsEditor } from './awards-editor';
import { inputClass, type AgendaRow, type AwardKind, type AwardRow } from './meeting-form-rows';
import { CommitmentPicker } from './commitment-picker';
import type { CreateMeetingBody, UpdateMeetingBody } from '@/lib/validations/meetings';
import { useCreateMeetingMutation, useUpdateMeetingMutation } from './api';


type Values = {
  kind: MeetingKind;
  title: string;
  date: string;
  chair: string;
  location: string;
  reportingCutoff: string;
  agenda: AgendaRow[];
  status: MeetingStatus;
  summary: string;
  commitments: number[];
  awards: AwardRow[];
};

type Props =
  | { mode: 'create'; meeting?: undefined; commitmentChoices?: undefined; agencies?: undefined }
  | { mode: 'edit'; meeting: MeetingDetail; commitmentChoices: CommitmentChoice[]; agencies: { slug: string; name: string }[] };

const EMPTY: Values = {
  kind: 'cabinet',
  title: '',
  date: '',
  chair: '',
  location: '',
  reportingCutoff: '',
  agenda: [],
  status: 'planned',
  summary: '',
  commitments: [],
  awards: [],
};

function valuesOf(meeting: MeetingDetail): Values {
  return {
    kind: meeting.kind,
    title: meeting.title,
    date: meeting.date,
    chair: meeting.chair ?? '',
    location: meeting.location ?? '',
    reportingCutoff: meeting.reportingCutoff ?? '',
    agenda: meeting.agenda.map((item, index) => ({ key: index, title: item.title, presenter: item.presenter ?? '' })),
    status: meeting.status,
    summary: meeting.summary ?? '',
    commitments: [...meeting.commitments].sort((a, b) => a - b),
    awards: meeting.awards.map((a, index) => ({
      key: index,
      awardYear: String(a.awardYear),
      recipient: a.recipient,
      kind: a.kind as AwardKind,
      reason: a.reason ?? '',
    })),
  };
}

const text = (value: string) => value.trim() || null;
/** A year typed into a text box: NaN (sent as null) for anything else, so the server names the field. */
const year = (value: string) => (/^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN);
const agendaBody = (rows: AgendaRow[]) => rows.map((r) => ({ title: r.title, presenter: text(r.presenter) }));
const awardsBody = (rows: AwardRow[]) =>
  rows.map((r) => ({ awardYear: year(r.awardYear), recipient: r.recipient, kind: r.kind, reason: text(r.reason) }));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Which rows were sent, in order, so `agenda.2.title` from the server finds its row after a reorder. */
type Sent = { agenda: number[]; awards: number[] };

/**
 * Creates a meeting (POST /api/meetings) or edits one (PATCH with its version): details, agenda,
 * and on edit the outcome (status, summary, commitments announced there, awards presented). The
 * server's errors appear beside each field, agenda item and award, and in a summary that links
 * to them.
 */
export function MeetingForm({ mode, meeting, commitmentChoices, agencies }: Props) {
  const router = useRouter();
  const [initial] = useState<Values>(() => (meeting ? valuesOf(meeting) : EMPTY));
  const [form, setForm] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState<Sent>({ agenda: [], awards: [] });
  const [message, setMessage] = useState<{ type: 'error' | 'info'; text: string } | null>(null);
  const [conflict, setConflict] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const focusTarget = useRef<string | null>(null);
  // Row keys only need to be unique within this form; the initial rows use their index.
  const nextKey = useRef(1000);

  const onSaved = (saved: MeetingDetail) => router.push(`/meetings/${saved.id}`);
  const create = useCreateMeetingMutation({ onSuccess: onSaved });
  const update = useUpdateMeetingMutation(meeting?.id ?? 0, { onSuccess: onSaved });
  const pending = create.isPending || update.isPending;

  // Moving or removing a row re-renders the list; put focus back where the keyboard user was.
  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });
  const setFocusTarget = (id: string) => {
    focusTarget.current = id;
  };

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setForm((f) => ({ ...f, [key]: value }));
  const newKey = () => nextKey.current++;

  function createBody(): CreateMeetingBody {
    return {
      kind: form.kind,
      title: form.title,
      date: form.date.trim(),
      chair: text(form.chair),
      location: text(form.location),
      // Left out, the server sets the cutoff DEFAULT_CUTOFF_DAYS before the meeting.
      ...(form.reportingCutoff.trim() ? { reportingCutoff: form.reportingCutoff.trim() } : {}),
      agenda: agendaBody(form.agenda),
    };
  }

  function body(): Omit<UpdateMeetingBody, 'version'> {
    if (mode === 'create') return createBody();
    // Only what changed travels, so saving never overwrites a field this user did not touch.
    const out: Omit<UpdateMeetingBody, 'version'> = {};
    if (form.kind !== initial.kind) out.kind = form.kind;
    if (form.title !== initial.title) out.title = form.title;
    if (form.date !== initial.date) out.date = form.date.trim();
    if (form.chair !== initial.chair) out.chair = text(form.chair);
    if (form.location !== initial.location) out.location = text(form.location);
    if (form.reportingCutoff !== initial.reportingCutoff) out.reportingCutoff = text(form.reportingCutoff);
    if (!same(agendaBody(form.agenda), agendaBody(initial.agenda))) out.agenda = agendaBody(form.agenda);
    // Cancelling has its own request: the select offers planned and held only.
    if (form.status !== initial.status && form.status !== 'cancelled') out.status = form.status;
    if (form.summary !== initial.summary) out.summary = text(form.summary);
    if (!same(form.commitments, initial.commitments)) out.commitments = form.commitments;
    if (!same(awardsBody(form.awards), awardsBody(initial.awards))) out.awards = awardsBody(form.awards);
    return out;
  }

  function onError(error: Error) {
    if (error instanceof ApiClientError && error.status === 409) {
      setConflict(true);
      setFocusTarget('meeting-conflict-reload');
      return;
    }
    if (error instanceof ApiClientError) {
      setErrors(Object.keys(error.fields).length ? error.fields : { _: [error.message] });
      setMessage({
        type: 'error',
        text: error.status === 400 ? 'The meeting was not saved. Correct what is marked and save again.' : error.message,
      });
    } else {
      setMessage({ type: 'error', text: 'The server could not be reached. Nothing was saved.' });
    }
    setFocusTarget('meeting-form-summary');
  }

  function submit() {
    setErrors({});
    setMessage(null);
    setConflict(false);
    const request = body();
    setSent({ agenda: form.agenda.map((r) => r.key), awards: form.awards.map((r) => r.key) });
    if (mode === 'create') {
      create.mutate(createBody(), { onError });
      return;
    }
    if (Object.keys(request).length === 0) {
      setMessage({ type: 'info', text: 'Nothing to save: no field was changed.' });
      setFocusTarget('meeting-form-summary');
      return;
    }
    update.mutate({ ...request, version: meeting.version }, { onError });
  }

  const rowError = (list: 'agenda' | 'awards', key: number, field: string) => {
    const index = sent[list].indexOf(key);
    return index < 0 ? undefined : errors[`${list}.${index}.${field}`] ?? (field === 'title' || field === 'recipient' ? errors[`${list}.${index}`] : undefined);
  };
  const rowEditing = { newKey, announce: setAnnouncement, focusNext: setFocusTarget };
  const labels = fieldLabels(sent);

  return (
    <form
      className="usa-form pitf-meeting-form"
      noValidate
      data-testid="meeting-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="usa-sr-only" aria-live="polite" role="status">
        {announcement}
      </p>

      <FormMessageBanner message={message} testId="form-message" id="meeting-form-summary" errors={errors} labels={labels} focusAlways />

      {conflict ? (
        <div className="usa-alert usa-alert--warning margin-y-3" role="alert" data-testid="meeting-conflict">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">Someone else changed this meeting</h2>
            <p className="usa-alert__text">
              Your changes were not saved, because the meeting was changed after you opened this page. Reload to see the current
              version, then make your changes again.
            </p>
            <button type="button" id="meeting-conflict-reload" className="usa-button margin-top-2" onClick={() => window.location.reload()}>
              Reload the meeting
            </button>
          </div>
        </div>
      ) : null}

      <h2 className="margin-top-4">Details</h2>
      <Field id="meeting-kind" label="Kind" errors={errors.kind}>
        {(describedBy, invalid) => (
          <select
            id="meeting-kind"
            className={`usa-select${invalid ? ' usa-input--error' : ''}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.kind}
            onChange={(e) => set('kind', e.target.value as MeetingKind)}
          >
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {MEETING_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="meeting-title" label="Title" errors={errors.title}>
        {(describedBy, invalid) => (
          <input
            id="meeting-title"
            className={inputClass(invalid)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <Field id="meeting-date" label="Date" hint="YYYY-MM-DD, e.g. 2027-02-15." errors={errors.date}>
        {(describedBy, invalid) => (
          <input
            id="meeting-date"
            className={inputClass(invalid, ' usa-input--medium')}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            autoComplete="off"
            value={form.date}
            onChange={(e) => set('date', e.target.value)}
          />
        )}
      </Field>
      <Field id="meeting-chair" label="Chair (optional)" hint="Who chairs it, e.g. Secretary of State." errors={errors.chair}>
        {(describedBy, invalid) => (
          <input
            id="meeting-chair"
            className={inputClass(invalid)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.chair}
            onChange={(e) => set('chair', e.target.value)}
          />
        )}
      </Field>
      <Field id="meeting-location" label="Location (optional)" errors={errors.location}>
        {(describedBy, invalid) => (
          <input
            id="meeting-location"
            className={inputClass(invalid)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.location}
            onChange={(e) => set('location', e.target.value)}
          />
        )}
      </Field>
      <Field
        id="meeting-cutoff"
        label="Reporting cutoff"
        hint={
          mode === 'create'
            ? `YYYY-MM-DD, on or before the meeting. Leave empty for ${DEFAULT_CUTOFF_DAYS} days before the meeting.`
            : 'YYYY-MM-DD, on or before the meeting. Leave empty for no cutoff.'
        }
        errors={errors.reportingCutoff}
      >
        {(describedBy, invalid) => (
          <input
            id="meeting-cutoff"
            className={inputClass(invalid, ' usa-input--medium')}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            autoComplete="off"
            value={form.reportingCutoff}
            onChange={(e) => set('reportingCutoff', e.target.value)}
          />
        )}
      </Field>

      <AgendaEditor
        rows={form.agenda}
        onChange={(rows) => set('agenda', rows)}
        listErrors={errors.agenda}
        rowError={(key, field) => rowError('agenda', key, field)}
        {...rowEditing}
      />

      {mode === 'edit' ? (
        <>
          <h2 className="margin-top-5">Outcome</h2>
          <p className="usa-hint margin-top-0">Record what happened once the meeting has been held.</p>
          <Field id="meeting-status" label="Status" errors={errors.status}>
            {(describedBy, invalid) => (
              <select
                id="meeting-status"
                className={`usa-select${invalid ? ' usa-input--error' : ''}`}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={form.status}
                onChange={(e) => set('status', e.target.value as MeetingStatus)}
              >
                <option value="planned">Planned</option>
                <option value="held">Held</option>
              </select>
            )}
          </Field>
          <Field id="meeting-summary" label="Summary (optional)" hint="What was discussed and decided." errors={errors.summary}>
            {(describedBy, invalid) => (
              <textarea
                id="meeting-summary"
                className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={form.summary}
                onChange={(e) => set('summary', e.target.value)}
              />
            )}
          </Field>

          <fieldset className="usa-fieldset margin-top-4" aria-describedby="commitments-hint commitments-error">
            <legend className="usa-legend pitf-legend-heading" id="commitments-legend" tabIndex={-1}>
              Commitments announced at this meeting
            </legend>
            <span className="usa-hint" id="commitments-hint">
              The deliverables agencies announced here. Choosing one that is recorded at another meeting moves it here.{' '}
              {form.commitments.length === 1 ? '1 deliverable chosen.' : `${form.commitments.length} deliverables chosen.`}
            </span>
            <span className="usa-error-message" id="commitments-error" aria-live="polite" data-testid="commitments-error">
              {errors.commitments?.join(' ')}
            </span>
            <CommitmentPicker
              value={form.commitments}
              onChange={(ids) => set('commitments', ids)}
              initialChoices={commitmentChoices ?? []}
              agencies={agencies ?? []}
            />
          </fieldset>

          <AwardsEditor
            rows={form.awards}
            onChange={(rows) => set('awards', rows)}
            listErrors={errors.awards}
            rowError={(key, field) => rowError('awards', key, field)}
            {...rowEditing}
          />
        </>
      ) : null}

      <div className="pitf-form-actions margin-top-5">
        <button type="submit" className="usa-button" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create meeting' : 'Save meeting'}
        </button>
        <Link href="/meetings" className="usa-link">
          Cancel
        </Link>
      </div>
    </form>
  );
}

/**
 * What each field the server may name is called on this form, and where it is, in the form's
 * order, for the error summary. Agenda items and awards are named by their position as sent.
 */
function fieldLabels(sent: Sent): FieldLabels {
  const labels: FieldLabels = {
    kind: { label: 'Kind', id: 'meeting-kind' },
    title: { label: 'Title', id: 'meeting-title' },
    date: { label: 'Date', id: 'meeting-date' },
    chair: { label: 'Chair', id: 'meeting-chair' },
    location: { label: 'Location', id: 'meeting-location' },
    reportingCutoff: { label: 'Reporting cutoff', id: 'meeting-cutoff' },
    agenda: { label: 'Agenda', id: 'agenda-add' },
  };
  sent.agenda.forEach((key, index) => {
    const n = index + 1;
    labels[`agenda.${index}`] = { label: `Agenda item ${n} title`, id: `agenda-${key}-title` };
    labels[`agenda.${index}.title`] = { label: `Agenda item ${n} title`, id: `agenda-${key}-title` };
    labels[`agenda.${index}.presenter`] = { label: `Agenda item ${n} presenter`, id: `agenda-${key}-presenter` };
  });
  labels.status = { label: 'Status', id: 'meeting-status' };
  labels.summary = { label: 'Summary', id: 'meeting-summary' };
  labels.commitments = { label: 'Commitments', id: 'commitments-legend' };
  labels.awards = { label: 'Awards', id: 'award-add' };
  sent.awards.forEach((key, index) => {
    const n = index + 1;
    labels[`awards.${index}`] = { label: `Award ${n} recipient`, id: `award-${key}-recipient` };
    labels[`awards.${index}.awardYear`] = { label: `Award ${n} year`, id: `award-${key}-year` };
    labels[`awards.${index}.recipient`] = { label: `Award ${n} recipient`, id: `award-${key}-recipient` };
    labels[`awards.${index}.kind`] = { label: `Award ${n} person or organization`, id: `award-${key}-kind` };
    labels[`awards.${index}.reason`] = { label: `Award ${n} reason`, id: `award-${key}-reason` };
  });
  return labels;
}
