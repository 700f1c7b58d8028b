'use client';

/**
 * The browser's calls to the deliverable endpoints: one typed fetcher per endpoint, the board's
 * list query built from the key factory, and a mutation hook per write that invalidates
 * `deliverableKeys.all` before the caller's onSuccess (see lib/api/mutation.ts).
 */
import { queryOptions, useMutation } from '@tanstack/react-query';
import type { DeliverableDetail, DeliverableList, ImportCommitted, ProgressUpdateSaved } from '@/lib/contracts/deliverables';
import { apiFetch, toQueryString, type FieldErrors } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { agencyKeys, deliverableKeys, type DeliverableListFilters } from '@/lib/query-keys';
import type {
  CreateDeliverableBody,
  ProgressUpdateBody,
  ReinstateDeliverableBody,
  UpdateDeliverableBody,
  WithdrawDeliverableBody,
} from '@/lib/validations/deliverables';
import type { DeliverableImportBody, ImportReport } from '@/lib/validations/deliverable-import';

// GET /api/deliverables

export function fetchDeliverables(filters: DeliverableListFilters, signal?: AbortSignal) {
  return apiFetch<DeliverableList>(`/api/deliverables${toQueryString(filters)}`, { signal });
}

export const deliverableListQuery = (filters: DeliverableListFilters) =>
  queryOptions({
    queryKey: deliverableKeys.list(filters),
    queryFn: ({ signal }) => fetchDeliverables(filters, signal),
  });

// POST /api/deliverables, PATCH /api/deliverables/:id, DELETE /api/deliverables/:id

export function createDeliverable(body: CreateDeliverableBody) {
  return apiFetch<DeliverableDetail>('/api/deliverables', { method: 'POST', body });
}

export function useCreateDeliverableMutation(options?: MutationHookOptions<DeliverableDetail, CreateDeliverableBody>) {
  return useInvalidatingMutation(createDeliverable, [deliverableKeys.all], options);
}

export function updateDeliverable(id: number, body: UpdateDeliverableBody) {
  return apiFetch<DeliverableDetail>(`/api/deliverables/${id}`, { method: 'PATCH', body });
}

export function useUpdateDeliverableMutation(id: number, options?: MutationHookOptions<DeliverableDetail, UpdateDeliverableBody>) {
  return useInvalidatingMutation((body: UpdateDeliverableBody) => updateDeliverable(id, body), [deliverableKeys.all], options);
}

export function deleteDeliverable(id: number) {
  return apiFetch<unknown>(`/api/deliverables/${id}`, { method: 'DELETE' });
}

export function useDeleteDeliverableMutation(id: number, options?: MutationHookOptions<unknown, void>) {
  return useInvalidatingMutation(() => deleteDeliverable(id), [deliverableKeys.all], options);
}

// POST /api/deliverables/:id/updates

export function postProgressUpdate(id: number, body: ProgressUpdateBody) {
  return apiFetch<ProgressUpdateSaved>(`/api/deliverables/${id}/updates`, { method: 'POST', body });
}

export function useAddProgressUpdateMutation(id: number, options?: MutationHookOptions<ProgressUpdateSaved, ProgressUpdateBody>) {
  return useInvalidatingMutation((body: ProgressUpdateBody) => postProgressUpdate(id, body), [deliverableKeys.all], options);
}

// POST /api/deliverables/:id/withdraw and /reinstate

export function withdrawDeliverable(id: number, body: WithdrawDeliverableBody) {
  return apiFetch<DeliverableDetail>(`/api/deliverables/${id}/withdraw`, { method: 'POST', body });
}

export function useWithdrawDeliverableMutation(id: number, options?: MutationHookOptions<DeliverableDetail, WithdrawDeliverableBody>) {
  return useInvalidatingMutation((body: WithdrawDeliverableBody) => withdrawDeliverable(id, body), [deliverableKeys.all], options);
}

export function reinstateDeliverable(id: number, body: ReinstateDeliverableBody) {
  return apiFetch<DeliverableDetail>(`/api/deliverables/${id}/reinstate`, { method: 'POST', body });
}

export function useReinstateDeliverableMutation(id: number, options?: MutationHookOptions<DeliverableDetail, ReinstateDeliverableBody>) {
  return useInvalidatingMutation((body: ReinstateDeliverableBody) => reinstateDeliverable(id, body), [deliverableKeys.all], options);
}

// POST /api/agencies/:slug/import

/** A refused import: the status, the error, and (for a file with bad rows) the report of every row. */
export type ImportFailure = { status: number; error: { message: string; fields?: FieldErrors }; report?: ImportReport };

export class ImportRequestError extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.error.message);
  }
}

/**
 * Not through apiFetch: a refused file's answer carries the report of every row beside the error,
 * which the form shows so the rows can be corrected.
 */
async function postImport<T>(slug: string, body: DeliverableImportBody): Promise<T> {
  const response = await fetch(`/api/agencies/${encodeURIComponent(slug)}/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (response.ok) return data as T;
  throw new ImportRequestError({
    status: response.status,
    error: data?.error ?? { message: `The server answered ${response.status}. Nothing was imported.` },
    report: Array.isArray(data?.rows) ? { rows: data.rows, valid: data.valid, invalid: data.invalid } : undefined,
  });
}

export const previewDeliverableImport = (slug: string, csv: string) => postImport<ImportReport>(slug, { csv, mode: 'preview' });

export const commitDeliverableImport = (slug: string, csv: string) => postImport<ImportCommitted>(slug, { csv, mode: 'commit' });

/** A preview changes nothing: no query to invalidate. */
export function usePreviewImportMutation(slug: string, options?: MutationHookOptions<ImportReport, string>) {
  return useMutation({ ...options, mutationFn: (csv: string) => previewDeliverableImport(slug, csv) });
}

/** New deliverables change lists, counts and summaries of deliverables and agencies alike. */
export function useCommitImportMutation(slug: string, options?: MutationHookOptions<ImportCommitted, string>) {
  return useInvalidatingMutation((csv: string) => commitDeliverableImport(slug, csv), [deliverableKeys.all, agencyKeys.all], options);
}
