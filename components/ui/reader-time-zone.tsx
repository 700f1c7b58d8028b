'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * A GET form's hidden `tz`: the reader's own time zone, as the browser knows it, so the server
 * counts the form's dates as the reader's days. The server (and hydration) render `fallback`.
 */
export function ReaderTimeZoneInput({ fallback }: { fallback: string }) {
  const zone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || fallback,
    () => fallback,
  );
  return <input type="hidden" name="tz" value={zone} data-testid="reader-time-zone" />;
}
