/**
 * The types in lib/contracts/ (what pages and the browser's code read) and the wire schemas the
 * OpenAPI document is generated from (responses.ts) describe the same JSON: the type check fails
 * here when one changes without the other.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DeliverableDetail, DeliverableList, DeliverableListItem, Measure, ProgressUpdateItem } from '@/lib/contracts/deliverables';
import type { AgencyReportView, MeetingDetail, ReadinessSnapshot } from '@/lib/contracts/meetings';
import type { MeetingDocumentView } from '@/lib/contracts/meeting-documents';
import type { PlanCoverage } from '@/lib/contracts/plan-coverage';
import type { CalendarFeedStatus, NotificationItem, NotificationPage, OutboxMessage, PreferenceRow } from '@/lib/contracts/notifications';
import type { PublishableState, ReleaseList, ReleaseSummary } from '@/lib/contracts/releases';
import type * as r from './responses';

/** True when A and B are the same type (each assignable to the other, readonly and optional alike). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compares the types after flattening intersections, which `Same` would otherwise tell apart. */
type Flat<T> = T extends (infer U)[] ? Flat<U>[] : T extends object ? { [K in keyof T]: Flat<T[K]> } : T;
type Agrees<Contract, Schema extends z.ZodType> = Same<Flat<Contract>, Flat<z.output<Schema>>>;

const checks = {
  measure: true satisfies Agrees<Measure, typeof r.measure>,
  deliverableListItem: true satisfies Agrees<DeliverableListItem, typeof r.deliverableListItem>,
  deliverableList: true satisfies Agrees<DeliverableList, typeof r.deliverableList>,
  deliverableDetail: true satisfies Agrees<DeliverableDetail, typeof r.deliverableDetail>,
  progressUpdateItem: true satisfies Agrees<ProgressUpdateItem, typeof r.progressUpdateItem>,
  meetingDetail: true satisfies Agrees<MeetingDetail, typeof r.meetingDetail>,
  agencyReport: true satisfies Agrees<AgencyReportView, typeof r.agencyReport>,
  meetingDocument: true satisfies Agrees<MeetingDocumentView, typeof r.meetingDocument>,
  readinessSnapshot: true satisfies Agrees<ReadinessSnapshot, typeof r.readinessSnapshot>,
  notificationItem: true satisfies Agrees<NotificationItem, typeof r.notificationItem>,
  notificationPage: true satisfies Agrees<NotificationPage, typeof r.notificationPage>,
  preferenceRow: true satisfies Agrees<PreferenceRow, typeof r.preferences.shape.items.element>,
  calendarFeed: true satisfies Agrees<CalendarFeedStatus, typeof r.calendarFeed.shape.feed>,
  outboxMessage: true satisfies Agrees<OutboxMessage, typeof r.outboxMessage>,
  planCoverage: true satisfies Agrees<PlanCoverage, typeof r.planCoverage>,
  publishableState: true satisfies Agrees<PublishableState, typeof r.publishableState>,
  releaseSummary: true satisfies Agrees<ReleaseSummary, typeof r.releaseSummary>,
  releaseList: true satisfies Agrees<ReleaseList, typeof r.releaseList>,
};

describe('the contracts and the wire schemas', () => {
  it('agree (checked by the type checker; this only lists what was compared)', () => {
    expect(Object.values(checks).every(Boolean)).toBe(true);
  });
});
