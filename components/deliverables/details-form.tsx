'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiClientError } from '@/lib/api/client';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import { PILLARS, PILLAR_LABELS, type PillarSlug } from '@/lib/domain';
import { Field, TextField } from '@/components/ui/field';
import { ConflictView } from './conflict-view';
import { toNumber, type Conflict, type EditableDeliverable as Deliverable } from './editing';
import type { CreateDeliverableBody, UpdateDeliverableBody } from '@/lib/validations/deliverables';
import type { ActionChoice, ObjectiveChoice, PillarChoices } from '@/lib/contracts/plan';
import { objectiveName } from '@/lib/plan';
import { useCreateDeliverableMutation, useUpdateDeliverableMutation } from './api';

export type DetailValues = {
  title: string;
  description: string;
  pillar: string;
  leadAgency: string;
  supportingAgencies: string[];
  announcedAtMeetingId: string;
  dueOn: string;
  fundingUsd: string;
  napAction: string;
  objectiveId: string;
  measureLabel: string;
  measureUnit: string;
  measureTarget: string;
  measureActual: string;
};

/** A form with no measure: the four fields empty. */
const NO_MEASURE = { measureLabel: '', measureUnit: '', measureTarget: '', measureActual: '' } as const;
const MEASURE_KEYS = ['measureLabel', 'measureUnit', 'measureTarget', 'measureActual'] as const;

/** The details form's fields as its error summary names them (the server's keys, measure ones dotted). */
const DETAIL_FIELDS: FieldLabels = {
  title: { label: 'Title', id: 'edit-title' },
  description: { label: 'Description', id: 'edit-description' },
  pillar: { label: 'Pillar', id: 'edit-pillar' },
  leadAgency: { label: 'Lead agency', id: 'edit-lead' },
  supportingAgencies: { label: 'Supporting agencies', id: 'edit-supporting' },
  announcedAtMeetingId: { label: 'Announced at', id: 'edit-meeting' },
  dueOn: { label: 'Due date', id: 'edit-due' },
  fundingUsd: { label: 'Funding (US dollars)', id: 'edit-funding' },
  napAction: { label: 'National Action Plan priority action', id: 'edit-nap' },
  objectiveId: { label: 'Objective of the plan', id: 'edit-objective' },
  measure: { label: 'Measure', id: 'edit-measure-label' },
  'measure.label': { label: 'What is counted', id: 'edit-measure-label' },
  'measure.unit': { label: 'Unit', id: 'edit-measure-unit' },
  'measure.target': { label: 'Target', id: 'edit-measure-target' },
  'measure.actual': { label: 'Count so far', id: 'edit-measure-actual' },
};

/**
 * The measure the four fields describe: null when all are empty (no measure, or taking it away),
 * otherwise every field as typed, for the server to name what is missing or wrong. An empty count
 * so far is 0.
 */
function measureBody(form: DetailValues): CreateDeliverableBody['measure'] {
  if (MEASURE_KEYS.every((k) => form[k].trim() === '')) return null;
  return {
    label: form.measureLabel,
    unit: form.measureUnit.trim() || null,
    target: toNumber(form.measureTarget, { grouped: true }),
    actual: form.measureActual.trim() === '' ? 0 : toNumber(form.measureActual, { grouped: true }),
  };
}

export function valuesOf(deliverable: Deliverable): DetailValues {
  return {
    title: deliverable.title,
    description: deliverable.description,
    pillar: deliverable.pillar,
    leadAgency: deliverable.leadAgency.slug,
    supportingAgencies: deliverable.supportingAgencies.map((a) => a.slug).sort(),
    announcedAtMeetingId: deliverable.announcedAt ? String(deliverable.announcedAt.id) : '',
    dueOn: deliverable.dueOn ?? '',
    fundingUsd: deliverable.fundingUsd === null ? '' : String(deliverable.fundingUsd),
    napAction: deliverable.napAction?.code ?? '',
    objectiveId: deliverable.objective ? String(deliverable.objective.id) : '',
    ...(deliverable.measure
      ? {
          measureLabel: deliverable.measure.label,
          measureUnit: deliverable.measure.unit ?? '',
          measureTarget: String(deliverable.measure.target),
          measureActual: String(deliverable.measure.actual),
        }
      : NO_MEASURE),
  };
}

type DetailsFormProps = {
  initial: DetailValues;
  agencies: { slug: string; name: string }[];
  meetings: { id: number; title: string; date: string }[];
  /** The plan's active objectives and priority actions, pillar by pillar. */
  plan: PillarChoices[];
  canChooseLead: boolean;
} & ({ mode: 'edit'; deliverable: Deliverable } | { mode: 'create'; deliverable?: undefined });

/** The details of a deliverable: creates one (POST) or edits one (PATCH with its version). */
export function DetailsForm({ mode, deliverable, initial, agencies, meetings, plan, canChooseLead }: DetailsFormProps) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  // What the form was filled from. When the page is refreshed (after this form's save, or a
  // progress update that moved the count), the fields the user has not touched take the new
  // values, so that saving never sends back a value someone else (or the other form) replaced.
  const [base, setBase] = useState(initial);
  if (!sameValues(base, initial)) {
    setBase(initial);
    setForm((f) => rebased(f, base, initial));
  }
  const { errors, message, setMessage, handlers } = useFormStatus();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const update = useUpdateDeliverableMutation(deliverable?.id ?? 0, {
    onSuccess: () => {
      setMessage({ type: 'success', text: 'Details saved.' });
      router.refresh();
    },
  });
  const create = useCreateDeliverableMutation({ onSuccess: (created) => router.push(`/deliverables/${created.id}`) });
  const pending = update.isPending || create.isPending;
  const set = (key: keyof typeof initial) => (value: string | string[]) => setForm((f) => ({ ...f, [key]: value }));
  const { objectives, actions } = planChoicesFor(plan, form, deliverable);
  /**
   * A new pillar offers its own objectives, and a new objective its own actions: a choice that no
   * longer fits is cleared rather than sent for the server to refuse.
   */
  function choosePillar(pillar: string) {
    setForm((f) => {
      const fits = plan.find((p) => p.pillar === pillar)?.objectives.some((o) => String(o.id) === f.objectiveId) ?? false;
      const objectiveId = fits ? f.objectiveId : '';
      return { ...f, pillar, objectiveId, napAction: actionFits(plan, pillar, objectiveId, f.napAction) ? f.napAction : '' };
    });
  }
  function chooseObjective(objectiveId: string) {
    setForm((f) => ({ ...f, objectiveId, napAction: actionFits(plan, f.pillar, objectiveId, f.napAction) ? f.napAction : '' }));
  }

  /** Only what the user changed travels, so an edit never overwrites fields they did not touch. */
  function changes(): Omit<UpdateDeliverableBody, 'version'> {
    if (mode === 'create') return createBody();
    const out: Omit<UpdateDeliverableBody, 'version'> = {};
    if (form.title !== base.title) out.title = form.title;
    if (form.description !== base.description) out.description = form.description;
    // The select may still say "choose": the server names the field then.
    if (form.pillar !== base.pillar) out.pillar = form.pillar as PillarSlug;
    if (form.leadAgency !== base.leadAgency) out.leadAgency = form.leadAgency;
    if (form.supportingAgencies.join() !== base.supportingAgencies.join()) out.supportingAgencies = form.supportingAgencies;
    if (form.announcedAtMeetingId !== base.announcedAtMeetingId) {
      out.announcedAtMeetingId = form.announcedAtMeetingId ? Number(form.announcedAtMeetingId) : null;
    }
    if (form.dueOn !== base.dueOn) out.dueOn = form.dueOn.trim() || null;
    if (form.fundingUsd !== base.fundingUsd) out.fundingUsd = form.fundingUsd.trim() ? toNumber(form.fundingUsd.replace(/[$,\s]/g, '')) : null;
    if (form.napAction !== base.napAction) out.napAction = form.napAction || null;
    if (form.objectiveId !== base.objectiveId) out.objectiveId = form.objectiveId ? Number(form.objectiveId) : null;
    // The measure travels whole: its four fields are checked together.
    if (MEASURE_KEYS.some((k) => form[k] !== base[k])) out.measure = measureBody(form);
    return out;
  }

  function createBody(): CreateDeliverableBody {
    return {
      leadAgency: form.leadAgency,
      title: form.title,
      description: form.description,
      pillar: form.pillar as PillarSlug,
      supportingAgencies: form.supportingAgencies,
      announcedAtMeetingId: form.announcedAtMeetingId ? Number(form.announcedAtMeetingId) : null,
      dueOn: form.dueOn.trim() || null,
      fundingUsd: form.fundingUsd.trim() ? toNumber(form.fundingUsd.replace(/[$,\s]/g, '')) : null,
      napAction: form.napAction || null,
      objectiveId: form.objectiveId ? Number(form.objectiveId) : null,
      measure: measureBody(form),
    };
  }

  function onError(error: Error, body: Omit<UpdateDeliverableBody, 'version'>) {
    if (error instanceof ApiClientError && error.status === 409) {
      setConflict({ mine: body, theirs: (error.current as Deliverable) ?? null, retry: (v) => send(v, body) });
    } else handlers.onError(error);
  }

  function send(version: number, body = changes()) {
    handlers.onMutate();
    setConflict(null);
    if (mode === 'create') {
      const request = createBody();
      create.mutate(request, { onError: (error) => onError(error, request) });
      return;
    }
    if (Object.keys(body).length === 0) {
      setMessage({ type: 'success', text: 'Nothing to save: no field was changed.' });
      return;
    }
    update.mutate({ ...body, version }, { onError: (error) => onError(error, body) });
  }

  return (
    <form
      className="usa-form usa-form--large"
      noValidate
      data-testid={mode === 'create' ? 'create-form' : 'edit-details-form'}
      onSubmit={(e) => {
        e.preventDefault();
        send(deliverable?.version ?? 0);
      }}
    >
      <FormMessageBanner message={message} testId="form-message" errors={errors} labels={DETAIL_FIELDS} />
      {conflict ? (
        <ConflictView
          what="edit"
          mine={conflict.mine}
          theirs={conflict.theirs}
          onKeepTheirs={() => {
            setConflict(null);
            if (conflict.theirs) window.location.reload();
          }}
          onReapply={() => conflict.theirs && conflict.retry(conflict.theirs.version)}
        />
      ) : null}
      <TextField id="edit-title" label="Title" errors={errors.title} value={form.title} onChange={set('title')} />
      <Field id="edit-description" label="Description" errors={errors.description}>
        {(describedBy, invalid) => (
          <textarea
            id="edit-description"
            className={`usa-textarea${invalid ? ' usa-input--error' : ''}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={form.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </Field>
      <Field id="edit-pillar" label="Pillar" errors={errors.pillar}>
        {(describedBy) => (
          <select id="edit-pillar" className="usa-select" aria-describedby={describedBy} value={form.pillar} onChange={(e) => choosePillar(e.target.value)}>
            {PILLARS.map((p) => (
              <option key={p} value={p}>
                {PILLAR_LABELS[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {canChooseLead ? (
        <Field id="edit-lead" label="Lead agency" errors={errors.leadAgency}>
          {(describedBy) => (
            <select id="edit-lead" className="usa-select" aria-describedby={describedBy} value={form.leadAgency} onChange={(e) => set('leadAgency')(e.target.value)}>
              {agencies.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <fieldset className="usa-fieldset margin-top-3" id="edit-supporting" tabIndex={-1}>
        <legend className="usa-legend">Supporting agencies</legend>
        <span className="usa-error-message" aria-live="polite">
          {errors.supportingAgencies?.join(' ')}
        </span>
        <div className="pitf-checkbox-columns">
          {agencies
            .filter((a) => a.slug !== form.leadAgency)
            .map((a) => (
              <div className="usa-checkbox" key={a.slug}>
                <input
                  className="usa-checkbox__input"
                  id={`support-${a.slug}`}
                  type="checkbox"
                  checked={form.supportingAgencies.includes(a.slug)}
                  onChange={(e) =>
                    set('supportingAgencies')(
                      e.target.checked
                        ? [...form.supportingAgencies, a.slug].sort()
                        : form.supportingAgencies.filter((s) => s !== a.slug),
                    )
                  }
                />
                <label className="usa-checkbox__label" htmlFor={`support-${a.slug}`}>
                  {a.name}
                </label>
              </div>
            ))}
        </div>
      </fieldset>
      <Field id="edit-meeting" label="Announced at" errors={errors.announcedAtMeetingId}>
        {(describedBy) => (
          <select id="edit-meeting" className="usa-select" aria-describedby={describedBy} value={form.announcedAtMeetingId} onChange={(e) => set('announcedAtMeetingId')(e.target.value)}>
            <option value="">Not recorded</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title} ({m.date})
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        id="edit-due"
        label="Due date"
        hint="YYYY-MM-DD, e.g. 2027-03-31. Leave empty for none."
        errors={errors.dueOn}
        inputMode="numeric"
        autoComplete="off"
        value={form.dueOn}
        onChange={set('dueOn')}
      />
      <TextField
        id="edit-funding"
        label="Funding (US dollars)"
        hint="Whole dollars. Leave empty for none."
        errors={errors.fundingUsd}
        inputMode="numeric"
        value={form.fundingUsd}
        onChange={set('fundingUsd')}
      />
      <Field
        id="edit-objective"
        label="Objective of the plan"
        hint="The National Action Plan objective this deliverable serves, among those of its pillar."
        errors={errors.objectiveId}
      >
        {(describedBy) => (
          <select id="edit-objective" className="usa-select" aria-describedby={describedBy} value={form.objectiveId} onChange={(e) => chooseObjective(e.target.value)}>
            <option value="">Not yet mapped</option>
            {objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {objectiveName(o)}
                {o.retired ? ' (retired)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="edit-nap" label="National Action Plan priority action" hint="Among the actions of the chosen objective." errors={errors.napAction}>
        {(describedBy) => (
          <select id="edit-nap" className="usa-select" aria-describedby={describedBy} value={form.napAction} onChange={(e) => set('napAction')(e.target.value)}>
            <option value="">None</option>
            {actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code}: {a.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="usa-fieldset margin-top-3" aria-describedby="edit-measure-hint">
        <legend className="usa-legend">Measure (optional)</legend>
        <span className="usa-hint" id="edit-measure-hint">
          What the deliverable counts toward a target, e.g. 1,200 investigators trained. With a measure, progress follows from the
          count instead of being typed.
        </span>
        {errors.measure ? (
          <span className="usa-error-message" aria-live="polite" data-testid="edit-measure-error">
            {errors.measure.join(' ')}
          </span>
        ) : null}
        <TextField
          id="edit-measure-label"
          label="What is counted"
          hint="Written to follow a number, e.g. investigators trained. Needs a target."
          errors={errors['measure.label']}
          autoComplete="off"
          value={form.measureLabel}
          onChange={set('measureLabel')}
        />
        <TextField
          id="edit-measure-unit"
          label="Unit (optional)"
          hint="Only when the count is not a number of what is counted, e.g. hours."
          errors={errors['measure.unit']}
          autoComplete="off"
          value={form.measureUnit}
          onChange={set('measureUnit')}
        />
        <TextField
          id="edit-measure-target"
          label="Target"
          hint="A whole number above zero."
          errors={errors['measure.target']}
          inputMode="numeric"
          autoComplete="off"
          value={form.measureTarget}
          onChange={set('measureTarget')}
        />
        <TextField
          id="edit-measure-actual"
          label="Count so far"
          hint={mode === 'create' ? 'A whole number; empty is 0.' : 'A whole number; empty is 0. A progress update can change it too.'}
          errors={errors['measure.actual']}
          inputMode="numeric"
          autoComplete="off"
          value={form.measureActual}
          onChange={set('measureActual')}
        />
      </fieldset>
      <button type="submit" className="usa-button" disabled={pending}>
        {pending ? 'Saving…' : mode === 'create' ? 'Create deliverable' : 'Save details'}
      </button>
    </form>
  );
}

function sameValues(a: DetailValues, b: DetailValues): boolean {
  return (Object.keys(a) as (keyof DetailValues)[]).every((k) => String(a[k]) === String(b[k]));
}

/** The form after a refresh: each field still as the user left it if they changed it, else the new value. */
function rebased(form: DetailValues, before: DetailValues, after: DetailValues): DetailValues {
  const next = { ...form };
  for (const key of Object.keys(after) as (keyof DetailValues)[]) {
    if (String(form[key]) === String(before[key])) (next as Record<string, unknown>)[key] = after[key];
  }
  return next;
}

/** Whether an action can stay chosen under a pillar and objective: it is among the ones offered there. */
function actionFits(plan: PillarChoices[], pillar: string, objectiveId: string, code: string): boolean {
  if (code === '') return true;
  const group = plan.find((p) => p.pillar === pillar);
  const list = objectiveId ? group?.objectives.find((o) => String(o.id) === objectiveId)?.actions : group?.actions;
  return list?.some((a) => a.code === code) ?? false;
}

/**
 * The objectives of the chosen pillar and the actions of the chosen objective (every action of the
 * pillar while none is chosen). What the deliverable has now stays offered even once retired, so
 * the form shows it as it is.
 */
function planChoicesFor(
  plan: PillarChoices[],
  form: DetailValues,
  deliverable: Deliverable | undefined,
): { objectives: (ObjectiveChoice & { retired?: boolean })[]; actions: ActionChoice[] } {
  const group = plan.find((p) => p.pillar === form.pillar);
  const objectives: (ObjectiveChoice & { retired?: boolean })[] = [...(group?.objectives ?? [])];
  const own = deliverable?.objective;
  if (own && String(own.id) === form.objectiveId && !objectives.some((o) => o.id === own.id)) {
    objectives.push({ id: own.id, number: own.number, title: own.title, actions: [], retired: own.retired });
  }
  const chosen = objectives.find((o) => String(o.id) === form.objectiveId);
  const actions = [...(chosen ? chosen.actions : (group?.actions ?? []))];
  const ownAction = deliverable?.napAction;
  if (ownAction && ownAction.code === form.napAction && !actions.some((a) => a.code === ownAction.code)) actions.push(ownAction);
  return { objectives, actions };
}
