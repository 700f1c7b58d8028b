'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, TextField } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import type { CreateObservationBody } from '@/lib/validations/statistics';
import { useCreateObservationMutation, useUpdateObservationMutation } from './api';

type Body = CreateObservationBody;

type Editing = {
  id: number;
  indicator: string;
  period: string;
  value: number;
  ageGroup: string | null;
  traffickingType: string | null;
  category: string | null;
  qualifier: string | null;
  publishedYear: number | null;
  note: string | null;
  sourceId: number;
};

type Props = {
  indicators: { key: string; name: string; unit: string }[];
  sources: { id: number; title: string; publishedOn: string | null }[];
  editing: Editing | null;
};

const UNITS = ['people', 'cases', 'usd', 'percent', 'agencies', 'actions'];

const LABELS: FieldLabels = {
  indicator: { label: 'Indicator', id: 'obs-indicator' },
  unit: { label: 'Unit', id: 'obs-unit' },
  period: { label: 'Period', id: 'obs-period' },
  value: { label: 'Value', id: 'obs-value' },
  ageGroup: { label: 'Age group', id: 'obs-age' },
  traffickingType: { label: 'Type of trafficking', id: 'obs-type' },
  category: { label: 'Other breakdown', id: 'obs-category' },
  sourceId: { label: 'Source document', id: 'obs-source' },
  note: { label: 'Note', id: 'obs-note' },
};

/** An administrator adds a figure, or corrects one; the server checks every field and audits the change. */
export function ObservationForm({ indicators, sources, editing }: Props) {
  const router = useRouter();
  const [form, setForm] = useState({
    indicator: editing?.indicator ?? indicators[0]?.key ?? '',
    unit: indicators.find((i) => i.key === (editing?.indicator ?? indicators[0]?.key))?.unit ?? 'people',
    period: editing?.period ?? '',
    value: editing ? String(editing.value) : '',
    qualifier: editing?.qualifier ?? '',
    publishedYear: editing?.publishedYear ? String(editing.publishedYear) : '',
    ageGroup: editing?.ageGroup ?? '',
    traffickingType: editing?.traffickingType ?? '',
    category: editing?.category ?? '',
    note: editing?.note ?? '',
    sourceId: editing ? String(editing.sourceId) : '',
  });
  const { errors, message, setMessage, handlers } = useFormStatus();
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value, ...(key === 'indicator' ? { unit: indicators.find((i) => i.key === value)?.unit ?? f.unit } : {}) }));

  const saved = () => {
    setMessage({ type: 'success', text: editing ? 'Observation corrected.' : 'Observation added.' });
    router.refresh();
  };
  const create = useCreateObservationMutation({ ...handlers, onSuccess: saved });
  const update = useUpdateObservationMutation({ ...handlers, onSuccess: saved });
  const pending = create.isPending || update.isPending;
  function save() {
    const value = form.value.trim() === '' ? Number.NaN : Number(form.value.replace(/,/g, ''));
    const publishedYear = form.publishedYear.trim() === '' ? null : Number(form.publishedYear.trim());
    // The selects offer only the schema's choices. A year that is not a number travels as typed,
    // so that the server names the field rather than taking it for no year.
    const common = {
      unit: form.unit as Body['unit'],
      period: form.period,
      value,
      qualifier: (form.qualifier || null) as Body['qualifier'],
      publishedYear: (Number.isNaN(publishedYear) ? form.publishedYear : publishedYear) as Body['publishedYear'],
      ageGroup: (form.ageGroup || null) as Body['ageGroup'],
      traffickingType: (form.traffickingType || null) as Body['traffickingType'],
      category: form.category.trim() || null,
      note: form.note.trim() || null,
      ...(form.sourceId ? { sourceId: Number(form.sourceId) } : {}),
    };
    if (editing) update.mutate({ id: editing.id, ...common });
    // No source chosen yet: NaN travels as null, and the server asks for the source document.
    else create.mutate({ indicator: form.indicator, sourceId: Number.NaN, ...common });
  }

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      data-testid="observation-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <FormMessageBanner message={message} testId="observation-message" errors={errors} labels={LABELS} />
      <Field id="obs-indicator" label="Indicator" errors={errors.indicator}>
        {(describedBy) => (
          <select id="obs-indicator" className="usa-select" aria-describedby={describedBy} value={form.indicator} disabled={Boolean(editing)} onChange={(e) => set('indicator')(e.target.value)}>
            {indicators.map((i) => (
              <option key={i.key} value={i.key}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="obs-unit" label="Unit" errors={errors.unit}>
        {(describedBy) => (
          <select id="obs-unit" className="usa-select" aria-describedby={describedBy} value={form.unit} onChange={(e) => set('unit')(e.target.value)}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        id="obs-period"
        label="Period"
        hint="A year (2020) or a month (2020-12)."
        errors={errors.period}
        inputMode="numeric"
        value={form.period}
        onChange={set('period')}
      />
      <TextField id="obs-value" label="Value" errors={errors.value} inputMode="decimal" value={form.value} onChange={set('value')} />
      <Field id="obs-qualifier" label="As the source words it" errors={errors.qualifier}>
        {(describedBy) => (
          <select id="obs-qualifier" className="usa-select" aria-describedby={describedBy} value={form.qualifier} onChange={(e) => set('qualifier')(e.target.value)}>
            <option value="">Exactly this value</option>
            <option value="over">Over this value</option>
            <option value="nearly">Nearly this value</option>
            <option value="about">About this value</option>
          </select>
        )}
      </Field>
      <TextField
        id="obs-published"
        label="Estimate published in (optional)"
        hint="For an estimate published after the period it describes: the year of publication, e.g. 2017."
        errors={errors.publishedYear}
        inputMode="numeric"
        value={form.publishedYear}
        onChange={set('publishedYear')}
      />
      <Field id="obs-age" label="Age group (optional)" errors={errors.ageGroup}>
        {(describedBy) => (
          <select id="obs-age" className="usa-select" aria-describedby={describedBy} value={form.ageGroup} onChange={(e) => set('ageGroup')(e.target.value)}>
            <option value="">All ages</option>
            <option value="adult">Adults</option>
            <option value="child">Children</option>
          </select>
        )}
      </Field>
      <Field id="obs-type" label="Type of trafficking (optional)" errors={errors.traffickingType}>
        {(describedBy) => (
          <select id="obs-type" className="usa-select" aria-describedby={describedBy} value={form.traffickingType} onChange={(e) => set('traffickingType')(e.target.value)}>
            <option value="">All types</option>
            <option value="labor">Labor</option>
            <option value="sex">Sex</option>
            <option value="both">Both sex and labor</option>
            <option value="unknown">Unknown</option>
          </select>
        )}
      </Field>
      <TextField
        id="obs-category"
        label="Other breakdown (optional)"
        hint="For example: housing."
        errors={errors.category}
        value={form.category}
        onChange={set('category')}
      />
      <Field id="obs-source" label="Source document" errors={errors.sourceId}>
        {(describedBy, invalid) => (
          <select
            id="obs-source"
            className={`usa-select${invalid ? ' usa-input--error' : ''}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.sourceId}
            onChange={(e) => set('sourceId')(e.target.value)}
          >
            <option value="">Choose the document</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
                {s.publishedOn ? ` (${s.publishedOn})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="obs-note" label="Note (optional)" errors={errors.note}>
        {(describedBy) => (
          <textarea id="obs-note" className="usa-textarea" aria-describedby={describedBy} value={form.note} onChange={(e) => set('note')(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="usa-button" disabled={pending}>
        {editing ? 'Save correction' : 'Add observation'}
      </button>
    </form>
  );
}
