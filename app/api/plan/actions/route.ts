import { createPriorityAction, listPriorityActions } from '@/db/queries/plan';
import { apiRoute, json } from '@/lib/server/handler';
import { canManagePlan } from '@/lib/authorization';
import { createActionSchema, planListQuery } from '@/lib/validations/plan';

export const GET = apiRoute({ query: planListQuery }, ({ query }) => ({ actions: listPriorityActions({ includeRetired: query.includeRetired }) }));

export const POST = apiRoute({ allow: canManagePlan, body: createActionSchema }, ({ user, body }) => json(createPriorityAction(user, body), 201));
