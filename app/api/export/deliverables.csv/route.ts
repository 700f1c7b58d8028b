import { getAgencyBySlug } from '@/db/queries/agencies';
import { deliverablesCsv } from '@/db/queries/deliverables-export';
import { badRequest } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { todayIso } from '@/lib/dates';
import { deliverableListQuery } from '@/lib/validations/deliverables';

// The list's filters without its paging: the file holds every matching deliverable.
const exportQuery = deliverableListQuery.omit({ page: true, pageSize: true });

/** Reading is open to every signed-in role, so the export is too. */
export const GET = apiRoute({ query: exportQuery }, ({ query }) => {
  if (query.agency && !getAgencyBySlug(query.agency)) {
    throw badRequest('Invalid input: agency.', { agency: [`No agency has the short name "${query.agency}".`] });
  }
  const filename = ['deliverables', query.agency, todayIso()].filter(Boolean).join('-') + '.csv';
  return new Response(deliverablesCsv(query), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
