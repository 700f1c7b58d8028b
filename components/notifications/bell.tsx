'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { NotificationsIcon } from '@/components/ui/icons';
import { useUnread } from './api';

/**
 * The person's unread count: rendered with the page, then read again on each navigation and when
 * the window regains focus (the header stays mounted across pages), and followed at once when this
 * window marks notifications read.
 */
export function useUnreadCount(initialUnread: number): number {
  const { data, refetch } = useUnread(initialUnread);
  const pathname = usePathname();
  // React Query reads it when the header mounts and when the window regains focus; each later page asks again.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    void refetch();
  }, [pathname, refetch]);
  return data;
}

/** The header's link to the person's notifications, with the unread count. */
export function NotificationBell({ unread }: { unread: number }) {
  const pathname = usePathname();
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
