import { TO_OVERVIEW } from '@/components/layout/problem-page';
import { MEETINGS_REFUSAL, NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the new meeting page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="New meeting" ways={[{ href: '/meetings', label: 'All meetings' }, TO_OVERVIEW]}>
      {MEETINGS_REFUSAL}
    </NotAllowed>
  );
}
