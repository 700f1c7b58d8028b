import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

export default function MeetingNotFound() {
  return (
    <ProblemPage title="Meeting not found" testId="not-found" ways={[{ href: '/meetings', label: 'All meetings' }, TO_OVERVIEW]}>
      <p className="usa-intro font-sans-md margin-top-0">
        No meeting has this number. The link may be mistyped, or it may point to a record that was never created.
      </p>
    </ProblemPage>
  );
}
