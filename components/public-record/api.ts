'use client';

/**
 * The browser's calls for the public record: marking a deliverable publishable (its page) and
 * publishing a release (the chair's releases page). Both pages are rendered on the server, so the
 * callers refresh them after a write.
 */
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { deliverableKeys } from '@/lib/query-keys';
import type { PublishableState, ReleaseSummary } from '@/lib/contracts/releases';
import type { PublishableBody, PublishReleaseBody } from '@/lib/validations/releases';

// PUT /api/deliverables/:id/publishable

export function setPublishable(id: number, body: PublishableBody) {
  return apiFetch<PublishableState>(`/api/deliverables/${id}/publishable`, { method: 'PUT', body });
}

export function useSetPublishableMutation(id: number, options?: MutationHookOptions<PublishableState, PublishableBody>) {
  return useInvalidatingMutation((body: PublishableBody) => setPublishable(id, body), [deliverableKeys.all], options);
}

// POST /api/releases

export function publishRelease(body: PublishReleaseBody) {
  return apiFetch<ReleaseSummary>('/api/releases', { method: 'POST', body });
}

export function usePublishReleaseMutation(options?: MutationHookOptions<ReleaseSummary, PublishReleaseBody>) {
  return useInvalidatingMutation(publishRelease, [], options);
}
