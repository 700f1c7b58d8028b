import { reinstateDeliverable } from '@/db/queries/deliverable-lifecycle';
import { apiRoute } from '@/lib/server/handler';
import { deliverableIdParams } from '@/lib/validations/common';
import { reinstateDeliverableSchema } from '@/lib/validations/deliverables';

export const POST = apiRoute({ params: deliverableIdParams, body: reinstateDeliverableSchema }, ({ user, params, body }) =>
  reinstateDeliverable(user, params.id, body),
);
