'use client';

/**
 * The browser's calls to the meeting endpoints: one typed fetcher per endpoint and a mutation hook
 * per write, which invalidates `meetingKeys.all` (and `deliverableKeys.all` when commitments move
 * deliverables between meetings) before the caller's onSuccess (see lib/api/mutation.ts).
 */
import type { AgencyReportView, MeetingDetail, RemindersSent } from '@/lib/contracts/meetings';
import { apiFetch } from '@/lib/api/client';
import { useInvalidatingMutation, type MutationHookOptions } from '@/lib/api/mutation';
import { deliverableKeys, meetingKeys } from '@/lib/query-keys';
import type {
  ApproveReportBody,
  CancelMeetingBody,
  CreateMeetingBody,
  PostponeMeetingBody,
  ReminderBody,
  ReturnReportBody,
  StatementBody,
  UpdateMeetingBody,
} from '@/lib/validations/meetings';

// POST /api/meetings, PATCH /api/meetings/:id

export function createMeeting(body: CreateMeetingBody) {
  return apiFetch<MeetingDetail>('/api/meetings', { method: 'POST', body });
}

export function useCreateMeetingMutation(options?: MutationHookOptions<MeetingDetail, CreateMeetingBody>) {
  return useInvalidatingMutation(createMeeting, [meetingKeys.all], options);
}

export function updateMeeting(id: number, body: UpdateMeetingBody) {
  return apiFetch<MeetingDetail>(`/api/meetings/${id}`, { method: 'PATCH', body });
}

export function useUpdateMeetingMutation(id: number, options?: MutationHookOptions<MeetingDetail, UpdateMeetingBody>) {
  return useInvalidatingMutation(
    (body: UpdateMeetingBody) => updateMeeting(id, body),
    (_data, body) => ('commitments' in body ? [meetingKeys.all, deliverableKeys.all] : [meetingKeys.all]),
    options,
  );
}

// POST /api/meetings/:id/postpone and /cancel; reinstating is a PATCH back to planned.

export function postponeMeeting(id: number, body: PostponeMeetingBody) {
  return apiFetch<MeetingDetail>(`/api/meetings/${id}/postpone`, { method: 'POST', body });
}

export function usePostponeMeetingMutation(id: number, options?: MutationHookOptions<MeetingDetail, PostponeMeetingBody>) {
  return useInvalidatingMutation((body: PostponeMeetingBody) => postponeMeeting(id, body), [meetingKeys.all], options);
}

export function cancelMeeting(id: number, body: CancelMeetingBody) {
  return apiFetch<MeetingDetail>(`/api/meetings/${id}/cancel`, { method: 'POST', body });
}

export function useCancelMeetingMutation(id: number, options?: MutationHookOptions<MeetingDetail, CancelMeetingBody>) {
  return useInvalidatingMutation((body: CancelMeetingBody) => cancelMeeting(id, body), [meetingKeys.all], options);
}

export function useReinstateMeetingMutation(id: number, options?: MutationHookOptions<MeetingDetail, { version: number }>) {
  return useInvalidatingMutation(({ version }: { version: number }) => updateMeeting(id, { version, status: 'planned' }), [meetingKeys.all], options);
}

// POST /api/meetings/:id/reminders

export function sendReminders(meetingId: number, body: ReminderBody) {
  return apiFetch<RemindersSent>(`/api/meetings/${meetingId}/reminders`, { method: 'POST', body });
}

export function useSendRemindersMutation(meetingId: number, options?: MutationHookOptions<RemindersSent, ReminderBody>) {
  return useInvalidatingMutation((body: ReminderBody) => sendReminders(meetingId, body), [meetingKeys.all], options);
}

// An agency's report: PUT /api/meetings/:id/reports/:agency (its statement), then POST .../submit,
// .../return and .../approve.

const reportPath = (meetingId: number, agency: string) => `/api/meetings/${meetingId}/reports/${encodeURIComponent(agency)}`;

export function saveStatement(meetingId: number, agency: string, body: StatementBody) {
  return apiFetch<AgencyReportView>(reportPath(meetingId, agency), { method: 'PUT', body });
}

export function submitReport(meetingId: number, agency: string) {
  return apiFetch<AgencyReportView>(`${reportPath(meetingId, agency)}/submit`, { method: 'POST' });
}

export function returnReport(meetingId: number, agency: string, body: ReturnReportBody) {
  return apiFetch<AgencyReportView>(`${reportPath(meetingId, agency)}/return`, { method: 'POST', body });
}

export function approveReport(meetingId: number, agency: string, body: ApproveReportBody) {
  return apiFetch<AgencyReportView>(`${reportPath(meetingId, agency)}/approve`, { method: 'POST', body });
}

/** One step of a report's review; `done` is what the panel says once it has succeeded. */
export type ReportStep =
  | { step: 'save'; body: StatementBody; done: string }
  | { step: 'submit'; done: string }
  | { step: 'return'; body: ReturnReportBody; done: string }
  | { step: 'approve'; body: ApproveReportBody; done: string };

function runReportStep(meetingId: number, agency: string, step: ReportStep) {
  switch (step.step) {
    case 'save':
      return saveStatement(meetingId, agency, step.body);
    case 'submit':
      return submitReport(meetingId, agency);
    case 'return':
      return returnReport(meetingId, agency, step.body);
    case 'approve':
      return approveReport(meetingId, agency, step.body);
  }
}

/** A report's state counts toward its meeting's readiness: every meeting query is read again. */
export function useReportStepMutation(meetingId: number, agency: string, options?: MutationHookOptions<AgencyReportView, ReportStep>) {
  return useInvalidatingMutation((step: ReportStep) => runReportStep(meetingId, agency, step), [meetingKeys.all], options);
}
