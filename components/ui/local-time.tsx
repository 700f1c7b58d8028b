'use client';

import { useEffect, useState } from 'react';
import { formatInstant } from '@/lib/format';

/**
 * An instant shown in the reader's own time zone. The server renders it in UTC; the browser
 * replaces that with local time once it runs.
 */
export function LocalTime({ value }: { value: number }) {
  const [text, setText] = useState(() => formatInstant(value, 'UTC'));
  useEffect(() => setText(formatInstant(value)), [value]);
  return <time dateTime={new Date(value).toISOString()}>{text}</time>;
}
