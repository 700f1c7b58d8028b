import Link from 'next/link';
import type { AgencyReadiness } from '@/lib/contracts/meetings';
import type { Readiness } from '@/lib/domain';
import { formatNumber, formatPercent } from '@/lib/format';
import { ReadinessBadge } from './readiness-badge';
import { DataTable, type Column } from '@/components/ui/data-table';

/** "40% of agencies ready (8 of 20); 3 awaiting review, …" for one moment. */
export function ReadinessShare({
  counts,
  shareReady,
  members,
  lead,
  testId,
}: {
  counts: Record<Readiness, number>;
  shareReady: number;
  members: number;
  lead?: string;
  testId: string;
}) {
  return (
    <p className="font-sans-lg margin-y-1" data-testid={testId}>
      {lead ? <>{lead} </> : null}
      <strong>{formatPercent(shareReady)}</strong> of agencies ready ({formatNumber(counts.ready)} of {formatNumber(members)});{' '}
      {formatNumber(counts.awaiting_review)} awaiting review, {formatNumber(counts.in_progress)} in progress,{' '}
      {formatNumber(counts.not_started)} not started.
    </p>
  );
}

/**
 * The agency × readiness matrix with the reasons, as the meeting page and the briefing book show
 * it. `atCutoff` adds the readiness each agency had at the reporting cutoff, before the column
 * headed `readinessHeading` (now, or at the meeting). On the page each agency links to its board
 * and, for the chair's staff (`reviewing`), to its report; in the printed book (`book`) agencies
 * go by their full names, link to their own section of the book when they have one, and the table
 * stacks on narrow paper.
 */
export function ReadinessMatrix({
  meetingId,
  agencies,
  atCutoff,
  readinessHeading,
  caption,
  reviewing = false,
  book,
  testId = 'readiness-matrix',
}: {
  meetingId: number;
  agencies: AgencyReadiness[];
  atCutoff?: Map<number, Readiness>;
  readinessHeading: string;
  caption: string;
  reviewing?: boolean;
  /** The briefing book's form: the slugs of the agencies with a section in the book. */
  book?: { sections: Set<string> };
  testId?: string;
}) {
  const count = (header: string, value: (a: AgencyReadiness) => number, label = header): Column<AgencyReadiness> => ({
    header,
    label,
    numeric: true,
    cell: (a) => formatNumber(value(a)),
  });
  return (
    <DataTable
      caption={caption}
      showCaption={Boolean(book)}
      scroll={book ? 'Readiness of each agency' : 'Readiness by agency'}
      compact={Boolean(book)}
      stacked={book ? 'header' : undefined}
      testId={testId}
      rows={agencies}
      rowKey={(a) => a.slug}
      rowTestId={book ? undefined : (a) => `readiness-${a.slug}`}
      columns={[
        {
          header: 'Agency',
          rowHeader: true,
          cell: (a) =>
            book ? (
              book.sections.has(a.slug) ? (
                <a href={`#agency-${a.slug}`} className="usa-link">
                  {a.name}
                </a>
              ) : (
                a.name
              )
            ) : (
              <Link href={`/agencies/${a.slug}`} className="usa-link">
                {a.abbreviation}
              </Link>
            ),
        },
        atCutoff && {
          header: 'At the cutoff',
          cell: (a) => {
            const then = atCutoff.get(a.agencyId);
            return <span data-testid="at-cutoff">{then ? <ReadinessBadge readiness={then} /> : 'Not a member then'}</span>;
          },
        },
        { header: readinessHeading, cell: (a) => <ReadinessBadge readiness={a.readiness} /> },
        count('Open', (a) => a.open),
        count('No update this cycle', (a) => a.missingUpdate),
        count('At risk or blocked', (a) => a.atRiskOrBlocked),
        count('…without a reason', (a) => a.withoutReason, 'At risk or blocked without a reason'),
        count('Overdue', (a) => a.overdue),
        count('Stale', (a) => a.stale),
        reviewing &&
          !book && {
            header: 'Report',
            cell: (a) => (
              <Link href={`/meetings/${meetingId}?agency=${a.slug}#report`} className="usa-link">
                {a.readiness === 'awaiting_review' ? 'Review' : 'Open'}
                <span className="usa-sr-only"> the {a.abbreviation} report</span>
              </Link>
            ),
          },
      ]}
    />
  );
}
