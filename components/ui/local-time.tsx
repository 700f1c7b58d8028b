'use client';

import { useSyncExternalStore } from 'react';
import { formatInstant } from '@/lib/format';

const noSubscription = () => () => {};

/**
 * An instant shown in the reader's own time zone. The server (and hydration) render it in UTC;
 * the browser then shows local time.
 */
export function LocalTime({ value }: { value: number }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => formatInstant(value),
    () => formatInstant(value, 'UTC'),
  );
  return <time dateTime={new Date(value).toISOString()}>{text}</time>;
}
