'use client';

/**
 * React Query hooks for deliverables: one fetcher per endpoint, the query options built from the
 * key factory, and mutations that invalidate `deliverableKeys.all` when they settle.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeliverableDetail, DeliverableList } from '@/lib/contracts/deliverables';
import type { Status } from '@/lib/domain';
import { apiFetch, toQueryString } from '@/lib/api/client';
import { deliverableKeys, type DeliverableListFilters } from '@/lib/query-keys';

export type UpdateRequest = {
  status: Status;
  progress?: number;
  measureActual?: number;
  note?: string;
  reason?: string;
  version?: number;
};

export type UpdateResponse = { update: { id: number; status: Status; progress: number }; version: number };

export const deliverableListQuery = (filters: DeliverableListFilters) =>
  queryOptions({
    queryKey: deliverableKeys.list(filters),
    queryFn: ({ signal }) =>
      apiFetch<DeliverableList>(`/api/deliverables${toQueryString(filters)}`, { signal }),
  });

export function postProgressUpdate(id: number, body: UpdateRequest) {
  return apiFetch<UpdateResponse>(`/api/deliverables/${id}/updates`, { method: 'POST', body });
}

export function patchDeliverable(id: number, body: Record<string, unknown>) {
  return apiFetch<DeliverableDetail>(`/api/deliverables/${id}`, { method: 'PATCH', body });
}

/** Posts a progress update; the caller's onSuccess runs after every deliverable query is invalidated. */
export function useAddProgressUpdate(id: number, options?: { onSuccess?: (data: UpdateResponse) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRequest) => postProgressUpdate(id, body),
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: deliverableKeys.all });
      options?.onSuccess?.(data);
    },
  });
}

export function useUpdateDeliverable(id: number, options?: { onSuccess?: (data: DeliverableDetail) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => patchDeliverable(id, body),
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: deliverableKeys.all });
      options?.onSuccess?.(data);
    },
  });
}

export function useCreateDeliverable(options?: { onSuccess?: (data: DeliverableDetail) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiFetch<DeliverableDetail>('/api/deliverables', { method: 'POST', body }),
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: deliverableKeys.all });
      options?.onSuccess?.(data);
    },
  });
}
