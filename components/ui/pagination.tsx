import Link from 'next/link';

/**
 * USWDS pagination for a paged list whose page travels in the URL: Previous, the first and last
 * pages, the two either side of the current one, and Next.
 */
export function Pagination({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const shown = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2);
  return (
    <nav aria-label={label} className="usa-pagination">
      <ul className="usa-pagination__list">
        {page > 1 ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link href={href(page - 1)} className="usa-pagination__link usa-pagination__previous-page">
              <span className="usa-pagination__link-text">Previous</span>
            </Link>
          </li>
        ) : null}
        {shown.map((p) => (
          <li key={p} className="usa-pagination__item usa-pagination__page-no">
            <Link
              href={href(p)}
              className={`usa-pagination__button${p === page ? ' usa-current' : ''}`}
              aria-label={`Page ${p}`}
              aria-current={p === page ? 'page' : undefined}
            >
              {p}
            </Link>
          </li>
        ))}
        {page < pageCount ? (
          <li className="usa-pagination__item usa-pagination__arrow">
            <Link href={href(page + 1)} className="usa-pagination__link usa-pagination__next-page">
              <span className="usa-pagination__link-text">Next</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
