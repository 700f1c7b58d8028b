import Link from 'next/link';
import type { AgencyReadiness } from '@/lib/contracts/meetings';
import type { Readiness } from '@/lib/domain';
import { formatNumber, formatPercent } from '@/lib/format';
import { ReadinessBadge } from './readiness-badge';
import { ScrollRegion } from '@/components/ui/scroll-region';

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
 * The agency × readiness matrix with the reasons. `atCutoff` adds the readiness each agency had at
 * the reporting cutoff, before the column headed `readinessHeading` (now, or at the meeting).
 */
export function ReadinessMatrix({
  meetingId,
  agencies,
  atCutoff,
  readinessHeading,
  caption,
  reviewing,
}: {
  meetingId: number;
  agencies: AgencyReadiness[];
  atCutoff?: Map<number, Readiness>;
  readinessHeading: string;
  caption: string;
  reviewing: boolean;
}) {
  const numeric = ['Open', 'No update this cycle', 'At risk or blocked', '…without a reason', 'Overdue', 'Stale'];
  return (
    <ScrollRegion label="Readiness by agency">
      <table className="usa-table usa-table--borderless width-full" data-testid="readiness-matrix">
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            {atCutoff ? <th scope="col">At the cutoff</th> : null}
            <th scope="col">{readinessHeading}</th>
            {numeric.map((label) => (
              <th key={label} scope="col" className="text-right">
                {label}
              </th>
            ))}
            {reviewing ? <th scope="col">Report</th> : null}
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => {
            const cutoff = atCutoff?.get(a.agencyId);
            return (
              <tr key={a.slug} data-testid={`readiness-${a.slug}`}>
                <th scope="row">
                  <Link href={`/agencies/${a.slug}`} className="usa-link">
                    {a.abbreviation}
                  </Link>
                </th>
                {atCutoff ? <td data-testid="at-cutoff">{cutoff ? <ReadinessBadge readiness={cutoff} /> : 'Not a member then'}</td> : null}
                <td>
                  <ReadinessBadge readiness={a.readiness} />
                </td>
                {[a.open, a.missingUpdate, a.atRiskOrBlocked, a.withoutReason, a.overdue, a.stale].map((n, i) => (
                  <td key={numeric[i]} className="text-right">
                    {formatNumber(n)}
                  </td>
                ))}
                {reviewing ? (
                  <td>
                    <Link href={`/meetings/${meetingId}?agency=${a.slug}#report`} className="usa-link">
                      {a.readiness === 'awaiting_review' ? 'Review' : 'Open'}
                      <span className="usa-sr-only"> the {a.abbreviation} report</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
