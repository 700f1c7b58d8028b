import Link from 'next/link';
import type { LedgerCommitment } from '@/lib/contracts/meetings';
import type { Status } from '@/lib/domain';
import { formatCalendarDate, formatNumber } from '@/lib/format';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';

/**
 * The accountability ledger's commitments (announced at the previous meeting of this kind, those
 * in trouble first) with their status now and, for those at risk or blocked, the reason given; on
 * the meeting page and in the briefing book (`book`: caption shown, compact, stacked on narrow paper).
 */
export function LedgerTable({ commitments, book = false, testId }: { commitments: LedgerCommitment[]; book?: boolean; testId: string }) {
  return (
    <DataTable
      caption={
        book
          ? 'Each commitment with its status now, blocked and at risk first'
          : 'Commitments from the previous meeting with their status now, blocked and at risk first'
      }
      showCaption={book}
      compact={book}
      stacked={book ? 'header' : undefined}
      scroll="Commitments from the previous meeting"
      testId={testId}
      rows={commitments}
      rowKey={(c) => c.id}
      columns={[
        {
          header: 'Commitment',
          rowHeader: true,
          cell: (c) => (
            <Link href={`/deliverables/${c.id}`} className="usa-link">
              {c.title}
            </Link>
          ),
        },
        { header: 'Agency', cell: (c) => c.agency },
        {
          header: 'Status now',
          cell: (c) => (
            <>
              <StatusBadge status={c.status as Status} />
              {c.statusReason && (c.status === 'at_risk' || c.status === 'blocked') ? (
                <div className="font-sans-2xs">Reason: {c.statusReason}</div>
              ) : null}
            </>
          ),
        },
        { header: 'Progress', numeric: true, cell: (c) => `${formatNumber(c.progress)}%` },
        { header: 'Due', className: 'text-no-wrap', cell: (c) => formatCalendarDate(c.dueOn) },
      ]}
    />
  );
}
