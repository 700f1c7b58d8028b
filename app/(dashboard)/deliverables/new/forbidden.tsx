import { TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the new deliverable page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="New deliverable" ways={[{ href: '/deliverables', label: 'All deliverables' }, TO_OVERVIEW]}>
      Deliverables are added by their agency’s officials and by administrators. Your role can read them but not add them.
    </NotAllowed>
  );
}
