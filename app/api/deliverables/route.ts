import { listDeliverables } from '@/db/queries/deliverables';
import { createDeliverable } from '@/db/queries/deliverable-writes';
import { deliverableFilterErrors } from '@/db/queries/deliverable-filters';
import { invalid } from '@/lib/errors';
import { apiRoute, json } from '@/lib/server/handler';
import { createDeliverableSchema, deliverableListQuery } from '@/lib/validations/deliverables';

export const GET = apiRoute({ query: deliverableListQuery }, ({ query }) => {
  const fields = deliverableFilterErrors(query);
  if (fields) throw invalid(`Invalid input: ${Object.keys(fields).join(', ')}.`, fields);
  return listDeliverables(query);
});

export const POST = apiRoute({ body: createDeliverableSchema }, ({ user, body }) => json(createDeliverable(user, body), 201));
