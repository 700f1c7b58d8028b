import { ProblemPage, TO_OVERVIEW } from '@/components/layout/problem-page';

export default function AgencyNotFound() {
  return (
    <ProblemPage title="Agency not found" testId="not-found" ways={[{ href: '/agencies', label: 'All agencies' }, TO_OVERVIEW]}>
      <p className="usa-intro font-sans-md margin-top-0">
        No member agency has this short name. The link may be mistyped; the list of agencies has every one.
      </p>
    </ProblemPage>
  );
}
