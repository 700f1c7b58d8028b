import { MeetingsNotAllowed } from '@/components/meetings/not-allowed';
import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

// Answers forbidden() from the new meeting page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="New meeting" testId="forbidden" ways={[{ href: '/meetings', label: 'All meetings' }, TO_OVERVIEW]}>
      <MeetingsNotAllowed />
    </ProblemPage>
  );
}
