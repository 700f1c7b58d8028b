import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

export default function DeliverableNotFound() {
  return (
    <ProblemPage title="Deliverable not found" testId="not-found" ways={[{ href: '/deliverables', label: 'All deliverables' }, TO_OVERVIEW]}>
      <p className="usa-intro font-sans-md margin-top-0">
        No deliverable has this number. The link may be mistyped, or it may point to a record that was never created.
      </p>
    </ProblemPage>
  );
}
