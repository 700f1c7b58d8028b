import { headers } from 'next/headers';
import { getAgencyBySlug } from '@/db/queries/agencies';
import { TO_OVERVIEW } from '@/components/layout/problem-page';
import { NotAllowed } from '@/components/ui/not-allowed';

/**
 * Answers forbidden() from the import page (lib/server/page-access.ts): 403. A forbidden page gets no
 * params, so the agency is read from the path proxy.ts forwards (the page has already found it).
 */
export default async function Forbidden() {
  const path = (await headers()).get('x-pitf-path') ?? '';
  const slug = /^\/agencies\/([a-z][a-z0-9-]*)\/import(?:[/?]|$)/.exec(path)?.[1];
  const agency = slug ? getAgencyBySlug(slug) : null;
  const abbreviation = agency?.abbreviation ?? 'this agency';
  return (
    <NotAllowed
      title={agency ? `Import deliverables for ${agency.name}` : 'Import deliverables'}
      heading={`You cannot import deliverables for ${abbreviation}`}
      testId="import-not-allowed"
      ways={[...(agency ? [{ href: `/agencies/${agency.slug}`, label: `${agency.abbreviation}’s deliverables` }] : []), TO_OVERVIEW]}
    >
      Only {agency ? agency.name : 'the agency’s'} agency officials and administrators can add its deliverables. If you should have
      this access, ask the PITF secretariat.
    </NotAllowed>
  );
}
