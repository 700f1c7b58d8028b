'use client';

import { BareHeader } from '@/components/layout/problem-page';
import { ErrorNotice } from '@/components/layout/error-notice';

// An error outside the signed-in pages' own boundary (the sign-in pages, the signed-in layout itself).
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <>
      <BareHeader />
      <main id="main-content" className="pitf-main grid-container">
        <ErrorNotice error={error} retry={retry} />
      </main>
    </>
  );
}
