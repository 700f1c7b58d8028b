import Link from 'next/link';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the My agency page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="My agency">
      This page shows an agency official their own agency. Every agency’s board is on the{' '}
      <Link href="/agencies" className="usa-link">
        Agencies
      </Link>{' '}
      page.
    </NotAllowed>
  );
}
