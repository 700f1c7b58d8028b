import Link from 'next/link';

export type Crumb = { href: string; label: React.ReactNode };

/**
 * Where a page sits: the pages above it, as links, and (when given) the page itself, marked as
 * the current one. USWDS's breadcrumb markup, written once for every page that has a place above it.
 */
export function Breadcrumbs({ trail, current, className }: { trail: Crumb[]; current?: React.ReactNode; className?: string }) {
  return (
    <nav aria-label="Breadcrumbs" className={['usa-breadcrumb padding-top-2', className].filter(Boolean).join(' ')}>
      <ol className="usa-breadcrumb__list">
        {trail.map((crumb) => (
          <li key={crumb.href} className="usa-breadcrumb__list-item">
            <Link href={crumb.href} className="usa-breadcrumb__link">
              {crumb.label}
            </Link>
          </li>
        ))}
        {current !== undefined ? (
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            {current}
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
