'use client';

import { useSyncExternalStore } from 'react';
import { formatInstant } from '@/lib/format';

const noSubscription = () => () => {};

function describe(at: number | null, now: number): string {
  if (at === null) return 'No update yet';
  const days = Math.floor((now - at) / 86_400_000);
  if (days <= 0) return 'Updated today';
  if (days === 1) return 'Updated yesterday';
  return `Updated ${days} days ago`;
}

/** "Updated 5 days ago", with the exact time in the reader's zone as a tooltip and for assistive tech. */
export function UpdateAge({ at }: { at: number | null }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => describe(at, Date.now()),
    () => describe(at, Date.now()),
  );
  if (at === null) return <span>{text}</span>;
  return (
    <time dateTime={new Date(at).toISOString()} title={formatInstant(at)} suppressHydrationWarning>
      {text}
    </time>
  );
}
