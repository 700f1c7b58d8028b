import type { PlanCoverage } from '@/lib/contracts/plan-coverage';
import { formatCalendarDate, formatCount, formatNumber } from '@/lib/format';
import { pillarPlanTitle, statusMixText } from '@/lib/plan-coverage';
import { DataTable } from '@/components/ui/data-table';

/**
 * The plan's coverage, as on /plan and from the same figures: the objectives nobody serves first,
 * by pillar, then every objective with its lead agencies and its deliverables by status in words.
 * It is the record as it stands on the day the book is printed, whatever the meeting's date.
 */
export function BriefingCoverage({ coverage, today }: { coverage: PlanCoverage; today: string }) {
  const { totals } = coverage;
  const gapIds = new Set(coverage.gaps.objectives);
  const pillarOf = new Map(coverage.pillars.map((p) => [p.slug, p]));
  return (
    <section aria-labelledby="coverage-heading" className="margin-top-4 pitf-briefing__part" data-testid="briefing-coverage">
      <h2 id="coverage-heading">Plan coverage</h2>
      <p>
        As the record stands on {formatCalendarDate(today)}: {formatNumber(totals.objectivesServed)} of {formatNumber(totals.objectives)} objectives of the
        National Action Plan have work and {formatCount(totals.objectivesUnserved, 'has', 'have')} none;{' '}
        {totals.unmapped ? `${formatCount(totals.unmapped, 'deliverable serves', 'deliverables serve')} no objective` : 'every deliverable serves an objective'}.
      </p>
      <h3>Objectives nobody serves</h3>
      {gapIds.size === 0 ? (
        <p>Every objective has at least one deliverable, open or completed.</p>
      ) : (
        <ul className="usa-list" data-testid="briefing-coverage-gaps">
          {coverage.pillars.map((p) =>
            coverage.objectives
              .filter((o) => o.pillar === p.slug && gapIds.has(o.id))
              .map((o) => (
                <li key={o.id}>
                  {o.title} <span className="text-base">— {pillarPlanTitle(p)}</span>
                </li>
              )),
          )}
        </ul>
      )}
      <h3>Every objective</h3>
      <DataTable
        caption="Objectives of the plan with their lead agencies and deliverables by status"
        testId="briefing-coverage-objectives"
        compact
        rows={coverage.objectives}
        rowKey={(o) => o.id}
        columns={[
          { header: 'Objective', rowHeader: true, cell: (o) => o.title },
          { header: 'Pillar', cell: (o) => pillarOf.get(o.pillar)?.name ?? o.pillar },
          { header: 'Lead agencies', cell: (o) => (o.leads.length ? o.leads.map((a) => `${a.abbreviation} (${a.deliverables})`).join(', ') : 'Nobody') },
          { header: 'Deliverables by status', cell: (o) => statusMixText(o.statuses) },
        ]}
      />
    </section>
  );
}
