'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { CloseIcon } from '@/components/ui/icons';
import { NotificationBell, useUnreadCount } from '@/components/notifications/bell';

export type NavItem = { href: string; label: string };

type Props = {
  items: NavItem[];
  userName: string;
  roleLabel: string;
  unread: number;
};

/**
 * The USWDS basic header in its own markup and classes (uswds.min.css styles it): on small screens
 * "Menu" opens the navigation as a panel over a dimmed page, and its close button shuts it.
 */
export function SiteHeader({ items, userName, roleLabel, unread }: Props) {
  const [expanded, setExpanded] = useState(false);
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));
  const toggle = () => setExpanded((open) => !open);
  const unreadNow = useUnreadCount(unread);

  return (
    <>
      <div className={`usa-overlay${expanded ? ' is-visible' : ''}`} />
      <header className="usa-header usa-header--basic">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link href="/" title="PITF Dashboard overview">
                  PITF Dashboard
                </Link>
              </em>
            </div>
            <button type="button" className="usa-menu-btn" onClick={toggle}>
              Menu
              {unreadNow ? (
                <>
                  {' '}
                  <span className="pitf-bell__count" aria-hidden="true">
                    {unreadNow}
                  </span>
                  <span className="usa-sr-only">, {unreadNow} unread notifications</span>
                </>
              ) : null}
            </button>
          </div>
          <nav className={`usa-nav${expanded ? ' is-visible' : ''}`}>
            <button type="button" className="usa-nav__close" aria-label="Close Navigation Menu" onClick={toggle}>
              <CloseIcon size={3} />
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {items.map((item) => (
                <li key={item.href} className="usa-nav__primary-item">
                  <Link
                    href={item.href}
                    className={`usa-nav__link${isCurrent(item.href) ? ' usa-current' : ''}`}
                    aria-current={isCurrent(item.href) ? 'page' : undefined}
                    onClick={() => setExpanded(false)}
                  >
                    <span>{item.label}</span>
                  </Link>
                </li>
              ))}
              <li className="usa-nav__primary-item">
                <NotificationBell unread={unreadNow} />
              </li>
            </ul>
            <div className="pitf-user margin-top-2 desktop:margin-top-0" data-testid="signed-in-user">
              <span>
                <Link href="/account" className="pitf-account-link" title="Your account: password and recent sign-ins">
                  <strong>{userName}</strong>
                </Link>
                <span className="usa-sr-only">, signed in as</span> <span>({roleLabel})</span>
              </span>
              <SignOutButton />
            </div>
          </nav>
        </div>
      </header>
    </>
  );
}
