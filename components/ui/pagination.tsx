import Link from 'next/link';

/** Which page numbers to show: the first, the last, and two either side of the current one. */
function visiblePages(current: number, count: number): (number | 'gap')[] {
  const shown = Array.from({ length: count }, (_, i) => i + 1).filter((p) => p === 1 || p === count || Math.abs(p - current) <= 2);
  return shown.flatMap((p, i) => (i > 0 && p - shown[i - 1]! > 1 ? ['gap' as const, p] : [p]));
}

/**
 * USWDS pagination: Previous, page numbers (with an ellipsis where pages are skipped) and Next.
 * `href(page)` builds each link, so the filters in the URL travel with it.
 */
export function Pagination({ label, page, pageCount, href }: { label: string; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
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
        {visiblePages(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} className="usa-pagination__item usa-pagination__overflow" aria-label="ellipsis indicating non-visible pages">
              <span>…</span>
            </li>
          ) : (
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
          ),
        )}
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
