import { getDeliverable, updateDeliverable } from '@/db/queries/deliverables';
import { notFound } from '@/lib/api/errors';
import { apiRoute } from '@/lib/api/handler';
import { deliverableIdParams } from '@/lib/validations/common';
import { updateDeliverableSchema } from '@/lib/validations/deliverables';

export const GET = apiRoute({ params: deliverableIdParams }, ({ params }) => {
  const deliverable = getDeliverable(params.id);
  if (!deliverable) throw notFound('The deliverable');
  return deliverable;
});

export const PATCH = apiRoute({ params: deliverableIdParams, body: updateDeliverableSchema }, ({ user, params, body }) =>
  updateDeliverable(user, params.id, body),
);
