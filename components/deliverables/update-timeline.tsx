import { StatusBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/ui/local-time';
import type { DeliverableState } from '@/lib/domain';
import { formatNumber } from '@/lib/format';
import { countSummary, type Measure } from '@/lib/measures';

type Item = {
  id: number;
  createdAt: number;
  status: DeliverableState;
  progress: number;
  measureActual: number | null;
  note: string;
  reason: string | null;
  isDemo: boolean;
  author: { name: string } | null;
};

/**
 * The full history of a deliverable, newest first: who, when, status, progress and (for a measured
 * deliverable) the count after each update, note.
 */
export function UpdateTimeline({ items, total, measure }: { items: Item[]; total: number; measure: Measure | null }) {
  if (items.length === 0) return <p>No progress updates yet.</p>;
  return (
    <>
      <ol className="usa-list usa-list--unstyled pitf-timeline" data-testid="update-timeline">
        {items.map((u) => (
          <li key={u.id}>
            <p className="margin-0 text-bold">
              <StatusBadge status={u.status} /> · {formatNumber(u.progress)}%
              {u.measureActual !== null ? ` · ${countSummary(u.measureActual, measure)}` : ''}
            </p>
            <p className="margin-top-05 font-sans-2xs text-base-dark">
              <LocalTime value={u.createdAt} /> · {u.author?.name ?? 'Seed data'}
              {u.isDemo ? ' · demo data' : ''}
            </p>
            {u.reason ? (
              <p className="margin-top-05">
                <span className="text-bold">Reason:</span> {u.reason}
              </p>
            ) : null}
            {u.note ? <p className="margin-top-05">{u.note}</p> : null}
          </li>
        ))}
      </ol>
      {total > items.length ? <p>Showing the latest {items.length} of {total} updates.</p> : null}
    </>
  );
}
