import { PILLARS, PILLAR_LABELS, STATUSES, STATUS_LABELS } from '@/lib/domain';
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
export const statusOptions: Option[] = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
/** The list's orders besides the default (agency, pillar); each keeps agencies together. */
export const sortOptions: Option[] = [
  { value: 'concern', label: 'Needs attention first' },
  { value: 'recent', label: 'Most recently updated first' },
];
export const agencyOptions = (agencies: { slug: string; name: string }[]): Option[] =>
  agencies.map((a) => ({ value: a.slug, label: a.name }));
export const meetingOptions = (meetings: { id: number; title: string; date: string; datePrecision?: string | null }[]): Option[] =>
  meetings.map((m) => ({ value: String(m.id), label: `${m.title} (${formatMeetingDate(m)})` }));
