'use client';

import '@uswds/uswds/css/uswds.min.css';
import './globals.css';
import { BareHeader } from '@/components/layout/problem-page';
import { ErrorNotice } from '@/components/layout/error-notice';

/**
 * An error in the root layout itself. It replaces that layout, so it brings its own document and
 * styles; metadata exports do not apply to it, hence the title element.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · PITF Dashboard</title>
        <BareHeader />
        <main id="main-content" className="pitf-main grid-container">
          <ErrorNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
