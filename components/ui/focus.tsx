'use client';

/**
 * Where keyboard focus lands when the page changes under the reader, in one place:
 *
 * - after an action that re-renders the page from the server (a withdrawal, a submitted report),
 *   the action names a target with `focusAfterRefresh(id)` and the `FocusTarget` of that id takes
 *   focus when it appears;
 * - after following a link to a section (`…#report`), `FocusOnHash` moves focus to the section's
 *   heading, so a keyboard or screen-reader user is left where the link pointed.
 *
 * A reader who simply opens the page is never moved.
 */
import { useEffect, useRef } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';

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

/**
 * Moves keyboard focus to `targetId` (a heading with tabIndex -1) when the address ends in
 * `#hash`. Runs on arrival and whenever the address changes.
 */
export function FocusOnHash({ hash, targetId }: { hash: string; targetId: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    const focus = () => {
      if (window.location.hash === `#${hash}`) document.getElementById(targetId)?.focus();
    };
    focus();
    window.addEventListener('hashchange', focus);
    return () => window.removeEventListener('hashchange', focus);
  }, [hash, targetId, pathname, searchParams]);
  return null;
}
