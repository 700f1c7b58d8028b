import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { listDeliverables } from '@/db/queries/deliverables';
import { getPillarSummary } from '@/db/queries/pillars';
import { requireUser } from '@/lib/server/auth';
import { PILLARS, PILLAR_LABELS, STATUSES, STATUS_LABELS, type PillarSlug } from '@/lib/domain';
import { formatCalendarDate } from '@/lib/format';
import { ChartFigure } from '@/components/charts/figure';
import { PillarStatusChart } from '@/components/charts/lazy';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StatusBadge } from '@/components/ui/status-badge';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';

type Props = { params: Promise<{ slug: string }> };

const isPillar = (slug: string): slug is PillarSlug => (PILLARS as readonly string[]).includes(slug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: isPillar(slug) ? PILLAR_LABELS[slug] : 'Pillar not found' };
}

export default async function PillarPage({ params }: Props) {
  await requireUser();
  const { slug } = await params;
  if (!isPillar(slug)) notFound();
  const row = getPillarSummary({}).pillars.find((p) => p.pillar === slug)!;
  const list = listDeliverables({ pillar: slug, page: 1, pageSize: 200 });

  return (
    <>
      <Breadcrumbs trail={[{ href: '/pillars', label: 'Pillars' }]} current={PILLAR_LABELS[slug]} />
      <h1 className="margin-top-1">{PILLAR_LABELS[slug]}</h1>
      <ChartFigure
        id="pillar-status"
        title={`${PILLAR_LABELS[slug]} deliverables by status`}
        summary={`${row.total} deliverables, ${row.completed} of them completed.`}
        filename={`${slug}-by-status.csv`}
        table={{ columns: ['Status', 'Deliverables'], rows: STATUSES.map((s) => [STATUS_LABELS[s], row[s]]) }}
      >
        <PillarStatusChart data={[{ ...row, label: PILLAR_LABELS[slug] }]} height={200} />
      </ChartFigure>
      <h2 className="margin-top-4">Deliverables</h2>
      <ScrollRegion label={`${PILLAR_LABELS[slug]} deliverables`}>
        <table className="usa-table usa-table--borderless width-full" data-testid="pillar-deliverables">
          <caption className="usa-sr-only">Deliverables under {PILLAR_LABELS[slug]}</caption>
          <thead>
            <tr>
              <th scope="col">Deliverable</th>
              <th scope="col">Lead</th>
              <th scope="col">Status</th>
              <th scope="col">Progress</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link href={`/deliverables/${d.id}`} className="usa-link">
                    {d.title}
                  </Link>
                </th>
                <td>{d.leadAgencyAbbreviation}</td>
                <td>
                  <StatusBadge status={d.status} />
                </td>
                <td style={{ minWidth: '8rem' }}>
                  <ProgressBar value={d.progress} />
                </td>
                <td>{formatCalendarDate(d.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {list.total > list.items.length ? (
        <p>
          Showing {list.items.length} of {list.total}. <Link href={`/deliverables?pillar=${slug}`}>See them all</Link>.
        </p>
      ) : null}
    </>
  );
}
