'use client';

/**
 * Focus that survives a page refresh: an action that re-renders the page from the server (a
 * withdrawal, a submitted report) names where focus should land, and the element of that name
 * takes it when it appears. A reader who simply opens the page is not moved.
 */
import { useEffect, useRef } from 'react';

const KEY = 'pitf-focus-after-refresh';

/** Call before router.refresh(): the FocusTarget with this id takes focus once it is rendered. */
export function focusAfterRefresh(id: string) {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // Storage refused (private mode): focus simply stays where it was.
  }
}

export function FocusTarget({ id, className, children, testId }: { id: string; className?: string; children: React.ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // After every render, not only the first: a refresh re-renders a target that was already there.
  useEffect(() => {
    try {
      if (sessionStorage.getItem(KEY) !== id) return;
      sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    ref.current?.focus();
  });
  return (
    <div id={id} ref={ref} tabIndex={-1} className={className} data-testid={testId}>
      {children}
    </div>
  );
}
