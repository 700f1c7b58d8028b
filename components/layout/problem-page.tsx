import Link from 'next/link';

export type WayBack = { href: string; label: string };

/**
 * What a page that cannot be shown says instead (not found, not allowed, an error): its heading,
 * why, and where to go from here. Plain markup, so the not-found and forbidden pages (server) and
 * the error boundaries (client) share it.
 */
export function ProblemPage({
  title,
  children,
  ways = [],
  testId,
}: {
  title: string;
  children: React.ReactNode;
  ways?: WayBack[];
  testId: string;
}) {
  return (
    <div className="padding-top-2 measure-5" data-testid={testId}>
      <h1>{title}</h1>
      {children}
      {ways.length ? (
        <ul className="usa-list usa-list--unstyled margin-top-3" aria-label="Where to go from here">
          {ways.map((way) => (
            <li key={way.href} className="margin-bottom-1">
              <Link href={way.href} className="usa-link">
                {way.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const TO_OVERVIEW: WayBack = { href: '/', label: 'Go to the overview' };

/**
 * The header of the pages shown outside the signed-in layout (an address that matches no page
 * before sign-in, an error in the layout itself): the app's name, linking to the overview.
 */
export function BareHeader() {
  return (
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
        </div>
      </div>
    </header>
  );
}
