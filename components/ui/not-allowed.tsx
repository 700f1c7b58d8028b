import { ProblemPage, TO_OVERVIEW, type WayBack } from '@/components/layout/problem-page';

/**
 * The one refusal a signed-in page shows: the page's title, a plain "not allowed" and why, with
 * none of the page's data, and where to go instead. It is rendered only by a `forbidden.tsx`, which
 * Next shows when a page called `refusePage` / `requirePageAccess` (lib/server/page-access.ts):
 * that call records the refusal in the audit log before answering 403, so every refusal a reader
 * sees was recorded. Lint keeps it so (eslint.config.mjs: this module is imported by
 * `forbidden.tsx` files only, and `forbidden()` is called by page-access.ts only).
 */
export function NotAllowed({
  title,
  heading = 'Not allowed',
  ways = [TO_OVERVIEW],
  testId = 'not-allowed',
  children,
}: {
  /** The refused page's own title, as its h1. */
  title: string;
  /** The notice's heading, when the page can say more precisely what is refused. */
  heading?: React.ReactNode;
  ways?: WayBack[];
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <ProblemPage title={title} testId="forbidden" ways={ways}>
      <div className="usa-alert usa-alert--warning" role="status" data-testid={testId}>
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{heading}</h2>
          <p className="usa-alert__text">{children}</p>
        </div>
      </div>
    </ProblemPage>
  );
}

/** Said on every page of the chair's that creates or changes a meeting. */
export const MEETINGS_REFUSAL =
  'Meetings are planned and recorded by the chair’s staff and administrators. Your role can read meetings and print their briefing books, but not create or change them.';
