import { STATUS_LABELS, type Status } from '@/lib/domain';
import { AutorenewIcon, CheckCircleIcon, DoNotDisturbIcon, RadioButtonUncheckedIcon, WarningIcon } from '@/components/ui/icons';

// Each status has its own icon and its words: colour is never the only carrier of meaning.
const ICONS: Record<Status, typeof CheckCircleIcon> = {
  not_started: RadioButtonUncheckedIcon,
  in_progress: AutorenewIcon,
  at_risk: WarningIcon,
  blocked: DoNotDisturbIcon,
  completed: CheckCircleIcon,
};

export function StatusBadge({ status }: { status: Status }) {
  const StatusIcon = ICONS[status];
  return (
    <span className={`pitf-status pitf-status--${status}`}>
      <StatusIcon size={3} />
      <span>{STATUS_LABELS[status]}</span>
    </span>
  );
}
