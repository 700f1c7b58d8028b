import { MeetingsNotAllowed } from '@/components/meetings/not-allowed';
import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

// Answers forbidden() from the meeting editor (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="Edit meeting" testId="forbidden" ways={[{ href: '/meetings', label: 'All meetings' }, TO_OVERVIEW]}>
      <MeetingsNotAllowed />
    </ProblemPage>
  );
}
