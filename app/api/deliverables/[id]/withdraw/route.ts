import { withdrawDeliverable } from '@/db/queries/deliverable-lifecycle';
import { apiRoute } from '@/lib/server/handler';
import { deliverableIdParams } from '@/lib/validations/common';
import { withdrawDeliverableSchema } from '@/lib/validations/deliverables';

export const POST = apiRoute({ params: deliverableIdParams, body: withdrawDeliverableSchema }, ({ user, params, body }) =>
  withdrawDeliverable(user, params.id, body),
);
