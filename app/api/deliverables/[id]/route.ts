import { deleteDeliverable } from '@/db/queries/deliverable-lifecycle';
import { getDeliverable } from '@/db/queries/deliverables';
import { updateDeliverable } from '@/db/queries/deliverable-writes';
import { canDeleteDeliverable } from '@/lib/authorization';
import { notFound } from '@/lib/errors';
import { apiRoute } from '@/lib/server/handler';
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

/** An administrator removes a deliverable created by mistake (within a day, nothing referring to it). */
export const DELETE = apiRoute({ params: deliverableIdParams, allow: canDeleteDeliverable }, ({ user, params }) => {
  deleteDeliverable(user, params.id);
  return { id: params.id, deleted: true };
});
