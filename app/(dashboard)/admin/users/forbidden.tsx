import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the account pages (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Users">
      Accounts are managed by the secretariat’s administrators.
    </NotAllowed>
  );
}
