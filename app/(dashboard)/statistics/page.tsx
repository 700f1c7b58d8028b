import type { Metadata } from 'next';
import { getObservation, listSources, listStatistics } from '@/db/queries/statistics';
import { requireUser } from '@/lib/server/auth';
import { canEditStatistics } from '@/lib/authorization';
import { parseRouteId } from '@/lib/validations/common';
import { formatCalendarDate, formatNumber, formatObservationPeriod, formatObservationValue } from '@/lib/format';
import { ChartFigure } from '@/components/charts/figure';
import { ShareChart } from '@/components/charts/lazy';
import { ObservationForm } from '@/components/statistics/observation-form';
import { DataTable } from '@/components/ui/data-table';

export const metadata: Metadata = { title: 'Statistics' };

const UNIT_LABELS: Record<string, string> = {
  people: 'people',
  cases: 'cases',
  usd: 'US dollars',
  percent: 'percent',
  agencies: 'agencies',
  actions: 'priority actions',
};
const TYPE_LABELS: Record<string, string> = { labor: 'labor', sex: 'sex', both: 'both sex and labor', unknown: 'unknown' };

type Props = { searchParams: Promise<{ edit?: string }> };

export default async function StatisticsPage({ searchParams }: Props) {
  const user = await requireUser();
  const statistics = listStatistics();
  const canEdit = canEditStatistics(user);
  const editId = parseRouteId((await searchParams).edit ?? '');
  const editing = canEdit && editId ? getObservation(editId) : null;

  const certified = statistics.find((s) => s.key === 'us-hhs-certified-foreign-victims');
  const shares = statistics.find((s) => s.key === 'us-hhs-certified-by-type');
  const groups = (['adult', 'child'] as const).map((age) => {
    const row = { label: age === 'adult' ? 'Adults' : 'Children', labor: 0, sex: 0, both: 0, unknown: 0 };
    for (const o of shares?.observations ?? []) {
      if (o.ageGroup === age && o.traffickingType) row[o.traffickingType as 'labor'] = o.value;
    }
    const total = certified?.observations.find((o) => o.ageGroup === age);
    return { ...row, total: total?.value ?? null, period: total?.period ?? shares?.observations[0]?.period ?? '' };
  });
  const shareSource = shares?.observations[0]?.source;

  return (
    <>
      <h1>Statistics</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        The figures that frame the task force’s work, each with its period, scope and the document it comes from. Aggregates
        only: nothing here describes a person.
      </p>

      {shares && certified ? (
        <ChartFigure
          id="hhs-shares"
          title={`Foreign national victims certified by HHS in ${groups[0]!.period}, by type of trafficking`}
          summary={`HHS certified ${formatNumber(groups[0]!.total ?? 0)} adults and ${formatNumber(groups[1]!.total ?? 0)} children; labor trafficking was the largest share for both (${groups[0]!.labor}% and ${groups[1]!.labor}%).`}
          filename="hhs-certifications-by-type.csv"
          table={{
            columns: ['Group', 'Certified (people)', 'Labor %', 'Sex %', 'Both %', 'Unknown %'],
            rows: groups.map((g) => [g.label, g.total, g.labor, g.sex, g.both, g.unknown]),
          }}
        >
          <ShareChart data={groups} />
        </ChartFigure>
      ) : null}
      {shareSource ? (
        <p className="font-sans-2xs">
          Source:{' '}
          <a className="usa-link" href={shareSource.url} rel="noreferrer">
            {shareSource.title}
          </a>
          {shareSource.publishedOn ? `, ${formatCalendarDate(shareSource.publishedOn)}` : ''}
        </p>
      ) : null}

      {statistics.map((indicator) => (
        <section key={indicator.key} className="margin-top-4" aria-labelledby={`ind-${indicator.key}`} data-testid={`indicator-${indicator.key}`}>
          <h2 id={`ind-${indicator.key}`} className="margin-bottom-05">
            {indicator.name}
          </h2>
          <p className="margin-top-0 measure-5">
            {indicator.description} <span className="text-base-dark">Unit: {UNIT_LABELS[indicator.unit] ?? indicator.unit}; scope: {indicator.scope === 'us' ? 'United States' : 'worldwide'}.</span>
          </p>
          <DataTable
            caption={`${indicator.name}: observations and sources`}
            scroll={indicator.name}
            compact
            rows={indicator.observations}
            rowKey={(o) => o.id}
            columns={[
              { header: 'Period', rowHeader: true, cell: (o) => formatObservationPeriod(o) },
              {
                header: 'Breakdown',
                cell: (o) => (
                  <>
                    {[o.ageGroup === 'adult' ? 'adults' : o.ageGroup === 'child' ? 'children' : null, o.traffickingType ? TYPE_LABELS[o.traffickingType] : null, o.category]
                      .filter(Boolean)
                      .join(', ') || 'total'}
                    {o.note ? <div className="font-sans-2xs text-base-dark">{o.note}</div> : null}
                  </>
                ),
              },
              {
                header: 'Value',
                numeric: true,
                className: 'text-bold',
                cell: (o) => (
                  <>
                    <span className="text-no-wrap">{formatObservationValue(o.value, indicator.unit, o.qualifier)}</span>
                    {indicator.unit !== 'percent' && o.value >= 1_000_000 ? <div className="font-sans-2xs text-normal">{formatNumber(o.value)}</div> : null}
                  </>
                ),
              },
              {
                header: 'Source',
                cell: (o) => (
                  <>
                    <a className="usa-link" href={o.source.url} rel="noreferrer">
                      {o.source.title}
                    </a>
                    {o.source.publishedOn ? <span className="text-base-dark">, {formatCalendarDate(o.source.publishedOn)}</span> : null}
                  </>
                ),
              },
              canEdit && {
                header: 'Correct',
                cell: (o) => (
                  <a className="usa-link" href={`/statistics?edit=${o.id}#observation-form`}>
                    Correct<span className="usa-sr-only"> {indicator.name}, {formatObservationPeriod(o)}</span>
                  </a>
                ),
              },
            ]}
          />
        </section>
      ))}

      {canEdit ? (
        <section className="margin-top-4" aria-labelledby="observation-form-heading" id="observation-form">
          <h2 id="observation-form-heading">{editing ? 'Correct an observation' : 'Add an observation'}</h2>
          <ObservationForm
            key={editing?.id ?? 'new'}
            indicators={statistics.map((s) => ({ key: s.key, name: s.name, unit: s.unit }))}
            sources={listSources()}
            editing={
              editing
                ? {
                    id: editing.id,
                    indicator: statistics.find((s) => s.observations.some((o) => o.id === editing.id))?.key ?? '',
                    period: editing.period,
                    value: editing.value,
                    ageGroup: editing.ageGroup,
                    traffickingType: editing.traffickingType,
                    category: editing.category,
                    qualifier: editing.qualifier,
                    publishedYear: editing.publishedYear,
                    note: editing.note,
                    sourceId: editing.sourceId,
                  }
                : null
            }
          />
        </section>
      ) : null}
    </>
  );
}
