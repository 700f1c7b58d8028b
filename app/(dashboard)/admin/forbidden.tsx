import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the administration page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="Administration" testId="forbidden" ways={[TO_OVERVIEW]}>
      <NotAllowed>Accounts, agencies and the audit log are managed by the secretariat’s administrators.</NotAllowed>
    </ProblemPage>
  );
}
