/**
 * The plan coverage's tables, written once: the page's data tables, their CSV downloads and
 * `GET /api/export/plan-coverage.csv` all take their columns and rows from here, so a download
 * always holds what the page shows.
 */
import type { CsvCell } from '@/lib/csv';
import type { PlanCoverage } from '@/lib/contracts/plan-coverage';
import { PILLAR_LABELS, STATUSES, STATUS_LABELS } from '@/lib/domain';

export const COVERAGE_TABLES = ['objectives', 'actions', 'matrix'] as const;
export type CoverageTable = (typeof COVERAGE_TABLES)[number];

export const COVERAGE_FILENAMES: Record<CoverageTable, string> = {
  objectives: 'plan-coverage-objectives.csv',
  actions: 'plan-coverage-priority-actions.csv',
  matrix: 'plan-coverage-agencies-by-objective.csv',
};

/** A pillar as the plan titles it, with the task force's own short name when they differ. */
export function pillarPlanTitle(p: { name: string; longName: string }): string {
  return p.longName && p.longName !== p.name ? `${p.longName} (${p.name})` : p.name;
}

const agencyList = (agencies: readonly { abbreviation: string; deliverables?: number }[]) =>
  agencies.map((a) => (a.deliverables === undefined ? a.abbreviation : `${a.abbreviation} (${a.deliverables})`)).join('; ');

/** An objective's number where the plan's text gives one; otherwise "unnumbered", never a made-up one. */
export const objectiveNumber = (n: number | null) => (n === null ? 'unnumbered' : String(n));

export function coverageTable(coverage: PlanCoverage, table: CoverageTable): { columns: string[]; rows: CsvCell[][] } {
  const pillarOf = new Map(coverage.pillars.map((p) => [p.slug, p]));
  const pillarCell = (slug: keyof typeof PILLAR_LABELS) => {
    const p = pillarOf.get(slug);
    return p ? pillarPlanTitle(p) : PILLAR_LABELS[slug];
  };
  switch (table) {
    case 'objectives':
      return {
        columns: ['Objective', 'Number', 'Pillar', 'Served', ...STATUSES.map((s) => STATUS_LABELS[s]), 'Total', 'Stale', 'Lead agencies', 'Supporting agencies', 'Priority actions'],
        rows: coverage.objectives.map((o) => [
          o.title,
          objectiveNumber(o.number),
          pillarCell(o.pillar),
          o.statuses.total > 0 ? 'yes' : 'no',
          ...STATUSES.map((s) => o.statuses[s]),
          o.statuses.total,
          o.stale,
          agencyList(o.leads),
          agencyList(o.supporters),
          o.actions,
        ]),
      };
    case 'actions': {
      const objectiveOf = new Map(coverage.objectives.map((o) => [o.id, o.title]));
      return {
        columns: ['Code', 'Priority action', 'Pillar', 'Objective', 'Served', ...STATUSES.map((s) => STATUS_LABELS[s]), 'Total', 'Agencies leading its deliverables', 'Lead in the plan', 'Support in the plan'],
        rows: coverage.actions.map((a) => [
          a.code,
          a.title,
          pillarCell(a.pillar),
          a.objectiveId !== null ? (objectiveOf.get(a.objectiveId) ?? '') : '',
          a.statuses.total > 0 ? 'yes' : 'no',
          ...STATUSES.map((s) => a.statuses[s]),
          a.statuses.total,
          agencyList(a.leads),
          a.planLead?.abbreviation ?? '',
          agencyList(a.planSupporters),
        ]),
      };
    }
    case 'matrix':
      return {
        columns: ['Agency', ...coverage.objectives.map((o) => o.title), 'Total led'],
        rows: coverage.matrix.map((r) => [r.agency.abbreviation, ...r.led, r.total]),
      };
  }
}

/** A status mix in words, the busiest status first: "3 in progress, 1 completed"; "No deliverable" when empty. */
export function statusMixText(mix: PlanCoverage['objectives'][number]['statuses']): string {
  if (mix.total === 0) return 'No deliverable';
  return STATUSES.filter((s) => mix[s] > 0)
    .map((s) => `${mix[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
}
