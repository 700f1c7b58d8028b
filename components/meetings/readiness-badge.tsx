import { READINESS_LABELS, type Readiness } from '@/lib/domain';
import { CheckCircleIcon, EditIcon, HourglassEmptyIcon, RadioButtonUncheckedIcon } from '@/components/ui/icons';

const ICONS: Record<Readiness, typeof CheckCircleIcon> = {
  ready: CheckCircleIcon,
  awaiting_review: HourglassEmptyIcon,
  in_progress: EditIcon,
  not_started: RadioButtonUncheckedIcon,
};

/** Readiness in words with its own icon; colour only repeats what they say. */
export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  const ReadinessIcon = ICONS[readiness];
  return (
    <span className={`pitf-status pitf-readiness--${readiness}`}>
      <ReadinessIcon size={3} />
      <span>{READINESS_LABELS[readiness]}</span>
    </span>
  );
}
