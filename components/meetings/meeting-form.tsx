'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import type { CommitmentChoice } from '@/lib/contracts/deliverables';
import { ApiClientError, type FieldErrors } from '@/lib/api/client';
import { DEFAULT_CUTOFF_DAYS, MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind, type MeetingStatus } from '@/lib/domain';
import { Field } from '@/components/ui/field';
import { CommitmentPicker } from './commitment-picker';
import type { CreateMeetingBody, UpdateMeetingBody } from '@/lib/validations/meetings';
import { useCreateMeetingMutation, useUpdateMeetingMutation } from './api';

type AwardKind = 'person' | 'organization';
type AgendaRow = { key: number; title: string; presenter: string };
type AwardRow = { key: number; awardYear: string; recipient: string; kind: AwardKind; reason: string };

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

  // ── Agenda ──
  function addAgendaItem() {
    const key = newKey();
    set('agenda', [...form.agenda, { key, title: '', presenter: '' }]);
    setAnnouncement(`Agenda item ${form.agenda.length + 1} added.`);
    setFocusTarget(`agenda-${key}-title`);
  }
  function moveAgendaItem(index: number, by: -1 | 1) {
    const rows = [...form.agenda];
    const [row] = rows.splice(index, 1);
    if (!row) return;
    const to = index + by;
    rows.splice(to, 0, row);
    set('agenda', rows);
    setAnnouncement(`Agenda item moved to position ${to + 1} of ${rows.length}.`);
    // Keep focus on the same button while it can still move that way, else on the other one.
    const canMoveUp = to > 0;
    const canMoveDown = to < rows.length - 1;
    const button = by === -1 ? (canMoveUp ? 'up' : 'down') : canMoveDown ? 'down' : 'up';
    setFocusTarget(`agenda-${row.key}-${button}`);
  }
  function removeAgendaItem(index: number) {
    const rows = form.agenda.filter((_, i) => i !== index);
    set('agenda', rows);
    setAnnouncement(`Agenda item ${index + 1} removed.`);
    const next = rows[index] ?? rows[index - 1];
    setFocusTarget(next ? `agenda-${next.key}-title` : 'agenda-add');
  }
  const setAgendaRow = (key: number, change: Partial<AgendaRow>) =>
    set('agenda', form.agenda.map((r) => (r.key === key ? { ...r, ...change } : r)));

  // ── Awards ──
  function addAward() {
    const key = newKey();
    set('awards', [...form.awards, { key, awardYear: '', recipient: '', kind: 'organization', reason: '' }]);
    setAnnouncement(`Award ${form.awards.length + 1} added.`);
    setFocusTarget(`award-${key}-year`);
  }
  function removeAward(index: number) {
    const rows = form.awards.filter((_, i) => i !== index);
    set('awards', rows);
    setAnnouncement(`Award ${index + 1} removed.`);
    const next = rows[index] ?? rows[index - 1];
    setFocusTarget(next ? `award-${next.key}-year` : 'award-add');
  }
  const setAwardRow = (key: number, change: Partial<AwardRow>) =>
    set('awards', form.awards.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const inputClass = (invalid: boolean, extra = '') => `usa-input${extra}${invalid ? ' usa-input--error' : ''}`;

  /** Where each error the server names lives on this form, for the summary's links. */
  function locate(path: string): { label: string; id?: string } {
    const fixed: Record<string, { label: string; id: string }> = {
      kind: { label: 'Kind', id: 'meeting-kind' },
      title: { label: 'Title', id: 'meeting-title' },
      date: { label: 'Date', id: 'meeting-date' },
      chair: { label: 'Chair', id: 'meeting-chair' },
      location: { label: 'Location', id: 'meeting-location' },
      reportingCutoff: { label: 'Reporting cutoff', id: 'meeting-cutoff' },
      agenda: { label: 'Agenda', id: 'agenda-add' },
      status: { label: 'Status', id: 'meeting-status' },
      summary: { label: 'Summary', id: 'meeting-summary' },
      commitments: { label: 'Commitments', id: 'commitments-legend' },
      awards: { label: 'Awards', id: 'award-add' },
    };
    if (fixed[path]) return fixed[path];
    const m = /^(agenda|awards)\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (m) {
      const [, list, index, field] = m;
      const key = sent[list as 'agenda' | 'awards'][Number(index)];
      const n = Number(index) + 1;
      if (list === 'agenda') {
        return { label: `Agenda item ${n}${field === 'presenter' ? ' presenter' : ' title'}`, id: key === undefined ? undefined : `agenda-${key}-${field === 'presenter' ? 'presenter' : 'title'}` };
      }
      const ids: Record<string, string> = { awardYear: 'year', recipient: 'recipient', kind: 'kind', reason: 'reason' };
      const labels: Record<string, string> = { awardYear: 'year', recipient: 'recipient', kind: 'person or organization', reason: 'reason' };
      return { label: `Award ${n} ${labels[field ?? 'recipient'] ?? ''}`.trim(), id: key === undefined ? undefined : `award-${key}-${ids[field ?? 'recipient'] ?? 'recipient'}` };
    }
    return { label: path === '_' ? 'Meeting' : path };
  }

  const errorList = Object.entries(errors);

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

      <div aria-live="polite">
        {message ? (
          <div
            className={`usa-alert usa-alert--${message.type} usa-alert--slim`}
            id="meeting-form-summary"
            tabIndex={-1}
            data-testid="form-message"
          >
            <div className="usa-alert__body">
              <p className="usa-alert__text">{message.text}</p>
              {errorList.length ? (
                <ul className="usa-list margin-top-1">
                  {errorList.map(([path, messages]) => {
                    const where = locate(path);
                    return (
                      <li key={path}>
                        {where.id ? (
                          <a className="usa-link" href={`#${where.id}`}>
                            {where.label}
                          </a>
                        ) : (
                          where.label
                        )}
                        : {messages.join(' ')}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

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

      <h2 className="margin-top-5">Agenda</h2>
      <span className="usa-error-message" aria-live="polite" data-testid="agenda-error">
        {errors.agenda?.join(' ')}
      </span>
      {form.agenda.length === 0 ? <p className="margin-top-1">No agenda items yet.</p> : null}
      <ol className="pitf-repeat-list" data-testid="agenda-items">
        {form.agenda.map((row, index) => (
          <li key={row.key}>
            <fieldset className="usa-fieldset pitf-repeat" data-testid="agenda-item">
              <legend className="usa-legend pitf-repeat__legend">Agenda item {index + 1}</legend>
              <div className="pitf-repeat__fields">
                <Field id={`agenda-${row.key}-title`} label="Title" errors={rowError('agenda', row.key, 'title')}>
                  {(describedBy, invalid) => (
                    <input
                      id={`agenda-${row.key}-title`}
                      className={inputClass(invalid)}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      value={row.title}
                      onChange={(e) => setAgendaRow(row.key, { title: e.target.value })}
                    />
                  )}
                </Field>
                <Field id={`agenda-${row.key}-presenter`} label="Presenter (optional)" errors={rowError('agenda', row.key, 'presenter')}>
                  {(describedBy, invalid) => (
                    <input
                      id={`agenda-${row.key}-presenter`}
                      className={inputClass(invalid)}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      value={row.presenter}
                      onChange={(e) => setAgendaRow(row.key, { presenter: e.target.value })}
                    />
                  )}
                </Field>
              </div>
              <div className="pitf-row-actions">
                <button
                  type="button"
                  id={`agenda-${row.key}-up`}
                  className="usa-button usa-button--outline"
                  disabled={index === 0}
                  onClick={() => moveAgendaItem(index, -1)}
                >
                  Move up<span className="usa-sr-only"> agenda item {index + 1}</span>
                </button>
                <button
                  type="button"
                  id={`agenda-${row.key}-down`}
                  className="usa-button usa-button--outline"
                  disabled={index === form.agenda.length - 1}
                  onClick={() => moveAgendaItem(index, 1)}
                >
                  Move down<span className="usa-sr-only"> agenda item {index + 1}</span>
                </button>
                <button type="button" className="usa-button usa-button--unstyled pitf-remove" onClick={() => removeAgendaItem(index)}>
                  Remove<span className="usa-sr-only"> agenda item {index + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id="agenda-add" className="usa-button usa-button--outline" onClick={addAgendaItem}>
        Add agenda item
      </button>

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

          <h3 className="pitf-legend-heading margin-top-4">Awards presented</h3>
          <span className="usa-error-message" aria-live="polite" data-testid="awards-error">
            {errors.awards?.join(' ')}
          </span>
          {form.awards.length === 0 ? <p className="margin-top-1">No award recorded at this meeting.</p> : null}
          <ol className="pitf-repeat-list" data-testid="award-items">
            {form.awards.map((row, index) => (
              <li key={row.key}>
                <fieldset className="usa-fieldset pitf-repeat" data-testid="award-item">
                  <legend className="usa-legend pitf-repeat__legend">Award {index + 1}</legend>
                  <Field id={`award-${row.key}-year`} label="Award year" hint="The year the award is for, e.g. 2024." errors={rowError('awards', row.key, 'awardYear')}>
                    {(describedBy, invalid) => (
                      <input
                        id={`award-${row.key}-year`}
                        className={inputClass(invalid, ' usa-input--small')}
                        inputMode="numeric"
                        aria-describedby={describedBy}
                        aria-invalid={invalid || undefined}
                        value={row.awardYear}
                        onChange={(e) => setAwardRow(row.key, { awardYear: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`award-${row.key}-recipient`} label="Recipient" errors={rowError('awards', row.key, 'recipient')}>
                    {(describedBy, invalid) => (
                      <input
                        id={`award-${row.key}-recipient`}
                        className={inputClass(invalid)}
                        aria-describedby={describedBy}
                        aria-invalid={invalid || undefined}
                        value={row.recipient}
                        onChange={(e) => setAwardRow(row.key, { recipient: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`award-${row.key}-kind`} label="Person or organization" errors={rowError('awards', row.key, 'kind')}>
                    {(describedBy, invalid) => (
                      <select
                        id={`award-${row.key}-kind`}
                        className={`usa-select${invalid ? ' usa-input--error' : ''}`}
                        aria-describedby={describedBy}
                        aria-invalid={invalid || undefined}
                        value={row.kind}
                        onChange={(e) => setAwardRow(row.key, { kind: e.target.value as AwardKind })}
                      >
                        <option value="organization">Organization</option>
                        <option value="person">Person</option>
                      </select>
                    )}
                  </Field>
                  <Field id={`award-${row.key}-reason`} label="Reason (optional)" hint="What the recipient is honored for." errors={rowError('awards', row.key, 'reason')}>
                    {(describedBy, invalid) => (
                      <textarea
                        id={`award-${row.key}-reason`}
                        className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
                        aria-describedby={describedBy}
                        aria-invalid={invalid || undefined}
                        value={row.reason}
                        onChange={(e) => setAwardRow(row.key, { reason: e.target.value })}
                      />
                    )}
                  </Field>
                  <div className="pitf-row-actions">
                    <button type="button" className="usa-button usa-button--unstyled pitf-remove" onClick={() => removeAward(index)}>
                      Remove<span className="usa-sr-only"> award {index + 1}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          <button type="button" id="award-add" className="usa-button usa-button--outline" onClick={addAward}>
            Add an award
          </button>
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
