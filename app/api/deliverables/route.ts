import { getAgencyBySlug } from '@/db/queries/agencies';
import { listDeliverables } from '@/db/queries/deliverables';
import { badRequest } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { deliverableListQuery } from '@/lib/validations/deliverables';

export const GET = apiRoute({ query: deliverableListQuery }, ({ query }) => {
  if (query.agency && !getAgencyBySlug(query.agency)) {
    throw badRequest('Invalid input: agency.', { agency: [`No agency has the short name "${query.agency}".`] });
  }
  return listDeliverables(query);
});
