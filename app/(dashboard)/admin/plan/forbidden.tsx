import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the plan's administration page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="The plan: objectives and priority actions">
      The plan’s objectives and priority actions are kept by the secretariat’s administrators.
    </NotAllowed>
  );
}
