import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from the outbox pages (lib/server/page-access.ts): 403, in the page's own words.
export default function Forbidden() {
  return (
    <NotAllowed title="Outbox">
      The outbox holds e-mails to everyone; only the secretariat’s administrators read it.
    </NotAllowed>
  );
}
