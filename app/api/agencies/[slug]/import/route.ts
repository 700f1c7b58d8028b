import { getAgencyBySlug } from '@/db/queries/agencies';
import { commitDeliverableImport, previewDeliverableImport } from '@/db/queries/deliverables-import';
import { parseJsonBody, readBodyText } from '@/lib/server/body';
import { invalid, forbidden, notFound } from '@/lib/errors';
import { apiRoute, json } from '@/lib/server/handler';
import { canCreateDeliverable } from '@/lib/authorization';
import { agencyImportParams, deliverableImportRequest, readDeliverableImport } from '@/lib/validations/deliverable-import';

/**
 * `{ csv, mode: 'preview' | 'commit' }`. The body is read only after the caller is known to be
 * allowed, so a refused caller learns nothing about their file; it has the wrapper's 1 MB limit.
 */
export const POST = apiRoute({ params: agencyImportParams }, async ({ request, user, params }) => {
  const agency = getAgencyBySlug(params.slug);
  if (!agency) throw notFound('The agency');
  if (!canCreateDeliverable(user, agency.id)) {
    throw forbidden(`Only ${agency.abbreviation} officials and administrators can import ${agency.abbreviation} deliverables.`);
  }
  if (agency.retiredAt) {
    throw invalid(`${agency.name} is retired: no deliverables can be added to it.`, { slug: ['This agency is retired.'] });
  }
  const body = parseJsonBody(await readBodyText(request), deliverableImportRequest);
  const read = readDeliverableImport(body.csv, agency.slug);
  if (!read.ok) throw invalid(read.message, read.fields);
  if (body.mode === 'preview') return previewDeliverableImport(read.rows);
  return json(commitDeliverableImport(user, read.rows), 201);
});
