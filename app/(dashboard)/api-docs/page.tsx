import type { Metadata } from 'next';
import { ApiReference } from '@/components/api-docs/api-reference';

export const metadata: Metadata = { title: 'API reference' };

/**
 * The API reference, drawn from the OpenAPI document the server generates from the schemas its
 * handlers use (lib/openapi/): what each endpoint takes and answers, and every error it may give.
 */
export default function ApiDocsPage() {
  return (
    <>
      <h1>API reference</h1>
      <p className="usa-intro">
        Every endpoint of the dashboard’s API, what it takes and what it answers. The API needs a session, as the
        pages do; the document is at <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1) for tools that
        read it.
      </p>
      <ApiReference specUrl="/api/openapi.json" />
    </>
  );
}
