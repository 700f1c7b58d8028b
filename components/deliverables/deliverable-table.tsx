import Link from 'next/link';
import type { DeliverableListItem } from '@/lib/contracts/deliverables';
import { formatCalendarDate } from '@/lib/format';
import { StatusBadge } from '@/components/ui/status-badge';
import { ProgressBar } from '@/components/ui/progress-bar';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { UpdateAge } from '@/components/ui/update-age';

/**
 * A short list of deliverables as a table: title (linked), optionally the lead agency, status (with
 * the reason for at risk or blocked), progress, due date (flagged when overdue) and last update
 * (flagged when stale).
 */
export function DeliverableTable({
  items,
  caption,
  label,
  showLead = false,
  testId,
}: {
  items: DeliverableListItem[];
  caption: string;
  label: string;
  showLead?: boolean;
  testId: string;
}) {
  return (
    <ScrollRegion label={label}>
      <table className="usa-table usa-table--borderless usa-table--compact width-full" data-testid={testId}>
        <caption className="usa-sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Deliverable</th>
            {showLead ? <th scope="col">Lead</th> : null}
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Due</th>
            <th scope="col">Last update</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                <Link href={`/deliverables/${d.id}`} className="usa-link">
                  {d.title}
                </Link>
              </th>
              {showLead ? <td>{d.leadAgencyAbbreviation}</td> : null}
              <td>
                <StatusBadge status={d.status} />
                {d.statusReason ? <div className="font-sans-2xs text-base-dark margin-top-05">{d.statusReason}</div> : null}
              </td>
              <td style={{ minWidth: '8rem' }}>
                <ProgressBar value={d.progress} />
              </td>
              <td>
                {formatCalendarDate(d.dueOn)}
                {d.overdue ? <span className="pitf-flag pitf-flag--overdue">Overdue</span> : null}
              </td>
              <td>
                <UpdateAge at={d.lastUpdateAt} />
                {d.stale ? <span className="pitf-flag pitf-flag--stale">Stale</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
