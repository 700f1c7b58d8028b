import Link from 'next/link';
import type { AgencyReportView } from '@/lib/contracts/meetings';
import { formatCount, formatNumber } from '@/lib/format';

type Props = Pick<AgencyReportView, 'gaps' | 'gapCounts'> & { meetingId: number; agencySlug: string };

function gapSummary({ noUpdateThisCycle, noReason }: Props['gapCounts']): string {
  const parts = [
    noUpdateThisCycle ? `${formatCount(noUpdateThisCycle, 'deliverable needs', 'deliverables need')} a progress update for this meeting` : null,
    noReason ? `${formatCount(noReason, 'deliverable needs', 'deliverables need')} a reason for being at risk or blocked` : null,
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

/**
 * What holds up an agency's report (GET /api/meetings/:id/reports/:agency computes it): the
 * counts, the first deliverables by title with what each needs, and all of them in the list.
 */
export function ReportGaps({ meetingId, agencySlug, gaps, gapCounts }: Props) {
  // A deliverable may be named twice (no update and no reason): count deliverables, not lines.
  const namedGaps = new Set(gaps.map((g) => g.deliverableId)).size;
  return (
    <div className="usa-summary-box margin-y-2" data-testid="report-gaps">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">Before this report can be submitted</h3>
        <p className="usa-summary-box__text" data-testid="report-gap-counts">
          {gapSummary(gapCounts)}
          {gapCounts.deliverables > namedGaps ? ` The first ${formatNumber(namedGaps)} by title:` : null}
        </p>
        <ul className="usa-list">
          {gaps.map((g) => (
            <li key={`${g.deliverableId}-${g.problem}`}>
              <Link href={`/deliverables/${g.deliverableId}`} className="usa-link">
                {g.title}
              </Link>
              : {g.problem === 'no_update_this_cycle' ? 'needs a progress update for this meeting' : 'needs a reason for being at risk or blocked'}
            </li>
          ))}
        </ul>
        {/* The list names the first few by title; the deliverables list has them all, to page and filter. */}
        <p className="usa-summary-box__text">
          <Link href={`/deliverables?agency=${agencySlug}&holdingUp=${meetingId}`} className="usa-link">
            {gapCounts.deliverables === 1
              ? 'The deliverable holding up this report, in the deliverables list'
              : `All ${formatNumber(gapCounts.deliverables)} deliverables holding up this report`}
          </Link>
        </p>
      </div>
    </div>
  );
}
