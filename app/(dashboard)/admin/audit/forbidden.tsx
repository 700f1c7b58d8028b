import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the audit log (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="Audit log" testId="forbidden" ways={[TO_OVERVIEW]}>
      <NotAllowed>The audit log is kept for the secretariat: only administrators can read it.</NotAllowed>
    </ProblemPage>
  );
}
