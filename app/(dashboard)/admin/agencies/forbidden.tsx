import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the agency pages (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Manage agencies">
      Member agencies are kept by the secretariat’s administrators.
    </NotAllowed>
  );
}
