import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the outbox pages (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <ProblemPage title="Outbox" testId="forbidden" ways={[TO_OVERVIEW]}>
      <NotAllowed>The outbox holds e-mails to everyone; only the secretariat’s administrators read it.</NotAllowed>
    </ProblemPage>
  );
}
