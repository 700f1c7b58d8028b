import { updatePriorityAction } from '@/db/queries/plan';
import { apiRoute } from '@/lib/server/handler';
import { canManagePlan } from '@/lib/authorization';
import { planItemParams, updateActionSchema } from '@/lib/validations/plan';

export const PATCH = apiRoute({ allow: canManagePlan, params: planItemParams, body: updateActionSchema }, ({ user, params, body }) =>
  updatePriorityAction(user, params.id, body),
);
