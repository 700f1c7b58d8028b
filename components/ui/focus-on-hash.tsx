'use client';

import { useEffect } from 'react';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * Moves keyboard focus to `targetId` (a heading with tabIndex -1) when the address ends in
 * `#hash`: a link such as "Review" then leaves a keyboard or screen-reader user at the section
 * it points to, not at the top of the page. Runs on arrival and whenever the address changes.
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
