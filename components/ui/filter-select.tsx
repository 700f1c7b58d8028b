import { DELIVERABLE_STATES, DELIVERABLE_STATE_LABELS, PILLARS, PILLAR_LABELS } from '@/lib/domain';
import { formatMeetingDate } from '@/lib/format';

type Option = { value: string; label: string };

/** A labelled select for a GET filter form: its value travels in the URL under `name`. */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  options,
  value,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  options: Option[];
  value: string | number | undefined | null;
}) {
  return (
    <div>
      <label className="usa-label margin-top-0" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} className="usa-select" defaultValue={value === undefined || value === null ? '' : String(value)}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const pillarOptions: Option[] = PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }));
/** The statuses counted, then "Withdrawn": withdrawn deliverables are listed only when asked for. */
export const statusOptions: Option[] = DELIVERABLE_STATES.map((s) => ({ value: s, label: DELIVERABLE_STATE_LABELS[s] }));

/** The list's status choices: each status, "at risk or blocked", and any other set the address asks for. */
export function statusFilterOptions(value: string | readonly string[] | undefined): { options: Option[]; value: string | undefined } {
  const options = [...statusOptions, { value: 'at_risk,blocked', label: 'At risk or blocked' }];
  const current = typeof value === 'string' || value === undefined ? value : value.join(',');
  if (current && !options.some((o) => o.value === current)) {
    const labels = current.split(',').map((s) => DELIVERABLE_STATE_LABELS[s as keyof typeof DELIVERABLE_STATE_LABELS] ?? s);
    options.push({ value: current, label: labels.join(' or ') });
  }
  return { options, value: current };
}
/** The list's orders besides the default (agency, pillar); each keeps agencies together. */
export const sortOptions: Option[] = [
  { value: 'concern', label: 'Needs attention first' },
  { value: 'recent', label: 'Most recently updated first' },
];
export const agencyOptions = (agencies: { slug: string; name: string }[]): Option[] =>
  agencies.map((a) => ({ value: a.slug, label: a.name }));
export const meetingOptions = (meetings: { id: number; title: string; date: string; datePrecision?: string | null }[]): Option[] =>
  meetings.map((m) => ({ value: String(m.id), label: `${m.title} (${formatMeetingDate(m)})` }));
