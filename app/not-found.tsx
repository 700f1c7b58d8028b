import type { Metadata } from 'next';
import { BareHeader, ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * An address outside the signed-in pages that matches nothing (signed-in addresses are answered by
 * app/(dashboard)/not-found.tsx, inside the app's layout).
 */
export default function NotFound() {
  return (
    <>
      <BareHeader />
      <main id="main-content" className="pitf-main grid-container">
        <ProblemPage title="Page not found" testId="not-found" ways={[TO_OVERVIEW]}>
          <p className="usa-intro font-sans-md margin-top-0">
            There is no page at this address. It may have been mistyped, or the page may have moved.
          </p>
        </ProblemPage>
      </main>
    </>
  );
}
