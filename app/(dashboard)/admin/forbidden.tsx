import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the administration page (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Administration">
      Accounts, agencies and the audit log are managed by the secretariat’s administrators.
    </NotAllowed>
  );
}
