import { getAgencyBySlug } from '@/db/queries/agencies';
import { createDeliverable, listDeliverables } from '@/db/queries/deliverables';
import { badRequest } from '@/lib/api/errors';
import { apiRoute, json } from '@/lib/api/handler';
import { createDeliverableSchema, deliverableListQuery } from '@/lib/validations/deliverables';

export const GET = apiRoute({ query: deliverableListQuery }, ({ query }) => {
  if (query.agency && !getAgencyBySlug(query.agency)) {
    throw badRequest('Invalid input: agency.', { agency: [`No agency has the short name "${query.agency}".`] });
  }
  return listDeliverables(query);
});

export const POST = apiRoute({ body: createDeliverableSchema }, ({ user, body }) => json(createDeliverable(user, body), 201));
