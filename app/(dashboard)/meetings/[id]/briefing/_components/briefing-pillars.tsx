import type { Briefing } from '@/db/queries/briefing';
import { formatCount, formatNumber } from '@/lib/format';
import { PillarStatusTable } from '@/components/ui/pillar-status-table';

/** All the task force's deliverables by pillar and status, with how many are overdue and stale. */
export function BriefingPillars({ summary }: { summary: Briefing['summary'] }) {
  return (
    <section aria-labelledby="pillars-heading" className="margin-top-4 pitf-keep-together">
      <h2 id="pillars-heading">Deliverables by pillar and status</h2>
      <PillarStatusTable
        rows={summary.byPillarAndStatus}
        caption="All deliverables of the task force, by pillar and status"
        testId="briefing-pillars"
        variant="print"
      />
      <p>
        {formatCount(summary.total, 'deliverable', 'deliverables')} in all; {formatNumber(summary.overdue)} overdue and{' '}
        {formatNumber(summary.stale)} stale (no update in 90 days).
      </p>
    </section>
  );
}
