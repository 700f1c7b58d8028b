import { getDeliverable, listUpdates } from '@/db/queries/deliverables';
import { addProgressUpdate } from '@/db/queries/deliverable-writes';
import { notFound } from '@/lib/errors';
import { apiRoute, json } from '@/lib/server/handler';
import { deliverableIdParams, pagingQuery } from '@/lib/validations/common';
import { progressUpdateSchema } from '@/lib/validations/deliverables';

export const GET = apiRoute({ params: deliverableIdParams, query: pagingQuery }, ({ params, query }) => {
  if (!getDeliverable(params.id)) throw notFound('The deliverable');
  return listUpdates(params.id, query);
});

export const POST = apiRoute({ params: deliverableIdParams, body: progressUpdateSchema }, ({ user, params, body }) =>
  json(addProgressUpdate(user, params.id, body), 201),
);
