import Link from 'next/link';
import type { FieldErrors } from '@/lib/errors';
import { actionLabel, entityLabel } from '@/lib/audit-display';
import { TextField } from '@/components/ui/field';
import { FilterSelect } from '@/components/ui/filter-select';
import { ReaderTimeZoneInput } from '@/components/ui/reader-time-zone';

type Choices = {
  actors: { id: number; name: string; email: string }[];
  agencies: { slug: string; name: string }[];
  entities: string[];
  actions: string[];
};

/** What each filter is called on the page, for the list of filters to correct. */
export const AUDIT_FILTER_LABELS: Record<string, string> = {
  actor: 'Actor',
  agency: 'Agency',
  entity: 'Entity',
  entityId: 'Entity id',
  action: 'Action',
  from: 'From',
  to: 'To',
  tz: 'Time zone',
  page: 'Page',
};

/**
 * The log's filters as a GET form: every choice travels in the URL, so a filtered view can be
 * shared. The reader's time zone travels with them, so from and to are the reader's days.
 */
export function AuditFilters({
  values,
  errors,
  choices,
  zone,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  choices: Choices;
  zone: string;
}) {
  return (
    <form method="get" action="/admin/audit" className="pitf-filters" role="search" aria-label="Filter the audit log">
      <FilterSelect
        id="filter-actor"
        name="actor"
        label="Actor"
        anyLabel="Anyone"
        options={choices.actors.map((a) => ({ value: String(a.id), label: `${a.name} (${a.email})` }))}
        value={values.actor}
      />
      <FilterSelect
        id="filter-agency"
        name="agency"
        label="Agency"
        anyLabel="All agencies"
        options={choices.agencies.map((a) => ({ value: a.slug, label: a.name }))}
        value={values.agency}
      />
      <FilterSelect
        id="filter-entity"
        name="entity"
        label="Entity"
        anyLabel="Any entity"
        options={choices.entities.map((e) => ({ value: e, label: entityLabel(e) }))}
        value={values.entity}
      />
      <TextField id="filter-entity-id" name="entityId" label="Entity id" hint="With an entity, e.g. 12." errors={errors.entityId} defaultValue={values.entityId ?? ''} />
      <FilterSelect
        id="filter-action"
        name="action"
        label="Action"
        anyLabel="Any action"
        options={choices.actions.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` }))}
        value={values.action}
      />
      <TextField id="filter-from" name="from" type="date" label="From" hint="YYYY-MM-DD, inclusive." errors={errors.from} defaultValue={values.from ?? ''} />
      <TextField id="filter-to" name="to" type="date" label="To" hint="YYYY-MM-DD, inclusive." errors={errors.to} defaultValue={values.to ?? ''} />
      <ReaderTimeZoneInput fallback={zone} />
      <div className="pitf-filters__actions">
        <button type="submit" className="usa-button">
          Filter
        </button>
        <Link href="/admin/audit" className="usa-link">
          Clear
        </Link>
      </div>
    </form>
  );
}
