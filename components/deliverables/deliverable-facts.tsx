'use client';

import { Icon } from '@trussworks/react-uswds';
import { formatCalendarDate, formatNumber } from '@/lib/format';
import { ProgressBar } from '@/components/ui/progress-bar';
import { UpdateAge } from '@/components/ui/update-age';

type Facts = {
  dueOn: string | null;
  overdue: boolean;
  progress: number;
  lastUpdateAt: number | null;
  stale: boolean;
  status: string;
  statusReason: string | null;
};

/** What a card or list row says about a deliverable's state, each flag in words with an icon. */
export function DeliverableFacts({ item }: { item: Facts }) {
  return (
    <div className="pitf-facts">
      <p className="margin-y-05">
        {item.dueOn ? <>Due {formatCalendarDate(item.dueOn)}</> : 'No due date'}
        {item.overdue ? (
          <span className="pitf-flag pitf-flag--overdue">
            <Icon.Schedule aria-hidden="true" focusable={false} /> Overdue
          </span>
        ) : null}
      </p>
      <ProgressBar value={item.progress} />
      <p className="margin-y-05 font-sans-2xs">
        <UpdateAge at={item.lastUpdateAt} />
        {item.stale ? (
          <span className="pitf-flag pitf-flag--stale">
            <Icon.History aria-hidden="true" focusable={false} /> Stale
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
