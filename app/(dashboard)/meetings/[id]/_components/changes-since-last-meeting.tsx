import type { AgencyReadiness } from '@/lib/contracts/meetings';
import type { BriefingChange } from '@/db/queries/briefing';
import { formatNumber } from '@/lib/format';
import { DataTable } from '@/components/ui/data-table';

/** Per member agency: updates, completions, new deliverables and those now in trouble since the previous meeting. */
export function ChangesSinceLastMeeting({ agencies, changes }: { agencies: AgencyReadiness[]; changes: Map<number, BriefingChange> }) {
  const count = (header: string, value: (c: BriefingChange) => number) => ({
    header,
    numeric: true,
    cell: (a: AgencyReadiness) => formatNumber(changes.has(a.agencyId) ? value(changes.get(a.agencyId)!) : 0),
  });
  return (
    <section aria-labelledby="changes-heading" className="margin-top-4">
      <h2 id="changes-heading">What changed since the last meeting</h2>
      <DataTable
        caption="Progress updates, completions and new deliverables per agency since the previous meeting"
        scroll="Changes since the last meeting by agency"
        compact
        testId="changes"
        rows={agencies}
        rowKey={(a) => a.slug}
        columns={[
          { header: 'Agency', rowHeader: true, cell: (a) => a.abbreviation },
          count('Updates', (c) => c.updates),
          count('Completed', (c) => c.completed),
          count('New deliverables', (c) => c.created),
          count('Now at risk or blocked', (c) => c.nowAtRiskOrBlocked),
        ]}
      />
    </section>
  );
}
