import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiReference } from '@/components/api-docs/api-reference';
import { API_TAGS, type ApiTag } from '@/lib/openapi/registry';

export const metadata: Metadata = { title: 'API reference' };

type Props = { searchParams: Promise<{ section?: string }> };

/**
 * The API reference, drawn from the OpenAPI document the server generates from the schemas its
 * handlers use (lib/openapi/): what each endpoint takes and answers, and every error it may give,
 * one section at a time (`?section=Meetings`).
 */
export default async function ApiDocsPage({ searchParams }: Props) {
  const asked = (await searchParams).section;
  const current: ApiTag = API_TAGS.find((tag) => tag === asked) ?? API_TAGS[0];
  return (
    <>
      <h1>API reference</h1>
      <p className="usa-intro">
        Every endpoint of the dashboard’s API, what it takes and what it answers. The API needs a session, as the
        pages do; the whole document is at <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1) for tools
        that read it.
      </p>
      <nav aria-label="Sections of the API">
        <ul className="usa-button-group flex-wrap">
          {API_TAGS.map((tag) => (
            <li key={tag} className="usa-button-group__item">
              <Link
                href={`/api-docs?section=${encodeURIComponent(tag)}`}
                className={`usa-button${tag === current ? '' : ' usa-button--outline'}`}
                aria-current={tag === current ? 'page' : undefined}
              >
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ApiReference specUrl="/api/openapi.json" tag={current} />
    </>
  );
}
