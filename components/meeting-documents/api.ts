'use client';

/**
 * The browser's calls to a meeting's public documents: save the edited text, or discard the edits
 * and draft it from the record again. Both carry the version read; a stale one is refused (409)
 * with the current text (ApiClientError.current). Downloads are plain links (documentDownloadPath).
 */
import type { MeetingDocumentView } from '@/lib/contracts/meeting-documents';
import type { MeetingDocumentKind } from '@/lib/domain';
import type { DocumentFormat } from '@/lib/meeting-documents';
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { meetingKeys } from '@/lib/query-keys';
import type { RedraftMeetingDocumentBody, SaveMeetingDocumentBody } from '@/lib/validations/meeting-documents';

const documentPath = (meetingId: number, kind: MeetingDocumentKind) => `/api/meetings/${meetingId}/documents/${kind}`;

export const documentDownloadPath = (meetingId: number, kind: MeetingDocumentKind, format: DocumentFormat) =>
  `${documentPath(meetingId, kind)}?format=${format}`;

// PUT /api/meetings/:id/documents/:kind

export function saveMeetingDocument(meetingId: number, kind: MeetingDocumentKind, body: SaveMeetingDocumentBody) {
  return apiFetch<MeetingDocumentView>(documentPath(meetingId, kind), { method: 'PUT', body });
}

export function useSaveMeetingDocumentMutation(meetingId: number, kind: MeetingDocumentKind, options?: MutationHookOptions<MeetingDocumentView, SaveMeetingDocumentBody>) {
  return useInvalidatingMutation((body: SaveMeetingDocumentBody) => saveMeetingDocument(meetingId, kind, body), [meetingKeys.all], options);
}

// DELETE /api/meetings/:id/documents/:kind (the edits; the draft from the record takes their place)

export function redraftMeetingDocument(meetingId: number, kind: MeetingDocumentKind, body: RedraftMeetingDocumentBody) {
  return apiFetch<MeetingDocumentView>(documentPath(meetingId, kind), { method: 'DELETE', body });
}

export function useRedraftMeetingDocumentMutation(
  meetingId: number,
  kind: MeetingDocumentKind,
  options?: MutationHookOptions<MeetingDocumentView, RedraftMeetingDocumentBody>,
) {
  return useInvalidatingMutation((body: RedraftMeetingDocumentBody) => redraftMeetingDocument(meetingId, kind, body), [meetingKeys.all], options);
}
