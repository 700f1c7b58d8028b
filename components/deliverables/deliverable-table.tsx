import Link from 'next/link';
import type { DeliverableListItem } from '@/lib/contracts/deliverables';
import { PILLAR_LABELS } from '@/lib/domain';
import { formatCalendarDate } from '@/lib/format';
import { measureSummary } from '@/lib/measures';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { ProgressBar } from '@/components/ui/progress-bar';
import { UpdateAge } from '@/components/ui/update-age';

/**
 * Deliverables as a table, one row each wherever they are listed: title (linked), optionally the
 * lead agency and pillar, status (with the reason for at risk or blocked, unless `showReason` is
 * off), progress (with the measure's count, when `showMeasure`), due date (flagged when overdue)
 * and last update (flagged when stale).
 */
export function DeliverableTable({
  items,
  caption,
  label,
  showLead = false,
  showPillar = false,
  showReason = true,
  showMeasure = false,
  compact = true,
  testId,
}: {
  items: DeliverableListItem[];
  caption: string;
  label: string;
  showLead?: boolean;
  showPillar?: boolean;
  showReason?: boolean;
  showMeasure?: boolean;
  compact?: boolean;
  testId: string;
}) {
  return (
    <DataTable
      caption={caption}
      scroll={label}
      compact={compact}
      testId={testId}
      rows={items}
      rowKey={(d) => d.id}
      columns={[
        {
          header: 'Deliverable',
          rowHeader: true,
          cell: (d) => (
            <Link href={`/deliverables/${d.id}`} className="usa-link">
              {d.title}
            </Link>
          ),
        },
        showLead && { header: 'Lead', cell: (d) => d.leadAgencyAbbreviation },
        showPillar && { header: 'Pillar', cell: (d) => PILLAR_LABELS[d.pillar] },
        {
          header: 'Status',
          cell: (d) => (
            <>
              <StatusBadge status={d.status} />
              {showReason && d.statusReason ? <div className="font-sans-2xs text-base-dark margin-top-05">{d.statusReason}</div> : null}
            </>
          ),
        },
        {
          header: 'Progress',
          style: { minWidth: '8rem' },
          cell: (d) => (
            <>
              <ProgressBar value={d.progress} />
              {showMeasure && d.measure ? <span className="font-sans-2xs">{measureSummary(d.measure)}</span> : null}
            </>
          ),
        },
        {
          header: 'Due',
          cell: (d) => (
            <>
              {formatCalendarDate(d.dueOn)}
              {d.overdue ? <span className="pitf-flag pitf-flag--overdue">Overdue</span> : null}
            </>
          ),
        },
        {
          header: 'Last update',
          cell: (d) => (
            <>
              <UpdateAge at={d.lastUpdateAt} />
              {d.stale ? <span className="pitf-flag pitf-flag--stale">Stale</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}
