import Link from 'next/link';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the Awaiting me page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Awaiting me">
      This page lists what awaits the chair’s staff: reports to review and agencies to remind. Each meeting’s readiness is on its
      page under{' '}
      <Link href="/meetings" className="usa-link">
        Meetings
      </Link>
      .
    </NotAllowed>
  );
}
