import { formatCalendarDate, formatNumber } from '@/lib/format';
import { measureSummary, type Measure } from '@/lib/measures';
import { ProgressBar } from '@/components/ui/progress-bar';
import { UpdateAge } from '@/components/ui/update-age';
import { HistoryIcon, ScheduleIcon } from '@/components/ui/icons';

type Facts = {
  dueOn: string | null;
  overdue: boolean;
  progress: number;
  lastUpdateAt: number | null;
  stale: boolean;
  status: string;
  statusReason: string | null;
  measure?: Measure | null;
};

/** What a card or list row says about a deliverable's state, each flag in words with an icon, and its count toward a target. */
export function DeliverableFacts({ item }: { item: Facts }) {
  return (
    <div className="pitf-facts">
      <p className="margin-y-05">
        {item.dueOn ? <>Due {formatCalendarDate(item.dueOn)}</> : 'No due date'}
        {item.overdue ? (
          <span className="pitf-flag pitf-flag--overdue">
            <ScheduleIcon /> Overdue
          </span>
        ) : null}
      </p>
      <ProgressBar value={item.progress} />
      {item.measure ? (
        <p className="margin-y-05 text-bold" data-testid="measure-summary">
          {measureSummary(item.measure)}
        </p>
      ) : null}
      <p className="margin-y-05 font-sans-2xs">
        <UpdateAge at={item.lastUpdateAt} />
        {item.stale ? (
          <span className="pitf-flag pitf-flag--stale">
            <HistoryIcon /> Stale
          </span>
        ) : null}
      </p>
      {item.statusReason && (item.status === 'at_risk' || item.status === 'blocked') ? (
        <p className="margin-y-05 font-sans-2xs">
          <span className="text-bold">Reason:</span> {item.statusReason}
        </p>
      ) : null}
      <span className="usa-sr-only">{formatNumber(item.progress)} percent complete.</span>
    </div>
  );
}
