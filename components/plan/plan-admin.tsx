'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ApiClientError } from '@/lib/api/client';
import type { PlanObjective, PriorityAction } from '@/lib/contracts/plan';
import { PILLARS, PILLAR_LABELS, type PillarSlug } from '@/lib/domain';
import { objectiveName, pillarOfCode } from '@/lib/plan';
import { DataTable } from '@/components/ui/data-table';
import { Field, TextField } from '@/components/ui/field';
import { FormMessageBanner, useFormStatus, type FieldLabels } from '@/components/ui/form-status';
import { useCreateActionMutation, useCreateObjectiveMutation, useUpdateActionMutation, useUpdateObjectiveMutation } from './api';

type SourceOption = { id: number; title: string; publisher: string; publishedOn: string | null };
type AgencyOption = { slug: string; name: string };

const OBJECTIVE_FIELDS: FieldLabels = {
  pillar: { label: 'Pillar', id: 'objective-pillar' },
  number: { label: 'Number', id: 'objective-number' },
  title: { label: 'Title', id: 'objective-title' },
  sourceId: { label: 'Source', id: 'objective-source' },
  sourcePage: { label: 'Page in the source', id: 'objective-page' },
};

const ACTION_FIELDS: FieldLabels = {
  code: { label: 'Code', id: 'action-code' },
  pillar: { label: 'Pillar', id: 'action-pillar' },
  objectiveId: { label: 'Objective', id: 'action-objective' },
  title: { label: 'Title', id: 'action-title' },
  leadAgency: { label: 'Lead agency', id: 'action-lead' },
  supportingAgencies: { label: 'Supporting agencies', id: 'action-supporting' },
  sourceId: { label: 'Source', id: 'action-source' },
  sourcePage: { label: 'Page in the source', id: 'action-page' },
};

const sourceLabel = (s: SourceOption) => `${s.title} (${s.publisher}${s.publishedOn ? `, ${s.publishedOn}` : ''})`;

/** A number typed into a text box: null when empty, NaN when not a number (the server names it). */
const typedNumber = (text: string) => (text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function SourceSelect({ id, value, onChange, sources, errors }: { id: string; value: string; onChange: (v: string) => void; sources: SourceOption[]; errors?: string[] }) {
  return (
    <Field id={id} label="Source" hint="The public document that states it." errors={errors}>
      {(describedBy) => (
        <select id={id} className="usa-select" aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">None recorded</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {sourceLabel(s)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function PillarSelect({ id, value, onChange, errors }: { id: string; value: string; onChange: (v: PillarSlug) => void; errors?: string[] }) {
  return (
    <Field id={id} label="Pillar" errors={errors}>
      {(describedBy) => (
        <select id={id} className="usa-select" aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value as PillarSlug)}>
          {PILLARS.map((p, i) => (
            <option key={p} value={p}>
              {i + 1}. {PILLAR_LABELS[p]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type ObjectiveValues = { pillar: PillarSlug; number: string; title: string; sourceId: string; sourcePage: string };
const NEW_OBJECTIVE: ObjectiveValues = { pillar: 'prevention', number: '', title: '', sourceId: '', sourcePage: '' };
const objectiveValues = (o: PlanObjective): ObjectiveValues => ({
  pillar: o.pillar,
  number: o.number === null ? '' : String(o.number),
  title: o.title,
  sourceId: o.source ? String(o.source.id) : '',
  sourcePage: o.sourcePage ?? '',
});

type ActionValues = {
  code: string;
  pillar: PillarSlug;
  objectiveId: string;
  title: string;
  leadAgency: string;
  supportingAgencies: string[];
  sourceId: string;
  sourcePage: string;
};
const NEW_ACTION: ActionValues = { code: '', pillar: 'prevention', objectiveId: '', title: '', leadAgency: '', supportingAgencies: [], sourceId: '', sourcePage: '' };
const actionValues = (a: PriorityAction): ActionValues => ({
  code: a.code,
  pillar: a.pillar,
  objectiveId: a.objective ? String(a.objective.id) : '',
  title: a.title,
  leadAgency: a.leadAgency?.slug ?? '',
  supportingAgencies: a.supportingAgencies.map((s) => s.slug).sort(),
  sourceId: a.source ? String(a.source.id) : '',
  sourcePage: a.sourcePage ?? '',
});

/**
 * The secretariat's page for the plan: the objectives and the priority actions, each table with
 * its add-or-edit form below it, and retire or restore on each row. Every save carries the version
 * edited; when someone saved first, the form takes their version and says so.
 */
export function PlanAdmin({
  objectives,
  actions,
  sources,
  agencies,
}: {
  objectives: PlanObjective[];
  actions: PriorityAction[];
  sources: SourceOption[];
  agencies: AgencyOption[];
}) {
  const router = useRouter();

  // ── Objectives ──
  const [objectiveEditing, setObjectiveEditing] = useState<PlanObjective | null>(null);
  const [objective, setObjective] = useState<ObjectiveValues>(NEW_OBJECTIVE);
  const objectiveStatus = useFormStatus();
  const objectiveForm = useRef<HTMLHeadingElement>(null);
  const onObjectiveError = (error: Error) => {
    if (error instanceof ApiClientError && error.status === 409 && error.current) {
      const current = error.current as PlanObjective;
      setObjectiveEditing(current);
      setObjective(objectiveValues(current));
      objectiveStatus.setMessage({ type: 'error', text: `${error.message} The form now shows the objective as it stands; make your change again and save.` });
      router.refresh();
    } else objectiveStatus.handlers.onError(error);
  };
  const objectiveSaved = (saved: PlanObjective) => {
    objectiveStatus.setMessage({ type: 'success', text: `Saved: ${objectiveName(saved)} (${PILLAR_LABELS[saved.pillar]}).` });
    setObjectiveEditing(null);
    setObjective(NEW_OBJECTIVE);
    router.refresh();
  };
  const createObjective = useCreateObjectiveMutation({ onMutate: objectiveStatus.handlers.onMutate, onError: onObjectiveError, onSuccess: objectiveSaved });
  const updateObjective = useUpdateObjectiveMutation({ onMutate: objectiveStatus.handlers.onMutate, onError: onObjectiveError, onSuccess: objectiveSaved });
  const objectiveBody = () => ({
    pillar: objective.pillar,
    number: typedNumber(objective.number),
    title: objective.title,
    sourceId: objective.sourceId ? Number(objective.sourceId) : null,
    sourcePage: objective.sourcePage.trim() || null,
  });

  // ── Priority actions ──
  const [actionEditing, setActionEditing] = useState<PriorityAction | null>(null);
  const [action, setAction] = useState<ActionValues>(NEW_ACTION);
  const actionStatus = useFormStatus();
  const actionForm = useRef<HTMLHeadingElement>(null);
  const onActionError = (error: Error) => {
    if (error instanceof ApiClientError && error.status === 409 && error.current) {
      const current = error.current as PriorityAction;
      setActionEditing(current);
      setAction(actionValues(current));
      actionStatus.setMessage({ type: 'error', text: `${error.message} The form now shows the action as it stands; make your change again and save.` });
      router.refresh();
    } else actionStatus.handlers.onError(error);
  };
  const actionSaved = (saved: PriorityAction) => {
    actionStatus.setMessage({ type: 'success', text: `Saved: priority action ${saved.code}.` });
    setActionEditing(null);
    setAction(NEW_ACTION);
    router.refresh();
  };
  const createAction = useCreateActionMutation({ onMutate: actionStatus.handlers.onMutate, onError: onActionError, onSuccess: actionSaved });
  const updateAction = useUpdateActionMutation({ onMutate: actionStatus.handlers.onMutate, onError: onActionError, onSuccess: actionSaved });
  const actionBody = () => ({
    code: action.code,
    pillar: action.pillar,
    objectiveId: action.objectiveId ? Number(action.objectiveId) : (undefined as unknown as number),
    title: action.title,
    leadAgency: action.leadAgency || null,
    supportingAgencies: action.supportingAgencies.filter((s) => s !== action.leadAgency),
    sourceId: action.sourceId ? Number(action.sourceId) : null,
    sourcePage: action.sourcePage.trim() || null,
  });
  const objectivesOfPillar = objectives.filter((o) => o.pillar === action.pillar && (o.retiredAt === null || String(o.id) === action.objectiveId));

  // ── Retire and restore, from the tables ──
  const retireStatus = useFormStatus();
  const retireSaved = (what: string, retired: boolean) => {
    retireStatus.setMessage({ type: 'success', text: retired ? `${what} is retired: what it was given keeps it, and it is no longer offered.` : `${what} is restored.` });
    router.refresh();
  };
  const retireObjective = useUpdateObjectiveMutation({
    onMutate: retireStatus.handlers.onMutate,
    onError: retireStatus.handlers.onError,
    onSuccess: (o, { body }) => retireSaved(`The objective “${objectiveName(o)}”`, body.retired === true),
  });
  const retireAction = useUpdateActionMutation({
    onMutate: retireStatus.handlers.onMutate,
    onError: retireStatus.handlers.onError,
    onSuccess: (a, { body }) => retireSaved(`Priority action ${a.code}`, body.retired === true),
  });

  return (
    <>
      <FormMessageBanner message={retireStatus.message} testId="plan-retire-message" focusAlways />
      <section aria-labelledby="objectives-heading" className="margin-top-4">
        <h2 id="objectives-heading">Objectives</h2>
        <DataTable
          caption="The plan’s objectives by pillar, retired ones included"
          scroll="Objectives"
          testId="plan-objectives-table"
          rows={objectives}
          rowKey={(o) => o.id}
          rowTestId={(o) => `objective-${o.id}`}
          columns={[
            { header: 'Pillar', cell: (o) => o.pillarName },
            { header: 'Number', cell: (o) => (o.number === null ? <span className="text-base">unnumbered</span> : o.number) },
            { header: 'Objective', rowHeader: true, cell: (o) => o.title },
            { header: 'Source', cell: (o) => (o.source ? `${o.source.title}${o.sourcePage ? `, p. ${o.sourcePage}` : ''}` : 'None recorded') },
            { header: 'State', cell: (o) => (o.retiredAt === null ? 'Current' : <span className="pitf-flag pitf-flag--stale">Retired</span>) },
            {
              header: 'Change',
              cell: (o) => (
                <div className="display-flex flex-wrap">
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled margin-right-2"
                    aria-label={`Edit the objective “${o.title}”`}
                    onClick={() => {
                      setObjectiveEditing(o);
                      setObjective(objectiveValues(o));
                      objectiveStatus.setMessage(null);
                      objectiveStatus.setErrors({});
                      objectiveForm.current?.focus();
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    aria-label={`${o.retiredAt === null ? 'Retire' : 'Restore'} the objective “${o.title}”`}
                    disabled={retireObjective.isPending}
                    onClick={() => retireObjective.mutate({ id: o.id, body: { version: o.version, retired: o.retiredAt === null } })}
                  >
                    {o.retiredAt === null ? 'Retire' : 'Restore'}
                  </button>
                </div>
              ),
            },
          ]}
        />
        <h3 id="objective-form-heading" ref={objectiveForm} tabIndex={-1}>
          {objectiveEditing ? `Edit the objective “${objectiveEditing.title}”` : 'Add an objective'}
        </h3>
        <form
          className="usa-form usa-form--large"
          noValidate
          data-testid="objective-form"
          aria-labelledby="objective-form-heading"
          onSubmit={(e) => {
            e.preventDefault();
            if (objectiveEditing) updateObjective.mutate({ id: objectiveEditing.id, body: { version: objectiveEditing.version, ...objectiveBody() } });
            else createObjective.mutate(objectiveBody());
          }}
        >
          <FormMessageBanner message={objectiveStatus.message} testId="objective-form-message" errors={objectiveStatus.errors} labels={OBJECTIVE_FIELDS} />
          <PillarSelect id="objective-pillar" value={objective.pillar} errors={objectiveStatus.errors.pillar} onChange={(pillar) => setObjective((f) => ({ ...f, pillar }))} />
          <TextField
            id="objective-number"
            label="Number (optional)"
            hint="Only where a source states it; leave empty and it is shown as unnumbered."
            inputMode="numeric"
            autoComplete="off"
            errors={objectiveStatus.errors.number}
            value={objective.number}
            onChange={(number) => setObjective((f) => ({ ...f, number }))}
          />
          <TextField id="objective-title" label="Title" autoComplete="off" errors={objectiveStatus.errors.title} value={objective.title} onChange={(title) => setObjective((f) => ({ ...f, title }))} />
          <SourceSelect id="objective-source" sources={sources} value={objective.sourceId} errors={objectiveStatus.errors.sourceId} onChange={(sourceId) => setObjective((f) => ({ ...f, sourceId }))} />
          <TextField
            id="objective-page"
            label="Page in the source (optional)"
            hint="e.g. 14, or 14–15."
            autoComplete="off"
            errors={objectiveStatus.errors.sourcePage}
            value={objective.sourcePage}
            onChange={(sourcePage) => setObjective((f) => ({ ...f, sourcePage }))}
          />
          <button type="submit" className="usa-button" disabled={createObjective.isPending || updateObjective.isPending}>
            {objectiveEditing ? 'Save the objective' : 'Add the objective'}
          </button>
          {objectiveEditing ? (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setObjectiveEditing(null);
                setObjective(NEW_OBJECTIVE);
                objectiveStatus.setMessage(null);
                objectiveStatus.setErrors({});
              }}
            >
              Cancel editing
            </button>
          ) : null}
        </form>
      </section>

      <section aria-labelledby="actions-heading" className="margin-top-6">
        <h2 id="actions-heading">Priority actions</h2>
        <DataTable
          caption="The plan’s priority actions by code, retired ones included"
          scroll="Priority actions"
          testId="plan-actions-table"
          rows={actions}
          rowKey={(a) => a.id}
          rowTestId={(a) => `action-${a.code}`}
          columns={[
            { header: 'Code', rowHeader: true, cell: (a) => a.code },
            { header: 'Priority action', cell: (a) => a.title },
            { header: 'Objective', cell: (a) => (a.objective ? objectiveName(a.objective) : 'None') },
            { header: 'Lead agency', cell: (a) => a.leadAgency?.abbreviation ?? 'Not recorded' },
            { header: 'Supporting', cell: (a) => (a.supportingAgencies.length ? a.supportingAgencies.map((s) => s.abbreviation).join(', ') : 'None') },
            { header: 'Source', cell: (a) => (a.source ? `${a.source.title}${a.sourcePage ? `, p. ${a.sourcePage}` : ''}` : 'None recorded') },
            { header: 'State', cell: (a) => (a.retiredAt === null ? 'Current' : <span className="pitf-flag pitf-flag--stale">Retired</span>) },
            {
              header: 'Change',
              cell: (a) => (
                <div className="display-flex flex-wrap">
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled margin-right-2"
                    aria-label={`Edit priority action ${a.code}`}
                    onClick={() => {
                      setActionEditing(a);
                      setAction(actionValues(a));
                      actionStatus.setMessage(null);
                      actionStatus.setErrors({});
                      actionForm.current?.focus();
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="usa-button usa-button--unstyled"
                    aria-label={`${a.retiredAt === null ? 'Retire' : 'Restore'} priority action ${a.code}`}
                    disabled={retireAction.isPending}
                    onClick={() => retireAction.mutate({ id: a.id, body: { version: a.version, retired: a.retiredAt === null } })}
                  >
                    {a.retiredAt === null ? 'Retire' : 'Restore'}
                  </button>
                </div>
              ),
            },
          ]}
        />
        <h3 id="action-form-heading" ref={actionForm} tabIndex={-1}>
          {actionEditing ? `Edit priority action ${actionEditing.code}` : 'Add a priority action'}
        </h3>
        <form
          className="usa-form usa-form--large"
          noValidate
          data-testid="action-form"
          aria-labelledby="action-form-heading"
          onSubmit={(e) => {
            e.preventDefault();
            if (actionEditing) updateAction.mutate({ id: actionEditing.id, body: { version: actionEditing.version, ...actionBody() } });
            else createAction.mutate(actionBody());
          }}
        >
          <FormMessageBanner message={actionStatus.message} testId="action-form-message" errors={actionStatus.errors} labels={ACTION_FIELDS} />
          <TextField
            id="action-code"
            label="Code"
            hint="pillar.objective.action in digits, e.g. 1.3.2; its first number is the pillar’s."
            autoComplete="off"
            errors={actionStatus.errors.code}
            value={action.code}
            onChange={(code) =>
              setAction((f) => {
                // A code naming another pillar moves the form to it (and offers that pillar's objectives).
                const pillar = pillarOfCode(code) ?? f.pillar;
                return { ...f, code, pillar, objectiveId: pillar === f.pillar ? f.objectiveId : '' };
              })
            }
          />
          <PillarSelect
            id="action-pillar"
            value={action.pillar}
            errors={actionStatus.errors.pillar}
            onChange={(pillar) => setAction((f) => ({ ...f, pillar, objectiveId: pillar === f.pillar ? f.objectiveId : '' }))}
          />
          <Field id="action-objective" label="Objective" hint="Among the objectives of the pillar." errors={actionStatus.errors.objectiveId}>
            {(describedBy) => (
              <select
                id="action-objective"
                className="usa-select"
                aria-describedby={describedBy}
                value={action.objectiveId}
                onChange={(e) => setAction((f) => ({ ...f, objectiveId: e.target.value }))}
              >
                <option value="">Choose an objective</option>
                {objectivesOfPillar.map((o) => (
                  <option key={o.id} value={o.id}>
                    {objectiveName(o)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField id="action-title" label="Title" autoComplete="off" errors={actionStatus.errors.title} value={action.title} onChange={(title) => setAction((f) => ({ ...f, title }))} />
          <Field id="action-lead" label="Lead agency (optional)" errors={actionStatus.errors.leadAgency}>
            {(describedBy) => (
              <select id="action-lead" className="usa-select" aria-describedby={describedBy} value={action.leadAgency} onChange={(e) => setAction((f) => ({ ...f, leadAgency: e.target.value }))}>
                <option value="">Not recorded</option>
                {agencies.map((a) => (
                  <option key={a.slug} value={a.slug}>
                    {a.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="usa-fieldset margin-top-3" id="action-supporting" tabIndex={-1}>
            <legend className="usa-legend">Supporting agencies</legend>
            <span className="usa-error-message" aria-live="polite">
              {actionStatus.errors.supportingAgencies?.join(' ')}
            </span>
            <div className="pitf-checkbox-columns">
              {agencies
                .filter((a) => a.slug !== action.leadAgency)
                .map((a) => (
                  <div className="usa-checkbox" key={a.slug}>
                    <input
                      className="usa-checkbox__input"
                      id={`action-support-${a.slug}`}
                      type="checkbox"
                      checked={action.supportingAgencies.includes(a.slug)}
                      onChange={(e) =>
                        setAction((f) => ({
                          ...f,
                          supportingAgencies: e.target.checked ? [...f.supportingAgencies, a.slug].sort() : f.supportingAgencies.filter((s) => s !== a.slug),
                        }))
                      }
                    />
                    <label className="usa-checkbox__label" htmlFor={`action-support-${a.slug}`}>
                      {a.name}
                    </label>
                  </div>
                ))}
            </div>
          </fieldset>
          <SourceSelect id="action-source" sources={sources} value={action.sourceId} errors={actionStatus.errors.sourceId} onChange={(sourceId) => setAction((f) => ({ ...f, sourceId }))} />
          <TextField
            id="action-page"
            label="Page in the source (optional)"
            autoComplete="off"
            errors={actionStatus.errors.sourcePage}
            value={action.sourcePage}
            onChange={(sourcePage) => setAction((f) => ({ ...f, sourcePage }))}
          />
          <button type="submit" className="usa-button" disabled={createAction.isPending || updateAction.isPending}>
            {actionEditing ? 'Save the priority action' : 'Add the priority action'}
          </button>
          {actionEditing ? (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setActionEditing(null);
                setAction(NEW_ACTION);
                actionStatus.setMessage(null);
                actionStatus.setErrors({});
              }}
            >
              Cancel editing
            </button>
          ) : null}
        </form>
      </section>
    </>
  );
}
