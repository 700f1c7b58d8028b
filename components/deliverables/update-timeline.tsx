import { StatusBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/ui/local-time';
import type { DeliverableState } from '@/lib/domain';
import { formatNumber } from '@/lib/format';

type Item = {
  id: number;
  createdAt: number;
  status: DeliverableState;
  progress: number;
  note: string;
  reason: string | null;
  isDemo: boolean;
  author: { name: string } | null;
};

/** The full history of a deliverable, newest first: who, when, status and progress after, note. */
export function UpdateTimeline({ items, total }: { items: Item[]; total: number }) {
  if (items.length === 0) return <p>No progress updates yet.</p>;
  return (
    <>
      <ol className="usa-list usa-list--unstyled pitf-timeline" data-testid="update-timeline">
        {items.map((u) => (
          <li key={u.id}>
            <p className="margin-0 text-bold">
              <StatusBadge status={u.status} /> · {formatNumber(u.progress)}%
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
