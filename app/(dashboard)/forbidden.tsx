import { NotAllowed } from '@/components/ui/not-allowed';

// Answers forbidden() from a signed-in page with no refusal of its own nearer to it: 403.
export default function Forbidden() {
  return (
    <NotAllowed title="Not allowed">
      Your role cannot use this page. If you should have this access, ask the PITF secretariat.
    </NotAllowed>
  );
}
