import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the agency pages (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="Manage agencies" testId="forbidden" ways={[TO_OVERVIEW]}>
      <NotAllowed>Member agencies are kept by the secretariat’s administrators.</NotAllowed>
    </ProblemPage>
  );
}
