import { TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the documents page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Public documents" ways={[{ href: '/meetings', label: 'All meetings' }, TO_OVERVIEW]}>
      A meeting’s fact sheet and chair’s statement are drafted by the chair’s staff and administrators before they are published. Your role can read
      the meeting and its briefing book.
    </NotAllowed>
  );
}
