import type { Metadata } from 'next';
import Link from 'next/link';
import { getPlanCoverage } from '@/db/queries/plan-coverage';
import { requireUser } from '@/lib/server/auth';
import { recordVersion } from '@/db/queries/until-change';
import { cacheLife } from 'next/cache';
import type { ActionCoverage, ObjectiveCoverage, PlanCoverage, ServingAgency } from '@/lib/contracts/plan-coverage';
import { PILLAR_LABELS, type PillarSlug } from '@/lib/domain';
import { formatCalendarDate, formatCount, formatNumber } from '@/lib/format';
import { COVERAGE_FILENAMES, objectiveNumber, pillarPlanTitle, type CoverageTable } from '@/lib/plan-coverage';
import { DataTable } from '@/components/ui/data-table';
import { StatusMix } from '@/components/plan/status-mix';

export const metadata: Metadata = { title: 'Plan' };

const deliverablesOf = (objectiveId: number) => `/deliverables?objective=${objectiveId}`;

/** "DHS (3), DOJ (1)": agencies with how many deliverables each, most first. */
function agencyCounts(agencies: readonly ServingAgency[]) {
  return agencies.map((a, i) => (
    <span key={a.slug}>
      {i > 0 ? ', ' : null}
      <abbr title={a.name}>{a.abbreviation}</abbr> ({formatNumber(a.deliverables)})
    </span>
  ));
}

function CsvLink({ table, title }: { table: CoverageTable; title: string }) {
  return (
    <a className="usa-link" href={`/api/export/plan-coverage.csv?table=${table}`} download={COVERAGE_FILENAMES[table]} data-testid={`csv-${table}`}>
      Download this table as CSV<span className="usa-sr-only"> ({title})</span>
    </a>
  );
}

/**
 * The National Action Plan and who serves it, gaps first: the objectives and priority actions no
 * deliverable serves and the deliverables serving no objective, then every objective with its
 * agencies and status mix, the priority actions, and the agency × objective matrix. Every
 * signed-in role reads it. Objectives are unnumbered unless the plan's text gives the number.
 */
export default async function PlanPage() {
  await requireUser();
  return <KeptPlan record={recordVersion()} />;
}

/** The same for every signed-in user: rendered once per state of the record, then kept. `record` is only part of the key. */
async function KeptPlan(_: { record: string }) {
  'use cache';
  cacheLife('max');
  const coverage = getPlanCoverage();
  const { totals, pillars } = coverage;
  const pillarTitle = (slug: PillarSlug) => {
    const p = pillars.find((x) => x.slug === slug);
    return p ? pillarPlanTitle(p) : PILLAR_LABELS[slug];
  };
  const byPillar = (slug: PillarSlug) => coverage.objectives.filter((o) => o.pillar === slug);
  const gapIds = new Set(coverage.gaps.objectives);
  const objectiveOf = new Map(coverage.objectives.map((o) => [o.id, o]));
  const actionGaps = coverage.actions.filter((a) => coverage.gaps.actions.includes(a.id));

  const headline = [
    { label: `of ${formatNumber(totals.objectives)} objectives have work`, value: formatNumber(totals.objectivesServed), href: '#objectives-heading' },
    { label: totals.objectivesUnserved === 1 ? 'objective has no deliverable' : 'objectives have no deliverable', value: formatNumber(totals.objectivesUnserved), href: '#gaps-heading' },
    {
      label: `priority actions recorded; ${formatNumber(totals.actionsUnserved)} without a deliverable`,
      value: formatNumber(totals.actions),
      href: '#actions-heading',
    },
    { label: totals.unmapped === 1 ? 'deliverable serves no objective' : 'deliverables serve no objective', value: formatNumber(totals.unmapped), href: '#unmapped-heading' },
  ];

  return (
    <>
      <h1>Plan</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        {coverage.plan ? (
          <>
            How the {coverage.plan.title} (adopted {formatCalendarDate(coverage.plan.adoptedOn)}) is served:
          </>
        ) : (
          'How the National Action Plan is served:'
        )}{' '}
        which objectives and priority actions have agencies working on them, and which have nobody.
      </p>

      <section aria-labelledby="plan-headline-heading">
        <h2 id="plan-headline-heading" className="usa-sr-only">
          Headline figures
        </h2>
        <ul className="usa-card-group" data-testid="plan-headline">
          {headline.map((item) => (
            <li key={item.href} className="usa-card tablet:grid-col-6 desktop:grid-col-3">
              <div className="usa-card__container">
                <div className="usa-card__body padding-y-2">
                  <a href={item.href} className="pitf-stat-link">
                    <span className="pitf-stat">{item.value}</span> <span className="pitf-stat-label">{item.label}</span>
                  </a>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="gaps-heading" className="margin-top-4" data-testid="plan-gaps">
        <h2 id="gaps-heading">Objectives nobody serves</h2>
        {coverage.gaps.objectives.length === 0 ? (
          <p>Every objective of the plan has at least one deliverable, open or completed.</p>
        ) : (
          <>
            <p className="margin-top-0 measure-5">
              {formatCount(coverage.gaps.objectives.length, 'objective has', 'objectives have')} no deliverable open or completed (withdrawn ones do not count), by
              pillar.
            </p>
            {pillars.map((p) => {
              const gaps = byPillar(p.slug).filter((o) => gapIds.has(o.id));
              return gaps.length ? (
                <div key={p.slug} data-testid={`plan-gaps-${p.slug}`}>
                  <h3>{pillarPlanTitle(p)}</h3>
                  <ul className="usa-list">
                    {gaps.map((o) => (
                      <li key={o.id} data-testid="plan-gap">
                        {o.title}
                        {o.actions ? ` (${formatCount(o.actions, 'priority action', 'priority actions')} recorded under it)` : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null;
            })}
          </>
        )}

        <h3 id="action-gaps-heading">Priority actions nobody serves</h3>
        {actionGaps.length === 0 ? (
          <p>Every priority action recorded has at least one deliverable.</p>
        ) : (
          <ul className="usa-list" data-testid="plan-action-gaps">
            {actionGaps.map((a) => (
              <li key={a.id}>
                <strong>{a.code}</strong> {a.title}
              </li>
            ))}
          </ul>
        )}

        <h3 id="unmapped-heading">Deliverables serving no objective</h3>
        {coverage.gaps.unmapped.length === 0 ? (
          <p>Every deliverable serves an objective.</p>
        ) : (
          <>
            <p className="margin-top-0 measure-5">
              {formatCount(totals.unmapped, 'deliverable was', 'deliverables were')} announced without an objective of the plan, by lead agency.
            </p>
            <DataTable
              caption="Deliverables serving no objective, by lead agency"
              testId="plan-unmapped"
              compact
              fullWidth={false}
              rows={coverage.gaps.unmapped}
              rowKey={(a) => a.slug}
              columns={[
                { header: 'Lead agency', rowHeader: true, cell: (a) => `${a.name} (${a.abbreviation})` },
                { header: 'Deliverables', numeric: true, cell: (a) => formatNumber(a.deliverables) },
              ]}
            />
          </>
        )}
      </section>

      <section aria-labelledby="objectives-heading" className="margin-top-4" data-testid="plan-objectives">
        <h2 id="objectives-heading">Every objective</h2>
        <p className="margin-top-0 measure-5">
          The plan&rsquo;s {formatNumber(totals.objectives)} objectives under its four pillars, each with the agencies leading and supporting its deliverables and how
          they stand. The plan&rsquo;s public summary gives the objectives no numbers, so none is shown.
        </p>
        {pillars.map((p) => (
          <ObjectiveTable key={p.slug} title={pillarPlanTitle(p)} slug={p.slug} objectives={byPillar(p.slug)} />
        ))}
        <CsvLink table="objectives" title="every objective" />
      </section>

      <section aria-labelledby="actions-heading" className="margin-top-4" data-testid="plan-actions">
        <h2 id="actions-heading">Priority actions</h2>
        <p className="margin-top-0 measure-5">
          The priority actions recorded so far, with the plan&rsquo;s own codes (pillar, objective, action), and the deliverables serving each.
        </p>
        <ActionTable actions={coverage.actions} objectiveOf={objectiveOf} pillarTitle={pillarTitle} />
        <CsvLink table="actions" title="priority actions" />
      </section>

      <section aria-labelledby="matrix-heading" className="margin-top-4" data-testid="plan-matrix">
        <h2 id="matrix-heading">Agencies by objective</h2>
        <p className="margin-top-0 measure-5">
          How many deliverables each member agency leads under each objective, and how many it supports; an agency with an empty row serves no objective.
        </p>
        <Matrix coverage={coverage} />
        <CsvLink table="matrix" title="agencies by objective" />
      </section>
    </>
  );
}

function ObjectiveTable({ title, slug, objectives }: { title: string; slug: PillarSlug; objectives: ObjectiveCoverage[] }) {
  return (
    <>
      <h3 id={`objectives-${slug}`}>{title}</h3>
      <DataTable
        caption={`Objectives of ${title}, with their agencies and deliverables by status`}
        testId={`plan-objectives-${slug}`}
        stacked="header"
        rows={objectives}
        rowKey={(o) => o.id}
        rowTestId={() => 'plan-objective'}
        columns={[
          {
            header: 'Objective',
            rowHeader: true,
            cell: (o) =>
              o.statuses.total > 0 ? (
                <Link href={deliverablesOf(o.id)} className="usa-link">
                  {o.title}
                  <span className="usa-sr-only">: its {formatCount(o.statuses.total, 'deliverable', 'deliverables')}</span>
                </Link>
              ) : (
                o.title
              ),
          },
          {
            header: 'Agencies',
            cell: (o) =>
              o.leads.length ? (
                <>
                  <div>Lead: {agencyCounts(o.leads)}</div>
                  {o.supporters.length ? <div>Supporting: {agencyCounts(o.supporters)}</div> : null}
                </>
              ) : (
                <strong>Nobody</strong>
              ),
          },
          { header: 'Deliverables by status', cell: (o) => <StatusMix mix={o.statuses} /> },
          { header: 'Stale', numeric: true, cell: (o) => formatNumber(o.stale) },
          { header: 'Total', numeric: true, cell: (o) => formatNumber(o.statuses.total) },
        ]}
      />
    </>
  );
}

function ActionTable({
  actions,
  objectiveOf,
  pillarTitle,
}: {
  actions: readonly ActionCoverage[];
  objectiveOf: Map<number, ObjectiveCoverage>;
  pillarTitle: (slug: PillarSlug) => string;
}) {
  if (actions.length === 0) return <p>No priority action has been recorded yet.</p>;
  return (
    <DataTable
      caption="Priority actions, with their objective, the agencies serving them and their deliverables by status"
      testId="plan-actions-table"
      stacked="header"
      rows={actions}
      rowKey={(a) => a.id}
      columns={[
        { header: 'Code', rowHeader: true, cell: (a) => a.code },
        { header: 'Priority action', cell: (a) => a.title },
        {
          header: 'Objective',
          cell: (a) => {
            const o = a.objectiveId !== null ? objectiveOf.get(a.objectiveId) : undefined;
            return o ? (
              <>
                {o.title} <span className="text-base">({pillarTitle(o.pillar)})</span>
              </>
            ) : (
              pillarTitle(a.pillar)
            );
          },
        },
        {
          header: 'Agencies',
          cell: (a) => (
            <>
              {a.leads.length ? <div>Leading its deliverables: {agencyCounts(a.leads)}</div> : <div>No deliverable</div>}
              {a.planLead ? <div>Lead in the plan: {a.planLead.abbreviation}</div> : null}
              {a.planSupporters.length ? <div>Support in the plan: {a.planSupporters.map((s) => s.abbreviation).join(', ')}</div> : null}
            </>
          ),
        },
        { header: 'Deliverables by status', cell: (a) => <StatusMix mix={a.statuses} /> },
      ]}
    />
  );
}

function Matrix({ coverage }: { coverage: PlanCoverage }) {
  const cell = (led: number, supported: number) => {
    if (!led && !supported)
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="usa-sr-only">none</span>
        </>
      );
    return [led ? `${formatNumber(led)} led` : null, supported ? `${formatNumber(supported)} supporting` : null].filter(Boolean).join(', ');
  };
  return (
    <DataTable
      caption="Deliverables each agency leads and supports under each objective of the plan"
      testId="plan-matrix-table"
      compact
      className="pitf-coverage-matrix"
      scroll="Agencies by objective"
      stickyHeader
      rows={coverage.matrix}
      rowKey={(r) => r.agency.slug}
      rowTestId={() => 'plan-matrix-row'}
      columns={[
        { header: 'Agency', rowHeader: true, cell: (r) => <abbr title={r.agency.name}>{r.agency.abbreviation}</abbr> },
        ...coverage.objectives.map((o, i) => ({
          header: o.number === null ? o.title : `${objectiveNumber(o.number)}. ${o.title}`,
          cell: (r: PlanCoverage['matrix'][number]) => cell(r.led[i]!, r.supported[i]!),
        })),
        { header: 'Total led', numeric: true, cell: (r) => formatNumber(r.total) },
      ]}
    />
  );
}
