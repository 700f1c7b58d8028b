import { createObjective, listObjectives } from '@/db/queries/plan';
import { apiRoute, json } from '@/lib/server/handler';
import { canManagePlan } from '@/lib/authorization';
import { createObjectiveSchema, planListQuery } from '@/lib/validations/plan';

export const GET = apiRoute({ query: planListQuery }, ({ query }) => ({ objectives: listObjectives({ includeRetired: query.includeRetired }) }));

export const POST = apiRoute({ allow: canManagePlan, body: createObjectiveSchema }, ({ user, body }) => json(createObjective(user, body), 201));
