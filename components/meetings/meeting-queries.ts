'use client';

/**
 * React Query mutations for meetings (POST /api/meetings, PATCH /api/meetings/:id). Each
 * invalidates every meeting query; a change of commitments also moves deliverables between
 * meetings, so deliverable queries are invalidated too.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail } from '@/lib/contracts/meetings';
import { apiFetch } from '@/lib/api/client';
import { deliverableKeys, meetingKeys } from '@/lib/query-keys';

export function postMeeting(body: Record<string, unknown>) {
  return apiFetch<MeetingDetail>('/api/meetings', { method: 'POST', body });
}

export function patchMeeting(id: number, body: Record<string, unknown>) {
  return apiFetch<MeetingDetail>(`/api/meetings/${id}`, { method: 'PATCH', body });
}

export function useCreateMeeting(options?: { onSuccess?: (data: MeetingDetail) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => postMeeting(body),
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      options?.onSuccess?.(data);
    },
  });
}

export function useUpdateMeeting(id: number, options?: { onSuccess?: (data: MeetingDetail) => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => patchMeeting(id, body),
    onSuccess: async (data, body) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
        'commitments' in body ? queryClient.invalidateQueries({ queryKey: deliverableKeys.all }) : null,
      ]);
      options?.onSuccess?.(data);
    },
  });
}
