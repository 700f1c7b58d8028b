'use client';

/**
 * The browser's calls to the plan's endpoints (objectives and priority actions): one typed
 * fetcher per endpoint and a mutation hook per write, which invalidates the plan's root key before
 * the caller's onSuccess (see lib/api/mutation.ts). The pages are rendered on the server, so
 * callers also `router.refresh()`.
 */
import type { PlanObjective, PriorityAction } from '@/lib/contracts/plan';
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { planKeys } from '@/lib/query-keys';
import type { CreateActionBody, CreateObjectiveBody, UpdateActionBody, UpdateObjectiveBody } from '@/lib/validations/plan';

// POST /api/plan/objectives, PATCH /api/plan/objectives/:id

export function createObjective(body: CreateObjectiveBody) {
  return apiFetch<PlanObjective>('/api/plan/objectives', { method: 'POST', body });
}

export function useCreateObjectiveMutation(options?: MutationHookOptions<PlanObjective, CreateObjectiveBody>) {
  return useInvalidatingMutation(createObjective, [planKeys.all], options);
}

export function updateObjective(id: number, body: UpdateObjectiveBody) {
  return apiFetch<PlanObjective>(`/api/plan/objectives/${id}`, { method: 'PATCH', body });
}

export function useUpdateObjectiveMutation(options?: MutationHookOptions<PlanObjective, { id: number; body: UpdateObjectiveBody }>) {
  return useInvalidatingMutation(({ id, body }: { id: number; body: UpdateObjectiveBody }) => updateObjective(id, body), [planKeys.all], options);
}

// POST /api/plan/actions, PATCH /api/plan/actions/:id

export function createAction(body: CreateActionBody) {
  return apiFetch<PriorityAction>('/api/plan/actions', { method: 'POST', body });
}

export function useCreateActionMutation(options?: MutationHookOptions<PriorityAction, CreateActionBody>) {
  return useInvalidatingMutation(createAction, [planKeys.all], options);
}

export function updateAction(id: number, body: UpdateActionBody) {
  return apiFetch<PriorityAction>(`/api/plan/actions/${id}`, { method: 'PATCH', body });
}

export function useUpdateActionMutation(options?: MutationHookOptions<PriorityAction, { id: number; body: UpdateActionBody }>) {
  return useInvalidatingMutation(({ id, body }: { id: number; body: UpdateActionBody }) => updateAction(id, body), [planKeys.all], options);
}
