import { updateObjective } from '@/db/queries/plan';
import { apiRoute } from '@/lib/server/handler';
import { canManagePlan } from '@/lib/authorization';
import { planItemParams, updateObjectiveSchema } from '@/lib/validations/plan';

export const PATCH = apiRoute({ allow: canManagePlan, params: planItemParams, body: updateObjectiveSchema }, ({ user, params, body }) =>
  updateObjective(user, params.id, body),
);
