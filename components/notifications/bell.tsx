'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { NotificationsIcon } from '@/components/ui/icons';
import { fetchUnread, UNREAD_EVENT } from './api';

/**
 * The header's link to the person's notifications with the unread count: rendered with the page,
 * then read again on each navigation and when the window regains focus (the header itself stays
 * mounted across pages).
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [unread, setUnread] = useState(initialUnread);
  const pathname = usePathname();

  useEffect(() => {
    let current = true;
    const refresh = () =>
      fetchUnread().then(
        (n) => current && setUnread(n),
        () => undefined,
      );
    void refresh();
    window.addEventListener('focus', refresh);
    return () => {
      current = false;
      window.removeEventListener('focus', refresh);
    };
  }, [pathname]);

  useEffect(() => {
    const follow = (event: Event) => setUnread((event as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_EVENT, follow);
    return () => window.removeEventListener(UNREAD_EVENT, follow);
  }, []);

  return (
    <Link
      href="/notifications"
      className={`usa-nav__link pitf-bell${pathname === '/notifications' ? ' usa-current' : ''}`}
      data-testid="notification-bell"
      aria-current={pathname === '/notifications' ? 'page' : undefined}
    >
      <NotificationsIcon size={3} />
      <span className="usa-sr-only">Notifications, </span>
      <span className={unread ? 'pitf-bell__count' : 'usa-sr-only'} data-testid="unread-count">
        {unread}
      </span>
      <span className="usa-sr-only"> unread</span>
    </Link>
  );
}
