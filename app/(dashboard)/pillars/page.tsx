import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { listAgencies } from '@/db/queries/agencies';
import { listMeetingOptions } from '@/db/queries/meetings';
import { getAgencyPillarMatrix, getCompletionSeries, getPillarChange, getPillarSummary } from '@/db/queries/pillars';
import { requireUser } from '@/lib/server/auth';
import { todayIso } from '@/lib/dates';
import { defaultComparison } from '@/lib/pillar-change';
import { PILLARS, PILLAR_LABELS, STATUSES, STATUS_LABELS } from '@/lib/domain';
import { formatCalendarDate, formatMeetingDate, formatPercent } from '@/lib/format';
import { pillarsPageParams, type PillarsPageParams } from '@/lib/validations/pillars';
import { recordVersion } from '@/db/queries/until-change';
import { cacheLife } from 'next/cache';
import { ChartFigure } from '@/components/charts/figure';
import { ChangeChart, CompletionChart, PillarStatusChart } from '@/components/charts/lazy';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { FilterSelect, agencyOptions, meetingOptions } from '@/components/ui/filter-select';
import { LoadingSkeleton } from '@/components/ui/loading-skeleton';

export const metadata: Metadata = { title: 'Pillars' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Heat-map shade for a share completed: light to dark blue, with the numbers always written in the cell. */
function shade(share: number | null): { background: string; color: string } {
  if (share === null) return { background: '#ffffff', color: '#1b1b1b' };
  const steps = ['#e7f2f8', '#c4def0', '#8fc1e3', '#2378c3', '#0b4778'];
  const i = Math.min(steps.length - 1, Math.floor(share * steps.length));
  return { background: steps[i]!, color: i >= 3 ? '#ffffff' : '#1b1b1b' };
}

/** The charts are computed from the whole history of updates: the page says so while they are. */
export default async function PillarsPage({ searchParams }: Props) {
  await requireUser();
  return (
    <Suspense fallback={<LoadingSkeleton label="the pillars" />}>
      <PillarsCharts searchParams={searchParams} />
    </Suspense>
  );
}

async function PillarsCharts({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return <PillarsFigures params={pillarsPageParams.parse(raw)} record={recordVersion()} today={todayIso()} />;
}

/**
 * Everything below is the same for every signed-in user: rendered once per state of the record
 * (and day, and filters), then kept (README, Performance: rendered once per change).
 */
async function PillarsFigures({ params, today }: { params: PillarsPageParams; record: string; today: string }) {
  'use cache';
  cacheLife('max');
  const meetings = listMeetingOptions();
  const agencies = listAgencies();
  const filters = { agency: params.agency, meeting: params.meeting };

  const summary = getPillarSummary(filters);
  const matrix = getAgencyPillarMatrix(filters);
  const series = getCompletionSeries(filters);
  // By default: the last meeting held, and now (lib/pillar-change.ts says why).
  const fallback = defaultComparison(meetings, today);
  const from = params.from ?? fallback?.from;
  const to = params.to ?? fallback?.to;
  const change = from && to ? getPillarChange(from, to, { agency: params.agency }) : null;
  const asOf = (point: { id: number | 'now'; date: string; datePrecision?: string | null }) =>
    point.id === 'now' ? `today (${formatCalendarDate(point.date)})` : formatMeetingDate(point);
  const filterLabel = [
    params.agency ? agencies.find((a) => a.slug === params.agency)?.abbreviation : null,
    params.meeting ? `announced at ${meetings.find((m) => m.id === params.meeting)?.title}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const total = summary.pillars.reduce((n, p) => n + p.total, 0);
  const biggest = [...summary.pillars].sort((a, b) => b.total - a.total)[0];

  return (
    <>
      <h1>Pillars</h1>
      <p className="usa-intro font-sans-md margin-top-0">
        How the work stands across prevention, protection, prosecution and partnership{filterLabel ? ` (${filterLabel})` : ''}.
      </p>
      <form method="get" className="pitf-filters" aria-label="Filter the charts">
        <FilterSelect id="pillars-agency" name="agency" label="Lead agency" anyLabel="All agencies" options={agencyOptions(agencies)} value={params.agency} />
        <FilterSelect id="pillars-meeting" name="meeting" label="Announced at" anyLabel="Any meeting" options={meetingOptions(meetings)} value={params.meeting} />
        {params.from ? <input type="hidden" name="from" value={params.from} /> : null}
        {params.to ? <input type="hidden" name="to" value={params.to} /> : null}
        <div className="pitf-filters__actions">
          <button type="submit" className="usa-button">
            Apply filters
          </button>
          <Link href="/pillars" className="usa-link">
            Clear
          </Link>
        </div>
      </form>

      <ChartFigure
        id="by-status"
        title="Deliverables by pillar and status"
        summary={
          total
            ? `${total} deliverables; ${biggest ? `${PILLAR_LABELS[biggest.pillar]} has the most (${biggest.total})` : ''}. Each bar is a pillar, split by status.`
            : 'No deliverable matches these filters.'
        }
        filename="deliverables-by-pillar-and-status.csv"
        table={{
          columns: ['Pillar', ...STATUSES.map((s) => STATUS_LABELS[s]), 'Total'],
          rows: summary.pillars.map((p) => [PILLAR_LABELS[p.pillar], ...STATUSES.map((s) => p[s]), p.total]),
        }}
      >
        <PillarStatusChart data={summary.pillars.map((p) => ({ ...p, label: PILLAR_LABELS[p.pillar] }))} />
      </ChartFigure>

      <section aria-labelledby="matrix-title" className="margin-top-4" data-testid="figure-matrix">
        <h2 id="matrix-title" className="margin-bottom-05">
          Agencies by pillar
        </h2>
        <p className="margin-top-0 measure-5">
          How many deliverables each agency leads in each pillar, and the share completed; darker cells have more completed.
        </p>
        <ScrollRegion label="Agencies by pillar">
          <table className="usa-table usa-table--borderless usa-table--compact width-full pitf-heatmap" data-testid="table-matrix">
            <caption className="usa-sr-only">Deliverables per agency and pillar, with the number and share completed</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                {PILLARS.map((p) => (
                  <th key={p} scope="col" className="text-center">
                    <Link href={`/pillars/${p}`} className="usa-link">
                      {PILLAR_LABELS[p]}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.map((a) => (
                <tr key={a.agency}>
                  <th scope="row">{a.abbreviation}</th>
                  {PILLARS.map((p) => {
                    const cell = a.cells[p];
                    const share = cell.total ? cell.completed / cell.total : null;
                    return (
                      <td key={p} className="text-center" style={shade(share)}>
                        {cell.total ? `${cell.completed} of ${cell.total} (${formatPercent(share ?? 0)})` : '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <a
          className="usa-link"
          data-testid="csv-matrix"
          download="agencies-by-pillar.csv"
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(
            [
              ['Agency', ...PILLARS.flatMap((p) => [`${PILLAR_LABELS[p]} total`, `${PILLAR_LABELS[p]} completed`])].join(','),
              ...matrix.map((a) => [a.abbreviation, ...PILLARS.flatMap((p) => [a.cells[p].total, a.cells[p].completed])].join(',')),
            ].join('\r\n'),
          )}`}
        >
          Download this table as CSV
        </a>
      </section>

      <ChartFigure
        id="over-time"
        title="Completed and in progress over time"
        summary={
          series.length
            ? `At the end of each month since ${series[0]!.month}: ${series.at(-1)!.completed} completed and ${series.at(-1)!.inProgress} in progress now.`
            : 'No deliverable matches these filters.'
        }
        filename="completion-over-time.csv"
        table={{ columns: ['Month', 'Completed', 'In progress'], rows: series.map((s) => [s.month, s.completed, s.inProgress]) }}
      >
        <CompletionChart data={series} />
      </ChartFigure>

      {change ? (
        <>
          <form method="get" className="pitf-filters margin-top-4" aria-label="Choose the two meetings to compare">
            {params.agency ? <input type="hidden" name="agency" value={params.agency} /> : null}
            {params.meeting ? <input type="hidden" name="meeting" value={params.meeting} /> : null}
            <div>
              <label className="usa-label margin-top-0" htmlFor="change-from">
                Compare as of
              </label>
              <select id="change-from" name="from" className="usa-select" defaultValue={String(change.a.id)}>
                <option value="now">Now (today)</option>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} ({formatMeetingDate(m)})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="usa-label margin-top-0" htmlFor="change-to">
                with as of
              </label>
              <select id="change-to" name="to" className="usa-select" defaultValue={String(change.b.id)}>
                <option value="now">Now (today)</option>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title} ({formatMeetingDate(m)})
                  </option>
                ))}
              </select>
            </div>
            <div className="pitf-filters__actions">
              <button type="submit" className="usa-button">
                Compare
              </button>
            </div>
          </form>
          <ChartFigure
            id="change"
            title="Completed deliverables: change between two meetings"
            summary={`Completed deliverables in each pillar as of ${asOf(change.a)} and as of ${asOf(change.b)}.`}
            filename="change-between-meetings.csv"
            table={{
              columns: [
                'Pillar',
                `Completed as of ${change.a.date}`,
                `Completed as of ${change.b.date}`,
                `All as of ${change.a.date}`,
                `All as of ${change.b.date}`,
              ],
              rows: change.pillars.map((p) => [PILLAR_LABELS[p.pillar], p.a.completed, p.b.completed, p.a.total, p.b.total]),
            }}
          >
            <ChangeChart
              data={change.pillars.map((p) => ({ label: PILLAR_LABELS[p.pillar], a: p.a.completed, b: p.b.completed }))}
              labelA={`As of ${asOf(change.a)}`}
              labelB={`As of ${asOf(change.b)}`}
            />
          </ChartFigure>
        </>
      ) : null}
    </>
  );
}
