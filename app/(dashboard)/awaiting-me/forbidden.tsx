import Link from 'next/link';
import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the Awaiting me page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="Awaiting me" testId="forbidden" ways={[TO_OVERVIEW]}>
      <NotAllowed>
        This page lists what awaits the chair’s staff: reports to review and agencies to remind. Each meeting’s readiness is on its
        page under{' '}
        <Link href="/meetings" className="usa-link">
          Meetings
        </Link>
        .
      </NotAllowed>
    </ProblemPage>
  );
}
