'use client';

import { Icon } from '@trussworks/react-uswds';
import { READINESS_LABELS, type Readiness } from '@/db/queries/readiness-labels';

const ICONS: Record<Readiness, typeof Icon.CheckCircle> = {
  ready: Icon.CheckCircle,
  awaiting_review: Icon.HourglassEmpty,
  in_progress: Icon.Edit,
  not_started: Icon.RadioButtonUnchecked,
};

/** Readiness in words with its own icon; colour only repeats what they say. */
export function ReadinessBadge({ readiness }: { readiness: Readiness }) {
  const ReadinessIcon = ICONS[readiness];
  return (
    <span className={`pitf-status pitf-readiness--${readiness}`}>
      <ReadinessIcon aria-hidden="true" focusable={false} size={3} />
      <span>{READINESS_LABELS[readiness]}</span>
    </span>
  );
}
