'use client';

import { Icon } from '@trussworks/react-uswds';
import { STATUS_LABELS, type Status } from '@/lib/domain';

// Each status has its own icon and its words: colour is never the only carrier of meaning.
const ICONS: Record<Status, typeof Icon.CheckCircle> = {
  not_started: Icon.RadioButtonUnchecked,
  in_progress: Icon.Autorenew,
  at_risk: Icon.Warning,
  blocked: Icon.DoNotDisturb,
  completed: Icon.CheckCircle,
};

export function StatusBadge({ status }: { status: Status }) {
  const StatusIcon = ICONS[status];
  return (
    <span className={`pitf-status pitf-status--${status}`}>
      <StatusIcon aria-hidden="true" focusable={false} size={3} />
      <span>{STATUS_LABELS[status]}</span>
    </span>
  );
}
