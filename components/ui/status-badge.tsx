import { DELIVERABLE_STATE_LABELS, type DeliverableState } from '@/lib/domain';
import { AutorenewIcon, CheckCircleIcon, CloseIcon, DoNotDisturbIcon, RadioButtonUncheckedIcon, WarningIcon } from '@/components/ui/icons';

// Each status has its own icon and its words: colour is never the only carrier of meaning.
const ICONS: Record<DeliverableState, typeof CheckCircleIcon> = {
  not_started: RadioButtonUncheckedIcon,
  in_progress: AutorenewIcon,
  at_risk: WarningIcon,
  blocked: DoNotDisturbIcon,
  completed: CheckCircleIcon,
  withdrawn: CloseIcon,
};

export function StatusBadge({ status }: { status: DeliverableState }) {
  const StatusIcon = ICONS[status];
  return (
    <span className={`pitf-status pitf-status--${status}`}>
      <StatusIcon size={3} />
      <span>{DELIVERABLE_STATE_LABELS[status]}</span>
    </span>
  );
}
