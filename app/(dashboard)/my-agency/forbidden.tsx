import Link from 'next/link';
import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the My agency page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="My agency" testId="forbidden" ways={[TO_OVERVIEW]}>
      <NotAllowed>
        This page shows an agency official their own agency. Every agency’s board is on the{' '}
        <Link href="/agencies" className="usa-link">
          Agencies
        </Link>{' '}
        page.
      </NotAllowed>
    </ProblemPage>
  );
}
