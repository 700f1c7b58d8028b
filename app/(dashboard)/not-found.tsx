import type { Metadata } from 'next';
import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <ProblemPage title="Page not found" testId="not-found" ways={[TO_OVERVIEW]}>
      <p className="usa-intro font-sans-md margin-top-0">
        There is no page at this address. It may have been mistyped, or the page may have moved.
      </p>
    </ProblemPage>
  );
}
