import Link from 'next/link';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the releases page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Releases">
      The chair’s staff publish releases of the public record here. What has been published is open to everyone at{' '}
      <Link href="/public" className="usa-link">
        the public record
      </Link>
      .
    </NotAllowed>
  );
}
