'use client';

import { useEffect } from 'react';
import { ProblemPage, TO_OVERVIEW } from './problem-page';

/**
 * What an error boundary shows: the server's reference for the failure (its digest, which the
 * server log carries too) so that the secretariat can find it, a way to try again, and a way out.
 * Never the error's own message: in production it says nothing useful and might say too much.
 */
export function ErrorNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ProblemPage title="Something went wrong" testId="error-page" ways={[TO_OVERVIEW]}>
      <p className="usa-intro font-sans-md margin-top-0">
        This page could not be shown because of an error on the server. Nothing was changed by showing it.
      </p>
      <p>
        Try again; if it keeps happening, tell the PITF secretariat
        {digest ? (
          <>
            {' '}
            and quote the reference <code data-testid="error-reference">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <button type="button" className="usa-button" onClick={() => retry()}>
        Try again
      </button>
    </ProblemPage>
  );
}
