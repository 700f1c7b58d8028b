'use client';

/**
 * The browser's calls to the statistics endpoints: an administrator adds or corrects an
 * observation. Each write invalidates `statisticsKeys.all` before the caller's onSuccess (see
 * lib/api/mutation.ts); the figures are rendered on the server, so callers also refresh.
 */
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { statisticsKeys } from '@/lib/query-keys';
import type { CreateObservationBody, UpdateObservationBody } from '@/lib/validations/statistics';

// POST and PATCH /api/statistics/observations

export function createObservation(body: CreateObservationBody) {
  return apiFetch<unknown>('/api/statistics/observations', { method: 'POST', body });
}

export function useCreateObservationMutation(options?: MutationHookOptions<unknown, CreateObservationBody>) {
  return useInvalidatingMutation(createObservation, [statisticsKeys.all], options);
}

export function updateObservation(body: UpdateObservationBody) {
  return apiFetch<unknown>('/api/statistics/observations', { method: 'PATCH', body });
}

export function useUpdateObservationMutation(options?: MutationHookOptions<unknown, UpdateObservationBody>) {
  return useInvalidatingMutation(updateObservation, [statisticsKeys.all], options);
}
