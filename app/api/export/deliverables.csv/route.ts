import { deliverableFilterErrors } from '@/db/queries/deliverable-filters';
import { deliverablesCsv } from '@/db/queries/deliverables-export';
import { invalid } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
import { todayIso } from '@/lib/dates';
import { deliverableListQuery } from '@/lib/validations/deliverables';

// The list's filters without its paging: the file holds every matching deliverable.
const exportQuery = deliverableListQuery.omit({ page: true, pageSize: true });

/** Reading is open to every signed-in role, so the export is too. */
export const GET = apiRoute({ query: exportQuery }, ({ query }) => {
  const fields = deliverableFilterErrors(query);
  if (fields) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
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
