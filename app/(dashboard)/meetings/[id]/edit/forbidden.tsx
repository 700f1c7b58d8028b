import { TO_OVERVIEW } from '@/components/layout/problem-page';
import { MEETINGS_REFUSAL, NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the meeting editor (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Edit meeting" ways={[{ href: '/meetings', label: 'All meetings' }, TO_OVERVIEW]}>
      {MEETINGS_REFUSAL}
    </NotAllowed>
  );
}
