import type { StatusByPillar } from '@/lib/contracts/deliverables';
import { PILLARS, PILLAR_LABELS, STATUSES, STATUS_LABELS, type Status } from '@/lib/domain';
import { formatNumber } from '@/lib/format';
import { ScrollRegion } from './scroll-region';
import { StatusBadge } from './status-badge';

type Props = {
  rows: StatusByPillar[];
  caption: string;
  testId: string;
  /** The briefing book shows its caption and packs the table for print; the overview adds a totals row. */
  variant: 'page' | 'print';
};

/** Deliverables counted by pillar (rows) and status (columns), with each pillar's total. */
export function PillarStatusTable({ rows, caption, testId, variant }: Props) {
  const countOf = (pillar: string, status: Status) => rows.find((r) => r.pillar === pillar && r.status === status)?.count ?? 0;
  const pillarTotal = (pillar: string) => STATUSES.reduce((n, s) => n + countOf(pillar, s), 0);
  const print = variant === 'print';
  return (
    <ScrollRegion label="Deliverables by pillar and status">
      <table
        className={`usa-table usa-table--borderless width-full${print ? ' usa-table--compact usa-table--stacked-header' : ''}`}
        data-testid={testId}
      >
        <caption className={print ? 'text-left' : 'usa-sr-only'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Pillar</th>
            {STATUSES.map((status) => (
              <th key={status} scope="col" className="text-right">
                <StatusBadge status={status} />
              </th>
            ))}
            <th scope="col" className="text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {PILLARS.map((pillar) => (
            <tr key={pillar}>
              <th scope="row">{PILLAR_LABELS[pillar]}</th>
              {STATUSES.map((status) => (
                <td key={status} className="text-right" data-label={STATUS_LABELS[status]}>
                  {formatNumber(countOf(pillar, status))}
                </td>
              ))}
              <td className="text-right text-bold" data-label="Total">
                {formatNumber(pillarTotal(pillar))}
              </td>
            </tr>
          ))}
        </tbody>
        {print ? null : (
          <tfoot>
            <tr>
              <th scope="row">All pillars</th>
              {STATUSES.map((status) => (
                <td key={status} className="text-right text-bold">
                  {formatNumber(PILLARS.reduce((n, p) => n + countOf(p, status), 0))}
                </td>
              ))}
              <td className="text-right text-bold">{formatNumber(PILLARS.reduce((n, p) => n + pillarTotal(p), 0))}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollRegion>
  );
}
