'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Header, NavMenuButton, PrimaryNav, Title } from '@trussworks/react-uswds';
import { SignOutButton } from '@/components/auth/sign-out-button';

export type NavItem = { href: string; label: string };

type Props = {
  items: NavItem[];
  userName: string;
  roleLabel: string;
};

export function SiteHeader({ items, userName, roleLabel }: Props) {
  const [expanded, setExpanded] = useState(false);
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));

  const links = items.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      className={`usa-nav__link${isCurrent(item.href) ? ' usa-current' : ''}`}
      aria-current={isCurrent(item.href) ? 'page' : undefined}
      onClick={() => setExpanded(false)}
    >
      <span>{item.label}</span>
    </Link>
  ));

  return (
    <>
      <div className={`usa-overlay${expanded ? ' is-visible' : ''}`} />
      <Header basic>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <Title>
              <Link href="/" title="PITF Dashboard overview">
                PITF Dashboard
              </Link>
            </Title>
            <NavMenuButton onClick={() => setExpanded((open) => !open)} label="Menu" />
          </div>
          <PrimaryNav items={links} mobileExpanded={expanded} onToggleMobileNav={() => setExpanded((open) => !open)}>
            <div className="pitf-user margin-top-2 desktop:margin-top-0" data-testid="signed-in-user">
              <span>
                <Link href="/account" className="pitf-account-link" title="Your account: password and recent sign-ins">
                  <strong>{userName}</strong>
                </Link>
                <span className="usa-sr-only">, signed in as</span> <span>({roleLabel})</span>
              </span>
              <SignOutButton />
            </div>
          </PrimaryNav>
        </div>
      </Header>
    </>
  );
}
