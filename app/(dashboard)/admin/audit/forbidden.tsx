import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the audit log (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Audit log">
      The audit log is kept for the secretariat: only administrators can read it.
    </NotAllowed>
  );
}
